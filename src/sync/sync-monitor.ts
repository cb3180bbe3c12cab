/**
 * Which connections of a company are syncing (have a pull operation queued or running), kept up to date by
 * polling only while there is something to follow and someone to show it to.
 *
 * - It reads `GET /companies/{companyId}/dataStatus` (one small request that says whether any data type is being
 *   read) and, only when something is, the in-progress pull operations from `data/history`, to know which
 *   connections they belong to.
 * - It polls while a read is under way, at 1 s, then backing off (x2) to at most 30 s, and stops when nothing is left.
 * - It polls only while at least one element that shows syncs is connected and visible and the page is visible;
 *   it resumes when the page becomes visible again.
 * - When a connection's reads finish, it re-reads that connection (for its new `lastSync`) and says whether all
 *   of them succeeded, using `dataStatus`'s `latestSyncId` for each data type that was read.
 *
 * The client owns one monitor (`client.syncs`); elements watch it through `SyncController`.
 */
import type { CodatClient } from '../api/client.js';
import { isInProgress, type DataStatuses, type PullOperation } from '../api/types.js';

/** The first poll interval, in milliseconds; doubled after each poll that still finds reads under way. */
export const SYNC_POLL_MIN_MS = 1000;
/** The longest poll interval, in milliseconds. */
export const SYNC_POLL_MAX_MS = 30000;

/** A change in what is syncing, for announcements: reads started, or finished (well or not). */
export interface SyncChange {
  connectionId: string;
  kind: 'started' | 'finished' | 'failed';
}

export type SyncListener = (changes: readonly SyncChange[]) => void;

/** How often the monitor polls while reads are under way. */
export interface SyncPollingOptions {
  /** The first interval, in milliseconds (default 1000); doubled after each poll that still finds reads running. */
  minIntervalMs?: number;
  /** The longest interval, in milliseconds (default 30000). */
  maxIntervalMs?: number;
}

const FAILED = /Error$/;

export class SyncMonitor {
  readonly #client: CodatClient;
  #active = new Map<string, PullOperation[]>();
  #dataStatus: DataStatuses | undefined;
  #listeners = new Set<SyncListener>();
  #watchers = new Set<Element>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #delay: number;
  #checking: AbortController | undefined;
  #checked = false;
  #wanted = false;
  /** Bumped by `expect()`: a poll that started before it may not have seen the new reads, so its answer is dropped. */
  #epoch = 0;

  readonly #minDelay: number;
  readonly #maxDelay: number;

  constructor(client: CodatClient, options: SyncPollingOptions = {}) {
    this.#client = client;
    this.#minDelay = Math.max(10, options.minIntervalMs ?? SYNC_POLL_MIN_MS);
    this.#maxDelay = Math.max(this.#minDelay, options.maxIntervalMs ?? SYNC_POLL_MAX_MS);
    this.#delay = this.#minDelay;
  }

  /** Ids of the connections with a read queued or running. */
  get syncingIds(): ReadonlySet<string> {
    return new Set(this.#active.keys());
  }

  /** Whether the connection has a read queued or running. */
  isSyncing(connectionId: string): boolean {
    return this.#active.has(connectionId);
  }

  /** The connection's reads that are queued or running. */
  operations(connectionId: string): readonly PullOperation[] {
    return this.#active.get(connectionId) ?? [];
  }

  /** The company's data status from the last poll, if one ran. */
  get dataStatus(): DataStatuses | undefined {
    return this.#dataStatus;
  }

  /** Whether a poll is scheduled or running (for tests and diagnostics). */
  get polling(): boolean {
    return this.#timer !== undefined || this.#checking !== undefined;
  }

  /** Calls `listener` after every change, with what started or finished; returns the unsubscribe function. */
  subscribe(listener: SyncListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Registers an element that shows syncs: polling runs only while one is connected and visible. With
   * `check`, the first watcher also triggers one read of the data status, to find syncs started elsewhere.
   * Returns the function that unregisters it.
   */
  watch(element: Element, options: { check?: boolean } = {}): () => void {
    // Adding the same listener again does nothing; the last watcher to leave removes it.
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#watchers.add(element);
    if (options.check && !this.#checked) this.#wanted = true;
    this.#schedule(0);
    return () => {
      if (!this.#watchers.delete(element) || this.#watchers.size > 0) return;
      document.removeEventListener('visibilitychange', this.#onVisibility);
      this.#stop();
    };
  }

  /**
   * Whether `element` is the watcher that announces changes (the first one on the page that is rendered), so each
   * is said once. A hidden watcher's live region says nothing: `<codat-connections>` hides its list while it shows
   * a connection, and the detail must announce then.
   */
  isAnnouncer(element: Element): boolean {
    return this.#shown() === element;
  }

  /**
   * Tells the monitor that reads were just queued (the operations, when the API returned them), so it
   * shows them at once and polls from the shortest interval.
   */
  expect(operations: readonly PullOperation[] = []): void {
    const changes: SyncChange[] = [];
    for (const operation of operations) {
      if (!isInProgress(operation.status)) continue;
      const list = this.#active.get(operation.connectionId);
      if (!list) changes.push({ connectionId: operation.connectionId, kind: 'started' });
      this.#active.set(operation.connectionId, [...(list ?? []).filter((o) => o.id !== operation.id), operation]);
    }
    this.#wanted = true;
    this.#epoch += 1;
    this.#delay = this.#minDelay;
    if (changes.length) this.#notify(changes);
    this.#schedule(operations.length ? this.#minDelay : 0, true);
  }

  /**
   * Adds reads seen elsewhere (for example in a sync history) that are under way, so they are followed too.
   * Finished ones are ignored.
   */
  observe(operations: readonly PullOperation[]): void {
    const running = operations.filter((o) => isInProgress(o.status) && !this.#active.has(o.connectionId));
    if (running.length) this.expect(running);
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#schedule(0);
  };

  /** The first watcher that is on the page and rendered: it announces, and polling needs one. */
  #shown(): Element | undefined {
    for (const watcher of this.#watchers) {
      if (
        watcher.isConnected &&
        (watcher as Element & { checkVisibility?: () => boolean }).checkVisibility?.() !== false
      ) {
        return watcher;
      }
    }
    return undefined;
  }

  #canPoll(): boolean {
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return false;
    return this.#shown() !== undefined;
  }

  /** Schedules the next poll in `delay` ms, unless one is pending (or `replace` moves it earlier). */
  #schedule(delay: number, replace = false): void {
    if (!this.#wanted && this.#active.size === 0) return;
    if (this.#checking) return;
    if (this.#timer !== undefined) {
      if (!replace) return;
      clearTimeout(this.#timer);
    }
    this.#timer = setTimeout(() => void this.#check(), delay);
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#checking?.abort();
    this.#checking = undefined;
  }

  async #check(): Promise<void> {
    this.#timer = undefined;
    if (!this.#canPoll()) {
      // Nobody can see it now: look again later without a request (the page becoming visible also resumes it).
      if (this.#watchers.size > 0) this.#schedule(this.#delay);
      return;
    }
    const abort = new AbortController();
    this.#checking = abort;
    const signal = abort.signal;
    const epoch = this.#epoch;
    let failed = false;
    let stale = false;
    try {
      const status = await this.#client.getDataStatus({ signal });
      const running = Object.values(status).some((entry) => isInProgress(entry?.currentStatus));
      const operations = running ? await this.#client.listActivePullOperations({ signal }) : [];
      if (signal.aborted) return;
      stale = epoch !== this.#epoch;
      if (stale) return;
      this.#dataStatus = status;
      this.#checked = true;
      this.#wanted = false;
      await this.#apply(operations, status, signal);
    } catch {
      // A failed poll changes nothing shown; it is tried again at the next, longer interval.
      failed = true;
    } finally {
      if (this.#checking === abort) this.#checking = undefined;
    }
    if (signal.aborted) return;
    if (stale) {
      this.#schedule(0);
      return;
    }
    if (this.#active.size > 0 || failed) {
      this.#schedule(this.#delay);
      this.#delay = Math.min(this.#delay * 2, this.#maxDelay);
    } else {
      this.#delay = this.#minDelay;
    }
  }

  async #apply(operations: PullOperation[], status: DataStatuses, signal: AbortSignal): Promise<void> {
    const next = new Map<string, PullOperation[]>();
    for (const operation of operations) {
      if (!isInProgress(operation.status)) continue;
      next.set(operation.connectionId, [...(next.get(operation.connectionId) ?? []), operation]);
    }
    const changes: SyncChange[] = [];
    const finished: string[] = [];
    for (const [connectionId, before] of this.#active) {
      if (next.has(connectionId)) continue;
      finished.push(connectionId);
      const failed = before.some((o) => {
        const latest = status[o.dataType];
        return latest?.latestSyncId === o.id && FAILED.test(latest.currentStatus);
      });
      changes.push({ connectionId, kind: failed ? 'failed' : 'finished' });
    }
    for (const connectionId of next.keys()) {
      if (!this.#active.has(connectionId)) changes.push({ connectionId, kind: 'started' });
    }
    this.#active = next;
    if (finished.length) await this.#reread(finished, signal);
    // Every finished connection is among the changes.
    if (changes.length) this.#notify(changes);
  }

  /**
   * Reads the connections whose syncs finished again, for their new `lastSync`: those this page has read
   * (one list read for several when the list is loaded); the others are not shown, so not read.
   */
  async #reread(connectionIds: string[], signal: AbortSignal): Promise<void> {
    const store = this.#client.connections;
    const known = connectionIds.filter((id) => store.get(id));
    try {
      if (known.length > 1 && store.listLoaded) await this.#client.listConnections({ signal });
      else await Promise.all(known.map((id) => this.#client.getConnection(id, { signal })));
    } catch {
      // The connection keeps what was last read; the history still shows the finished reads.
    }
  }

  #notify(changes: readonly SyncChange[]): void {
    for (const listener of [...this.#listeners]) listener(changes);
  }
}
