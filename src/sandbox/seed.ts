/**
 * Seed data for the sandbox: its types, the deterministic default seed, a
 * catalogue of platforms (for branding and logos) and a browser-safe
 * structural validator. Ajv-based schema validation lives in `openapi-schema.ts`
 * (Node only) and plugs in through `validateSeed`'s second argument.
 */
import { validateFaults, type FaultRule } from './faults.js';
import type { components } from '../api/codat-platform.generated.js';
import { basicBankingAccountCheck, type BankingAccount, type BankingAccountValidator } from './banking.js';
import { DATA_TYPES_BY_SOURCE, isDataType, PULL_STATUSES, toIso, type PullOperation } from './pulls.js';

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
  /**
   * Past pull operations of this company's connections, served as given (their
   * status does not change with the clock). `dataType` must be a DataType value.
   */
  pullOperations?: PullOperation[];
  /**
   * Bank accounts (the Banking document's `Account`) served by
   * `GET .../connections/{connectionId}/data/banking-accounts`, keyed by the id
   * of one of this company's Banking connections. A Banking connection without
   * an entry has no accounts (an empty page).
   */
  bankingAccounts?: Record<string, BankingAccount[]>;
}

/** The whole seed: `{"companies":[{"id","name","connections":[...]}]}`. */
export interface SandboxSeed {
  companies: SeedCompany[];
  /** Fault rules in force from the start (see `FaultRule`); checked by `validateSeed`. */
  faults?: FaultRule[];
}

/** Branding facts for one platform; `color` fills the generated logo. */
export interface Platform {
  key: string;
  name: string;
  sourceType: SourceType;
  integrationId: string;
  sourceId: string;
  color: string;
  /** Whether `GET /integrations` lists it as enabled (default true). */
  enabled?: boolean;
  /** An application installed on the customer's computer (QuickBooks Desktop). */
  isOfflineConnector?: boolean;
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
 * Platforms the sandbox knows, and serves as `GET /integrations`. gbol, qhyg, pqsw and tgff are Codat's keys;
 * the banking and commerce keys are sandbox placeholders of the same shape. FreshBooks (`frbk`) is listed but
 * not enabled, as an integration a Codat client has switched off.
 */
export const PLATFORMS: readonly Platform[] = Object.freeze([
  platform('gbol', 'Xero', 'Accounting', 1, '#13B5EA'),
  platform('qhyg', 'QuickBooks Online', 'Accounting', 2, '#2CA01C'),
  { ...platform('pqsw', 'QuickBooks Desktop', 'Accounting', 3, '#108000'), isOfflineConnector: true },
  platform('tgff', 'Sage Business Cloud Accounting', 'Accounting', 4, '#00A651'),
  platform('hbuk', 'HSBC', 'Banking', 5, '#DB0011'),
  platform('lloy', 'Lloyds', 'Banking', 6, '#006A4D'),
  platform('bcuk', 'Barclays', 'Banking', 7, '#00AEEF'),
  platform('shpy', 'Shopify', 'Commerce', 8, '#5E8E3E'),
  platform('sqre', 'Square', 'Commerce', 9, '#3E4348'),
  platform('strp', 'Stripe', 'Commerce', 10, '#635BFF'),
  { ...platform('frbk', 'FreshBooks', 'Accounting', 11, '#0075DD'), enabled: false },
]);

/** Company ids of the default seed. */
export const GREENFIELD_ID = '8c6b1f52-3d4e-4a7b-9c10-2f5e6a7b8c01';
export const HARBOUR_ID = '8c6b1f52-3d4e-4a7b-9c10-2f5e6a7b8c02';
/** Oakridge Joinery Ltd: one Linked QuickBooks Desktop connection, the one whose syncs can be paused. */
export const OAKRIDGE_ID = '8c6b1f52-3d4e-4a7b-9c10-2f5e6a7b8c03';

const connectionId = (n: number) => `5e1d0c0e-0001-4c0a-8b0a-0000000000${String(n).padStart(2, '0')}`;

/** Connection ids of the default seed, by platform (Greenfield Bakery's, Harbour Freight's, then Oakridge Joinery's). */
export const SEED_CONNECTION_IDS = Object.freeze({
  xero: connectionId(1),
  quickbooksOnline: connectionId(2),
  quickbooksDesktop: connectionId(3),
  hsbc: connectionId(4),
  lloyds: connectionId(5),
  shopify: connectionId(6),
  square: connectionId(7),
  stripe: connectionId(8),
  harbourSage: connectionId(11),
  harbourBarclays: connectionId(12),
  harbourStripe: connectionId(13),
  oakridgeQuickbooksDesktop: connectionId(21),
});

/** Ids of the default seed's bank accounts (the provider's ids, in the Banking document's `Account.id`). */
export const SEED_BANKING_ACCOUNT_IDS = Object.freeze({
  hsbcCurrent: 'ac000000-0004-4000-8000-000000000001',
  hsbcSavings: 'ac000000-0004-4000-8000-000000000002',
  harbourBarclaysCurrent: 'ac000000-0012-4000-8000-000000000001',
});

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

const MINUTE = 60_000;

/** Deterministic pull id: connection number, round and data type index, e.g. `da7a0000-0001-4000-8000-000000002004`. */
export const seedPullId = (connection: number, round: number, type: number): string =>
  `da7a0000-00${String(connection).padStart(2, '0')}-4000-8000-00000000${round}${String(type).padStart(3, '0')}`;

/**
 * One completed refresh of every data type of `c`: requested a second apart
 * from 5 minutes before `end`, finishing 10 s apart, the last exactly at `end`.
 */
function seedRound(companyId: string, c: Connection, round: number, end: string): PullOperation[] {
  const n = Number(c.id.slice(-2));
  const types = DATA_TYPES_BY_SOURCE[c.sourceType];
  const endMs = Date.parse(end);
  return types.map((dataType, i) => ({
    id: seedPullId(n, round, i),
    companyId,
    connectionId: c.id,
    dataType,
    status: 'Complete',
    requested: toIso(endMs - 5 * MINUTE + i * 1000),
    completed: toIso(endMs - (types.length - 1 - i) * 10_000),
    progress: 100,
    isCompleted: true,
    isErrored: false,
  }));
}

/** Two completed rounds per connection: an hour after linking, and the one ending at `lastSync`. */
function seedHistory(companyId: string, connections: Connection[]): PullOperation[] {
  return connections.flatMap((c) => [
    ...seedRound(companyId, c, 1, toIso(Date.parse(c.created) + 60 * MINUTE)),
    ...seedRound(companyId, c, 2, c.lastSync!),
  ]);
}

/** The default seed's bank accounts: UK business accounts with sort codes, account numbers and valid IBANs. */
function seedBankingAccounts(): { hsbc: BankingAccount[]; barclays: BankingAccount[] } {
  const hsbc = { id: 'hsbc-uk-business', name: 'HSBC UK Business Banking' };
  return {
    hsbc: [
      {
        id: SEED_BANKING_ACCOUNT_IDS.hsbcCurrent,
        name: 'Business Current Account',
        informalName: 'Shops takings',
        holder: 'Greenfield Bakery Ltd',
        type: 'Debit',
        balance: { available: 18452.37, current: 18102.37, limit: -2500 },
        identifiers: {
          type: 'Depository',
          subtype: 'current',
          number: '41256789',
          bankCode: '401162',
          iban: 'GB36 HBUK 4011 6241 2567 89',
          bic: 'HBUKGB4B',
        },
        currency: 'GBP',
        institution: hsbc,
        modifiedDate: '2026-03-02T06:00:00Z',
        sourceModifiedDate: '2026-03-01T17:42:10Z',
      },
      {
        id: SEED_BANKING_ACCOUNT_IDS.hsbcSavings,
        name: 'Business Money Manager',
        informalName: null,
        holder: 'Greenfield Bakery Ltd',
        type: 'Debit',
        balance: { available: 42000, current: 42000, limit: null },
        identifiers: {
          type: 'Depository',
          subtype: 'savings',
          number: '71234560',
          bankCode: '401162',
          iban: 'GB35 HBUK 4011 6271 2345 60',
          bic: 'HBUKGB4B',
        },
        currency: 'GBP',
        institution: hsbc,
        modifiedDate: '2026-03-02T06:00:00Z',
        sourceModifiedDate: '2026-02-28T09:15:00Z',
      },
    ],
    barclays: [
      {
        id: SEED_BANKING_ACCOUNT_IDS.harbourBarclaysCurrent,
        name: 'Business Current Account',
        holder: 'Harbour Freight Co',
        type: 'Debit',
        balance: { available: 7310.05, current: 7310.05, limit: -10000 },
        identifiers: {
          type: 'Depository',
          subtype: 'current',
          number: '53917254',
          bankCode: '209614',
          iban: 'GB23 BUKB 2096 1453 9172 54',
          bic: 'BUKBGB22',
        },
        currency: 'GBP',
        institution: { id: 'barclays-business', name: 'Barclays Business' },
        modifiedDate: '2026-03-01T09:05:00Z',
        sourceModifiedDate: '2026-03-01T08:58:31Z',
      },
    ],
  };
}

/** A fresh copy of the deterministic default seed (fixed ids and 2026 dates). */
export function defaultSeed(): SandboxSeed {
  const g = GREENFIELD_ID;
  const h = HARBOUR_ID;
  const o = OAKRIDGE_ID;
  const revoked = 'The access token for Square was revoked by the user.';
  const square = seedConnection(g, 7, 'sqre', 'Deauthorized', '2026-01-20T10:00:00Z', '2026-02-14T06:00:00Z');
  square.dataConnectionErrors = [
    {
      statusCode: '401',
      statusText: 'Unauthorized',
      errorMessage: revoked,
      erroredOnUtc: '2026-02-15T06:00:00Z',
      status: 'Active',
    },
  ];
  const greenfield = [
    seedConnection(g, 1, 'gbol', 'Linked', '2026-01-05T09:30:00Z', '2026-03-02T08:15:00Z'),
    seedConnection(g, 2, 'qhyg', 'Unlinked', '2026-01-06T11:00:00Z', '2026-01-28T17:45:00Z'),
    seedConnection(g, 3, 'pqsw', 'Deauthorized', '2026-01-07T14:20:00Z', '2026-02-01T07:00:00Z'),
    seedConnection(g, 4, 'hbuk', 'Linked', '2026-01-10T10:00:00Z', '2026-03-02T06:00:00Z'),
    seedConnection(g, 5, 'lloy', 'PendingAuth', '2026-02-20T16:40:00Z'),
    seedConnection(g, 6, 'shpy', 'Linked', '2026-01-15T12:00:00Z', '2026-03-01T23:00:00Z'),
    square,
    seedConnection(g, 8, 'strp', 'Linked', '2026-01-25T13:10:00Z', '2026-03-02T05:30:00Z'),
  ];
  const harbour = [
    seedConnection(h, 11, 'tgff', 'Linked', '2026-02-01T08:30:00Z', '2026-03-01T09:00:00Z'),
    seedConnection(h, 12, 'bcuk', 'Linked', '2026-02-02T10:00:00Z', '2026-03-01T09:05:00Z'),
    seedConnection(h, 13, 'strp', 'PendingAuth', '2026-02-25T15:00:00Z'),
  ];
  const oakridge = [seedConnection(o, 21, 'pqsw', 'Linked', '2026-02-10T09:00:00Z', '2026-03-02T07:30:00Z')];
  const accounts = seedBankingAccounts();
  // Square's refresh after the user revoked access: the one failed pull of the seed.
  const squareFailed: PullOperation = {
    id: seedPullId(7, 3, 0),
    companyId: g,
    connectionId: square.id,
    dataType: 'commerce-orders',
    status: 'AuthError',
    statusDescription: 'The data connection needs to be re-authorized.',
    errorMessage: revoked,
    requested: '2026-02-15T05:59:30Z',
    progress: 100,
    isCompleted: false,
    isErrored: true,
  };
  const withHistory = (c: Connection) => c.status === 'Linked' || c.id === square.id;
  return {
    companies: [
      {
        id: g,
        name: 'Greenfield Bakery Ltd',
        description: 'Artisan bakery with three shops',
        created: '2026-01-05T09:00:00Z',
        connections: greenfield,
        pullOperations: [...seedHistory(g, greenfield.filter(withHistory)), squareFailed],
        bankingAccounts: { [SEED_CONNECTION_IDS.hsbc]: accounts.hsbc },
      },
      {
        id: h,
        name: 'Harbour Freight Co',
        created: '2026-02-01T08:00:00Z',
        connections: harbour,
        pullOperations: seedHistory(h, harbour.filter(withHistory)),
        bankingAccounts: { [SEED_CONNECTION_IDS.harbourBarclays]: accounts.barclays },
      },
      {
        id: o,
        name: 'Oakridge Joinery Ltd',
        description: 'Bespoke kitchens; keeps its books in QuickBooks Desktop',
        created: '2026-02-10T08:45:00Z',
        connections: oakridge,
        pullOperations: seedHistory(o, oakridge),
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

/** Checks one seeded pull operation; returns `[field suffix, problem]` or undefined. */
export type PullOperationValidator = (pull: unknown) => [string, string] | undefined;

/** Minimal browser-safe pull operation check (the Ajv validator is stricter). */
export const basicPullOperationCheck: PullOperationValidator = (p) => {
  if (!isObject(p)) return ['', 'must be an object'];
  for (const key of ['id', 'companyId', 'connectionId', 'dataType', 'status', 'requested']) {
    if (!(key in p)) return ['', `must have required property '${key}'`];
    if (typeof p[key] !== 'string') return [`.${key}`, 'must be a string'];
  }
  for (const key of ['progress', 'isCompleted', 'isErrored']) {
    if (!(key in p)) return ['', `must have required property '${key}'`];
  }
  if (!UUID_PATTERN.test(p.id as string)) return ['.id', 'must be a UUID'];
  if (!PULL_STATUSES.includes(p.status as PullOperation['status'])) {
    return ['.status', `must be one of ${PULL_STATUSES.join(', ')}`];
  }
  return undefined;
};

const COMPANY_KEYS = new Set([
  'id',
  'name',
  'description',
  'created',
  'connections',
  'pullOperations',
  'bankingAccounts',
]);

/**
 * Validates a seed's shape and returns it typed; throws `SeedError` naming the
 * first bad field. Ids must be UUIDs and unique (connection ids across the seed).
 * Seeded pull operations must also belong to their company and one of its
 * connections, with a `dataType` from the DataType enum; pull ids are unique.
 * `bankingAccounts` keys must be ids of the company's Banking connections, and
 * account ids unique within a connection.
 * @param validateConnection per-connection check; defaults to a minimal one.
 * @param validatePullOperation per-pull-operation check; defaults to a minimal one.
 * @param validateBankingAccount per-account check; defaults to a minimal one.
 */
export function validateSeed(
  value: unknown,
  validateConnection = basicConnectionCheck,
  validatePullOperation = basicPullOperationCheck,
  validateBankingAccount: BankingAccountValidator = basicBankingAccountCheck,
): SandboxSeed {
  if (!isObject(value)) throw new SeedError('seed', 'must be a JSON object');
  if (!('companies' in value)) throw new SeedError('companies', 'is required');
  const companies = value.companies;
  if (!Array.isArray(companies)) throw new SeedError('companies', 'must be an array');
  if (value.faults !== undefined) validateFaults(value.faults);
  const seenCompanies = new Map<string, string>();
  const seenConnections = new Map<string, string>();
  const seenPulls = new Map<string, string>();
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
    const connections = company.connections as Connection[];
    if ('bankingAccounts' in company)
      validateBankingAccounts(company.bankingAccounts, at, connections, validateBankingAccount);
    if (!('pullOperations' in company)) return;
    if (!Array.isArray(company.pullOperations)) throw new SeedError(`${at}.pullOperations`, 'must be an array');
    const connectionIds = new Set(connections.map((c) => c.id));
    company.pullOperations.forEach((pull: unknown, j) => {
      const pat = `${at}.pullOperations[${j}]`;
      const problem = validatePullOperation(pull);
      if (problem) throw new SeedError(`${pat}${problem[0]}`, problem[1]);
      const p = pull as PullOperation;
      if (seenPulls.has(p.id)) throw new SeedError(`${pat}.id`, `duplicates ${seenPulls.get(p.id)}.id (${p.id})`);
      seenPulls.set(p.id, pat);
      if (p.companyId !== company.id)
        throw new SeedError(`${pat}.companyId`, `must be the company's id (${company.id})`);
      if (!connectionIds.has(p.connectionId)) {
        throw new SeedError(`${pat}.connectionId`, "must be the id of one of the company's connections");
      }
      if (!isDataType(p.dataType)) throw new SeedError(`${pat}.dataType`, 'must be a DataType value, e.g. invoices');
    });
  });
  return value as unknown as SandboxSeed;
}

function validateBankingAccounts(
  value: unknown,
  at: string,
  connections: Connection[],
  validateAccount: BankingAccountValidator,
): void {
  const bat = `${at}.bankingAccounts`;
  if (!isObject(value)) throw new SeedError(bat, 'must be an object keyed by connection id');
  for (const [connectionId, accounts] of Object.entries(value)) {
    const cat = `${bat}["${connectionId}"]`;
    const connection = connections.find((c) => c.id === connectionId);
    if (!connection) throw new SeedError(cat, "must be keyed by the id of one of the company's connections");
    if (connection.sourceType !== 'Banking') {
      throw new SeedError(
        cat,
        `must belong to a Banking connection (${connection.platformName} is ${connection.sourceType})`,
      );
    }
    if (!Array.isArray(accounts)) throw new SeedError(cat, 'must be an array');
    const seen = new Map<string, number>();
    accounts.forEach((account: unknown, k) => {
      const aat = `${cat}[${k}]`;
      const problem = validateAccount(account);
      if (problem) throw new SeedError(`${aat}${problem[0]}`, problem[1]);
      const id = (account as BankingAccount).id;
      if (seen.has(id)) throw new SeedError(`${aat}.id`, `duplicates ${cat}[${seen.get(id)}].id (${id})`);
      seen.set(id, k);
    });
  }
}
