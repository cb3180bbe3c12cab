/**
 * In-memory state of one sandbox: companies, their data connections, pull
 * operations, bank accounts and sync pauses. No HTTP here; handlers translate
 * requests into these calls. Reads return copies, so callers cannot change
 * state except through the methods. Live pull operations advance, and sync
 * pauses lapse, with the `now` clock, computed on every read (see
 * `livePullAt`); no timers.
 */
import type { components } from '../api/codat-platform.generated.js';
import { SYNC_PAUSE_KEYS } from '../internal/sync-pause.js';
import type { BankingAccount } from './banking.js';
import {
  DATA_TYPES_BY_SOURCE,
  livePullAt,
  newUuid,
  PULL_TIMELINE,
  toIso,
  type DataStatuses,
  type DataType,
  type PullOperation,
} from './pulls.js';
import {
  defaultSeed,
  validateSeed,
  type Connection,
  type ConnectionStatus,
  type Platform,
  type SandboxSeed,
} from './seed.js';

export type Company = components['schemas']['Company'];

interface CompanyRecord {
  id: string;
  name: string;
  description?: string;
  created: string;
  connections: Connection[];
  /** Bank accounts by connection id. */
  bankingAccounts: Map<string, BankingAccount[]>;
}

/** A connection's sync pause, read from its `connectionInfo`. */
export interface SyncPause {
  /** ISO 8601: when syncs were paused. */
  pausedAt: string;
  /** ISO 8601: when the pause lapses, or null when paused until resumed. */
  pausedUntil: string | null;
}

export { SYNC_PAUSE_KEYS };

/**
 * The sync pause a connection's `connectionInfo` records, or undefined when it
 * is not paused. Connections read from the store never carry a lapsed pause.
 */
export function syncPauseOf(connection: Connection): SyncPause | undefined {
  const info = connection.connectionInfo;
  const pausedAt = info?.[SYNC_PAUSE_KEYS.pausedAt];
  if (typeof pausedAt !== 'string') return undefined;
  const until = info?.[SYNC_PAUSE_KEYS.pausedUntil];
  return { pausedAt, pausedUntil: typeof until === 'string' ? until : null };
}

/** A seeded pull (served as given) or a live one (status from the clock). */
interface PullRecord {
  seq: number;
  companyId: string;
  requestedMs: number;
  seeded?: PullOperation;
  live?: { id: string; connectionId: string; dataType: string; failure?: string; settled: boolean };
}

/** Options of `SandboxStore`. */
export interface SandboxStoreOptions {
  /** Millisecond clock that live pull operations advance with; default `Date.now`. */
  now?: () => number;
}

const copy = <T>(value: T): T => structuredClone(value);

/** Mutable companies, connections and pull operations, seeded from a `SandboxSeed`. */
export class SandboxStore {
  #companies: CompanyRecord[] = [];
  #pulls: PullRecord[] = [];
  #seq = 0;
  #failures = new Map<string, string>();
  /** Connections created through `createConnection` and not yet authorized: their first authorization starts the initial sync. */
  #awaitingFirstLink = new Set<string>();
  readonly #now: () => number;

  /**
   * @param seed defaults to `defaultSeed()`; validated structurally.
   * @param options.now clock for pull operations; default `Date.now`.
   */
  constructor(seed?: SandboxSeed, options: SandboxStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.reset(seed);
  }

  /** Replaces all state with a copy of `seed` (default: `defaultSeed()`); forgets pending `failNextPull`s. */
  reset(seed: SandboxSeed = defaultSeed()): void {
    const valid = validateSeed(copy(seed));
    this.#companies = valid.companies.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.description !== undefined ? { description: c.description } : {}),
      created: c.created ?? earliest(c.connections) ?? '2026-01-01T00:00:00Z',
      connections: c.connections,
      bankingAccounts: new Map(Object.entries(c.bankingAccounts ?? {})),
    }));
    this.#seq = 0;
    this.#failures.clear();
    this.#awaitingFirstLink.clear();
    this.#pulls = valid.companies.flatMap((c) =>
      (c.pullOperations ?? []).map((p) => ({
        seq: this.#seq++,
        companyId: c.id,
        requestedMs: Date.parse(p.requested),
        seeded: p,
      })),
    );
  }

  /** All companies, in seed order, each with its `dataConnections`. */
  listCompanies(): Company[] {
    this.#settle();
    return this.#companies.map(toCompany);
  }

  /** One company, or undefined. */
  getCompany(companyId: string): Company | undefined {
    const c = this.#find(companyId);
    return c && toCompany(c);
  }

  /** True when the company exists. */
  hasCompany(companyId: string): boolean {
    return this.#find(companyId) !== undefined;
  }

  /** The company's connections in seed order, or undefined for an unknown company. */
  listConnections(companyId: string): Connection[] | undefined {
    return this.#find(companyId)?.connections.map(copy);
  }

  /** One connection, or undefined when the company or connection is unknown. */
  getConnection(companyId: string, connectionId: string): Connection | undefined {
    const c = this.#find(companyId)?.connections.find((x) => x.id === connectionId);
    return c && copy(c);
  }

  /** Sets a connection's status (e.g. to simulate a deauthorization); keeps its dates. */
  setConnectionStatus(companyId: string, connectionId: string, status: ConnectionStatus): Connection | undefined {
    const c = this.#find(companyId)?.connections.find((x) => x.id === connectionId);
    if (!c) return undefined;
    c.status = status;
    return copy(c);
  }

  /** Unlinks a connection (status `Unlinked`); returns the updated copy. */
  unlinkConnection(companyId: string, connectionId: string): Connection | undefined {
    return this.setConnectionStatus(companyId, connectionId, 'Unlinked');
  }

  /**
   * Completes the link journey for a connection (re-authorization): status
   * `Linked`, and each `Active` entry of `dataConnectionErrors` becomes
   * `Resolved` with `resolvedOnUtc` now. Returns the updated copy, or undefined.
   */
  authorizeConnection(companyId: string, connectionId: string): Connection | undefined {
    const c = this.#connection(companyId, connectionId);
    if (!c) return undefined;
    c.status = 'Linked';
    const now = toIso(this.#now());
    for (const error of c.dataConnectionErrors ?? []) {
      if (error.status === 'Active') Object.assign(error, { status: 'Resolved', resolvedOnUtc: now });
    }
    // A connection created through the API reads its data for the first time once it is authorized.
    if (this.#awaitingFirstLink.delete(connectionId)) {
      for (const dataType of DATA_TYPES_BY_SOURCE[c.sourceType]) this.queuePull(companyId, connectionId, dataType);
    }
    return copy(c);
  }

  /**
   * Creates a connection to `platform` for the company, as `POST /companies/{companyId}/connections` does:
   * status `PendingAuth`, created now, with a Codat-style `linkUrl`. Its first `authorizeConnection` queues a
   * pull of every data type of its source type (the initial sync). Returns the copy, or undefined for an
   * unknown company. Does not check whether the platform is enabled (the handlers do).
   */
  createConnection(companyId: string, platform: Platform): Connection | undefined {
    const company = this.#find(companyId);
    if (!company) return undefined;
    const id = newUuid();
    const c: Connection = {
      id,
      integrationId: platform.integrationId,
      integrationKey: platform.key,
      sourceId: platform.sourceId,
      platformName: platform.name,
      linkUrl: `https://link-api.codat.io/companies/${companyId}/connections/${id}/start`,
      status: 'PendingAuth',
      created: toIso(this.#now()),
      sourceType: platform.sourceType,
    };
    company.connections.push(c);
    this.#awaitingFirstLink.add(id);
    return copy(c);
  }

  /**
   * Pauses a connection's syncs until `untilMs` (or until resumed, for null):
   * its `connectionInfo` gets `syncsPausedAt` (now, or the time of the pause
   * already in place) and `syncsPausedUntil` (omitted for null). While paused,
   * `refreshAll` skips it; at `untilMs` the pause lapses by itself. Does not
   * check the platform, status or date (the handlers do). Returns the updated
   * copy, or undefined when the company or connection is unknown.
   */
  pauseSyncs(companyId: string, connectionId: string, untilMs: number | null): Connection | undefined {
    const c = this.#connection(companyId, connectionId);
    if (!c) return undefined;
    const pausedAt = syncPauseOf(c)?.pausedAt ?? toIso(this.#now());
    c.connectionInfo ??= {};
    c.connectionInfo[SYNC_PAUSE_KEYS.pausedAt] = pausedAt;
    if (untilMs === null) delete c.connectionInfo[SYNC_PAUSE_KEYS.pausedUntil];
    else c.connectionInfo[SYNC_PAUSE_KEYS.pausedUntil] = toIso(untilMs);
    return copy(c);
  }

  /**
   * Resumes a connection's syncs: removes `syncsPausedAt` and `syncsPausedUntil`
   * from its `connectionInfo`, keeping the rest (and dropping `connectionInfo`
   * when nothing else is left). A connection that is not paused is returned as it
   * is. Returns the copy, or undefined when the company or connection is unknown.
   */
  resumeSyncs(companyId: string, connectionId: string): Connection | undefined {
    const c = this.#connection(companyId, connectionId);
    if (!c) return undefined;
    this.#unpause(c);
    return copy(c);
  }

  /** Adds or replaces a connection of an existing company; returns false if the company is unknown. */
  putConnection(companyId: string, connection: Connection): boolean {
    const company = this.#find(companyId);
    if (!company) return false;
    const i = company.connections.findIndex((x) => x.id === connection.id);
    if (i >= 0) company.connections[i] = copy(connection);
    else company.connections.push(copy(connection));
    return true;
  }

  /** Removes a connection (and its bank accounts); returns false when it did not exist. */
  deleteConnection(companyId: string, connectionId: string): boolean {
    const company = this.#find(companyId);
    const i = company?.connections.findIndex((x) => x.id === connectionId) ?? -1;
    if (!company || i < 0) return false;
    company.connections.splice(i, 1);
    company.bankingAccounts.delete(connectionId);
    return true;
  }

  /**
   * A connection's bank accounts in seed order: `[]` when it has none (any
   * source type; the handlers refuse non-Banking connections), undefined when
   * the company or connection is unknown.
   */
  listBankingAccounts(companyId: string, connectionId: string): BankingAccount[] | undefined {
    const company = this.#find(companyId);
    if (!company?.connections.some((c) => c.id === connectionId)) return undefined;
    return (company.bankingAccounts.get(connectionId) ?? []).map(copy);
  }

  /** The company's pull operations, newest `requested` first, or undefined for an unknown company. */
  listPullOperations(companyId: string): PullOperation[] | undefined {
    if (!this.#find(companyId)) return undefined;
    return this.#pulls
      .filter((r) => r.companyId === companyId)
      .sort((a, b) => b.requestedMs - a.requestedMs || b.seq - a.seq)
      .map((r) => this.#view(r));
  }

  /** One pull operation of the company, or undefined. */
  getPullOperation(companyId: string, pullId: string): PullOperation | undefined {
    this.#settle();
    const r = this.#pulls.find((x) => x.companyId === companyId && (x.seeded?.id ?? x.live?.id) === pullId);
    return r && this.#view(r);
  }

  /**
   * Queues a pull of `dataType` on a connection, requested now (status `Queued`).
   * Does not check the connection's status or source type (the handlers do).
   * Returns undefined when the company or connection is unknown.
   */
  queuePull(companyId: string, connectionId: string, dataType: DataType): PullOperation | undefined {
    if (!this.#find(companyId)?.connections.some((c) => c.id === connectionId)) return undefined;
    const failure = this.#failures.get(connectionId);
    this.#failures.delete(connectionId);
    const record: PullRecord = {
      seq: this.#seq++,
      companyId,
      requestedMs: this.#now(),
      live: { id: newUuid(), connectionId, dataType, ...(failure !== undefined ? { failure } : {}), settled: false },
    };
    this.#pulls.push(record);
    return this.#view(record);
  }

  /**
   * Queues a pull of every data type (`DATA_TYPES_BY_SOURCE`) of each of the
   * company's Linked connections whose syncs are not paused, as
   * `POST /companies/{id}/data/all` does. Returns them in connection order, or
   * undefined for an unknown company.
   */
  refreshAll(companyId: string): PullOperation[] | undefined {
    const company = this.#find(companyId);
    if (!company) return undefined;
    return company.connections
      .filter((c) => c.status === 'Linked' && !syncPauseOf(c))
      .flatMap((c) => DATA_TYPES_BY_SOURCE[c.sourceType].map((t) => this.queuePull(companyId, c.id, t)!));
  }

  /**
   * Makes the next pull queued on `connectionId` end in `FetchError` with
   * `errorMessage` instead of `Complete` (its connection's `lastSync` is kept).
   */
  failNextPull(
    connectionId: string,
    errorMessage = 'The source platform returned an error. Please try again later.',
  ): void {
    this.#failures.set(connectionId, errorMessage);
  }

  /**
   * `GET /companies/{id}/dataStatus`: for each data type ever pulled, the latest
   * pull's status and id, and the latest successful one's completion and id.
   */
  dataStatuses(companyId: string): DataStatuses | undefined {
    const pulls = this.listPullOperations(companyId);
    if (!pulls) return undefined;
    const out: DataStatuses = {};
    for (const p of pulls) {
      const type = p.dataType as DataType;
      const status = (out[type] ??= { dataType: type, currentStatus: p.status, latestSyncId: p.id });
      if (p.status === 'Complete' && !status.latestSuccessfulSyncId) {
        status.latestSuccessfulSyncId = p.id;
        if (p.completed) status.lastSuccessfulSync = p.completed;
      }
    }
    return out;
  }

  #view(r: PullRecord): PullOperation {
    if (r.seeded) return copy(r.seeded);
    const { id, connectionId, dataType, failure } = r.live!;
    return livePullAt({ id, companyId: r.companyId, connectionId, dataType }, r.requestedMs, failure, this.#now());
  }

  /** Removes a pause's keys from `connectionInfo` (and `connectionInfo` itself when nothing else is left). */
  #unpause(c: Connection): void {
    const info = c.connectionInfo;
    if (!info || !Object.values(SYNC_PAUSE_KEYS).some((key) => key in info)) return;
    delete info[SYNC_PAUSE_KEYS.pausedAt];
    delete info[SYNC_PAUSE_KEYS.pausedUntil];
    if (Object.keys(info).length === 0) delete c.connectionInfo;
  }

  /**
   * Brings state up to the clock: lapsed sync pauses are removed, and finished
   * live pulls applied (a completed one moves its connection's `lastSync` forward).
   */
  #settle(): void {
    const now = this.#now();
    for (const company of this.#companies) {
      for (const c of company.connections) {
        const until = syncPauseOf(c)?.pausedUntil;
        if (until && Date.parse(until) <= now) this.#unpause(c);
      }
    }
    for (const r of this.#pulls) {
      const live = r.live;
      if (!live || live.settled) continue;
      const doneMs = r.requestedMs + PULL_TIMELINE.finishedAfterMs;
      if (now < doneMs) continue;
      live.settled = true;
      if (live.failure !== undefined) continue;
      const connection = this.#companies
        .find((c) => c.id === r.companyId)
        ?.connections.find((c) => c.id === live.connectionId);
      if (connection && (!connection.lastSync || Date.parse(connection.lastSync) < doneMs)) {
        connection.lastSync = toIso(doneMs);
      }
    }
  }

  #find(companyId: string): CompanyRecord | undefined {
    this.#settle();
    return this.#companies.find((c) => c.id === companyId);
  }

  #connection(companyId: string, connectionId: string): Connection | undefined {
    return this.#find(companyId)?.connections.find((x) => x.id === connectionId);
  }
}

function earliest(connections: Connection[]): string | undefined {
  return connections.map((c) => c.created).sort()[0];
}

function toCompany(c: CompanyRecord): Company {
  const lastSync = c.connections
    .map((x) => x.lastSync)
    .filter((x): x is string => !!x)
    .sort()
    .at(-1);
  return {
    id: c.id,
    name: c.name,
    ...(c.description !== undefined ? { description: c.description } : {}),
    redirect: `https://link.codat.io/company/${c.id}`,
    ...(lastSync ? { lastSync } : {}),
    created: c.created,
    products: [],
    referenceSubsidiaryCompanies: [],
    dataConnections: c.connections.map(copy),
  };
}
