/**
 * How a list arranges connections: filtered by status and source type, grouped by source type in a fixed
 * order, and sorted within each group. Pure, apart from the console warnings for values it cannot use.
 */
import { CONNECTION_STATUSES, type Connection } from '../api/types.js';
import { SOURCE_TYPE_ORDER } from './connection-text.js';
import { collator } from './locale.js';

export type SortKey = 'name' | 'status' | 'created' | 'last-sync';

export interface SortOrder {
  key: SortKey;
  descending: boolean;
}

export interface ConnectionGroup {
  /** The group's source type, one of `SOURCE_TYPE_ORDER` (types the kit does not know are `Other`). */
  type: string;
  connections: Connection[];
}

const STATUS_RANK = new Map<string, number>(CONNECTION_STATUSES.map((status, rank) => [status, rank]));

function time(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** What each sort key orders by: the name (in the locale's order), or the status's rank or a time (as numbers). */
const SORT_VALUES: Record<SortKey, (connection: Connection) => string | number | undefined> = {
  name: (c) => c.platformName,
  status: (c) => STATUS_RANK.get(c.status),
  created: (c) => time(c.created),
  'last-sync': (c) => time(c.lastSync),
};

const SORT_KEYS = Object.keys(SORT_VALUES) as SortKey[];

/** The group a connection belongs to. */
export const groupOf = (connection: Connection): string =>
  SOURCE_TYPE_ORDER.includes(connection.sourceType) ? connection.sourceType : 'Other';

/**
 * The known values named in a comma- or space-separated attribute, matched without regard to case and spelled
 * as the API spells them; `undefined` (no filter) when it names none. Unknown values are left out with one
 * `console.warn` that names them.
 */
export function parseFilter(
  value: string | null | undefined,
  known: readonly string[],
  attribute: string,
): ReadonlySet<string> | undefined {
  const tokens = (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0) return undefined;
  const chosen = new Set<string>();
  const unknown = new Set<string>();
  for (const token of tokens) {
    const match = known.find((k) => k.toLowerCase() === token.toLowerCase());
    if (match) chosen.add(match);
    else unknown.add(token);
  }
  if (unknown.size > 0) {
    const named = [...unknown].map((u) => `"${u}"`).join(', ');
    console.warn(
      `<codat-connection-list> ignores unknown ${attribute} ${named}; known values are ${known.join(', ')}.`,
    );
  }
  return chosen.size > 0 ? chosen : undefined;
}

/** The `sort` attribute read, or `undefined` (the API's order) when empty or, with one `console.warn`, invalid. */
export function parseSort(value: string | null | undefined): SortOrder | undefined {
  const raw = (value ?? '').trim();
  if (!raw) return undefined;
  const descending = raw.startsWith('-');
  const key = (descending ? raw.slice(1) : raw).toLowerCase() as SortKey;
  if (SORT_KEYS.includes(key)) return { key, descending };
  console.warn(
    `<codat-connection-list> cannot sort by "${raw}"; use ${SORT_KEYS.join(', ')}, each optionally prefixed ` +
      `with - for descending. Keeping the API's order.`,
  );
  return undefined;
}

export interface Arrangement {
  statuses?: ReadonlySet<string> | undefined;
  sourceTypes?: ReadonlySet<string> | undefined;
  sort?: SortOrder | undefined;
  /** For sorting by name. */
  locale: string;
}

/**
 * The groups to show, in `SOURCE_TYPE_ORDER`, without empty ones. Within a group connections keep the API's
 * order unless `sort` says otherwise; ties keep the API's order in both directions, and connections without
 * the date (or with an unreadable one) or with a status the kit does not know come last in both directions.
 */
export function arrangeConnections(connections: readonly Connection[], how: Arrangement): ConnectionGroup[] {
  const groups = new Map<string, Connection[]>();
  for (const connection of connections) {
    if (how.statuses && !how.statuses.has(connection.status)) continue;
    const type = groupOf(connection);
    if (how.sourceTypes && !how.sourceTypes.has(type)) continue;
    const group = groups.get(type);
    if (group) group.push(connection);
    else groups.set(type, [connection]);
  }
  return SOURCE_TYPE_ORDER.filter((type) => groups.has(type)).map((type) => {
    const members = groups.get(type)!;
    return { type, connections: how.sort ? sortBy(members, how.sort, how.locale) : members };
  });
}

/** Sorts with each key read once; missing keys last; ties by position, whatever the direction. */
function sortBy(connections: Connection[], sort: SortOrder, locale: string): Connection[] {
  const value = SORT_VALUES[sort.key];
  const sign = sort.descending ? -1 : 1;
  const names = sort.key === 'name' ? collator(locale) : undefined;
  return connections
    .map((connection, index) => ({ connection, index, value: value(connection) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) {
        if (a.value !== b.value) return a.value === undefined ? 1 : -1;
      } else {
        const order =
          sign *
          (names ? names.compare(a.value as string, b.value as string) : (a.value as number) - (b.value as number));
        if (order !== 0) return order;
      }
      return a.index - b.index;
    })
    .map((entry) => entry.connection);
}
