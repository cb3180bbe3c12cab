/**
 * Browser-safe entry of the Codat Platform API sandbox: a stateful fake whose
 * msw handlers serve browser tests, the in-browser demo and (through
 * `./node.ts`) a real HTTP server. No Node imports here.
 */
import type { RequestHandler } from 'msw';
import { getResponse, http } from 'msw';
import { SandboxFaults, type FaultRule } from './faults.js';
import { createHandlers } from './handlers.js';
import { checkUrlOption } from './link.js';
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
export { CANCELLED_MESSAGE, DONE_MESSAGE, CANCELLED_PAGE_MESSAGE, type LinkOutcome } from './link.js';
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
export {
  SandboxFaults,
  validateFaults,
  FAULT_BODIES,
  HUGE_BODY_BYTES,
  LATENCY_ON,
  type FaultRule,
  type FaultBody,
  type LatencyOn,
} from './faults.js';

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
  /**
   * Where the sandbox's link pages live: an absolute URL or a path (resolved
   * like `baseUrl`). When set, every Connection the sandbox serves has
   * `linkUrl` = `${linkBaseUrl}/companies/{companyId}/connections/{connectionId}/start`,
   * and that page (and its form's `.../authorize` route) is served. Default:
   * none; the seed's `https://link-api.codat.io/...` linkUrls are served as they are.
   * The Node server defaults it to its own origin + `/sandbox/link`.
   */
  linkBaseUrl?: string;
  /**
   * Where the link page sends the customer afterwards (like the Redirect URL a
   * Codat client sets in the portal), with `statusCode`, `statusText`,
   * `companyId`, `connectionId` (and `errorMessage` on cancel) added to its
   * query. May contain `{companyId}` and `{connectionId}`. Default: none; the
   * page then says "Done: you can close this window and return to the app."
   */
  redirectUrl?: string;
  /** Fault rules in force from the start (after the seed's `faults`); see `FaultRule`. */
  faults?: FaultRule[];
  /** Seed of the generator behind `rate` and latency ranges, so a run repeats. Default 1. */
  faultSeed?: number;
}

/** One sandbox instance: its own state, handlers and token secret. */
export interface Sandbox {
  readonly store: SandboxStore;
  readonly handlers: RequestHandler[];
  readonly baseUrl: string;
  /** The fault rules in force: `sandbox.faults.add({ path: '/connections$', status: 503, times: 1 })`. */
  readonly faults: SandboxFaults;
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
  const linkBaseUrl =
    options.linkBaseUrl === undefined
      ? undefined
      : checkUrlOption('linkBaseUrl', options.linkBaseUrl).replace(/\/+$/, '');
  const redirectUrl =
    options.redirectUrl === undefined ? undefined : checkUrlOption('redirectUrl', options.redirectUrl);
  const store = new SandboxStore(options.seed, { now });
  const tokens = new TokenIssuer(now);
  const faults = new SandboxFaults([...(options.seed?.faults ?? []), ...(options.faults ?? [])], options.faultSeed);
  const routes = createHandlers({ store, tokens, baseUrl, tokenLifetimeSeconds, now, linkBaseUrl, redirectUrl });
  const handlers = [
    // Tried first: answers when a fault rule says so, otherwise (after any latency) lets the routes answer; a rule
    // with its latency on the response has the routes answer at once and holds their answer.
    http.all(`${baseUrl}/*`, ({ request }) => faults.apply(request, (held) => getResponse(routes, held.clone()))),
    ...routes,
  ];
  return {
    store,
    handlers,
    baseUrl,
    faults,
    issueAccessToken: (companyId, { expiresIn = tokenLifetimeSeconds } = {}) => tokens.issue(companyId, expiresIn),
  };
}
