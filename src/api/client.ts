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
  type CodatOperation,
} from './errors.js';
import { DEFAULT_LINK_HOSTS } from '../internal/safe-url.js';
import { readTokenClaims } from './token.js';
import { SyncMonitor, type SyncPollingOptions } from '../sync/sync-monitor.js';
import {
  IN_PROGRESS_PULL_STATUSES,
  type BankingAccount,
  type BankingAccountsPage,
  type Branding,
  type Connection,
  type ConnectionsPage,
  type DataStatuses,
  type DataType,
  type PullOperation,
  type PullOperationsPage,
  type UpdateConnectionStatus,
} from './types.js';

type PullOperationsResponse = Omit<ConnectionsPage, 'results'> & { results?: PullOperation[] };

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
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];

export interface CodatClientOptions {
  /** The API root, absolute or relative to the page; commonly the host's own proxy path. Default `https://api.codat.io`. */
  baseUrl?: string;
  /** The company whose connections are shown. Read from the token's `companyId` claim when absent. */
  companyId?: string;
  /** The company access token, sent as `Authorization: Bearer`. */
  accessToken?: string;
  /** Extra headers on every request, for example a CSRF header for a host proxy. */
  headers?: Record<string, string>;
  /** Fetch credentials mode, for example `include` for a host proxy that uses cookies. */
  credentials?: RequestCredentials;
  /** Per-attempt timeout in milliseconds. Default 15000. */
  timeout?: number;
  /** How many times a failed read is retried. Default 2. */
  retryLimit?: number;
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

interface Settings {
  baseUrl: string;
  companyId: string;
  accessToken: string;
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
  #settings: Settings | CodatApiError | undefined;
  #http: KyInstance | undefined;
  #inFlight = new Map<string, Promise<unknown>>();
  #branding = new Map<string, Promise<Branding | null>>();

  constructor(options: CodatClientOptions = {}) {
    this.#options = { ...options, headers: { ...options.headers } };
    this.syncs = new SyncMonitor(this, options.syncPolling);
  }

  /** The resolved API root, or `undefined` when the configuration is invalid. */
  get baseUrl(): string | undefined {
    const settings = this.#resolve();
    return settings instanceof CodatApiError ? undefined : settings.baseUrl;
  }

  /** The company in use, or `undefined` when none is configured or readable from the token. */
  get companyId(): string | undefined {
    const settings = this.#resolve();
    return settings instanceof CodatApiError ? undefined : settings.companyId;
  }

  /** The hosts a connection's `linkUrl` may point to (see `allowedLinkHosts`). */
  get allowedLinkHosts(): readonly string[] {
    return this.#options.allowedLinkHosts ?? DEFAULT_LINK_HOSTS;
  }

  /** Why no request can be sent with this configuration, or `null` when it is usable. */
  get configurationError(): CodatApiError | null {
    const settings = this.#resolve();
    return settings instanceof CodatApiError ? settings : null;
  }

  /** Reads every page of the company's connections and replaces the shared copy with them. */
  listConnections(options: RequestOptions = {}): Promise<Connection[]> {
    return this.#shared('list', options.signal, async () => {
      const { companyId } = this.#settingsOrThrow();
      const all: Connection[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const body = await this.#request<ConnectionsPage>('listConnections', `companies/${companyId}/connections`, {
          searchParams: { page, pageSize: CONNECTIONS_PAGE_SIZE },
        });
        if (!isConnectionsPage(body)) throw invalidResponseError('listConnections', 200);
        const results = body.results ?? [];
        all.push(...results);
        if (results.length === 0 || all.length >= body.totalResults || !body._links?.next) break;
      }
      this.connections.replaceAll(all);
      return all;
    });
  }

  /** Reads one connection and updates the shared copy. A 404 removes it from the shared copy. */
  getConnection(connectionId: string, options: RequestOptions = {}): Promise<Connection> {
    return this.#shared(`get:${connectionId}`, options.signal, async () => {
      const { companyId } = this.#settingsOrThrow();
      const id = checkConnectionId(connectionId, 'getConnection');
      try {
        const body = await this.#request<Connection>('getConnection', `companies/${companyId}/connections/${id}`);
        if (!isConnection(body)) throw invalidResponseError('getConnection', 200);
        this.connections.upsert(body);
        return body;
      } catch (error) {
        if (error instanceof CodatApiError && error.status === 404) this.connections.remove(id);
        throw error;
      }
    });
  }

  /**
   * Unlinks a connection (`PATCH` with `{"status":"Unlinked"}`): no new data is read, data already
   * read stays, and the customer can link it again later. The shared copy changes only after the API confirmed it.
   */
  async unlinkConnection(connectionId: string, options: RequestOptions = {}): Promise<Connection> {
    const { companyId } = this.#settingsOrThrow();
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
    const { companyId } = this.#settingsOrThrow();
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
    const { companyId } = this.#settingsOrThrow();
    const id = checkConnectionId(connectionId, 'listPullOperations');
    const page = options.page ?? 1;
    const body = await this.#request<PullOperationsResponse>(
      'listPullOperations',
      `companies/${companyId}/data/history`,
      {
        searchParams: { page, pageSize: options.pageSize ?? 20, query: `connectionId=${id}`, orderBy: '-requested' },
        signal: options.signal,
      },
    );
    if (!body || typeof body.totalResults !== 'number' || !Array.isArray(body.results ?? [])) {
      throw invalidResponseError('listPullOperations', 200);
    }
    const results = body.results ?? [];
    return { results, hasMore: results.length > 0 && !!body._links?.next };
  }

  /**
   * The company's pull operations that are still queued or running, across its connections
   * (`GET /companies/{companyId}/data/history` with a `query` on the in-progress statuses).
   */
  async listActivePullOperations(options: RequestOptions = {}): Promise<PullOperation[]> {
    const { companyId } = this.#settingsOrThrow();
    const query = IN_PROGRESS_PULL_STATUSES.map((status) => `status=${status}`).join('||');
    const body = await this.#request<PullOperationsResponse>(
      'listPullOperations',
      `companies/${companyId}/data/history`,
      { searchParams: { page: 1, pageSize: 500, query, orderBy: '-requested' }, signal: options.signal },
    );
    if (!body || !Array.isArray(body.results ?? [])) throw invalidResponseError('listPullOperations', 200);
    return body.results ?? [];
  }

  /** The latest state of each data type of the company (`GET /companies/{companyId}/dataStatus`). */
  async getDataStatus(options: RequestOptions = {}): Promise<DataStatuses> {
    const { companyId } = this.#settingsOrThrow();
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
    const { companyId } = this.#settingsOrThrow();
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
    const { companyId } = this.#settingsOrThrow();
    const id = checkConnectionId(connectionId, 'refreshDataType');
    if (!DATA_TYPE.test(dataType)) {
      throw new CodatApiError({
        kind: 'configuration',
        operation: 'refreshDataType',
        message: `"${dataType}" is not a data type.`,
        canBeRetried: false,
      });
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
      throw new CodatApiError({
        kind: 'configuration',
        operation: 'pauseSyncs',
        message: 'The end of a pause must be a valid date, or null to pause until resumed.',
        canBeRetried: false,
      });
    }
    return this.#updateConnection('pauseSyncs', this.#syncPausePath(id), {
      method: 'put',
      json: { pausedUntil: until ? until.toISOString() : null },
      signal: options.signal,
    });
  }

  /** Resumes a connection's paused syncs (`DELETE` on `syncPausePath`). */
  async resumeSyncs(connectionId: string, options: RequestOptions = {}): Promise<Connection> {
    const id = checkConnectionId(connectionId, 'resumeSyncs');
    return this.#updateConnection('resumeSyncs', this.#syncPausePath(id), {
      method: 'delete',
      signal: options.signal,
    });
  }

  /**
   * The bank accounts behind a Banking connection, first page of up to 100
   * (`GET /companies/{companyId}/connections/{connectionId}/data/banking-accounts`, Banking API).
   */
  async listBankingAccounts(connectionId: string, options: RequestOptions = {}): Promise<BankingAccount[]> {
    return this.#shared(`banking-accounts:${connectionId}`, options.signal, async () => {
      const { companyId } = this.#settingsOrThrow();
      const id = checkConnectionId(connectionId, 'listBankingAccounts');
      const body = await this.#request<BankingAccountsPage>(
        'listBankingAccounts',
        `companies/${companyId}/connections/${id}/data/banking-accounts`,
        { searchParams: { page: 1, pageSize: 100 } },
      );
      if (!body || !Array.isArray(body.results ?? [])) throw invalidResponseError('listBankingAccounts', 200);
      return body.results ?? [];
    });
  }

  /** A platform's logos and buttons, read once per platform for the life of this client; `null` when it has none. */
  getBranding(platformKey: string): Promise<Branding | null> {
    let pending = this.#branding.get(platformKey);
    if (!pending) {
      pending = PLATFORM_KEY.test(platformKey)
        ? this.#request<Branding>('getBranding', `integrations/${platformKey}/branding`).then(
            (branding) => (branding && typeof branding === 'object' ? branding : null),
            () => null,
          )
        : Promise.resolve(null);
      this.#branding.set(platformKey, pending);
    }
    return pending;
  }

  #syncPausePath(connectionId: string): string {
    const { companyId } = this.#settingsOrThrow();
    return (this.#options.syncPausePath ?? DEFAULT_SYNC_PAUSE_PATH)
      .replace(/^\/+/, '')
      .replaceAll('{companyId}', companyId)
      .replaceAll('{connectionId}', connectionId);
  }

  /** Sends a change whose answer is the updated connection, and stores that answer. */
  async #updateConnection(
    operation: CodatOperation,
    path: string,
    init: { method: 'put' | 'patch' | 'delete'; json?: unknown; signal?: AbortSignal },
  ): Promise<Connection> {
    const updated = await this.#request<Connection>(operation, path, init);
    if (!isConnection(updated)) throw invalidResponseError(operation, 200);
    this.connections.upsert(updated);
    return updated;
  }

  #resolve(): Settings | CodatApiError {
    this.#settings ??= resolveSettings(this.#options);
    return this.#settings;
  }

  #settingsOrThrow(): Settings {
    const settings = this.#resolve();
    if (settings instanceof CodatApiError) throw settings;
    return settings;
  }

  #client(): KyInstance {
    if (this.#http) return this.#http;
    const { baseUrl, accessToken } = this.#settingsOrThrow();
    this.#http = ky.create({
      prefixUrl: baseUrl,
      headers: { ...this.#options.headers, Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      credentials: this.#options.credentials,
      timeout: this.#options.timeout ?? 15000,
      fetch: this.#options.fetch,
      retry: {
        limit: this.#options.retryLimit ?? 2,
        methods: ['get'],
        statusCodes: RETRY_STATUSES,
        afterStatusCodes: [413, 429, 503],
        maxRetryAfter: 10000,
        backoffLimit: 4000,
        shouldRetry: ({ error }) => {
          if (error instanceof HTTPError) {
            if (!RETRY_STATUSES.includes(error.response.status)) return false;
            // Honour Retry-After; never wait on Codat's daily X-Rate-Limit-Reset (ky's fallback).
            return error.response.headers.has('Retry-After') ? undefined : true;
          }
          return true;
        },
      },
    });
    return this.#http;
  }

  async #request<T>(
    operation: CodatOperation,
    path: string,
    init: {
      method?: 'get' | 'post' | 'put' | 'patch' | 'delete';
      json?: unknown;
      searchParams?: Record<string, number | string>;
      signal?: AbortSignal;
    } = {},
  ): Promise<T> {
    let response: Response;
    try {
      const method = init.method ?? 'get';
      response = await this.#client()(path, {
        method,
        // Codat accepts an Idempotency-Key on changes; one per call, so a replay of this call is recognised.
        headers: method === 'post' || method === 'patch' || method === 'put' ? { 'Idempotency-Key': newKey() } : {},
        json: init.json,
        searchParams: init.searchParams,
        signal: init.signal,
      });
    } catch (error) {
      throw await toCodatError(error, operation);
    }
    const text = await response.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw invalidResponseError(operation, response.status, cause);
    }
  }

  /** Runs `work` once for concurrent identical reads; each caller can still stop waiting with its own signal. */
  #shared<T>(key: string, signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
    let pending = this.#inFlight.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = work().finally(() => this.#inFlight.delete(key));
      this.#inFlight.set(key, pending);
    }
    return signal ? raceAbort(pending, signal) : pending;
  }
}

function resolveSettings(options: CodatClientOptions): Settings | CodatApiError {
  const rawBase = (options.baseUrl ?? DEFAULT_BASE_URL).trim();
  let base: URL;
  try {
    base = new URL(rawBase || DEFAULT_BASE_URL, globalThis.location?.href);
  } catch {
    return configurationError(`The base URL "${rawBase}" is not a valid URL.`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    return configurationError(`The base URL must use https: or http:, not ${base.protocol}`);
  }
  const accessToken = options.accessToken?.trim();
  if (!accessToken) return configurationError('No access token was provided, so connections cannot be loaded.');
  const companyId = options.companyId?.trim() || readTokenClaims(accessToken)?.companyId;
  if (!companyId) {
    return configurationError('No company id was provided and the access token does not name one.');
  }
  if (!UUID.test(companyId)) return configurationError(`The company id "${companyId}" is not a valid id.`);
  base.search = '';
  base.hash = '';
  return { baseUrl: base.href.replace(/\/+$/, ''), companyId, accessToken };
}

function checkConnectionId(connectionId: string, operation: CodatOperation): string {
  if (UUID.test(connectionId)) return connectionId;
  throw new CodatApiError({
    kind: 'configuration',
    operation,
    message: `"${connectionId}" is not a valid connection id.`,
    canBeRetried: false,
  });
}

async function toCodatError(error: unknown, operation: CodatOperation): Promise<unknown> {
  if (error instanceof CodatApiError) return error;
  if (error instanceof HTTPError) return errorFromResponse(error.response, operation);
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof TimeoutError) {
    return new CodatApiError({
      kind: 'timeout',
      operation,
      message: 'The connections service took too long to answer. Try again.',
      cause: error,
    });
  }
  return new CodatApiError({
    kind: 'network',
    operation,
    message: 'Could not reach the connections service. Check your internet connection and try again.',
    cause: error,
  });
}

/** A random UUID v4 (works outside secure contexts, unlike `crypto.randomUUID`). */
function newKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function isConnection(value: unknown): value is Connection {
  if (!value || typeof value !== 'object') return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.id === 'string' &&
    typeof c.platformName === 'string' &&
    typeof c.status === 'string' &&
    typeof c.sourceType === 'string' &&
    typeof c.created === 'string'
  );
}

function isConnectionsPage(value: unknown): value is ConnectionsPage {
  if (!value || typeof value !== 'object') return false;
  const page = value as Record<string, unknown>;
  return (
    typeof page.totalResults === 'number' &&
    (page.results === undefined || (Array.isArray(page.results) && page.results.every(isConnection)))
  );
}
