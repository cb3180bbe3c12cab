/**
 * Pull operations (Codat's "datasets"): their types, the data types each kind
 * of connection offers, and the sandbox's deterministic timeline, computed
 * from a clock on every read (no timers). Browser-safe and free of HTTP.
 */
import type { components } from '../api/codat-platform.generated.js';

export type PullOperation = components['schemas']['PullOperation'];
export type PullStatus = PullOperation['status'];
export type DataType = components['schemas']['DataType'];
export type DataStatus = components['schemas']['DataStatus'];
export type DataStatuses = components['schemas']['DataStatuses'];
type SourceType = components['schemas']['Connection']['sourceType'];

// A Record so the compiler insists on every value of the document's DataType enum, and no other.
const DATA_TYPE_KEYS: Record<DataType, true> = {
  accountTransactions: true,
  balanceSheet: true,
  bankAccounts: true,
  bankTransactions: true,
  billCreditNotes: true,
  billPayments: true,
  bills: true,
  cashFlowStatement: true,
  chartOfAccounts: true,
  company: true,
  creditNotes: true,
  customers: true,
  directCosts: true,
  directIncomes: true,
  invoices: true,
  itemReceipts: true,
  items: true,
  journalEntries: true,
  journals: true,
  paymentMethods: true,
  payments: true,
  profitAndLoss: true,
  purchaseOrders: true,
  salesOrders: true,
  suppliers: true,
  taxRates: true,
  trackingCategories: true,
  transfers: true,
  'banking-accountBalances': true,
  'banking-accounts': true,
  'banking-transactionCategories': true,
  'banking-transactions': true,
  'commerce-companyInfo': true,
  'commerce-customers': true,
  'commerce-disputes': true,
  'commerce-locations': true,
  'commerce-orders': true,
  'commerce-paymentMethods': true,
  'commerce-payments': true,
  'commerce-productCategories': true,
  'commerce-products': true,
  'commerce-taxComponents': true,
  'commerce-transactions': true,
};

/** Every value of the document's `DataType` enum, in document order. */
export const DATA_TYPES: readonly DataType[] = Object.freeze(Object.keys(DATA_TYPE_KEYS) as DataType[]);

export const isDataType = (value: string): value is DataType => Object.hasOwn(DATA_TYPE_KEYS, value);

/** Every value of the document's PullOperation `status` enum. */
export const PULL_STATUSES: readonly PullStatus[] = Object.freeze([
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'Complete',
  'FetchError',
  'MapError',
  'InternalError',
  'ProcessingQueued',
  'Processing',
  'ProcessingError',
  'ValidationQueued',
  'Validating',
  'ValidationError',
  'AuthError',
  'Cancelled',
  'NotSupported',
  'RateLimitError',
  'PermissionsError',
  'PrerequisiteNotMet',
] satisfies PullStatus[]);

/**
 * Data types the sandbox pulls for each source type (a realistic subset of
 * Codat's: what `data/all` queues, and what `data/queue/{dataType}` accepts).
 */
export const DATA_TYPES_BY_SOURCE: Readonly<Record<SourceType, readonly DataType[]>> = Object.freeze({
  Accounting: ['company', 'chartOfAccounts', 'customers', 'suppliers', 'invoices', 'bills', 'bankAccounts'],
  Banking: ['banking-accounts', 'banking-accountBalances', 'banking-transactions'],
  BankFeed: [],
  Commerce: [
    'commerce-companyInfo',
    'commerce-customers',
    'commerce-orders',
    'commerce-payments',
    'commerce-transactions',
  ],
  Expense: [],
  Other: [],
  Unknown: [],
});

/** Milliseconds after `requested` at which a live pull starts fetching, then finishes. */
export const PULL_TIMELINE = Object.freeze({ fetchingAfterMs: 1000, finishedAfterMs: 3000 });

/** The status a failed live pull ends in (see `SandboxStore.failNextPull`). */
export const FAILED_PULL_STATUS: PullStatus = 'FetchError';

/** ISO 8601 in UTC, without milliseconds when they are zero (like the seed's dates). */
export const toIso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

/**
 * A pull created through the API: `Initial` before `requested` (only with a
 * clock moved backwards), `Queued` from `requested`, `Fetching` after 1 s and
 * `Complete` (or `FetchError` when `failure` is set) after 3 s.
 */
export function livePullAt(
  base: { id: string; companyId: string; connectionId: string; dataType: string },
  requestedMs: number,
  failure: string | undefined,
  nowMs: number,
): PullOperation {
  const elapsed = nowMs - requestedMs;
  const op: PullOperation = {
    ...base,
    status: 'Queued',
    requested: toIso(requestedMs),
    progress: 0,
    isCompleted: false,
    isErrored: false,
  };
  const { fetchingAfterMs, finishedAfterMs } = PULL_TIMELINE;
  if (elapsed < 0) op.status = 'Initial';
  else if (elapsed < fetchingAfterMs) op.status = 'Queued';
  else if (elapsed < finishedAfterMs) {
    op.status = 'Fetching';
    op.progress = 10 + Math.floor((80 * (elapsed - fetchingAfterMs)) / (finishedAfterMs - fetchingAfterMs));
  } else if (failure !== undefined) {
    Object.assign(op, { status: FAILED_PULL_STATUS, progress: 100, isErrored: true, errorMessage: failure });
  } else {
    Object.assign(op, {
      status: 'Complete',
      progress: 100,
      isCompleted: true,
      completed: toIso(requestedMs + finishedAfterMs),
    });
  }
  return op;
}

/** Random v4 UUID from `getRandomValues` (works outside secure contexts, unlike `randomUUID`). */
export function newUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
