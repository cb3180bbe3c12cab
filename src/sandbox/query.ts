/**
 * A small subset of Codat's query language: `field=value` and `field!=value`
 * clauses joined by `&&` and `||` (`&&` binds tighter), plus `orderBy` with an
 * optional leading `-`. Property names match case-insensitively, values match
 * case-insensitively (booleans as `true` / `false`). Browser-safe and free of HTTP.
 */

export type Predicate<T> = (item: T) => boolean;

/** A parse failure, mapped by the handlers to a 400 with `message`. */
export class QueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryError';
  }
}

export const MALFORMED_QUERY = 'Error parsing query - Malformed query.';

const unresolved = (property: string, entity: string) =>
  new QueryError(`Error parsing query - Could not resolve property ${property} on ${entity}`);

function resolve(name: string, properties: readonly string[], entity: string): string {
  const found = properties.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!found) throw unresolved(name, entity);
  return found;
}

const CLAUSE = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(!=|=)\s*(.*?)\s*$/;

/**
 * Parses `query` into a predicate over objects with the given string properties.
 * @throws QueryError for malformed text or an unknown property.
 */
export function parseQuery<T extends object>(
  query: string,
  properties: readonly string[],
  entity: string,
): Predicate<T> {
  if (!query.trim()) throw new QueryError(MALFORMED_QUERY);
  const alternatives = query.split('||').map((group) =>
    group.split('&&').map((clause) => {
      const m = CLAUSE.exec(clause);
      if (!m || !m[3] || /[=!&|]/.test(m[3])) throw new QueryError(MALFORMED_QUERY);
      const property = resolve(m[1]!, properties, entity);
      const negate = m[2] === '!=';
      const wanted = m[3].toLowerCase();
      return (item: T) => {
        const actual = (item as Record<string, unknown>)[property];
        const equal =
          (typeof actual === 'string' || typeof actual === 'boolean') && String(actual).toLowerCase() === wanted;
        return negate ? !equal : equal;
      };
    }),
  );
  return (item) => alternatives.some((all) => all.every((test) => test(item)));
}

/**
 * Returns a comparator for `orderBy` (`field` or `-field`).
 * @throws QueryError for an unknown property.
 */
export function parseOrderBy<T extends object>(
  orderBy: string,
  properties: readonly string[],
  entity: string,
): (a: T, b: T) => number {
  const text = orderBy.trim();
  const descending = text.startsWith('-');
  const property = resolve(descending ? text.slice(1) : text, properties, entity);
  return (a, b) => {
    const x = String((a as Record<string, unknown>)[property] ?? '');
    const y = String((b as Record<string, unknown>)[property] ?? '');
    const order = x < y ? -1 : x > y ? 1 : 0;
    return descending ? -order : order;
  };
}
