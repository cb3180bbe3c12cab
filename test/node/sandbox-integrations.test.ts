/** Integrations (`GET /integrations` with `query` and paging), creating a connection, and its first authorization. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import {
  createSandbox,
  GREENFIELD_ID,
  PLATFORMS,
  PULL_TIMELINE,
  SEED_CONNECTION_IDS as SEED,
  type Connection,
} from '../../src/sandbox/index.js';
import { responseValidator } from '../../src/sandbox/openapi-schema.js';

const BASE = 'https://api.codat.io';
const LINK = 'https://api.codat.io/sandbox/link';
const BASIC = 'Basic ' + btoa('anything:');
const T0 = Date.parse('2026-04-01T12:00:00Z');

function sandboxAt(clock: { now: number }) {
  return createSandbox({ linkBaseUrl: LINK, redirectUrl: 'https://app.example/connected', now: () => clock.now });
}

async function call(sandbox: ReturnType<typeof createSandbox>, path: string, init: RequestInit = {}) {
  const url = path.startsWith('http') ? path : BASE + path;
  const response = await getResponse(
    sandbox.handlers,
    new Request(url, { ...init, headers: { Authorization: BASIC, ...init.headers } }),
  );
  assert.ok(response, `no handler for ${init.method ?? 'GET'} ${path}`);
  const text = await response.text();
  return { response, status: response.status, body: text ? JSON.parse(text) : undefined, text };
}

const create = (sandbox: ReturnType<typeof createSandbox>, platformKey: string) =>
  call(sandbox, `/companies/${GREENFIELD_ID}/connections`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ platformKey }),
  });

describe('GET /integrations', () => {
  it('lists every platform of the catalogue, with the sandbox logo and the enabled flag', async () => {
    const s = sandboxAt({ now: T0 });
    const { body } = await call(s, '/integrations');
    assert.equal(body.totalResults, PLATFORMS.length);
    const xero = body.results.find((i: { key: string }) => i.key === 'gbol');
    assert.deepEqual(
      { name: xero.name, enabled: xero.enabled, sourceType: xero.sourceType, logoUrl: xero.logoUrl },
      { name: 'Xero', enabled: true, sourceType: 'Accounting', logoUrl: `${BASE}/sandbox/logos/gbol.svg` },
    );
    const freshbooks = body.results.find((i: { key: string }) => i.key === 'frbk');
    assert.equal(freshbooks.enabled, false);
    assert.ok(responseValidator('/integrations', 'get', 200)!(body));
  });

  it('filters with query on booleans and source types, and orders', async () => {
    const s = sandboxAt({ now: T0 });
    const query = 'enabled=true&&sourceType=Accounting||enabled=true&&sourceType=Banking';
    const { body } = await call(s, `/integrations?query=${encodeURIComponent(query)}&orderBy=name`);
    assert.deepEqual(
      body.results.map((i: { name: string }) => i.name),
      [
        'Barclays',
        'HSBC',
        'Lloyds',
        'QuickBooks Desktop',
        'QuickBooks Online',
        'Sage Business Cloud Accounting',
        'Xero',
      ],
    );
    const disabled = await call(s, `/integrations?query=${encodeURIComponent('enabled=false')}`);
    assert.deepEqual(
      disabled.body.results.map((i: { key: string }) => i.key),
      ['frbk'],
    );
  });

  it('pages with next and previous links that keep the query', async () => {
    const s = sandboxAt({ now: T0 });
    const first = await call(s, '/integrations?pageSize=4&query=enabled%3Dtrue');
    assert.equal(first.body.results.length, 4);
    assert.equal(first.body.totalResults, PLATFORMS.length - 1);
    assert.equal(first.body._links.next.href, '/integrations?page=2&pageSize=4&query=enabled%3Dtrue');
    const last = await call(s, '/integrations?page=3&pageSize=4&query=enabled%3Dtrue');
    assert.equal(last.body.results.length, PLATFORMS.length - 1 - 8);
    assert.equal(last.body._links.next, undefined);
    assert.ok(last.body._links.previous);
  });
});

describe('POST /companies/{companyId}/connections', () => {
  it('creates a PendingAuth connection pointing at the link page; it is listed at once', async () => {
    const s = sandboxAt({ now: T0 });
    const { status, body } = await create(s, 'qhyg');
    assert.equal(status, 200);
    const created = body as Connection;
    assert.equal(created.status, 'PendingAuth');
    assert.equal(created.platformName, 'QuickBooks Online');
    assert.equal(created.integrationKey, 'qhyg');
    assert.equal(created.sourceType, 'Accounting');
    assert.equal(created.created, '2026-04-01T12:00:00Z');
    assert.equal(created.linkUrl, `${LINK}/companies/${GREENFIELD_ID}/connections/${created.id}/start`);
    assert.ok(responseValidator('/companies/{companyId}/connections', 'post', 200)!(body));
    const listed = await call(s, `/companies/${GREENFIELD_ID}/connections/${created.id}`);
    assert.equal(listed.body.status, 'PendingAuth');
  });

  it('refuses bad bodies with a message, and creates nothing', async () => {
    const s = sandboxAt({ now: T0 });
    const before = s.store.listConnections(GREENFIELD_ID)!.length;
    const cases: [string, number, RegExp][] = [
      ['{"platformKey":', 400, /not valid JSON/],
      ['["gbol"]', 400, /must be a JSON object/],
      ['{"platformKey":"gbol","status":"Linked"}', 400, /not allowed: status/],
      ['{"platformKey":7}', 400, /platformKey is required/],
      ['{"platformKey":"Xero"}', 400, /four lowercase letters/],
      ['{"platformKey":"zzzz"}', 404, /Integration zzzz not found/],
      ['{"platformKey":"frbk"}', 400, /FreshBooks\) is not enabled/],
    ];
    for (const [text, expected, message] of cases) {
      const { status, body } = await call(s, `/companies/${GREENFIELD_ID}/connections`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: text,
      });
      assert.equal(status, expected, text);
      assert.match(body.error, message, text);
    }
    assert.equal(s.store.listConnections(GREENFIELD_ID)!.length, before);
  });

  it('the first authorization on the link page links it, redirects with its id, and starts the initial sync', async () => {
    const clock = { now: T0 };
    const s = sandboxAt(clock);
    const created = (await create(s, 'hbuk')).body as Connection;
    const authorized = await getResponse(
      s.handlers,
      new Request(`${LINK}/companies/${GREENFIELD_ID}/connections/${created.id}/authorize`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'outcome=authorize',
      }),
    );
    assert.equal(authorized!.status, 303);
    const back = new URL(authorized!.headers.get('Location')!);
    assert.equal(back.origin + back.pathname, 'https://app.example/connected');
    assert.equal(back.searchParams.get('statusCode'), '200');
    assert.equal(back.searchParams.get('connectionId'), created.id);
    assert.equal(s.store.getConnection(GREENFIELD_ID, created.id)!.status, 'Linked');

    const history = async () =>
      (
        await call(
          s,
          `/companies/${GREENFIELD_ID}/data/history?query=${encodeURIComponent(`connectionId=${created.id}`)}`,
        )
      ).body.results as { dataType: string; status: string }[];
    const queued = await history();
    assert.deepEqual(queued.map((p) => p.dataType).sort(), [
      'banking-accountBalances',
      'banking-accounts',
      'banking-transactions',
    ]);
    assert.ok(queued.every((p) => p.status === 'Queued'));
    clock.now = T0 + PULL_TIMELINE.finishedAfterMs;
    assert.ok((await history()).every((p) => p.status === 'Complete'));
    assert.equal(
      s.store.getConnection(GREENFIELD_ID, created.id)!.lastSync,
      new Date(clock.now).toISOString().replace('.000', ''),
    );
  });

  it('authorizing a seeded connection again starts no sync of its own', async () => {
    const s = sandboxAt({ now: T0 });
    const before = s.store.listPullOperations(GREENFIELD_ID)!.length;
    s.store.authorizeConnection(GREENFIELD_ID, SEED.lloyds);
    assert.equal(s.store.listPullOperations(GREENFIELD_ID)!.length, before);
  });
});

describe('the connect journey over HTTP (startSandboxServer)', () => {
  it('lists integrations, creates a connection, authorizes it on the link page and redirects back with its id', async () => {
    const { startSandboxServer } = await import('../../src/sandbox/node.js');
    const server = await startSandboxServer({ port: 0, redirectUrl: '/connected' });
    try {
      const token = await server.sandbox.issueAccessToken(GREENFIELD_ID);
      const auth = { Authorization: `Bearer ${token}` };
      const query = encodeURIComponent('enabled=true&&sourceType=Banking');
      const integrations = await fetch(`${server.url}/integrations?query=${query}`, { headers: auth });
      assert.equal(integrations.status, 200);
      const keys = ((await integrations.json()) as { results: { key: string }[] }).results.map((i) => i.key);
      assert.deepEqual(keys, ['hbuk', 'lloy', 'bcuk']);

      const created = await fetch(`${server.url}/companies/${GREENFIELD_ID}/connections`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: '{"platformKey":"bcuk"}',
      });
      assert.equal(created.status, 200);
      const connection = (await created.json()) as Connection;
      assert.equal(
        connection.linkUrl,
        `${server.url}/sandbox/link/companies/${GREENFIELD_ID}/connections/${connection.id}/start`,
      );

      const start = await fetch(connection.linkUrl);
      assert.equal(start.status, 200);
      assert.match(await start.text(), /<h1>Connect Barclays<\/h1>/);
      const done = await fetch(connection.linkUrl.replace(/\/start$/, '/authorize'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'outcome=authorize',
        redirect: 'manual',
      });
      assert.equal(done.status, 303);
      const back = new URL(done.headers.get('Location')!);
      assert.equal(`${back.origin}${back.pathname}`, `${server.url}/connected`);
      assert.equal(back.searchParams.get('statusCode'), '200');
      assert.equal(back.searchParams.get('connectionId'), connection.id);
      const after = await fetch(`${server.url}/companies/${GREENFIELD_ID}/connections/${connection.id}`, {
        headers: auth,
      });
      assert.equal(((await after.json()) as Connection).status, 'Linked');
    } finally {
      await server.close();
    }
  });
});
