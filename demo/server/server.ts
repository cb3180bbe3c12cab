/**
 * A server-rendered page standing in for a Rails or Django app: node:http and nothing else. It signs the customer
 * in (a session cookie), renders docs/EMBEDDING.md's template with the company's id, a per-session page token and a
 * CSRF token, gets the company's Codat access token server-side with the API key, and proxies the kit's routes
 * under `/codat/` (see proxy.ts), replacing the page token with the Codat token. The API key and the Codat token
 * never reach the browser.
 *
 *   npm run example:server   # the sandbox as "Codat" on a free port, then this page on http://127.0.0.1:4020
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decide, type ProxySession } from './proxy.js';

export interface ExampleServerOptions {
  /** Codat's API root (here the sandbox server's URL). */
  codatUrl: string;
  /** The Codat API key: server-side only. */
  apiKey: string;
  /** The company of the signed-in customer (a real app reads it from its own user record). */
  companyId: string;
  companyName: string;
  /** Path of dist/codat-connections.js (or a copy). Default: the package's dist/. */
  bundlePath?: string;
  port?: number;
  host?: string;
}

export interface ExampleServer {
  url: string;
  /** Every request forwarded to Codat (method and path), for tests: refused requests never appear here. */
  forwarded: string[];
  close(): Promise<void>;
}

interface Session extends ProxySession {
  codatToken?: { value: string; expiresAt: number };
}

const here = (path: string) => new URL(path, import.meta.url);
/** The page's strict policy: nothing inline, nothing from elsewhere; the kit needs no more. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Headers of Codat's answers passed on to the page. */
const PASSED_HEADERS = ['content-type', 'retry-after', 'x-correlation-id'];
/** Headers of the page's requests passed on to Codat; Authorization is set here, never taken from the page. */
const FORWARDED_HEADERS = ['accept', 'content-type', 'idempotency-key'];

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const secret = () => randomBytes(32).toString('base64url');

function errorBody(status: number, message: string): string {
  const correlationId = randomBytes(16).toString('hex');
  return JSON.stringify({
    statusCode: status,
    service: 'ExampleProxy',
    error: message,
    correlationId,
    canBeRetried: 'False',
  });
}

async function readBody(req: IncomingMessage, limit = 16_384): Promise<string | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startExampleServer(options: ExampleServerOptions): Promise<ExampleServer> {
  const { codatUrl, apiKey, companyId, companyName, host = '127.0.0.1', port = 0 } = options;
  const bundlePath = options.bundlePath ?? here('../../dist/codat-connections.js');
  const template = await readFile(here('./page.html'), 'utf8');
  const sessions = new Map<string, Session>();
  const forwarded: string[] = [];

  /** The company's Codat access token, from the API key, cached until a minute before it expires. */
  async function codatToken(session: Session): Promise<string> {
    if (session.codatToken && session.codatToken.expiresAt > Date.now() + 60_000) return session.codatToken.value;
    const response = await fetch(`${codatUrl}/companies/${session.companyId}/accessToken`, {
      headers: { Authorization: `Basic ${Buffer.from(apiKey).toString('base64')}`, Accept: 'application/json' },
    });
    if (!response.ok) throw new Error(`Codat refused the access token request (${response.status})`);
    const body = (await response.json()) as { accessToken: string; expiresIn: number };
    session.codatToken = { value: body.accessToken, expiresAt: Date.now() + body.expiresIn * 1000 };
    return body.accessToken;
  }

  function sessionOf(req: IncomingMessage): Session | undefined {
    const sid = /(?:^|;\s*)sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    return sid ? sessions.get(sid) : undefined;
  }

  function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>) {
    res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  }

  async function renderPage(req: IncomingMessage, res: ServerResponse) {
    // Stands in for signing in: one session per browser, for the customer's own company.
    let session = sessionOf(req);
    const headers: Record<string, string> = {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    };
    if (!session) {
      const sid = secret();
      session = { companyId, pageToken: secret(), csrfToken: secret() };
      sessions.set(sid, session);
      headers['Set-Cookie'] = `sid=${sid}; Path=/; HttpOnly; SameSite=Strict`;
    }
    await codatToken(session); // Fails the page, not the widget, when the API key is wrong.
    const values: Record<string, string> = {
      csrf_token: session.csrfToken,
      company_id: session.companyId,
      company_name: companyName,
      page_token: session.pageToken,
    };
    const html = template.replace(/\{\{ (\w+) \}\}/g, (_, name: string) => escapeHtml(values[name] ?? ''));
    send(res, 200, html, headers);
  }

  async function proxy(req: IncomingMessage, res: ServerResponse, url: URL) {
    const session = sessionOf(req);
    const body = await readBody(req);
    if (body === undefined) {
      send(res, 413, errorBody(413, 'The request is too large.'), {
        'Content-Type': 'application/json; charset=utf-8',
      });
      return;
    }
    const path = url.pathname.slice('/codat/'.length);
    const decision = decide(
      {
        method: req.method ?? 'GET',
        path,
        query: url.searchParams,
        authorization: req.headers.authorization,
        csrfToken: req.headers['x-csrf-token'] as string | undefined,
        body,
      },
      session,
    );
    if (!decision.forward) {
      send(res, decision.status, errorBody(decision.status, decision.message), {
        'Content-Type': 'application/json; charset=utf-8',
      });
      return;
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${await codatToken(session!)}` };
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const target = `${codatUrl}/${path}${url.search}`;
    forwarded.push(`${req.method} /${path}`);
    const method = req.method ?? 'GET';
    const answer = await fetch(target, { method, headers, body: method === 'GET' || !body ? undefined : body });
    const passed: Record<string, string> = {};
    for (const name of PASSED_HEADERS) {
      const value = answer.headers.get(name);
      if (value) passed[name] = value;
    }
    send(res, answer.status, Buffer.from(await answer.arrayBuffer()), passed);
  }

  const assets: Record<string, [string | URL, string]> = {
    '/assets/codat-connections.js': [bundlePath, 'text/javascript; charset=utf-8'],
    '/assets/page.js': [here('./page.js'), 'text/javascript; charset=utf-8'],
    '/assets/page.css': [here('./page.css'), 'text/css; charset=utf-8'],
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      try {
        if (url.pathname.startsWith('/codat/')) return await proxy(req, res, url);
        if (req.method !== 'GET') return send(res, 405, 'Method not allowed', { 'Content-Type': 'text/plain' });
        if (url.pathname === '/') return await renderPage(req, res);
        if (url.pathname === '/favicon.ico') return send(res, 204, '', {});
        const asset = assets[url.pathname];
        if (asset) return send(res, 200, await readFile(asset[0]), { 'Content-Type': asset[1] });
        send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });
      } catch (error) {
        if (!res.headersSent) send(res, 502, errorBody(502, 'Codat could not be reached.'), {});
        else res.destroy();
        console.error('example server:', (error as Error).message);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    forwarded,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
