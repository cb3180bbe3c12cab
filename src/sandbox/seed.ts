/**
 * Seed data for the sandbox: its types, the deterministic default seed, a
 * catalogue of platforms (for branding and logos) and a browser-safe
 * structural validator. Ajv-based schema validation lives in `openapi-schema.ts`
 * (Node only) and plugs in through `validateSeed`'s second argument.
 */
import type { components } from '../api/codat-platform.generated.js';

export type Connection = components['schemas']['Connection'];
export type ConnectionStatus = Connection['status'];
export type SourceType = Connection['sourceType'];

/** One company in a seed. */
export interface SeedCompany {
  id: string;
  name: string;
  description?: string;
  /** ISO 8601; defaults to the earliest connection's `created`. */
  created?: string;
  connections: Connection[];
}

/** The whole seed: `{"companies":[{"id","name","connections":[...]}]}`. */
export interface SandboxSeed {
  companies: SeedCompany[];
}

/** Branding facts for one platform; `color` fills the generated logo. */
export interface Platform {
  key: string;
  name: string;
  sourceType: SourceType;
  integrationId: string;
  sourceId: string;
  color: string;
}

export const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['PendingAuth', 'Linked', 'Unlinked', 'Deauthorized'];
export const SOURCE_TYPES: readonly SourceType[] = [
  'Accounting',
  'Banking',
  'BankFeed',
  'Commerce',
  'Expense',
  'Other',
  'Unknown',
];
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const platform = (key: string, name: string, sourceType: SourceType, n: number, color: string): Platform => ({
  key,
  name,
  sourceType,
  color,
  integrationId: `1a7e0000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
  sourceId: `50c0e000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
});

/**
 * Platforms the sandbox knows. gbol, qhyg, pqsw and tgff are Codat's keys;
 * the banking and commerce keys are sandbox placeholders of the same shape.
 */
export const PLATFORMS: readonly Platform[] = Object.freeze([
  platform('gbol', 'Xero', 'Accounting', 1, '#13B5EA'),
  platform('qhyg', 'QuickBooks Online', 'Accounting', 2, '#2CA01C'),
  platform('pqsw', 'QuickBooks Desktop', 'Accounting', 3, '#108000'),
  platform('tgff', 'Sage Business Cloud Accounting', 'Accounting', 4, '#00A651'),
  platform('hbuk', 'HSBC', 'Banking', 5, '#DB0011'),
  platform('lloy', 'Lloyds', 'Banking', 6, '#006A4D'),
  platform('bcuk', 'Barclays', 'Banking', 7, '#00AEEF'),
  platform('shpy', 'Shopify', 'Commerce', 8, '#5E8E3E'),
  platform('sqre', 'Square', 'Commerce', 9, '#3E4348'),
  platform('strp', 'Stripe', 'Commerce', 10, '#635BFF'),
]);

/** Company ids of the default seed. */
export const GREENFIELD_ID = '8c6b1f52-3d4e-4a7b-9c10-2f5e6a7b8c01';
export const HARBOUR_ID = '8c6b1f52-3d4e-4a7b-9c10-2f5e6a7b8c02';

const connectionId = (n: number) => `5e1d0c0e-0001-4c0a-8b0a-0000000000${String(n).padStart(2, '0')}`;

function seedConnection(
  companyId: string,
  n: number,
  key: string,
  status: ConnectionStatus,
  created: string,
  lastSync?: string,
): Connection {
  const p = PLATFORMS.find((x) => x.key === key)!;
  const id = connectionId(n);
  const c: Connection = {
    id,
    integrationId: p.integrationId,
    integrationKey: p.key,
    sourceId: p.sourceId,
    platformName: p.name,
    linkUrl: `https://link-api.codat.io/companies/${companyId}/connections/${id}/start`,
    status,
    created,
    sourceType: p.sourceType,
  };
  if (lastSync) c.lastSync = lastSync;
  return c;
}

/** A fresh copy of the deterministic default seed (fixed ids and 2026 dates). */
export function defaultSeed(): SandboxSeed {
  const g = GREENFIELD_ID;
  const h = HARBOUR_ID;
  const square = seedConnection(g, 7, 'sqre', 'Deauthorized', '2026-01-20T10:00:00Z', '2026-02-14T06:00:00Z');
  square.dataConnectionErrors = [
    {
      statusCode: '401',
      statusText: 'Unauthorized',
      errorMessage: 'The access token for Square was revoked by the user.',
      erroredOnUtc: '2026-02-15T06:00:00Z',
      status: 'Active',
    },
  ];
  return {
    companies: [
      {
        id: g,
        name: 'Greenfield Bakery Ltd',
        description: 'Artisan bakery with three shops',
        created: '2026-01-05T09:00:00Z',
        connections: [
          seedConnection(g, 1, 'gbol', 'Linked', '2026-01-05T09:30:00Z', '2026-03-02T08:15:00Z'),
          seedConnection(g, 2, 'qhyg', 'Unlinked', '2026-01-06T11:00:00Z', '2026-01-28T17:45:00Z'),
          seedConnection(g, 3, 'pqsw', 'Deauthorized', '2026-01-07T14:20:00Z', '2026-02-01T07:00:00Z'),
          seedConnection(g, 4, 'hbuk', 'Linked', '2026-01-10T10:00:00Z', '2026-03-02T06:00:00Z'),
          seedConnection(g, 5, 'lloy', 'PendingAuth', '2026-02-20T16:40:00Z'),
          seedConnection(g, 6, 'shpy', 'Linked', '2026-01-15T12:00:00Z', '2026-03-01T23:00:00Z'),
          square,
          seedConnection(g, 8, 'strp', 'Linked', '2026-01-25T13:10:00Z', '2026-03-02T05:30:00Z'),
        ],
      },
      {
        id: h,
        name: 'Harbour Freight Co',
        created: '2026-02-01T08:00:00Z',
        connections: [
          seedConnection(h, 11, 'tgff', 'Linked', '2026-02-01T08:30:00Z', '2026-03-01T09:00:00Z'),
          seedConnection(h, 12, 'bcuk', 'Linked', '2026-02-02T10:00:00Z', '2026-03-01T09:05:00Z'),
          seedConnection(h, 13, 'strp', 'PendingAuth', '2026-02-25T15:00:00Z'),
        ],
      },
    ],
  };
}

/** A refused seed; `field` is the path of the bad value, e.g. `companies[0].id`. */
export class SeedError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`${field} ${problem}`);
    this.name = 'SeedError';
  }
}

/** Checks one connection; returns `[field suffix, problem]` or undefined. */
export type ConnectionValidator = (connection: unknown) => [string, string] | undefined;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Minimal browser-safe connection check (the Ajv validator is stricter). */
export const basicConnectionCheck: ConnectionValidator = (c) => {
  if (!isObject(c)) return ['', 'must be an object'];
  for (const key of ['id', 'integrationId', 'sourceId', 'platformName', 'linkUrl', 'status', 'created', 'sourceType']) {
    if (!(key in c)) return ['', `must have required property '${key}'`];
    if (typeof c[key] !== 'string') return [`.${key}`, 'must be a string'];
  }
  if (!UUID_PATTERN.test(c.id as string)) return ['.id', 'must be a UUID'];
  if (!CONNECTION_STATUSES.includes(c.status as ConnectionStatus)) {
    return ['.status', `must be one of ${CONNECTION_STATUSES.join(', ')}`];
  }
  if (!SOURCE_TYPES.includes(c.sourceType as SourceType)) {
    return ['.sourceType', `must be one of ${SOURCE_TYPES.join(', ')}`];
  }
  return undefined;
};

const COMPANY_KEYS = new Set(['id', 'name', 'description', 'created', 'connections']);

/**
 * Validates a seed's shape and returns it typed; throws `SeedError` naming the
 * first bad field. Ids must be UUIDs and unique (connection ids across the seed).
 * @param validateConnection per-connection check; defaults to a minimal one.
 */
export function validateSeed(value: unknown, validateConnection = basicConnectionCheck): SandboxSeed {
  if (!isObject(value)) throw new SeedError('seed', 'must be a JSON object');
  if (!('companies' in value)) throw new SeedError('companies', 'is required');
  const companies = value.companies;
  if (!Array.isArray(companies)) throw new SeedError('companies', 'must be an array');
  const seenCompanies = new Map<string, string>();
  const seenConnections = new Map<string, string>();
  companies.forEach((company: unknown, i) => {
    const at = `companies[${i}]`;
    if (!isObject(company)) throw new SeedError(at, 'must be an object');
    for (const key of Object.keys(company)) {
      if (!COMPANY_KEYS.has(key)) throw new SeedError(`${at}.${key}`, 'is not an allowed property');
    }
    if (typeof company.id !== 'string' || !UUID_PATTERN.test(company.id)) {
      throw new SeedError(`${at}.id`, 'must be a UUID');
    }
    if (seenCompanies.has(company.id)) {
      throw new SeedError(`${at}.id`, `duplicates ${seenCompanies.get(company.id)}.id (${company.id})`);
    }
    seenCompanies.set(company.id, at);
    if (typeof company.name !== 'string' || !company.name.trim()) {
      throw new SeedError(`${at}.name`, 'must be a non-empty string');
    }
    for (const key of ['description', 'created'] as const) {
      if (key in company && typeof company[key] !== 'string') throw new SeedError(`${at}.${key}`, 'must be a string');
    }
    if (!Array.isArray(company.connections)) throw new SeedError(`${at}.connections`, 'must be an array');
    company.connections.forEach((connection: unknown, j) => {
      const cat = `${at}.connections[${j}]`;
      const problem = validateConnection(connection);
      if (problem) throw new SeedError(`${cat}${problem[0]}`, problem[1]);
      const id = (connection as Connection).id;
      if (seenConnections.has(id)) {
        throw new SeedError(`${cat}.id`, `duplicates ${seenConnections.get(id)}.id (${id})`);
      }
      seenConnections.set(id, cat);
    });
  });
  return value as unknown as SandboxSeed;
}
