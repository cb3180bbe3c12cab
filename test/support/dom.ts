/** Small helpers the element tests share: reading shadow DOM as a person sees it, and collecting events. */
import type { ErrorDetail } from '../../src/events/index.js';
import type { RecordedRequest } from './sandbox.js';

/**
 * A string as it reads: the invisible bidi isolates (U+2068, U+2069) the kit puts around a name inside a sentence
 * dropped (screen readers do not announce them; `test/hostile.test.ts` proves they are there), white space folded.
 */
export const norm = (value: string): string =>
  value
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Text with white space folded, as it reads. */
export const text = (el: Element | null | undefined): string => norm(el?.textContent ?? '');

/**
 * The text a screen reader reads for an element named from its content: its text without the subtrees marked
 * `aria-hidden="true"`, white space folded. (Neither browser exposes the computed accessible name to scripts.)
 */
export function spokenText(el: Element | null | undefined): string {
  if (!el) return '';
  const words: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
    if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
    else if (node instanceof HTMLImageElement) words.push(node.alt);
    else for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return norm(words.join(''));
}

/** The first element with this part in `host`'s shadow root. */
export const part = (host: Element, name: string): HTMLElement | null =>
  host.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

/** Every element with this part in `host`'s shadow root. */
export const parts = (host: Element, name: string): HTMLElement[] => [
  ...host.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${name}"]`),
];

/** Collects the `detail` of every `type` event that reaches the document until `stop()`. */
export function collectEvents<T>(type: string): { seen: T[]; stop(): void } {
  const seen: T[] = [];
  const listener = (e: Event) => seen.push((e as unknown as { detail: T }).detail);
  document.addEventListener(type, listener);
  return { seen, stop: () => document.removeEventListener(type, listener) };
}

/** Collects `codat-error` details until `stop()`. */
export function collectErrors(): { errors: ErrorDetail[]; stop(): void } {
  const { seen, stop } = collectEvents<ErrorDetail>('codat-error');
  return { errors: seen, stop };
}

/** An ErrorMessage body as the API sends it. */
export function errorBody(message: string, correlationId: string, statusCode = 500) {
  return {
    statusCode,
    service: 'PublicApi',
    error: message,
    correlationId,
    canBeRetried: 'Unknown',
    detailedErrorCode: 0,
  };
}

/** `METHOD /path` of the requests sent with this test's token (late requests of earlier tests carry other tokens). */
export const sentWith = (requests: RecordedRequest[], token: string): string[] =>
  requests
    .filter((r) => r.headers.get('Authorization') === `Bearer ${token}`)
    .map((r) => `${r.method} ${r.url.pathname}`);
