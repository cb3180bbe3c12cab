/** Fault injection: rules from the seed, the options and per test, over the real HTTP server and through msw. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createSandbox,
  defaultSeed,
  GREENFIELD_ID,
  HUGE_BODY_BYTES,
  SandboxFaults,
  SEED_CONNECTION_IDS,
  SeedError,
  validateFaults,
  validateSeed,
  type FaultRule,
} from '../../src/sandbox/index.js';
import { startSandboxServer } from '../../src/sandbox/node.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONNECTIONS = `/companies/${GREENFIELD_ID}/connections`;

async function withServer(
  options: { faults?: FaultRule[]; seedFaults?: FaultRule[]; faultSeed?: number },
  run: (
    get: (path?: string, init?: RequestInit) => Promise<Response>,
    server: { faults: SandboxFaults },
  ) => Promise<void>,
): Promise<void> {
  const seed = { ...defaultSeed(), faults: options.seedFaults };
  const server = await startSandboxServer({ port: 0, seed, faults: options.faults, faultSeed: options.faultSeed });
  const token = await server.sandbox.issueAccessToken(GREENFIELD_ID);
  const get = (path = CONNECTIONS, init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...init.headers } });
  try {
    await run(get, server.sandbox);
  } finally {
    await server.close();
  }
}

describe('sandbox fault injection over HTTP', () => {
  it('answers 401 after N calls, from a seed rule', async () => {
    await withServer({ seedFaults: [{ path: '/connections$', after: 2, status: 401 }] }, async (get) => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get()).status);
      assert.deepEqual(statuses, [200, 200, 401, 401]);
      const body = (await (await get()).json()) as { statusCode: number; service: string };
      assert.equal(body.statusCode, 401);
      assert.equal(body.service, 'PublicApi');
    });
  });

  it('answers 429 with Retry-After (and a daily X-Rate-Limit-Reset) a set number of times', async () => {
    const rule: FaultRule = { status: 429, times: 2, headers: { 'Retry-After': '3', 'X-Rate-Limit-Reset': '86399' } };
    await withServer({ faults: [rule] }, async (get) => {
      const first = await get();
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '3');
      assert.equal(first.headers.get('x-rate-limit-reset'), '86399');
      assert.equal((await get()).status, 429);
      assert.equal((await get()).status, 200);
    });
  });

  it('sends malformed JSON, an HTML error page, an empty body and a huge body', async () => {
    await withServer({}, async (get, sandbox) => {
      sandbox.faults.add({ body: 'malformed-json', times: 1 });
      const malformed = await get();
      assert.equal(malformed.status, 200);
      await assert.rejects(malformed.json(), SyntaxError);

      sandbox.faults.add({ body: 'html', times: 1 });
      const html = await get();
      assert.equal(html.status, 502);
      assert.match(html.headers.get('content-type')!, /text\/html/);
      assert.match(await html.text(), /Bad Gateway/);

      sandbox.faults.add({ body: 'empty', times: 1 });
      const empty = await get();
      assert.equal(empty.status, 200);
      assert.equal(await empty.text(), '');

      sandbox.faults.add({ body: 'huge', times: 1 });
      const huge = await get();
      assert.ok((await huge.text()).length > HUGE_BODY_BYTES);

      assert.equal((await get()).status, 200, 'every rule was spent');
    });
  });

  it('drops the connection for a network fault, and only for the matching method', async () => {
    await withServer({ faults: [{ method: 'patch', network: true }] }, async (get) => {
      await assert.rejects(
        get(`${CONNECTIONS}/00000000-0000-4000-8000-000000000000`, {
          method: 'PATCH',
          body: '{"status":"Unlinked"}',
          headers: { 'Content-Type': 'application/json' },
        }),
        TypeError,
      );
      assert.equal((await get()).status, 200);
    });
  });

  it('applies latency and lets the route answer', async () => {
    await withServer({ faults: [{ latencyMs: [5, 20] }] }, async (get, sandbox) => {
      const response = await get();
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { totalResults: number }).totalResults, 8);
      assert.equal(sandbox.faults.rules.length, 1);
    });
  });

  it('with latencyOn response, lets the route answer at once and holds its answer: the state when it arrived', async () => {
    const sandbox = createSandbox();
    const token = await sandbox.issueAccessToken(GREENFIELD_ID);
    const xero = SEED_CONNECTION_IDS.xero;
    const request = () =>
      new Request(`https://api.codat.io${CONNECTIONS}/${xero}`, { headers: { Authorization: `Bearer ${token}` } });
    const routes = sandbox.handlers.slice(1);
    let answered = 0;
    const route = async (r: Request) => {
      const response = await getResponse(routes, r);
      answered++;
      return response;
    };
    const removeHeld = sandbox.faults.add({ method: 'GET', latencyMs: 50, latencyOn: 'response' });
    const held = sandbox.faults.apply(request(), route);
    while (answered === 0) await new Promise((resolve) => setImmediate(resolve));
    sandbox.store.unlinkConnection(GREENFIELD_ID, xero);
    const response = await held;
    assert.equal(((await response!.json()) as { status: string }).status, 'Linked', 'as it was when it arrived');
    removeHeld();

    // By default the latency comes first and the route answers afterwards, with what is true then.
    sandbox.faults.add({ method: 'GET', latencyMs: 50 });
    assert.equal(await sandbox.faults.apply(request(), route), undefined, 'the route answers after the wait');
    assert.equal(answered, 1);
  });

  it('holds the answer of a route over HTTP too', async () => {
    await withServer(
      { faults: [{ path: '/connections$', latencyMs: [5, 20], latencyOn: 'response' }] },
      async (get) => {
        const response = await get();
        assert.equal(response.status, 200);
        assert.equal(((await response.json()) as { totalResults: number }).totalResults, 8);
      },
    );
  });

  it('chooses by rate with a seeded generator, so a run repeats', async () => {
    const outcomes = async (faultSeed: number) => {
      const sandbox = createSandbox({ faults: [{ rate: 0.5, status: 503 }], faultSeed });
      const server = setupServer(...sandbox.handlers);
      server.listen({ onUnhandledRequest: 'error' });
      try {
        const token = await sandbox.issueAccessToken(GREENFIELD_ID);
        const seen: number[] = [];
        for (let i = 0; i < 40; i++) {
          const r = await fetch(`https://api.codat.io${CONNECTIONS}`, {
            headers: { Authorization: `Bearer ${token}` },
          });
          seen.push(r.status);
        }
        return seen;
      } finally {
        server.close();
      }
    };
    const a = await outcomes(7);
    assert.deepEqual(await outcomes(7), a);
    const failed = a.filter((s) => s === 503).length;
    assert.ok(failed > 5 && failed < 35, `about half failed (${failed} of 40)`);
    assert.notDeepEqual(await outcomes(8), a);
  });

  it('checks rules and names the bad field', () => {
    const bad: [unknown, string][] = [
      [{}, 'faults must be an array of fault rules'],
      [[{ rate: 2 }], 'faults[0].rate must be a number from 0 to 1'],
      [[{ status: 99 }], 'faults[0].status must be an HTTP status from 200 to 599'],
      [[{ body: 'xml' }], 'faults[0].body must be one of malformed-json, html, empty, huge'],
      [[{ latencyMs: [1] }], 'faults[0].latencyMs must be milliseconds (0 to 600000) or [min, max]'],
      [[{ latencyOn: 'answer' }], 'faults[0].latencyOn must be one of request, response'],
      [[{ path: '(' }], 'faults[0].path must be a regular expression as a string'],
      [[{ after: -1 }], 'faults[0].after must be a whole number, 0 or more'],
      [[{ sometimes: true }], 'faults[0].sometimes is not a fault field'],
      [[{ headers: { 'Retry-After': 3 } }], 'faults[0].headers must be an object of header names to strings'],
    ];
    for (const [value, message] of bad) assert.throws(() => validateFaults(value), { name: 'SeedError', message });
    assert.throws(() => validateSeed({ ...defaultSeed(), faults: [{ network: 'yes' }] }), SeedError);
    assert.throws(() => new SandboxFaults().add({ times: 1.5 }), {
      message: 'fault[0].times must be a whole number, 0 or more',
    });
  });
});

describe('sandbox CLI fault rules', () => {
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn('npx', ['tsx', 'src/sandbox/cli.ts'], {
        cwd: ROOT,
        env: { ...process.env, SANDBOX_PORT: '0', ...env },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('refuses bad SANDBOX_FAULTS with one clear message and exit code 1', async () => {
    assert.deepEqual(await run({ SANDBOX_FAULTS: '[{"rate": 3}]' }), {
      code: 1,
      stderr: 'sandbox: invalid SANDBOX_FAULTS: SANDBOX_FAULTS[0].rate must be a number from 0 to 1\n',
    });
    assert.deepEqual(await run({ SANDBOX_FAULTS: 'not json' }), {
      code: 1,
      stderr: 'sandbox: invalid SANDBOX_FAULTS: not valid JSON\n',
    });
  });
});
