/** The real HTTP server over loopback, and the `npm run sandbox` CLI. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GREENFIELD_ID, HARBOUR_ID, OAKRIDGE_ID } from '../../src/sandbox/index.js';
import { SEED_CONNECTION_IDS as SEED } from '../../src/sandbox/index.js';
import { startSandboxServer } from '../../src/sandbox/node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('startSandboxServer', () => {
  it('serves the handlers over loopback HTTP, with CORS preflight, then closes', async () => {
    const server = await startSandboxServer({ port: 0 });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const connections = `${server.url}/companies/${GREENFIELD_ID}/connections`;

      const preflight = await fetch(connections, {
        method: 'OPTIONS',
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'PATCH',
          'Access-Control-Request-Headers': 'authorization, content-type',
        },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.match(preflight.headers.get('access-control-allow-methods')!, /PATCH/);
      assert.match(preflight.headers.get('access-control-allow-headers')!, /Authorization/);

      const token = await server.sandbox.issueAccessToken(GREENFIELD_ID);
      const list = await fetch(`${connections}?pageSize=3`, {
        headers: { Authorization: `Bearer ${token}`, Origin: 'http://localhost:5173' },
      });
      assert.equal(list.status, 200);
      assert.equal(list.headers.get('access-control-allow-origin'), '*');
      assert.equal(list.headers.get('access-control-expose-headers'), 'Retry-After, X-Correlation-Id');
      const body = (await list.json()) as { totalResults: number; _links: { next: { href: string } } };
      assert.equal(body.totalResults, 8);
      assert.equal(body._links.next.href, `/companies/${GREENFIELD_ID}/connections?page=2&pageSize=3`);

      const xero = `${connections}/${SEED.xero}`;
      const patch = await fetch(xero, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{"status":"Unlinked"}',
      });
      assert.equal(patch.status, 200);
      assert.equal(((await patch.json()) as { status: string }).status, 'Unlinked');

      const forbidden = await fetch(`${server.url}/companies/${HARBOUR_ID}/connections`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.equal(forbidden.status, 403);
      assert.equal(forbidden.headers.get('access-control-allow-origin'), '*');

      const branding = (await (
        await fetch(`${server.url}/integrations/gbol/branding`, { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as {
        logo: { square: { image: { src: string } } };
      };
      assert.equal(branding.logo.square.image.src, `${server.url}/sandbox/logos/gbol.svg`);
      const logo = await fetch(branding.logo.square.image.src);
      assert.equal(logo.headers.get('content-type'), 'image/svg+xml');

      const missing = await fetch(`${server.url}/nothing/here`);
      assert.equal(missing.status, 404);
      assert.equal(((await missing.json()) as { service: string }).service, 'PublicApi');
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(server.url), 'closed server refuses connections');
  });

  it('serves the link journey from its own origin: linkUrl, start page, form POST and redirect', async () => {
    const server = await startSandboxServer({ port: 0, redirectUrl: 'http://localhost:5173/codat/{connectionId}' });
    try {
      const basic = { Authorization: 'Basic eDo=' };
      const square = `${server.url}/companies/${GREENFIELD_ID}/connections/${SEED.square}`;
      const { linkUrl } = (await (await fetch(square, { headers: basic })).json()) as { linkUrl: string };
      assert.equal(linkUrl, `${server.url}/sandbox/link/companies/${GREENFIELD_ID}/connections/${SEED.square}/start`);

      const page = await fetch(linkUrl);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(
        page.headers.get('content-security-policy'),
        "default-src 'none'; style-src 'self'; form-action 'self' http://localhost:5173; frame-ancestors 'none'; base-uri 'none'",
      );
      const html = await page.text();
      const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
      assert.equal(action, linkUrl.replace(/\/start$/, '/authorize'));
      const css = /<link rel="stylesheet" href="([^"]+)">/.exec(html)?.[1];
      assert.equal((await fetch(css!)).headers.get('content-type'), 'text/css; charset=utf-8');

      const posted = await fetch(action!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'outcome=authorize',
        redirect: 'manual',
      });
      assert.equal(posted.status, 303);
      assert.equal(
        posted.headers.get('location'),
        `http://localhost:5173/codat/${SEED.square}?statusCode=200&statusText=Linked&companyId=${GREENFIELD_ID}&connectionId=${SEED.square}`,
      );
      const after = (await (await fetch(square, { headers: basic })).json()) as { status: string };
      assert.equal(after.status, 'Linked');

      const pause = await fetch(
        `${server.url}/companies/${OAKRIDGE_ID}/connections/${SEED.oakridgeQuickbooksDesktop}/syncPause`,
        {
          method: 'PUT',
          headers: { ...basic, 'Content-Type': 'application/json' },
          body: '{"pausedUntil":null}',
        },
      );
      assert.equal(pause.status, 200);
    } finally {
      await server.close();
    }
  });

  it('refuses a bad redirectUrl or linkBaseUrl before listening', async () => {
    await assert.rejects(startSandboxServer({ port: 0, redirectUrl: 'javascript:alert(1)' }), {
      name: 'TypeError',
      message: 'redirectUrl must be an http(s) URL or a path starting with /, got "javascript:alert(1)"',
    });
    await assert.rejects(startSandboxServer({ port: 0, linkBaseUrl: 'link' }), { name: 'TypeError' });
  });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI in its own process group; resolves once `until` matches stdout or it exits. */
function runCli(env: Record<string, string>, until?: RegExp): Promise<Run & { stop(): Promise<void> }> {
  const child = spawn('npx', ['tsx', 'src/sandbox/cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  /** Ends the CLI's process group (npx, tsx and node) and waits for npx to exit. */
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await exited;
  };
  const run = { code: null as number | null, stdout: '', stderr: '', stop };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`CLI timed out: ${run.stdout}${run.stderr}`));
    }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      run.stdout += d;
      if (until?.test(run.stdout)) {
        clearTimeout(timer);
        resolve(run);
      }
    });
    child.stderr.on('data', (d: Buffer) => (run.stderr += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      run.code = code;
      resolve(run);
    });
  });
}

describe('sandbox CLI', () => {
  it('refuses a bad seed file with one clear message and exit code 1', async () => {
    const bad = join(dir, 'bad-status.json');
    writeFileSync(
      bad,
      JSON.stringify({
        companies: [
          {
            id: GREENFIELD_ID,
            name: 'x',
            connections: [
              {
                id: SEED.xero,
                integrationId: '1a7e0000-0000-4000-8000-000000000001',
                sourceId: '50c0e000-0000-4000-8000-000000000001',
                platformName: 'Xero',
                status: 'Connected',
                linkUrl: 'https://link-api.codat.io/x',
                created: '2026-01-01T00:00:00Z',
                sourceType: 'Accounting',
              },
            ],
          },
        ],
      }),
    );
    const run = await runCli({ SANDBOX_SEED: bad, SANDBOX_PORT: '0' });
    assert.equal(run.code, 1);
    const lines = run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
    assert.deepEqual(lines, [
      `sandbox: invalid seed file ${bad}: companies[0].connections[0].status must be one of PendingAuth, Linked, Unlinked, Deauthorized`,
    ]);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(run.stdout, '');
  });

  it('refuses a bad SANDBOX_REDIRECT_URL with one clear message and exit code 1', async () => {
    const run = await runCli({ SANDBOX_PORT: '0', SANDBOX_REDIRECT_URL: 'ftp://example.com/done' });
    assert.equal(run.code, 1);
    const lines = run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'));
    assert.deepEqual(lines, [
      'sandbox: SANDBOX_REDIRECT_URL must be an http(s) URL or a path starting with /, got "ftp://example.com/done"',
    ]);
    assert.equal(run.stdout, '');
  });

  it('starts on SANDBOX_PORT=0, prints the URL, link pages, companies, tokens and curl examples', async () => {
    const run = await runCli(
      { SANDBOX_PORT: '0', SANDBOX_REDIRECT_URL: 'http://localhost:5173/codat/return' },
      /Press Ctrl\+C/,
    );
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(run.stdout)?.[1];
      assert.ok(url, run.stdout + run.stderr);
      assert.match(run.stdout, new RegExp(`${GREENFIELD_ID}\\s+Greenfield Bakery Ltd`));
      assert.match(run.stdout, new RegExp(`${HARBOUR_ID}\\s+Harbour Freight Co`));
      assert.match(run.stdout, new RegExp(`${OAKRIDGE_ID}\\s+Oakridge Joinery Ltd`));
      assert.ok(
        run.stdout.includes(
          `Link pages (each connection's linkUrl): ${url}/sandbox/link/companies/{companyId}/connections/{connectionId}/start`,
        ),
        run.stdout,
      );
      assert.ok(run.stdout.includes('Redirect after the link page: http://localhost:5173/codat/return'), run.stdout);
      const token = /access token[^:]*: (\S+)/.exec(run.stdout)?.[1];
      assert.ok(token);
      assert.match(
        run.stdout,
        /curl -H "Authorization: Bearer \S+" http:\/\/127\.0\.0\.1:\d+\/companies\/\S+\/connections/,
      );
      const response = await fetch(`${url}/companies/${GREENFIELD_ID}/connections`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200);
      const authorize = `${url}/sandbox/link/companies/${GREENFIELD_ID}/connections/${SEED.square}/authorize`;
      const posted = await fetch(authorize, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'outcome=cancel',
        redirect: 'manual',
      });
      assert.equal(posted.status, 303);
      assert.match(
        posted.headers.get('location')!,
        /^http:\/\/localhost:5173\/codat\/return\?statusCode=400&statusText=Cancelled&/,
      );
    } finally {
      await run.stop();
    }
  });
});
