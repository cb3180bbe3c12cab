/**
 * The `text` option, shaped like the Codat Connections SDK's `options.text`: keys naming a text, values that are
 * arrays of Markdown strings. The kit reads the "what is shared" lists per source type:
 * `accounting.connectionDetails.dataTypes`, `banking.connectionDetails.dataTypes` and
 * `commerce.connectionDetails.dataTypes`. Values are rendered through the safe Markdown subset, never as HTML.
 */

/** Text options: each key's value is a Markdown string or an array of them. */
export type TextOptions = Partial<Record<string, string | readonly string[]>>;

/** Kit texts a host can replace: plain text with `{platform}` and `{url}` filled in. */
export const TEXT_OVERRIDE_KEYS: readonly string[] = [
  'invite.heading',
  'invite.text',
  'invite.copy',
  'invite.email',
  'invite.subject',
  'invite.body',
];

/** The keys the kit knows: Codat's SDK keys, then the kit's own. */
export const TEXT_OPTION_KEYS: readonly string[] = [
  'accounting.connectionDetails.dataTypes',
  'banking.connectionDetails.dataTypes',
  'commerce.connectionDetails.dataTypes',
  ...TEXT_OVERRIDE_KEYS,
];

/**
 * The host's replacement for one of the kit's texts (`TEXT_OVERRIDE_KEYS`), with `{name}` placeholders filled from
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
 * Checks text options from a host and keeps what can be used: string or string-array values of known keys.
 * Anything else is dropped with one console warning naming it (never thrown: the kit then shows its own words).
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
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (!TEXT_OPTION_KEYS.includes(key)) {
      warnOnce(`${source}: unknown key "${key}" was ignored. Known keys: ${TEXT_OPTION_KEYS.join(', ')}.`);
      continue;
    }
    if (typeof entry === 'string') clean[key] = entry;
    else if (Array.isArray(entry) && entry.every((item) => typeof item === 'string')) {
      clean[key] = entry.slice(0, MAX_ITEMS);
    } else warnOnce(`${source}: "${key}" must be a string or an array of strings; it was ignored.`);
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
