/**
 * The `text` option, shaped like the Codat Connections SDK's `options.text`: keys naming a text, values that are
 * arrays of Markdown strings. The kit reads the "what is shared" lists per source type:
 * `accounting.connectionDetails.dataTypes`, `banking.connectionDetails.dataTypes` and
 * `commerce.connectionDetails.dataTypes`. Values are rendered through the safe Markdown subset, never as HTML.
 */

/** Text options: each key's value is a Markdown string or an array of them. */
export type TextOptions = Partial<Record<string, string | readonly string[]>>;

/** The Codat Connections SDK's keys: lists of what each kind of connection shares. */
export const TEXT_OPTION_KEYS: readonly string[] = [
  'accounting.connectionDetails.dataTypes',
  'banking.connectionDetails.dataTypes',
  'commerce.connectionDetails.dataTypes',
];

/**
 * The host's replacement for one of the `invite.*` texts, with `{platform}` and `{url}` placeholders filled from
 * `values`; `undefined` when the host gave none, so the kit's own (translated) text is used.
 */
export function overrideText(
  text: TextOptions | undefined,
  key: string,
  values: Record<string, string>,
): string | undefined {
  const value: unknown = text && typeof text === 'object' ? text[key] : undefined;
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return value.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const MAX_ITEMS = 50;
const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/**
 * Checks text options from a host and keeps what can be used: string or string-array values of the SDK's keys, and
 * strings for the kit's own texts, by catalogue id (`status.linked`). Anything else is dropped with one console
 * warning naming it (never thrown: the kit then shows its own words). String keys that are no catalogue id are
 * reported once the list of ids has loaded (it is not part of the bundle).
 */
export function cleanTextOptions(value: unknown, source = 'text'): TextOptions | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    warnOnce(
      `${source} must be an object such as {"accounting.connectionDetails.dataTypes": ["Invoices"]}; it was ignored.`,
    );
    return undefined;
  }
  const clean: Record<string, string | string[]> = {};
  const unknown = (key: string) =>
    warnOnce(
      `${source}: unknown key "${key}" was ignored. Known keys: ${TEXT_OPTION_KEYS.join(', ')}, and the id of any kit text (a string; see docs/texts.md).`,
    );
  const texts: string[] = [];
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!TEXT_OPTION_KEYS.includes(key)) {
      if (typeof entry !== 'string') unknown(key);
      else {
        clean[key] = entry;
        texts.push(key);
      }
      continue;
    }
    if (typeof entry === 'string') clean[key] = entry;
    else if (Array.isArray(entry) && entry.every((item) => typeof item === 'string')) {
      clean[key] = entry.slice(0, MAX_ITEMS);
    } else warnOnce(`${source}: "${key}" must be a string or an array of strings; it was ignored.`);
  }
  if (texts.length) {
    void import('../locales/ids.js').then(({ ids }) => texts.filter((key) => !ids.includes(key)).forEach(unknown));
  }
  return clean;
}

/** Reads the provider's `text` attribute: JSON text options; invalid JSON is ignored with a warning. */
export function parseTextAttribute(value: string | null): TextOptions | undefined {
  if (value === null || !value.trim()) return undefined;
  try {
    return cleanTextOptions(JSON.parse(value), 'The text attribute');
  } catch {
    warnOnce('The text attribute is not valid JSON; it was ignored.');
    return undefined;
  }
}

/** The host's Markdown list of what a connection of `sourceType` shares, if it gave one. */
export function sharedDataText(text: TextOptions | undefined, sourceType: string): readonly string[] | undefined {
  const key = `${sourceType.toLowerCase()}.connectionDetails.dataTypes`;
  const value: unknown = text && typeof text === 'object' ? text[key] : undefined;
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value.slice(0, MAX_ITEMS) : [];
  const items = list.filter((item): item is string => typeof item === 'string' && !!item.trim());
  return items.length ? items : undefined;
}
