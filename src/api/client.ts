/**
 * The HTTP client for the parts of Codat's Platform API the kit uses. It knows HTTP and nothing of
 * elements. Paths, query parameters and bodies follow openapi/Codat-Platform.json.
 */
import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import { ConnectionStore } from '../store/connection-store.js';
import {
  CodatApiError,
  configurationError,
  errorFromResponse,
  invalidResponseError,
  tokenExpiredError,
  type CodatOperation,
} from './errors.js';
import { DEFAULT_LINK_HOSTS } from '../internal/safe-url.js';
import { msg } from '../localization/localize.js';
import { HTTP_POLICY, retryDelay, type HttpPolicy } from './policy.js';
import { readTokenClaims, type TokenGrant, type TokenProvider } from './token.js';
import { SyncMonitor, type SyncPollingOptions } from '../sync/sync-monitor.js';
import {
  IN_PROGRESS_PULL_STATUSES,
  type BankingAccount,
  type Branding,
  type Connection,
  type ConnectionsPage,
  type DataStatuses,
  type DataType,
  type Integration,
  type PullOperation,
  type PullOperationsPage,
  type UpdateConnectionStatus,
} from './types.js';

/** A page as the list endpoints answer it: `results` (absent when there are none), `totalResults`, `_links.next`. */
interface ResultsPage<T> {
  results?: T[];
  totalResults: number;
  _links?: { next?: unknown };
}

/** Where the kit sends requests unless told otherwise. */
export const DEFAULT_BASE_URL = 'https://api.codat.io';

/** Connections read per request: the API's largest page, so one request shows most lists. */
export const CONNECTIONS_PAGE_SIZE = 2000;

/** A hard stop for a misbehaving paging API. */
const MAX_PAGES = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PLATFORM_KEY = /^[a-z]{4}$/;
const DATA_TYPE = /^[a-z]+(?:-[a-zA-Z]+)?$/i;
/** Where the kit pauses and resumes a connection's syncs unless told otherwise (see `syncPausePath`). */
export const DEFAULT_SYNC_PAUSE_PATH = 'companies/{companyId}/connections/{connectionId}/syncPause';

export interface CodatClientOptions {
  /** The API root, absolute or relative to the page; commonly the host's own proxy path. Default `https://api.codat.io`. */
  baseUrl?: string;
  /** The company whose connections are shown. Read from the token's `companyId` claim when absent. */
  companyId?: string;
  /** The company access token, sent as `Authorization: Bearer`. Its expiry is read from its `exp` claim. */
  accessToken?: string;
  /**
   * Gets a new token (a string, or `{accessToken, expiresIn}`): called when there is none yet, before the current
   * one expires, and once after a 401 (one call for every request refused at the same time).
   */
  tokenProvider?: TokenProvider;
  /** Extra headers on every request, for example a CSRF header for a host proxy. */
  headers?: Record<string, string>;
  /** Fetch credentials mode, for example `include` for a host proxy that uses cookies. */
  credentials?: RequestCredentials;
  /** How many times a failed request may be retried (`policy.retries`). Default 2. */
  retryLimit?: number;
  /** Changes to the HTTP policy (timeouts, retries, backoff); the defaults are `HTTP_POLICY`. */
  policy?: Partial<HttpPolicy>;
  /** Told about each retry before its wait: the retry's number, the wait in milliseconds and the status (or `null`). */
  onRetry?: (retry: { operation: CodatOperation; retry: number; delayMs: number; status: number | null }) => void;
  /** A fetch implementation, for tests or special environments. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /**
   * The route, relative to `baseUrl`, that pauses (`PUT {"pausedUntil": ISO | null}`) and resumes (`DELETE`) a
   * connection's syncs; `{companyId}` and `{connectionId}` are filled in. Codat documents pausing the QuickBooks
   * Desktop connector but publishes no endpoint for it, so this is the kit's own route: the sandbox implements it,
   * and a host implements it on its backend. Default `companies/{companyId}/connections/{connectionId}/syncPause`.
   */
  syncPausePath?: string;
  /**
   * Hosts a connection's `linkUrl` may send people to (exact names, or `*.example.com`), over `https:`.
   * The page's own origin and the API's origin are always allowed. Default: Codat's Link hosts
   * (`link.codat.io`, `link-api.codat.io`).
   */
  allowedLinkHosts?: readonly string[];
  /** How often `syncs` polls while reads are under way: from 1 s, doubling to at most 30 s by default. */
  syncPolling?: SyncPollingOptions;
}

export interface RequestOptions {
  /** Aborts the request, for example when the element that asked is removed. */
  signal?: AbortSignal;
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface SendInit {
  method?: Method;
  json?: unknown;
  searchParams?: Record<string, number | string>;
  signal?: AbortSignal;
}

/** Branding reads by API root, token and platform, shared by every client on the page (see `getBranding`). */
const sessionBranding = new Map<string, Promise<Branding | null>>();

interface Shared {
  promise: Promise<unknown>;
  users: number;
  controller: AbortController;
}

/**
 * Talks to the API for one company and keeps one copy of each of its connections in
 * {@link CodatClient.connections}, shared by every element that uses this client.
 */
export class CodatClient {
  /** One copy of each connection, shared by the elements that use this client. */
  readonly connections = new ConnectionStore();

  /** Which connections are syncing now; follows them while elements that show them are on screen. */
  readonly syncs: SyncMonitor;

  readonly #options: CodatClientOptions;
  readonly #policy: HttpPolicy;
  #base: string | CodatApiError | undefined;
  #companyId: string | undefined;
  #http: KyInstance | undefined;
  #inFlight = new Map<string, Shared>();
  #branding = new Map<string, Promise<Branding | null>>();
  #token: string | undefined;
  /** Whether a token was ever taken into use (its expiry read). */
  #started = false;
  /** When to renew the token ahead of its expiry (ms since the epoch). */
  #renewAt = Infinity;
  #renewing: Promise<void> | undefined;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #expired = false;
  #session = 0;
  #listeners = new Set<() => void>();
  #life = new AbortController();

  constructor(options: CodatClientOptions = {}) {
    this.#options = { ...options, headers: { ...options.headers } };
    this.#policy = {
      ...HTTP_POLICY,
      retries: options.retryLimit ?? HTTP_POLICY.retries,
      ...options.policy,
    };
    this.#token = options.accessToken?.trim() || undefined;
    this.syncs = new SyncMonitor(this, options.syncPolling);
  }

  /** Whether the token expired (or was refused) and no new one could be had; a new token ends it. */
  get tokenExpired(): boolean {
    return this.#expired;
  }

  /**
   * A number that changes when a new token is given after the old one expired, or the host gives another token:
   * elements read again what they show.
   */
  get session(): number {
    return this.#session;
  }

  /** Calls `listener` when `tokenExpired` or `session` changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Uses another token for the same company from now on (its expiry from `expiresIn` seconds or its `exp` claim).
   * Reads under way are read again with it (through `session`); an expired state ends.
   */
  setAccessToken(token: string, expiresIn?: number): void {
    if (token.trim() === this.#token) return;
    this.#useToken(token, expiresIn);
    this.#changed();
  }

  /** Aborts every request of this client and stops renewing its token; for a client that is being replaced. */
  close(): void {
    this.#life.abort();
    clearTimeout(this.#renewTimer);
  }

  /** The resolved API root, or `undefined` when the configuration is invalid. */
  get baseUrl(): string | undefined {
    const base = this.#baseUrl();
    return base instanceof CodatApiError ? undefined : base;
  }

  /** The company in use, or `undefined` when none is configured or readable from the token (yet). */
  get companyId(): string | undefined {
    const companyId = this.#resolve();
    return companyId instanceof CodatApiError ? undefined : companyId;
  }

  /** The hosts a connection's `linkUrl` may point to (see `allowedLinkHosts`). */
  get allowedLinkHosts(): readonly string[] {
    return this.#options.allowedLinkHosts ?? DEFAULT_LINK_HOSTS;
  }

  /** Why no request can be sent with this configuration, or `null` when it is usable (or waits for a token). */
  get configurationError(): CodatApiError | null {
    const companyId = this.#resolve();
    return companyId instanceof CodatApiError ? companyId : null;
  }

  /**
   * Reads every page of the company's connections and replaces the shared copy with them, except those changed
   * since the read started (a confirmed unlink or pause, a newer read): they keep the newer copy. Resolves with the
   * shared copy's list.
   */
  listConnections(options: RequestOptions = {}): Promise<Connection[]> {
    return this.#shared('list', options.signal, async (signal) => {
      const read = this.connections.startRead();
      const companyId = await this.#ready();
      const all: Connection[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const body = await this.#request<ConnectionsPage>('listConnections', `companies/${companyId}/connections`, {
          searchParams: { page, pageSize: CONNECTIONS_PAGE_SIZE },
          signal,
        });
        if (!isConnectionsPage(body)) throw invalidResponseError('listConnections', 200);
        const results = body.results ?? [];
        all.push(...results);
        if (results.length === 0 || all.length >= body.totalResults || !body._links?.next) break;
      }
      this.connections.replaceAll(all, read);
      return this.connections.all();
    });
  }

  /**
   * Creates a connection to a platform for the company (`POST /companies/{companyId}/connections` with
   * `{"platformKey"}`); it starts `PendingAuth`, with the `linkUrl` where the customer authorizes it. The shared
   * copy gains it once the API answered.
   */
  async createConnection(platformKey: string, options: RequestOptions = {}): Promise<Connection> {
    const companyId = await this.#ready();
    if (!PLATFORM_KEY.test(platformKey)) {
      throw configurationError(`"${platformKey}" is not a platform key.`, 'createConnection');
    }
    return this.#updateConnection('createConnection', `companies/${companyId}/connections`, {
      method: 'post',
      json: { platformKey },
      signal: options.signal,
    });
  }

  /**
   * Every enabled integration of the given source types, all pages (`GET /integrations` with
   * `query=enabled=true&&sourceType=…`), in the API's order.
   */
  listIntegrations(sourceTypes: readonly string[], options: RequestOptions = {}): Promise<Integration[]> {
    const query = sourceTypes.map((type) => `enabled=true&&sourceType=${type}`).join('||') || 'enabled=true';
    return this.#shared(`integrations:${query}`, options.signal, async () => {
      const all: Integration[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const body = await this.#request<ResultsPage<Integration>>('listIntegrations', 'integrations', {
          searchParams: { page, pageSize: 500, query },
        });
        const results = pageResults(body, 'listIntegrations', true);
        all.push(...results.filter((i) => i && PLATFORM_KEY.test(i.key) && typeof i.name === 'string'));
        if (!results.length || all.length >= body.totalResults || !body._links?.next) break;
      }
      return all;
    });
  }

  /**
   * Reads one connection and updates the shared copy. A 404 removes it from the shared copy. When the connection
   * changed since the read started (a confirmed unlink or pause, a newer read), the shared copy keeps the newer
   * state and resolves with it; when it was deleted since, it rejects as not found (status 404).
   */
  getConnection(connectionId: string, options: RequestOptions = {}): Promise<Connection> {
    return this.#shared(`get:${connectionId}`, options.signal, async (signal) => {
      const read = this.connections.startRead();
      const companyId = await this.#ready();
      const id = checkConnectionId(connectionId, 'getConnection');
      try {
        const body = await this.#request<Connection>('getConnection', `companies/${companyId}/connections/${id}`, {
          signal,
        });
        if (!isConnection(body)) throw invalidResponseError('getConnection', 200);
        if (this.connections.upsert(body, read)) return body;
        const current = this.connections.get(id);
        if (current) return current;
        // Deleted after this read started: the answer is older than the delete, so it is not found.
        throw new CodatApiError({ kind: 'http', operation: 'getConnection', status: 404, canBeRetried: false });
      } catch (error) {
        if (error instanceof CodatApiError && error.status === 404) this.connections.remove(id, read);
        throw error;
      }
    });
  }

  /**
   * Unlinks a connection (`PATCH` with `{"status":"Unlinked"}`): no new data is read, data already
   * read stays, and the customer can link it again later. The shared copy changes only after the API confirmed it.
   */
  async unlinkConnection(connectionId: string, options: RequestOptions = {}): Promise<Connection> {
    const companyId = await this.#ready();
    const id = checkConnectionId(connectionId, 'unlinkConnection');
    const body: UpdateConnectionStatus = { status: 'Unlinked' };
    return this.#updateConnection('unlinkConnection', `companies/${companyId}/connections/${id}`, {
      method: 'patch',
      json: body,
      signal: options.signal,
    });
  }

  /**
   * Deletes a connection (`DELETE`): access is revoked and the connection is removed; this cannot be undone.
   * The shared copy forgets it only after the API confirmed it (or answered that it no longer exists).
   */
  async deleteConnection(connectionId: string, options: RequestOptions = {}): Promise<void> {
    const companyId = await this.#ready();
    const id = checkConnectionId(connectionId, 'deleteConnection');
    try {
      await this.#request<unknown>('deleteConnection', `companies/${companyId}/connections/${id}`, {
        method: 'delete',
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof CodatApiError && error.status === 404) this.connections.remove(id);
      throw error;
    }
    this.connections.remove(id);
  }

  /**
   * One page of a connection's sync history, newest first
   * (`GET /companies/{companyId}/data/history` with `query=connectionId=...`).
   */
  async listPullOperations(
    connectionId: string,
    options: RequestOptions & { page?: number; pageSize?: number } = {},
  ): Promise<PullOperationsPage> {
    const companyId = await this.#ready();
    const id = checkConnectionId(connectionId, 'listPullOperations');
    const page = options.page ?? 1;
    const body = await this.#request<ResultsPage<PullOperation>>(
      'listPullOperations',
      `companies/${companyId}/data/history`,
      {
        searchParams: { page, pageSize: options.pageSize ?? 20, query: `connectionId=${id}`, orderBy: '-requested' },
        signal: options.signal,
      },
    );
    const results = pageResults(body, 'listPullOperations', true);
    return { results, hasMore: results.length > 0 && !!body._links?.next };
  }

  /**
   * The company's pull operations that are still queued or running, across its connections
   * (`GET /companies/{companyId}/data/history` with a `query` on the in-progress statuses).
   */
  async listActivePullOperations(options: RequestOptions = {}): Promise<PullOperation[]> {
    const companyId = await this.#ready();
    const query = IN_PROGRESS_PULL_STATUSES.map((status) => `status=${status}`).join('||');
    const body = await this.#request<ResultsPage<PullOperation>>(
      'listPullOperations',
      `companies/${companyId}/data/history`,
      { searchParams: { page: 1, pageSize: 500, query, orderBy: '-requested' }, signal: options.signal },
    );
    return pageResults(body, 'listPullOperations', false);
  }

  /** The latest state of each data type of the company (`GET /companies/{companyId}/dataStatus`). */
  async getDataStatus(options: RequestOptions = {}): Promise<DataStatuses> {
    const companyId = await this.#ready();
    const body = await this.#request<DataStatuses>('getDataStatus', `companies/${companyId}/dataStatus`, {
      signal: options.signal,
    });
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidResponseError('getDataStatus', 200);
    return body;
  }

  /**
   * Asks the platforms of every Linked connection of the company for fresh data (`POST /companies/{companyId}/data/all`).
   * The API queues the reads and answers at once; `syncs` follows them until they finish.
   */
  async refreshAllData(options: RequestOptions = {}): Promise<void> {
    const companyId = await this.#ready();
    await this.#request<unknown>('refreshAllData', `companies/${companyId}/data/all`, {
      method: 'post',
      signal: options.signal,
    });
    this.syncs.expect();
  }

  /**
   * Asks one connection's platform for fresh data of one type
   * (`POST /companies/{companyId}/data/queue/{dataType}?connectionId=...`); resolves with the queued pull operation.
   */
  async refreshDataType(
    connectionId: string,
    dataType: DataType,
    options: RequestOptions = {},
  ): Promise<PullOperation> {
    const companyId = await this.#ready();
    const id = checkConnectionId(connectionId, 'refreshDataType');
    if (!DATA_TYPE.test(dataType)) {
      throw configurationError(`"${dataType}" is not a data type.`, 'refreshDataType');
    }
    const body = await this.#request<PullOperation>(
      'refreshDataType',
      `companies/${companyId}/data/queue/${dataType}`,
      {
        method: 'post',
        searchParams: { connectionId: id },
        signal: options.signal,
      },
    );
    if (!body || typeof body.id !== 'string' || typeof body.status !== 'string') {
      throw invalidResponseError('refreshDataType', 200);
    }
    this.syncs.expect([body]);
    return body;
  }

  /**
   * Pauses a connection's syncs until `until`, or until resumed when `until` is `null`, through the kit's own
   * route (`syncPausePath`). The shared copy changes only after the API answered with the updated connection.
   */
  async pauseSyncs(connectionId: string, until: Date | null, options: RequestOptions = {}): Promise<Connection> {
    const id = checkConnectionId(connectionId, 'pauseSyncs');
    if (until !== null && !(until instanceof Date && !Number.isNaN(until.getTime()))) {
      throw configurationError(
        'The end of a pause must be a valid date, or null to pause until resumed.',
        'pauseSyncs',
      );
    }
    return this.#updateConnection('pauseSyncs', await this.#syncPausePath(id), {
      method: 'put',
      json: { pausedUntil: until ? until.toISOString() : null },
      signal: options.signal,
    });
  }

  /** Resumes a connection's paused syncs (`DELETE` on `syncPausePath`). */
  async resumeSyncs(connectionId: string, options: RequestOptions = {}): Promise<Connection> {
    const id = checkConnectionId(connectionId, 'resumeSyncs');
    return this.#updateConnection('resumeSyncs', await this.#syncPausePath(id), {
      method: 'delete',
      signal: options.signal,
    });
  }

  /**
   * The bank accounts behind a Banking connection, first page of up to 100
   * (`GET /companies/{companyId}/connections/{connectionId}/data/banking-accounts`, Banking API).
   */
  async listBankingAccounts(connectionId: string, options: RequestOptions = {}): Promise<BankingAccount[]> {
    return this.#shared(`banking-accounts:${connectionId}`, options.signal, async (signal) => {
      const companyId = await this.#ready();
      const id = checkConnectionId(connectionId, 'listBankingAccounts');
      const body = await this.#request<ResultsPage<BankingAccount>>(
        'listBankingAccounts',
        `companies/${companyId}/connections/${id}/data/banking-accounts`,
        { searchParams: { page: 1, pageSize: 100 }, signal },
      );
      return pageResults(body, 'listBankingAccounts', false);
    });
  }

  /**
   * A platform's logos and buttons; `null` when it has none. Read once per platform for the page's life by every
   * client with the same API root and token (a remounted element's new client reads none again); a failed read is
   * not tried again by this client, but a later client tries once more.
   */
  getBranding(platformKey: string): Promise<Branding | null> {
    let pending = this.#branding.get(platformKey);
    if (!pending) {
      const base = this.#baseUrl();
      const key = typeof base === 'string' && this.#token ? `${base} ${this.#token} ${platformKey}` : '';
      pending =
        sessionBranding.get(key) ??
        (PLATFORM_KEY.test(platformKey)
          ? this.#request<Branding>('getBranding', `integrations/${platformKey}/branding`).then(
              (branding) => (branding && typeof branding === 'object' ? branding : null),
              () => {
                sessionBranding.delete(key);
                return null;
              },
            )
          : Promise.resolve(null));
      if (key) sessionBranding.set(key, pending);
      this.#branding.set(platformKey, pending);
    }
    return pending;
  }

  async #syncPausePath(connectionId: string): Promise<string> {
    const companyId = await this.#ready();
    return (this.#options.syncPausePath ?? DEFAULT_SYNC_PAUSE_PATH)
      .replace(/^\/+/, '')
      .replaceAll('{companyId}', companyId)
      .replaceAll('{connectionId}', connectionId);
  }

  /** Sends a change whose answer is the created or updated connection, and stores that answer. */
  async #updateConnection(
    operation: CodatOperation,
    path: string,
    init: { method: 'post' | 'put' | 'patch' | 'delete'; json?: unknown; signal?: AbortSignal },
  ): Promise<Connection> {
    const updated = await this.#request<Connection>(operation, path, init);
    if (!isConnection(updated)) throw invalidResponseError(operation, 200);
    this.connections.upsert(updated);
    return updated;
  }

  #baseUrl(): string | CodatApiError {
    return (this.#base ??= resolveBaseUrl(this.#options.baseUrl));
  }

  /**
   * The company id once the settings are valid (the base URL among them), a configuration error, or `undefined`
   * while the first token is awaited from the provider.
   */
  #resolve(): string | CodatApiError | undefined {
    const baseUrl = this.#baseUrl();
    if (baseUrl instanceof CodatApiError) return baseUrl;
    const token = this.#token;
    if (!token && !this.#options.tokenProvider) {
      return configurationError('No access token was provided, so connections cannot be loaded.');
    }
    const companyId = (this.#companyId ??= this.#options.companyId?.trim() || readTokenClaims(token ?? '')?.companyId);
    if (!companyId) {
      return token
        ? configurationError('No company id was provided and the access token does not name one.')
        : undefined;
    }
    if (!UUID.test(companyId)) return configurationError(`The company id "${companyId}" is not a valid id.`);
    return companyId;
  }

  /**
   * The company id, with a usable token: the first one from the provider, a new one when this one is due for
   * renewal.
   * @throws the configuration error, or the token-expired error when no usable token can be had.
   */
  async #ready(operation: CodatOperation = 'configure'): Promise<string> {
    if (!this.#started && this.#token) this.#useToken(this.#token);
    const companyId = this.#resolve();
    if (companyId instanceof CodatApiError) throw companyId;
    if (this.#options.tokenProvider && (!this.#token || Date.now() >= this.#renewAt)) await this.#renew();
    // This machine's clock only decides when to renew: a token it thinks expired is still sent, and the API's
    // 401 decides, so a wrong clock cannot lock the customer out.
    if (!this.#token) throw this.#expire(operation);
    return companyId ?? this.#ready(operation);
  }

  /** Asks the provider for a token; concurrent callers share one call. A failure keeps the current token. */
  #renew(): Promise<void> {
    return (this.#renewing ??= (async () => {
      try {
        const grant: TokenGrant | string = await this.#options.tokenProvider!();
        const next = typeof grant === 'string' ? { accessToken: grant } : grant;
        if (typeof next?.accessToken === 'string' && next.accessToken.trim()) {
          this.#useToken(next.accessToken, next.expiresIn);
          if (this.#expired) this.#changed();
        }
      } catch {
        // The caller sees a token that is still valid, or the expired state; never the provider's error text.
      } finally {
        this.#renewing = undefined;
      }
    })());
  }

  #useToken(token: string, expiresIn?: number): void {
    const now = Date.now();
    const exp = readTokenClaims(token)?.exp;
    const expiresAt = expiresIn! > 0 ? now + expiresIn! * 1000 : exp ? exp * 1000 : Infinity;
    this.#token = token.trim();
    this.#started = true;
    const renewAt = expiresAt - Math.min(this.#policy.tokenRenewMs, (expiresAt - now) / 2);
    // Already due (a clock that disagrees with the API's, or an old token): renewed after its 401 instead.
    this.#renewAt = renewAt > now ? renewAt : Infinity;
    clearTimeout(this.#renewTimer);
    if (this.#options.tokenProvider && this.#renewAt < Infinity && !this.#life.signal.aborted) {
      // Renewed ahead of time only while something shows this client's data; otherwise before the next request.
      this.#renewTimer = setTimeout(
        () => void (this.#listeners.size && this.#renew()),
        Math.min(this.#renewAt - now, 2 ** 31 - 1),
      );
    }
  }

  /** Ends the expired state and tells the listeners, whose elements read again what they show. */
  #changed(): void {
    this.#expired = false;
    this.#session++;
    this.#notify();
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #expire(operation: CodatOperation): CodatApiError {
    const error = tokenExpiredError(operation, this.#started);
    if (!this.#expired) {
      this.#expired = true;
      this.#notify();
    }
    return error;
  }

  #client(): KyInstance {
    return (this.#http ??= ky.create({
      prefixUrl: this.#baseUrl() as string,
      headers: { ...this.#options.headers, Accept: 'application/json' },
      credentials: this.#options.credentials,
      timeout: this.#policy.attemptTimeoutMs,
      fetch: this.#options.fetch,
      // Every attempt carries the token of the moment, so a retry after a renewal uses the new one.
      hooks: { beforeRequest: [(request) => request.headers.set('Authorization', `Bearer ${this.#token}`)] },
    }));
  }

  /** Sends a request; identical GETs in flight (same path and query) share one (see `#shared`). */
  #request<T>(operation: CodatOperation, path: string, init: SendInit = {}): Promise<T> {
    if (init.method && init.method !== 'get') return this.#send<T>(operation, path, init);
    const key = `GET ${path}?${new URLSearchParams(init.searchParams as Record<string, string>)}`;
    return this.#shared(key, init.signal, (signal) => this.#send<T>(operation, path, { ...init, signal }));
  }

  async #send<T>(operation: CodatOperation, path: string, init: SendInit = {}): Promise<T> {
    const policy = this.#policy;
    const method = init.method ?? 'get';
    // POST, PUT and PATCH change things: retried only when the API cannot have acted (429) or never answered.
    const change = method !== 'get' && method !== 'delete';
    const signal = AbortSignal.any(
      [init.signal, this.#life.signal, AbortSignal.timeout(policy.totalTimeoutMs)].filter((s) => !!s),
    );
    let wait = 0;
    const send = () =>
      this.#client()(path, {
        method,
        // One key per call: ky's retries resend the same request, hence the same key, so Codat replays rather
        // than repeats. A retry after a 401 is a new request (the API did nothing) and gets a new key.
        headers: change ? { 'Idempotency-Key': newKey() } : {},
        json: init.json,
        searchParams: init.searchParams,
        signal,
        retry: {
          limit: policy.retries,
          methods: [method],
          statusCodes: policy.retryStatuses as number[],
          afterStatusCodes: [],
          backoffLimit: Infinity,
          delay: () => wait,
          shouldRetry: ({ error, retryCount }) => {
            const status = error instanceof HTTPError ? error.response.status : null;
            if (status !== null) {
              if (!policy.retryStatuses.includes(status) || (change && status !== 429)) return false;
            } else if (error instanceof TimeoutError ? change : !(error instanceof TypeError)) return false;
            // Retry-After when sent (capped); never Codat's daily X-Rate-Limit-Reset, which ky would fall back to.
            wait = retryDelay(
              retryCount,
              error instanceof HTTPError ? error.response.headers.get('Retry-After') : null,
              policy,
            );
            this.#options.onRetry?.({ operation, retry: retryCount, delayMs: wait, status });
            return true;
          },
        },
      });
    let response: Response;
    try {
      await this.#ready(operation);
      try {
        response = await send();
      } catch (error) {
        if (!(error instanceof HTTPError && error.response.status === 401)) throw error;
        const sent = error.request.headers.get('Authorization');
        if (sent === `Bearer ${this.#token}` && this.#options.tokenProvider) await this.#renew();
        if (sent === `Bearer ${this.#token}`) throw this.#expire(operation);
        try {
          response = await send();
        } catch (again) {
          throw again instanceof HTTPError && again.response.status === 401 ? this.#expire(operation) : again;
        }
      }
    } catch (error) {
      throw await this.#toCodatError(error, operation);
    }
    const text = await response.text();
    if (text.length > policy.maxBodyBytes) {
      throw invalidResponseError(operation, response.status, undefined, () =>
        msg('The connections service sent more data than can be shown. Try again later.', {
          id: 'error.tooLarge',
          desc: 'The API answered with more data than the kit accepts',
        }),
      );
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw invalidResponseError(operation, response.status, cause);
    }
  }

  async #toCodatError(error: unknown, operation: CodatOperation): Promise<unknown> {
    if (error instanceof CodatApiError) return error;
    if (error instanceof HTTPError) return errorFromResponse(error.response, operation, this.#token);
    if (error instanceof DOMException && error.name === 'AbortError') return error;
    // ky's TimeoutError holds the request (and its Authorization header): it is not kept as the cause.
    if (error instanceof TimeoutError || (error instanceof DOMException && error.name === 'TimeoutError')) {
      return new CodatApiError({
        kind: 'timeout',
        operation,
      });
    }
    return new CodatApiError({
      kind: 'network',
      operation,
      cause: error,
    });
  }

  /**
   * Runs `work` once for concurrent identical reads. Each caller can stop waiting with its own signal; when every
   * caller that gave one has stopped, the shared work is aborted too.
   */
  #shared<T>(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let entry = this.#inFlight.get(key);
    if (!entry) {
      const controller = new AbortController();
      const created: Shared = {
        controller,
        users: 0,
        promise: work(controller.signal).finally(() => {
          if (this.#inFlight.get(key) === created) this.#inFlight.delete(key);
        }),
      };
      this.#inFlight.set(key, (entry = created));
    }
    const shared = entry;
    shared.users++;
    if (!signal) {
      // A caller that cannot stop waiting keeps the work going.
      shared.users = Infinity;
      return shared.promise as Promise<T>;
    }
    return new Promise<T>((resolve, reject) => {
      const leave = () => {
        reject(signal.reason);
        if (--shared.users <= 0) {
          if (this.#inFlight.get(key) === shared) this.#inFlight.delete(key);
          shared.controller.abort(signal.reason);
        }
      };
      if (signal.aborted) return leave();
      signal.addEventListener('abort', leave, { once: true });
      (shared.promise as Promise<T>).then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
    });
  }
}

function resolveBaseUrl(baseUrl: string | undefined): string | CodatApiError {
  // An absent or blank base URL means the default one.
  const rawBase = baseUrl?.trim() || DEFAULT_BASE_URL;
  let base: URL;
  try {
    base = new URL(rawBase, globalThis.location?.href);
  } catch {
    return configurationError(`The base URL "${rawBase}" is not a valid URL.`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    return configurationError(`The base URL must use https: or http:, not ${base.protocol}`);
  }
  base.search = '';
  base.hash = '';
  return base.href.replace(/\/+$/, '');
}

function checkConnectionId(connectionId: string, operation: CodatOperation): string {
  if (UUID.test(connectionId)) return connectionId;
  throw configurationError(`"${connectionId}" is not a valid connection id.`, operation);
}

/** A random UUID v4 (works outside secure contexts, unlike `crypto.randomUUID`). */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return hex.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * A page's results (none when `results` is absent), or the invalid-response error when the answer is not a page;
 * a `counted` page must also say how many results there are in all (`totalResults`).
 */
function pageResults<T>(body: ResultsPage<T> | undefined, operation: CodatOperation, counted: boolean): T[] {
  const results = body?.results ?? [];
  if (!body || (counted && typeof body.totalResults !== 'number') || !Array.isArray(results)) {
    throw invalidResponseError(operation, 200);
  }
  return results;
}

/** The fields every connection has and the kit relies on, all strings. */
const CONNECTION_FIELDS = ['id', 'platformName', 'status', 'sourceType', 'created'];

// What JSON.parse gives that is not an object (null, a number, a string, a boolean) has none of the fields these
// two read, so it is neither.

function isConnection(value: unknown): value is Connection {
  return CONNECTION_FIELDS.every((field) => typeof (value as Record<string, unknown> | null)?.[field] === 'string');
}

function isConnectionsPage(value: unknown): value is ConnectionsPage {
  const page = value as Record<string, unknown> | null | undefined;
  return (
    typeof page?.totalResults === 'number' &&
    (page.results === undefined || (Array.isArray(page.results) && page.results.every(isConnection)))
  );
}
