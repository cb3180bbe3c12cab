/**
 * The kit's own `msg()`: the same signature as @lit/localize's (so `lit-localize extract` finds every call by its
 * type), resolved per element rather than once per page. The kit never calls `configureLocalization`, which a page
 * may call only once: a host that calls it keeps working, and where it shares the kit's copy of @lit/localize (npm
 * installs) and has translated a kit id for its active locale, the host's translation wins.
 *
 * Order for one message: the host's `text` option for its id (`{0}`, `{1}` … filled with its values) > the host's
 * @lit/localize catalogue (when its active locale has the element's language) > the kit's catalogue for the
 * element's language, loaded on demand > the English source.
 */
// Deep imports: the package root also loads configureLocalization's module, which the kit never uses. A host's
// configureLocalization installs its msg() in init/install.js, the module read here.
import { msg as hostMsg } from '@lit/localize/init/install.js';
import { joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { LocaleModule, LocaleStatusEventDetail, MsgFn, MsgOptions, StrResult, TemplateMap } from '@lit/localize';
import type { TextOptions } from '../internal/text-options.js';

export { str } from '@lit/localize/internal/str-tag.js';

/** The locales the kit ships, English (the source) first. */
export const KIT_LOCALES = ['en', 'ar', 'de', 'es', 'fr', 'nl', 'pt'] as const;

/** Each catalogue is its own module, loaded the first time an element speaks its language. */
const loaders: Record<string, () => Promise<LocaleModule>> = {
  ar: () => import('../locales/ar.js'),
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
  fr: () => import('../locales/fr.js'),
  nl: () => import('../locales/nl.js'),
  pt: () => import('../locales/pt.js'),
};

/** Loaded catalogues by language; a pending load is its promise. English has none. */
const catalogues = new Map<string, TemplateMap | Promise<void>>();

/** What the message being resolved belongs to: the element's locale and its text options. */
export interface LocaleScope {
  locale: string;
  text?: TextOptions | undefined;
}

let scope: LocaleScope | undefined;
/** The locale a host's own `configureLocalization` last made ready (its `lit-localize-status` event). */
let hostLocale: string | undefined;

/** The language subtag: `pt-BR` → `pt`. */
export const language = (tag: string): string => tag.split('-')[0]!.toLowerCase();

/** Whether the locale's script runs right to left. */
export const isRtl = (tag: string): boolean => /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)$/.test(language(tag));

/**
 * Starts loading the kit's catalogue for the locale's language if it ships one and has not been read; the promise
 * settles when it can be used (or failed, with a console warning: English is shown then). `undefined`: nothing to wait for.
 */
export function loadCatalogue(locale: string): Promise<void> | undefined {
  const lang = language(locale);
  const known = catalogues.get(lang);
  if (known instanceof Promise) return known;
  if (known || !loaders[lang]) return undefined;
  const pending = loaders[lang]().then(
    (module) => void catalogues.set(lang, module.templates),
    (error: unknown) => {
      catalogues.set(lang, {});
      console.warn(`codat-connections-kit: the "${lang}" texts could not be loaded, so English is shown.`, error);
    },
  );
  catalogues.set(lang, pending);
  return pending;
}

/** Runs `render` with messages resolved for `next` (an element's locale and text), then restores the scope. */
export function inScope<T>(next: LocaleScope, render: () => T): T {
  const previous = scope;
  scope = next;
  try {
    return render();
  } finally {
    scope = previous;
  }
}

/** The locale messages resolve for now: the element rendering, or else the page's. */
export function currentLocale(): string {
  return scope?.locale ?? pageLocale();
}

/** The page's language: the document's `lang`, then the browser's, then English. */
export function pageLocale(): string {
  return globalThis.document?.documentElement.lang || globalThis.navigator?.language || 'en';
}

/** The host's text for an id with `{0}`, `{1}` … replaced by the message's values, if it gave one. */
function override(text: TextOptions | undefined, id: string, values: readonly unknown[]): string | undefined {
  const value: unknown = text?.[id];
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return value.replace(/\{(\d+)\}/g, (whole, index: string) =>
    +index < values.length ? String(values[+index]) : whole,
  );
}

function resolve(template: string | StrResult, options?: MsgOptions): string {
  const id = options?.id ?? '';
  const values = typeof template === 'string' ? [] : template.values;
  const source = typeof template === 'string' ? template : joinStringsAndValues(template.strings, values);
  const locale = currentLocale();
  const own = override(scope?.text, id, values);
  if (own !== undefined) return own;
  if (hostLocale && language(hostLocale) === language(locale)) {
    const hosts = (hostMsg as (t: string | StrResult, o?: MsgOptions) => string)(template, options);
    if (hosts !== source) return hosts;
  }
  const translated = (catalogues.get(language(locale)) as TemplateMap | undefined)?.[id];
  if (typeof translated === 'string') return translated;
  if (translated && 'strTag' in translated) {
    return joinStringsAndValues(translated.strings, values, translated.values as unknown as number[]);
  }
  return source;
}

/** Like @lit/localize's `msg()`, resolved in the locale of the element being rendered (see the module comment). */
export const msg = resolve as MsgFn;

/** Elements to render again when the page's languages change. */
const listeners = new Set<() => void>();
let watching = false;
let changes = 0;

/**
 * What a cached piece of a template depends on besides its locale: the host's text options and how many times the
 * page's languages changed (a host's @lit/localize switching locale changes words without changing the locale).
 */
export const wordsKey = (): readonly unknown[] => [scope?.text, changes];

/** Counts the change and renders every listening element again. */
function notify(): void {
  changes++;
  listeners.forEach((listener) => listener());
}

/**
 * Starts watching the page's languages. A function of its own, outside `onLanguageChange`: closures made inside
 * that function would share its scope, which holds its `onChange`, and these page-wide watchers never go, so the
 * first element to listen (and its client, its store and every connection it showed) would stay in memory forever.
 */
function watchLanguages(): void {
  new MutationObserver(notify).observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
  addEventListener('languagechange', notify);
  addEventListener('lit-localize-status', (event) => {
    const detail = (event as CustomEvent<LocaleStatusEventDetail>).detail;
    if (detail.status !== 'ready') return;
    hostLocale = detail.readyLocale;
    notify();
  });
}

/**
 * Calls `onChange` whenever a `lang` attribute in the document changes, the browser's language changes, or a host's
 * @lit/localize finishes switching locale. Returns the function that stops it.
 */
export function onLanguageChange(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!watching) {
    watching = true;
    watchLanguages();
  }
  return () => listeners.delete(onChange);
}
