/** Sync pause, the kit's integration control for QuickBooks Desktop: pause, resume, lapse, refreshes and refusals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import {
  createSandbox,
  defaultSeed,
  GREENFIELD_ID,
  HARBOUR_ID,
  OAKRIDGE_ID,
  SEED_CONNECTION_IDS as SEED,
  syncPauseOf,
  type Sandbox,
} from '../../src/sandbox/index.js';
import { validatorFor } from '../../src/sandbox/openapi-schema.js';

const BASE = 'https://api.codat.io';
const BASIC = 'Basic ' + btoa('anything:');
const QBD = SEED.oakridgeQuickbooksDesktop;
const CONNECTION = `/companies/${OAKRIDGE_ID}/connections/${QBD}`;
const PAUSE = `${CONNECTION}/syncPause`;
const T0 = Date.parse('2026-04-01T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isConnection = validatorFor('#/components/schemas/Connection');

async function call(sandbox: Sandbox, method: string, path: string, body?: string, auth: string | null = BASIC) {
  const headers = new Headers({ 'Content-Type': 'application/json' });
  if (auth) headers.set('Authorization', auth);
  const response = await getResponse(sandbox.handlers, new Request(BASE + path, { method, headers, body }));
  assert.ok(response, `no handler for ${method} ${path}`);
  const text = await response.text();
  // Loosely typed on purpose; the conformance test checks schemas, and so does every 200 here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const parsed = text ? (JSON.parse(text) as any) : undefined;
  if (response.status === 200 && parsed?.platformName)
    assert.ok(isConnection(parsed), JSON.stringify(isConnection.errors));
  return { status: response.status, body: parsed };
}
const pause = (s: Sandbox, pausedUntil: unknown, path = PAUSE) => call(s, 'PUT', path, JSON.stringify({ pausedUntil }));

function clocked() {
  const clock = { now: T0 };
  return { clock, sandbox: createSandbox({ now: () => clock.now }) };
}

describe('PUT and DELETE .../syncPause', () => {
  it('pauses until a date: connectionInfo gets syncsPausedAt and syncsPausedUntil; everything else is kept', async () => {
    const { sandbox: s } = clocked();
    const before = (await call(s, 'GET', CONNECTION)).body;
    assert.equal(before.connectionInfo, undefined);
    const r = await pause(s, '2026-04-08T12:00:00Z');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, {
      ...before,
      connectionInfo: { syncsPausedAt: '2026-04-01T12:00:00Z', syncsPausedUntil: '2026-04-08T12:00:00Z' },
    });
    assert.deepEqual((await call(s, 'GET', CONNECTION)).body, r.body, 'a later read shows the pause');
    const listed = (await call(s, 'GET', `/companies/${OAKRIDGE_ID}/connections`)).body.results[0];
    assert.deepEqual(listed.connectionInfo, r.body.connectionInfo);
    assert.deepEqual(syncPauseOf(s.store.getConnection(OAKRIDGE_ID, QBD)!), {
      pausedAt: '2026-04-01T12:00:00Z',
      pausedUntil: '2026-04-08T12:00:00Z',
    });
  });

  it('pauses until resumed with null: syncsPausedAt only', async () => {
    const { sandbox: s } = clocked();
    const r = await pause(s, null);
    assert.deepEqual(r.body.connectionInfo, { syncsPausedAt: '2026-04-01T12:00:00Z' });
  });

  it('accepts any time zone offset and stores UTC', async () => {
    const { sandbox: s } = clocked();
    const r = await pause(s, '2026-04-02T09:30:00.5+02:00');
    assert.equal(r.body.connectionInfo.syncsPausedUntil, '2026-04-02T07:30:00.500Z');
  });

  it('pausing again changes the end and keeps when it was first paused', async () => {
    const { clock, sandbox: s } = clocked();
    await pause(s, '2026-04-03T00:00:00Z');
    clock.now += 60_000;
    const r = await pause(s, null);
    assert.deepEqual(r.body.connectionInfo, { syncsPausedAt: '2026-04-01T12:00:00Z' });
    const again = await pause(s, '2026-04-10T00:00:00Z');
    assert.deepEqual(again.body.connectionInfo, {
      syncsPausedAt: '2026-04-01T12:00:00Z',
      syncsPausedUntil: '2026-04-10T00:00:00Z',
    });
  });

  it('DELETE resumes (both keys gone) and is idempotent', async () => {
    const { sandbox: s } = clocked();
    const before = (await call(s, 'GET', CONNECTION)).body;
    await pause(s, '2026-04-08T12:00:00Z');
    const r = await call(s, 'DELETE', PAUSE);
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, before);
    assert.deepEqual(await call(s, 'DELETE', PAUSE), { status: 200, body: before });
    assert.equal(syncPauseOf(s.store.getConnection(OAKRIDGE_ID, QBD)!), undefined);
  });

  it('keeps whatever else connectionInfo holds, through pause and resume', async () => {
    const { sandbox: s } = clocked();
    const info = { companyFile: 'C:\\Oakridge\\oakridge.qbw', desktopVersion: 'Enterprise 24.0' };
    s.store.putConnection(OAKRIDGE_ID, { ...s.store.getConnection(OAKRIDGE_ID, QBD)!, connectionInfo: info });
    const paused = await pause(s, '2026-04-02T12:00:00Z');
    assert.deepEqual(paused.body.connectionInfo, {
      ...info,
      syncsPausedAt: '2026-04-01T12:00:00Z',
      syncsPausedUntil: '2026-04-02T12:00:00Z',
    });
    assert.deepEqual((await call(s, 'DELETE', PAUSE)).body.connectionInfo, info);
    s.store.putConnection(OAKRIDGE_ID, { ...s.store.getConnection(OAKRIDGE_ID, QBD)!, connectionInfo: {} });
    assert.deepEqual(
      (await call(s, 'DELETE', PAUSE)).body.connectionInfo,
      {},
      'resuming an unpaused one changes nothing',
    );
  });

  it('lapses by itself when the clock passes syncsPausedUntil', async () => {
    const { clock, sandbox: s } = clocked();
    await pause(s, '2026-04-01T13:00:00Z');
    clock.now = Date.parse('2026-04-01T12:59:59.999Z');
    assert.ok((await call(s, 'GET', CONNECTION)).body.connectionInfo);
    clock.now = Date.parse('2026-04-01T13:00:00Z');
    assert.equal((await call(s, 'GET', CONNECTION)).body.connectionInfo, undefined);
    const company = (await call(s, 'GET', '/companies')).body.results.find((c: { id: string }) => c.id === OAKRIDGE_ID);
    assert.equal(company.dataConnections[0].connectionInfo, undefined);
    assert.equal(
      (await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/queue/invoices?connectionId=${QBD}`)).status,
      200,
    );
  });

  it('a pause until resumed never lapses', async () => {
    const { clock, sandbox: s } = clocked();
    await pause(s, null);
    clock.now += 365 * DAY;
    assert.deepEqual((await call(s, 'GET', CONNECTION)).body.connectionInfo, { syncsPausedAt: '2026-04-01T12:00:00Z' });
  });

  it('while paused, data/all skips the connection and data/queue refuses it', async () => {
    const { clock, sandbox: s } = clocked();
    await pause(s, '2026-04-05T00:00:00Z');
    const history = () => call(s, 'GET', `/companies/${OAKRIDGE_ID}/data/history?query=status%3DQueued`);
    assert.equal((await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/all`)).status, 204);
    assert.equal((await history()).body.totalResults, 0);
    const queue = await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/queue/invoices?connectionId=${QBD}`);
    assert.equal(queue.status, 400);
    assert.equal(
      queue.body.error,
      `Syncs are paused until 2026-04-05T00:00:00Z for data connection ${QBD} (QuickBooks Desktop).`,
    );
    const any = await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/queue/invoices`);
    assert.equal(any.status, 400, 'the paused connection is not picked either');
    assert.equal(any.body.error, 'The company has no Linked data connection that provides invoices.');
    await pause(s, null);
    const indefinitely = await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/queue/invoices?connectionId=${QBD}`);
    assert.equal(
      indefinitely.body.error,
      `Syncs are paused until they are resumed for data connection ${QBD} (QuickBooks Desktop).`,
    );
    await call(s, 'DELETE', PAUSE);
    clock.now += 1000;
    await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/all`);
    assert.equal((await history()).body.totalResults, 7, 'all seven Accounting data types once resumed');
  });

  it('other companies refresh as before while one connection is paused', async () => {
    const { sandbox: s } = clocked();
    await pause(s, null);
    assert.equal(s.store.refreshAll(GREENFIELD_ID)!.length, 20);
    assert.deepEqual(s.store.refreshAll(OAKRIDGE_ID), []);
  });

  it('refuses other platforms and, for pausing, connections that are not Linked', async () => {
    const { sandbox: s } = clocked();
    const xero = `/companies/${GREENFIELD_ID}/connections/${SEED.xero}/syncPause`;
    for (const method of ['PUT', 'DELETE']) {
      const r = await call(s, method, xero, JSON.stringify({ pausedUntil: null }));
      assert.deepEqual([r.status, r.body.error], [400, 'Pausing syncs is not available for Xero.'], method);
    }
    const sage = await pause(s, null, `/companies/${HARBOUR_ID}/connections/${SEED.harbourSage}/syncPause`);
    assert.equal(sage.body.error, 'Pausing syncs is not available for Sage Business Cloud Accounting.');
    const deauthorized = `/companies/${GREENFIELD_ID}/connections/${SEED.quickbooksDesktop}/syncPause`;
    const r = await pause(s, null, deauthorized);
    assert.equal(r.status, 400);
    assert.equal(
      r.body.error,
      `Data connection ${SEED.quickbooksDesktop} is Deauthorized; only Linked connections can pause syncs.`,
    );
    assert.equal((await call(s, 'DELETE', deauthorized)).status, 200, 'resuming is allowed whatever the status');
    assert.equal(s.store.getConnection(GREENFIELD_ID, SEED.quickbooksDesktop)!.connectionInfo, undefined);
  });

  it('a pause survives a status change; resuming still works after it', async () => {
    const { sandbox: s } = clocked();
    await pause(s, null);
    s.store.setConnectionStatus(OAKRIDGE_ID, QBD, 'Deauthorized');
    assert.ok(syncPauseOf(s.store.getConnection(OAKRIDGE_ID, QBD)!));
    assert.equal((await call(s, 'DELETE', PAUSE)).body.connectionInfo, undefined);
  });

  it('refuses bad bodies with 400 and validation items, changing nothing', async () => {
    const { sandbox: s } = clocked();
    const cases: [string, string, string][] = [
      ['', 'body', 'The request body is not valid JSON.'],
      ['{pausedUntil', 'body', 'The request body is not valid JSON.'],
      ['[]', 'body', 'The request body must be a JSON object'],
      ['null', 'body', 'The request body must be a JSON object'],
      ['{}', 'pausedUntil', 'pausedUntil is required'],
      [
        '{"pausedUntil":null,"reason":"year end"}',
        'reason',
        'The request body has properties that are not allowed: reason.',
      ],
      ['{"pausedUntil":1775649600000}', 'pausedUntil', 'pausedUntil must be an ISO 8601 date-time'],
      ['{"pausedUntil":"2026-04-08"}', 'pausedUntil', 'pausedUntil must be an ISO 8601 date-time'],
      ['{"pausedUntil":"2026-04-08T12:00:00"}', 'pausedUntil', 'pausedUntil must be an ISO 8601 date-time'],
      ['{"pausedUntil":"2026-02-30T12:00:00Z"}', 'pausedUntil', 'pausedUntil must be an ISO 8601 date-time'],
      ['{"pausedUntil":"2026-04-08T25:00:00Z"}', 'pausedUntil', 'pausedUntil must be an ISO 8601 date-time'],
      ['{"pausedUntil":"next Tuesday"}', 'pausedUntil', 'pausedUntil must be an ISO 8601 date-time'],
      [
        '{"pausedUntil":"2026-04-01T12:00:00Z"}',
        'pausedUntil',
        'pausedUntil must be in the future (it is now 2026-04-01T12:00:00Z).',
      ],
      ['{"pausedUntil":"2026-03-01T00:00:00Z"}', 'pausedUntil', 'pausedUntil must be in the future'],
      [
        `{"pausedUntil":"${iso(T0 + 30 * DAY + 1000)}"}`,
        'pausedUntil',
        'pausedUntil must be at most 30 days ahead, no later than 2026-05-01T12:00:00Z.',
      ],
    ];
    for (const [body, itemId, message] of cases) {
      const r = await call(s, 'PUT', PAUSE, body);
      assert.equal(r.status, 400, body);
      assert.ok(r.body.error.startsWith(message), `${body}: ${r.body.error}`);
      assert.equal(r.body.validation.errors[0].itemId, itemId, body);
      assert.equal(r.body.validation.errors[0].validatorName, 'SyncPause');
    }
    assert.equal(s.store.getConnection(OAKRIDGE_ID, QBD)!.connectionInfo, undefined);
    const limit = await pause(s, iso(T0 + 30 * DAY));
    assert.equal(limit.status, 200, 'exactly 30 days ahead is allowed');
  });

  it('uses the existing 404 bodies and company token auth', async () => {
    const { sandbox: s } = clocked();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const noConnection = await pause(s, null, `/companies/${OAKRIDGE_ID}/connections/${unknown}/syncPause`);
    assert.deepEqual([noConnection.status, noConnection.body.error], [404, `Data connection ${unknown} not found`]);
    const noCompany = await call(s, 'DELETE', `/companies/${unknown}/connections/${QBD}/syncPause`);
    assert.deepEqual([noCompany.status, noCompany.body.error], [404, `No company was found with ID ${unknown}`]);
    const own = `Bearer ${await s.issueAccessToken(OAKRIDGE_ID)}`;
    const other = `Bearer ${await s.issueAccessToken(GREENFIELD_ID)}`;
    const body = JSON.stringify({ pausedUntil: null });
    assert.equal((await call(s, 'PUT', PAUSE, body, own)).status, 200);
    assert.equal((await call(s, 'PUT', PAUSE, body, other)).status, 403);
    assert.equal((await call(s, 'DELETE', PAUSE, undefined, other)).status, 403);
    assert.equal((await call(s, 'DELETE', PAUSE, undefined, null)).status, 401);
    assert.equal((await call(s, 'DELETE', PAUSE, undefined, own)).status, 200);
  });

  it('the store methods work without HTTP, and reset() forgets pauses', () => {
    const { sandbox: s } = clocked();
    const paused = s.store.pauseSyncs(OAKRIDGE_ID, QBD, T0 + DAY)!;
    assert.deepEqual(paused.connectionInfo, {
      syncsPausedAt: '2026-04-01T12:00:00Z',
      syncsPausedUntil: '2026-04-02T12:00:00Z',
    });
    assert.equal(s.store.pauseSyncs(OAKRIDGE_ID, '00000000-0000-4000-8000-000000000000', null), undefined);
    assert.equal(s.store.resumeSyncs(HARBOUR_ID, QBD), undefined);
    s.store.reset();
    assert.deepEqual(s.store.getConnection(OAKRIDGE_ID, QBD), defaultSeed().companies[2]!.connections[0]);
  });

  it('a seed can start with a pause in connectionInfo', async () => {
    const seed = defaultSeed();
    seed.companies[2]!.connections[0]!.connectionInfo = {
      syncsPausedAt: '2026-03-30T09:00:00Z',
      syncsPausedUntil: '2026-04-02T09:00:00Z',
    };
    const clock = { now: T0 };
    const s = createSandbox({ seed, now: () => clock.now });
    assert.equal((await call(s, 'POST', `/companies/${OAKRIDGE_ID}/data/queue/bills?connectionId=${QBD}`)).status, 400);
    clock.now += DAY;
    assert.equal((await call(s, 'GET', CONNECTION)).body.connectionInfo, undefined);
  });
});
