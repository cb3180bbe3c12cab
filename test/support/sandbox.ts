/**
 * Browser test support: one msw worker per test file, a fresh sandbox per test.
 *
 *   const api = useSandboxWorker();            // at the top of a describe block
 *   const { token } = await api.fresh();       // in a test: fresh state, handlers installed
 *   api.requests                               // every request the page sent since fresh()
 */
import { setupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import {
  createSandbox,
  defaultSeed,
  GREENFIELD_ID,
  SEED_CONNECTION_IDS,
  type Sandbox,
  type SandboxSeed,
} from '../../src/sandbox/index.js';

/** The API root the tests use: a same-origin path, as with a host's own proxy. */
export const BASE_URL = '/api';

export interface RecordedRequest {
  method: string;
  url: URL;
  /** The request body as text (empty for GET). */
  bodyText: Promise<string>;
  headers: Headers;
}

export interface FreshSandbox {
  sandbox: Sandbox;
  companyId: string;
  token: string;
}

export interface SandboxWorker {
  /** Requests sent to the API since the last `fresh()`. */
  readonly requests: RecordedRequest[];
  /** A new sandbox (default seed unless given) with its handlers installed and a token for `companyId`. */
  fresh(options?: { seed?: SandboxSeed; companyId?: string; now?: () => number }): Promise<FreshSandbox>;
  /** Installs handlers that take precedence over the sandbox's, until the next test. */
  use(...handlers: RequestHandler[]): void;
}

const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** Registers before/after hooks for the current describe block and returns the helpers. */
export function useSandboxWorker(): SandboxWorker {
  const requests: RecordedRequest[] = [];
  // Tokens issued for the current test, and for earlier ones. Firefox can deliver an earlier test's
  // request events after the next fresh(); a request bearing an earlier test's token is not recorded.
  let current = new Set<string>();
  const earlier = new Set<string>();
  const onRequest = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(BASE_URL + '/')) return;
    const bearer = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
    if (bearer && earlier.has(bearer)) return;
    // Record at once (a test may look as soon as the response arrives); the body is read on demand.
    const bodyText = request.method === 'GET' ? Promise.resolve('') : request.clone().text();
    requests.push({ method: request.method, url, bodyText, headers: request.headers });
  };

  before(async () => {
    started ??= worker.start({
      quiet: true,
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
    await started;
    worker.events.on('request:start', onRequest);
  });
  after(() => {
    worker.events.removeListener('request:start', onRequest);
  });
  afterEach(() => {
    worker.resetHandlers();
  });

  return {
    requests,
    async fresh(options = {}) {
      const created = createSandbox({ baseUrl: BASE_URL, seed: options.seed ?? defaultSeed(), now: options.now });
      for (const token of current) earlier.add(token);
      const issued = (current = new Set());
      const sandbox: Sandbox = {
        ...created,
        async issueAccessToken(companyId, tokenOptions) {
          const token = await created.issueAccessToken(companyId, tokenOptions);
          issued.add(token);
          return token;
        },
      };
      worker.resetHandlers(...sandbox.handlers);
      requests.length = 0;
      const companyId = options.companyId ?? GREENFIELD_ID;
      const token = await sandbox.issueAccessToken(companyId);
      return { sandbox, companyId, token };
    },
    use(...handlers) {
      worker.use(...handlers);
    },
  };
}

/** Requests of one method whose path ends with `suffix`. */
export function requestsTo(requests: RecordedRequest[], method: string, suffix: string): RecordedRequest[] {
  return requests.filter((r) => r.method === method && r.url.pathname.endsWith(suffix));
}

/** Waits until `predicate` holds, polling each animation frame; fails with `message` after `timeout` ms. */
export async function waitUntil(predicate: () => boolean, message: string, timeout = 6000): Promise<void> {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Connection ids of the default seed, by platform. */
export const SEED = SEED_CONNECTION_IDS;
