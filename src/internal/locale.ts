/**
 * The language an element speaks, first match wins: its own `locale` property (attribute), the `locale` of the
 * nearest `<codat-connections-provider>` or `<codat-connections>` (by context), the nearest `lang` attribute
 * (crossing shadow roots, the document's included), the browser's language, English. Invalid tags fall back
 * rather than throw.
 */
export function resolveLocale(element: Element): string {
  const own = (element as { locale?: unknown }).locale;
  let tag = typeof own === 'string' && own.trim() ? own.trim() : contextLocales.get(element);
  let node: Node | null = element;
  while (!tag && node) {
    if (node instanceof Element) tag = node.getAttribute('lang') || undefined;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return supported(tag || navigator.language || 'en');
}

/** The `locale` each element received from the nearest provider, set by `Localized`. */
export const contextLocales = new WeakMap<Element, string | undefined>();

/** Answers of `supported()`, by tag: asking Intl is slow enough to show when a long list renders. */
const supportedTags = new Map<string, string>();

function supported(tag: string): string {
  let answer = supportedTags.get(tag);
  if (answer === undefined) {
    try {
      answer = Intl.DateTimeFormat.supportedLocalesOf([tag])[0] ?? 'en';
    } catch {
      answer = 'en';
    }
    supportedTags.set(tag, answer);
  }
  return answer;
}

/** One Intl formatter per kind, locale and options: creating them is slow. */
type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules | Intl.Collator;
const formatters = new Map<string, Formatter>();

function cached<T extends Formatter>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter;
}

/** A date and time from the API formatted for people, or `undefined` when it is missing or unreadable. */
export function formatDateTime(value: string | null | undefined, locale: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return cached(
    `d${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

/** A number in the locale's digits and separators; with `unit` (`hour`), in words with the right plural. */
export function formatNumber(value: number, locale: string, unit?: string): string {
  return cached(
    `n${locale}${unit}`,
    () => new Intl.NumberFormat(locale, unit ? { style: 'unit', unit, unitDisplay: 'long' } : {}),
  ).format(value);
}

/** The locale's plural category of a count (`one`, `two`, `few`, `many`, `other`; Arabic uses them all). */
export function pluralOf(count: number, locale: string): Intl.LDMLPluralRule {
  return cached(`p${locale}`, () => new Intl.PluralRules(locale)).select(count);
}

/** Compares names in the locale's order, numbers inside them by value (`Shop 2` before `Shop 10`). */
export function collator(locale: string): Intl.Collator {
  return cached(`c${locale}`, () => new Intl.Collator(locale, { numeric: true }));
}
