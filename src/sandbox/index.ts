/**
 * Browser-safe entry of the Codat Platform API sandbox: a stateful fake whose
 * msw handlers serve browser tests, the in-browser demo and (through
 * `./node.ts`) a real HTTP server. No Node imports here.
 */
import type { RequestHandler } from 'msw';
import { createHandlers } from './handlers.js';
import type { SandboxSeed } from './seed.js';
import { SandboxStore } from './store.js';
import { TokenIssuer } from './tokens.js';

export {
  SandboxStore,
  syncPauseOf,
  SYNC_PAUSE_KEYS,
  type Company,
  type SandboxStoreOptions,
  type SyncPause,
} from './store.js';
export { MAX_SYNC_PAUSE_MS, PAUSABLE_INTEGRATION_KEY } from './handlers.js';
export {
  BANKING_ACCOUNT_QUERY,
  type BankingAccount,
  type BankingAccountType,
  type BankingAccountIdentifierType,
  type BankingAccountValidator,
} from './banking.js';
export {
  DATA_TYPES,
  DATA_TYPES_BY_SOURCE,
  PULL_STATUSES,
  PULL_TIMELINE,
  FAILED_PULL_STATUS,
  type PullOperation,
  type PullStatus,
  type DataType,
  type DataStatus,
  type DataStatuses,
} from './pulls.js';
export {
  defaultSeed,
  validateSeed,
  SeedError,
  PLATFORMS,
  GREENFIELD_ID,
  SEED_CONNECTION_IDS,
  SEED_BANKING_ACCOUNT_IDS,
  HARBOUR_ID,
  OAKRIDGE_ID,
  type SandboxSeed,
  type SeedCompany,
  type Connection,
  type ConnectionStatus,
  type Platform,
  type ConnectionValidator,
  type PullOperationValidator,
} from './seed.js';
export { CORS_HEADERS, FORBIDDEN_MESSAGE } from './errors.js';

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** Initial state; defaults to `defaultSeed()`. */
  seed?: SandboxSeed;
  /**
   * Where the API lives: default `https://api.codat.io`. A path such as `/api`
   * is resolved by msw against `location.origin`; an absolute URL such as
   * `http://127.0.0.1:4010` is matched as is.
   */
  baseUrl?: string;
  /**
   * Millisecond clock for token `iat`/`exp` and expiry checks and for the
   * progress of pull operations; default `Date.now`.
   */
  now?: () => number;
  /** Lifetime of tokens from the accessToken route; default 86400 (one day). */
  tokenLifetimeSeconds?: number;
}

/** One sandbox instance: its own state, handlers and token secret. */
export interface Sandbox {
  readonly store: SandboxStore;
  readonly handlers: RequestHandler[];
  readonly baseUrl: string;
  /** Mints a company access token, as `GET /companies/{id}/accessToken` does. */
  issueAccessToken(companyId: string, options?: { expiresIn?: number }): Promise<string>;
}

/**
 * Creates an independent sandbox (state is per instance, never module-level).
 * @example
 * const sandbox = createSandbox({ baseUrl: '/api' });
 * const worker = setupWorker(...sandbox.handlers);
 * const token = await sandbox.issueAccessToken(GREENFIELD_ID);
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const baseUrl = (options.baseUrl ?? 'https://api.codat.io').replace(/\/+$/, '');
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 86400;
  const now = options.now ?? Date.now;
  const store = new SandboxStore(options.seed, { now });
  const tokens = new TokenIssuer(now);
  const handlers = createHandlers({ store, tokens, baseUrl, tokenLifetimeSeconds, now });
  return {
    store,
    handlers,
    baseUrl,
    issueAccessToken: (companyId, { expiresIn = tokenLifetimeSeconds } = {}) => tokens.issue(companyId, expiresIn),
  };
}
