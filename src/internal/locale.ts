/**
 * The language an element speaks: the nearest `lang` attribute, crossing shadow roots,
 * then the document's, then the browser's. Invalid tags fall back rather than throw.
 */
export function resolveLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return supported(lang);
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return supported(navigator.language || 'en');
}

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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time from the API formatted for people, or `undefined` when it is missing or unreadable. */
export function formatDateTime(value: string | null | undefined, locale: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}
