/**
 * The API shapes the kit uses, named after the Codat Platform OpenAPI document.
 * Everything here is derived from the generated types so a spec update shows up as a type error.
 */
import type { components as BankingComponents } from './codat-banking.generated.js';
import type { components } from './codat-platform.generated.js';

type Schemas = components['schemas'];

/** The authorization status of a data connection. */
export type ConnectionStatus = Schemas['Connection_dataConnectionStatus'];

/** The kind of platform a connection links: Accounting, Banking, Commerce, and others. */
export type SourceType = Schemas['Connection']['sourceType'];

/**
 * A company's data connection. `lastSync` may be `null` in real API responses
 * (the document marks it `nullable`), so the kit accepts both `null` and absence.
 */
export type Connection = Omit<Schemas['Connection'], 'lastSync'> & { lastSync?: string | null };

/** One page of connections with its paging information. */
export type ConnectionsPage = Omit<Schemas['Connections'], 'results'> & { results?: Connection[] };

/** The error body every Codat API failure carries. */
export type ErrorMessage = Schemas['ErrorMessage'];

/** A platform a company can connect (`GET /integrations`). */
export type Integration = Schemas['Integration'];

/** One page of integrations. */
export type IntegrationsPage = Omit<Schemas['Integrations'], 'results'> & { results?: Integration[] };

/** Logos and buttons of a platform. */
export type Branding = Schemas['Branding'];

/** The body of `PATCH /companies/{companyId}/connections/{connectionId}`. */
export type UpdateConnectionStatus = Schemas['UpdateConnectionStatus'];

/** The statuses the kit knows how to describe; anything else is shown as received. */
export const CONNECTION_STATUSES: readonly ConnectionStatus[] = ['Linked', 'PendingAuth', 'Deauthorized', 'Unlinked'];

/** One read of data from a connection's platform (a "dataset"), as the sync history shows it. */
export type PullOperation = Schemas['PullOperation'];

/** One page of a connection's sync history. */
export interface PullOperationsPage {
  results: PullOperation[];
  /** Whether another page exists. */
  hasMore: boolean;
}

/** A Codat data type key, such as `invoices` or `banking-accounts`. */
export type DataType = Schemas['DataStatus']['dataType'];

/** The status of a pull operation, such as `Queued`, `Fetching` or `Complete`. */
export type PullOperationStatus = PullOperation['status'];

/** The latest state of one data type of a company (`GET /companies/{companyId}/dataStatus`). */
export type DataStatus = Schemas['DataStatus'];

/** The latest state of each data type of a company, keyed by data type. */
export type DataStatuses = Partial<Record<string, DataStatus>>;

/** A bank account behind a Banking connection (Banking API `Account`). */
export type BankingAccount = BankingComponents['schemas']['Account'];

/** One page of a Banking connection's accounts. */
export type BankingAccountsPage = BankingComponents['schemas']['Accounts'];

/**
 * Statuses of a pull operation that is still under way: queued or running. Every other status is final
 * (`Complete`, an error, `Cancelled`, `NotSupported`).
 */
export const IN_PROGRESS_PULL_STATUSES: readonly PullOperationStatus[] = [
  'Initial',
  'Queued',
  'Fetching',
  'MapQueued',
  'Mapping',
  'ProcessingQueued',
  'Processing',
  'ValidationQueued',
  'Validating',
];

/** Whether a pull operation status means it is still queued or running. */
export function isInProgress(status: string | undefined): boolean {
  return IN_PROGRESS_PULL_STATUSES.includes(status as PullOperationStatus);
}
