/**
 * The strict-CSP demo page and everything it needs, from one origin: node:http and the sandbox's handlers (through
 * msw's `getResponse`, no service worker: registering one needs a TrustedScriptURL under
 * `require-trusted-types-for 'script'`). Under `/csp/`:
 *
 * - `/csp/` — demo/csp/index.html, served with `STRICT_CSP` as its Content-Security-Policy header (`?kit=`,
 *   `?host-lit` and `?trusted-types=allow-duplicates` choose variants, see `CspDemoOptions`);
 * - `/csp/page.js`, `/csp/page.css`, `/csp/favicon.svg` — the page's own script (violation reporting, language),
 *   stylesheet and icon (from 'self', as the policy's `img-src` allows; without one the browser asks for /favicon.ico);
 * - `/csp/dist/…` — dist/codat-connections.js and its dist/locales/ (`npm run build:bundle`);
 * - `/csp/api/…` — the sandbox's API, and `/csp/link/…` its link pages (each connection's `linkUrl`);
 * - `/csp/token` — `{accessToken, expiresIn}` for the sandbox's Greenfield company (the provider's `token-url`);
 * - `POST /csp/reset` — a fresh sandbox (the tests start each case with one).
 *
 * Each visitor has a sandbox of their own, told apart by a cookie (`codat-csp-sandbox`, path `/csp`).
 *
 * `createCspDemo()` answers those requests for any node:http server, the web-test-runner middleware included
 * (web-test-runner.config.mjs); `startCspDemoServer()` is `npm run demo:csp`.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createSandbox, defaultSeed, GREENFIELD_ID, type Sandbox } from '../../src/sandbox/index.js';
import { toFetchRequest, writeResponse } from '../../src/sandbox/node-http.js';

/** The policy of issue 5, item 5: nothing inline, nothing from elsewhere, and only Lit's Trusted Types policy. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

/** `STRICT_CSP` for a host page that has its own copy of Lit: both copies create the `lit-html` policy. */
export const STRICT_CSP_WITH_HOST_LIT = `${STRICT_CSP} 'allow-duplicates'`;

/** Where the demo lives on its origin. */
export const CSP_PREFIX = '/csp';

export interface CspDemoOptions {
  /**
   * Which scripts may provide the elements, by the name the page's `?kit=` query uses; the first is the default.
   * Default: `{ bundle: '/csp/dist/codat-connections.js' }`. web-test-runner adds `source: '/src/define.ts'` (the
   * sources through its esbuild plugin, with Lit's development build).
   */
  kits?: Record<string, string>;
  /** The folder served as `/csp/dist/`. Default: the package's dist/. */
  distDir?: URL;
  /**
   * Same-origin classic scripts added to the page's head after its own, for tests: web-test-runner adds axe-core,
   * which must run in the page's own window to check its elements. Default: none.
   */
  extraScripts?: string[];
  /**
   * A module that defines an element of the host's own with the host's own copy of Lit, loaded before the kit when
   * the page is opened with `?host-lit` (web-test-runner serves one; the standalone server has no bare imports).
   * Add `&trusted-types=allow-duplicates` for `STRICT_CSP_WITH_HOST_LIT`.
   */
  hostLit?: string;
}

export interface CspDemo {
  /** Answers a request under `/csp/` and resolves true, or resolves false (and writes nothing) for any other. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

const here = (path: string) => new URL(path, import.meta.url);

/** The cookie that keeps each visitor's sandbox apart. */
const VISITOR_COOKIE = 'codat-csp-sandbox';
const VISITOR = new RegExp(`(?:^|;\\s*)${VISITOR_COOKIE}=([\\w-]+)`);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

export function createCspDemo(options: CspDemoOptions = {}): CspDemo {
  const kits = options.kits ?? { bundle: `${CSP_PREFIX}/dist/codat-connections.js` };
  const distDir = options.distDir ?? here('../../dist/');
  /**
   * One sandbox per visitor (a cookie) and origin (its linkUrls are absolute): two browsers testing at once, or two
   * people trying the demo, never share state.
   */
  const sandboxes = new Map<string, Sandbox>();
  const sandboxFor = (origin: string, visitor: string) => {
    const key = `${origin} ${visitor}`;
    let sandbox = sandboxes.get(key);
    if (!sandbox) {
      sandbox = createSandbox({
        baseUrl: `${origin}${CSP_PREFIX}/api`,
        linkBaseUrl: `${origin}${CSP_PREFIX}/link`,
        seed: defaultSeed(),
      });
      sandboxes.set(key, sandbox);
    }
    return sandbox;
  };

  async function page(res: ServerResponse, url: URL, cookie: Record<string, string>) {
    const name = url.searchParams.get('kit') ?? Object.keys(kits)[0]!;
    const kit = kits[name];
    if (!kit) return send(res, 404, `No kit "${name}" here`, { 'Content-Type': 'text/plain; charset=utf-8' });
    const template = await readFile(here('./index.html'), 'utf8');
    const wantsHostLit = url.searchParams.has('host-lit');
    if (wantsHostLit && !options.hostLit) {
      return send(res, 404, 'No host Lit here', { 'Content-Type': 'text/plain; charset=utf-8' });
    }
    const policy = url.searchParams.get('trusted-types') === 'allow-duplicates' ? STRICT_CSP_WITH_HOST_LIT : STRICT_CSP;
    const hostLit = wantsHostLit ? `<script type="module" src="${escapeHtml(options.hostLit!)}"></script>` : '';
    const extra = (options.extraScripts ?? []).map((src) => `<script src="${escapeHtml(src)}"></script>`).join('');
    const html = template
      .replace('<!-- host lit -->', hostLit)
      .replace('<!-- extra scripts -->', extra)
      .replace(/\{\{ (\w+) \}\}/g, (_, key: string) =>
        escapeHtml(({ kit, policy } as Record<string, string>)[key] ?? ''),
      );
    send(res, 200, html, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': policy,
      'Referrer-Policy': 'no-referrer',
      ...cookie,
    });
  }

  async function dist(res: ServerResponse, path: string) {
    // Only plain names under dist/ (codat-connections.js, locales/fr-….js): no dot segments, nothing else.
    if (!/^(?:locales\/)?[\w-]+\.js(?:\.map)?$/.test(path)) return send(res, 404, 'Not found');
    try {
      const body = await readFile(new URL(path, distDir));
      send(res, 200, body, { 'Content-Type': TYPES[path.endsWith('.map') ? '.map' : '.js']! });
    } catch {
      send(res, 404, `${path} is missing: run npm run build:bundle`, { 'Content-Type': 'text/plain; charset=utf-8' });
    }
  }

  async function sandbox(req: IncomingMessage, res: ServerResponse, origin: string, visitor: string) {
    const request = await toFetchRequest(req, origin);
    const response = await getResponse(sandboxFor(origin, visitor).handlers, request);
    if (!response) return send(res, 404, 'Not found');
    if (response.type === 'error') return void res.destroy();
    await writeResponse(res, response, { 'Cache-Control': 'no-store' });
  }

  return {
    async handle(req, res) {
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      const url = new URL(req.url ?? '/', origin);
      const path = url.pathname;
      if (path !== CSP_PREFIX && !path.startsWith(`${CSP_PREFIX}/`)) return false;
      const rest = path.slice(CSP_PREFIX.length);
      const method = req.method ?? 'GET';
      const known = VISITOR.exec(req.headers.cookie ?? '')?.[1];
      // A new visitor (and any reset) gets a new id, hence a fresh sandbox.
      const reset = rest === '/reset' && method === 'POST';
      const visitor = (!reset && known) || randomUUID();
      const cookie: Record<string, string> =
        visitor === known
          ? {}
          : { 'Set-Cookie': `${VISITOR_COOKIE}=${visitor}; Path=${CSP_PREFIX}; HttpOnly; SameSite=Strict` };
      try {
        if (rest.startsWith('/api/') || rest.startsWith('/link/')) await sandbox(req, res, origin, visitor);
        else if (reset) {
          if (known) sandboxes.delete(`${origin} ${known}`);
          send(res, 204, '', cookie);
        } else if (method !== 'GET') send(res, 405, 'Method not allowed');
        else if (rest === '') send(res, 301, '', { Location: `${CSP_PREFIX}/${url.search}` });
        else if (rest === '/') await page(res, url, cookie);
        else if (rest === '/page.js' || rest === '/page.css' || rest === '/favicon.svg') {
          send(res, 200, await readFile(here(`.${rest}`)), {
            'Content-Type': TYPES[rest.slice(rest.lastIndexOf('.'))]!,
          });
        } else if (rest === '/token') {
          const expiresIn = 3600;
          const accessToken = await sandboxFor(origin, visitor).issueAccessToken(GREENFIELD_ID, { expiresIn });
          send(res, 200, JSON.stringify({ accessToken, expiresIn }), {
            'Content-Type': 'application/json; charset=utf-8',
            ...cookie,
          });
        } else if (rest.startsWith('/dist/')) await dist(res, rest.slice('/dist/'.length));
        else send(res, 404, 'Not found');
      } catch (error) {
        if (!res.headersSent) send(res, 500, `CSP demo: ${(error as Error).message}`);
        else res.destroy();
      }
      return true;
    },
  };
}

export interface CspDemoServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the demo on its own (`npm run demo:csp`), with the built bundle. */
export async function startCspDemoServer(options: CspDemoOptions & { port?: number; host?: string } = {}) {
  const { port = 0, host = '127.0.0.1', ...demoOptions } = options;
  const demo = createCspDemo(demoOptions);
  const server = createServer((req, res) => {
    void demo.handle(req, res).then((handled) => {
      if (handled) return;
      if (req.url === '/') send(res, 302, '', { Location: `${CSP_PREFIX}/` });
      else send(res, 404, 'Not found', { 'Content-Type': 'text/plain; charset=utf-8' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  } satisfies CspDemoServer;
}
