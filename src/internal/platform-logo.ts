import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CodatClient } from '../api/client.js';
import type { Connection } from '../api/types.js';
import { safeImageUrl } from './safe-url.js';

/**
 * The platform's initials, shown until (or instead of) its logo: the first character of its first two words, or the
 * first two of its only word. Only characters that show on their own count (letters, digits, symbols, punctuation),
 * taken whole: never a control or format character (a bidi control, a zero-width joiner), a lone surrogate or a
 * combining mark, and never half of a surrogate pair, so an emoji or a Zalgo name still gives clean initials.
 */
export function initials(name: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => [...word].filter((ch) => /^[\p{L}\p{N}\p{S}\p{P}]$/u.test(ch)))
    .filter((characters) => characters.length);
  const letters = words.length > 1 ? words[0]![0]! + words[1]![0]! : (words[0]?.slice(0, 2).join('') ?? '');
  return letters.toUpperCase();
}

/** Logo URLs already read, per client and platform key (`undefined`: the platform has no usable logo). */
const settled = new WeakMap<CodatClient, Map<string, string | undefined>>();
/** The elements waiting for a platform's logo, per client and platform key, updated once it is read. */
const waiting = new WeakMap<CodatClient, Map<string, Set<ReactiveControllerHost>>>();

const image = (src: string) => html`<img class="logo" part="logo" src=${src} alt="" loading="lazy" />`;

/** Whether the platform's logo (or that it has none) is known: an item that shows it is rendered again then. */
export const logoSettled = (client: CodatClient | undefined, key: string | undefined): boolean =>
  !!client && !!key && !!settled.get(client)?.has(key);

/**
 * The platform's square logo from the branding endpoint (read once per platform per client), with initials while
 * it loads or when there is none. Decorative: the name is always shown beside it. While it loads, `host` is asked
 * to update once it is read (so an item that `guard`s its template keys it on `logoSettled`); once it is known it
 * is rendered at once, as a plain template: a long list needs no promise and no async directive per item.
 */
export function platformLogo(
  host: ReactiveControllerHost,
  client: CodatClient | undefined,
  connection: Connection,
): TemplateResult {
  const fallback = html`<span class="logo logo--initials" part="logo" aria-hidden="true"
    >${initials(connection.platformName)}</span
  >`;
  const key = connection.integrationKey;
  if (!client || !key) return fallback;
  const known = settled.get(client);
  if (known?.has(key)) {
    const src = known.get(key);
    return src ? image(src) : fallback;
  }
  let byKey = waiting.get(client);
  if (!byKey) waiting.set(client, (byKey = new Map()));
  let hosts = byKey.get(key);
  if (!hosts) {
    const asked = (hosts = new Set());
    byKey.set(key, asked);
    const settle = (src: string | undefined) => {
      let srcs = settled.get(client);
      if (!srcs) settled.set(client, (srcs = new Map()));
      srcs.set(key, src);
      byKey.delete(key);
      asked.forEach((waiter) => waiter.requestUpdate());
    };
    client.getBranding(key).then(
      (branding) => settle(safeImageUrl(branding?.logo?.square?.image?.src)),
      () => settle(undefined),
    );
  }
  hosts.add(host);
  return fallback;
}
