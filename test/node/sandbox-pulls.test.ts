/** Pull operations: seeded history, paging and query, the clock-driven timeline, refreshes and failures. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import {
  createSandbox,
  defaultSeed,
  GREENFIELD_ID,
  HARBOUR_ID,
  PULL_STATUSES,
  type Sandbox,
} from '../../src/sandbox/index.js';
import { SEED_CONNECTION_IDS as SEED } from '../../src/sandbox/index.js';
import { responseValidator } from '../../src/sandbox/openapi-schema.js';
import { connectionSchemaValidator, pullOperationSchemaValidator } from '../../src/sandbox/node.js';
import { SeedError, validateSeed } from '../../src/sandbox/index.js';

const BASE = 'https://api.codat.io';
const BASIC = 'Basic ' + btoa('anything:');
const XERO = SEED.xero;
const HSBC = SEED.hsbc;
const SQUARE = SEED.square;
const STRIPE = SEED.stripe;
const HISTORY = `/companies/${GREENFIELD_ID}/data/history`;
const PULL_STATUS_LIST = PULL_STATUSES.join(', ');
const T0 = Date.parse('2026-04-01T12:00:00Z');

async function call(sandbox: Sandbox, path: string, method = 'GET') {
  const request = new Request(BASE + path, { method, headers: { Authorization: BASIC } });
  const response = await getResponse(sandbox.handlers, request);
  assert.ok(response, `no handler for ${path}`);
  const text = await response.text();
  // Loosely typed on purpose; the conformance test checks schemas.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}

function clocked() {
  const clock = { now: T0 };
  return { clock, sandbox: createSandbox({ now: () => clock.now }) };
}

describe('seeded pull history', () => {
  it('is newest first, consistent with lastSync, and has exactly one failed pull', async () => {
    const s = createSandbox();
    const { body } = await call(s, `${HISTORY}?pageSize=2000`);
    assert.equal(body.totalResults, 51);
    const requested = body.results.map((p: { requested: string }) => Date.parse(p.requested));
    assert.deepEqual(
      requested,
      [...requested].sort((a, b) => b - a),
    );
    const failed = body.results.filter((p: { isErrored: boolean }) => p.isErrored);
    assert.deepEqual(
      failed.map((p: { id: string; status: string; connectionId: string }) => [p.id, p.status, p.connectionId]),
      [['da7a0000-0007-4000-8000-000000003000', 'AuthError', SQUARE]],
    );
    for (const company of defaultSeed().companies) {
      for (const c of company.connections) {
        const ops = (company.pullOperations ?? []).filter((p) => p.connectionId === c.id && p.status === 'Complete');
        const latest = ops
          .map((p) => p.completed!)
          .sort()
          .at(-1);
        if (ops.length) assert.equal(latest, c.lastSync, c.id);
        for (const p of ops) assert.ok(p.requested < p.completed! && p.requested.startsWith('2026-'), p.id);
      }
    }
  });

  it('pages and filters by connectionId, status and dataType', async () => {
    const s = createSandbox();
    const q = (query: string) => `${HISTORY}?query=${encodeURIComponent(query)}`;
    const stripe = await call(s, `${q(`connectionId=${STRIPE}`)}&pageSize=4&page=2`);
    assert.equal(stripe.body.totalResults, 10);
    assert.equal(stripe.body.results.length, 4);
    assert.ok(stripe.body.results.every((p: { connectionId: string }) => p.connectionId === STRIPE));
    assert.equal(
      stripe.body._links.next.href,
      `${HISTORY}?page=3&pageSize=4&query=${encodeURIComponent(`connectionId=${STRIPE}`)}`,
    );
    assert.equal(stripe.body._links.previous.href.includes('page=1'), true);
    const both = await call(s, q(`connectionId=${HSBC}&&dataType=banking-transactions`));
    assert.deepEqual(
      both.body.results.map((p: { id: string }) => p.id),
      ['da7a0000-0004-4000-8000-000000002002', 'da7a0000-0004-4000-8000-000000001002'],
    );
    const notComplete = await call(s, q('status!=Complete'));
    assert.equal(notComplete.body.totalResults, 1);
    const oldest = await call(s, `${HISTORY}?orderBy=requested&pageSize=1`);
    assert.equal(oldest.body.results[0].id, 'da7a0000-0001-4000-8000-000000001000');
    const bad = await call(s, q('isCompleted=true'));
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'Error parsing query - Could not resolve property isCompleted on PullOperation');
  });

  it('dataStatus reflects the latest pull per data type', async () => {
    const s = createSandbox();
    const { body } = await call(s, `/companies/${GREENFIELD_ID}/dataStatus`);
    // Square's failed commerce-orders pull (15 Feb) is older than Stripe's latest (2 Mar).
    assert.deepEqual(body['commerce-orders'], {
      dataType: 'commerce-orders',
      currentStatus: 'Complete',
      latestSyncId: 'da7a0000-0008-4000-8000-000000002002',
      latestSuccessfulSyncId: 'da7a0000-0008-4000-8000-000000002002',
      lastSuccessfulSync: '2026-03-02T05:29:40Z',
    });
    assert.equal(body.invoices.currentStatus, 'Complete');
    assert.equal(body.invoices.latestSyncId, 'da7a0000-0001-4000-8000-000000002004');
    assert.equal(body.invoices.lastSuccessfulSync, '2026-03-02T08:14:40Z');
    assert.equal(body['banking-accountBalances'].dataType, 'banking-accountBalances');
    assert.equal(body.journals, undefined);
  });
});

describe('live pull operations', () => {
  it('progress Queued -> Fetching -> Complete with the clock and move lastSync', async () => {
    const { clock, sandbox: s } = clocked();
    const queued = await call(
      s,
      `/companies/${GREENFIELD_ID}/data/queue/banking-transactions?connectionId=${HSBC}`,
      'POST',
    );
    assert.equal(queued.status, 200);
    assert.deepEqual(
      { ...queued.body, id: undefined },
      {
        id: undefined,
        companyId: GREENFIELD_ID,
        connectionId: HSBC,
        dataType: 'banking-transactions',
        status: 'Queued',
        requested: '2026-04-01T12:00:00Z',
        progress: 0,
        isCompleted: false,
        isErrored: false,
      },
    );
    const at = async (ms: number) => {
      clock.now = T0 + ms;
      return (await call(s, `${HISTORY}/${queued.body.id}`)).body;
    };
    assert.equal((await at(999)).status, 'Queued');
    const fetching = await at(1000);
    assert.deepEqual([fetching.status, fetching.progress, fetching.completed], ['Fetching', 10, undefined]);
    assert.equal((await at(2000)).progress, 50);
    assert.equal(
      (await call(s, `/companies/${GREENFIELD_ID}/connections/${HSBC}`)).body.lastSync,
      '2026-03-02T06:00:00Z',
    );
    const done = await at(3000);
    assert.deepEqual(
      [done.status, done.progress, done.isCompleted, done.isErrored, done.completed],
      ['Complete', 100, true, false, '2026-04-01T12:00:03Z'],
    );
    assert.equal(
      (await call(s, `/companies/${GREENFIELD_ID}/connections/${HSBC}`)).body.lastSync,
      '2026-04-01T12:00:03Z',
    );
    const company = (await call(s, '/companies')).body.results[0];
    assert.equal(company.lastSync, '2026-04-01T12:00:03Z');
    const status = (await call(s, `/companies/${GREENFIELD_ID}/dataStatus`)).body['banking-transactions'];
    assert.equal(status.latestSyncId, queued.body.id);
    assert.equal(status.lastSuccessfulSync, '2026-04-01T12:00:03Z');
    clock.now = T0 - 1;
    assert.equal((await call(s, `${HISTORY}/${queued.body.id}`)).body.status, 'Initial');
  });

  it('data/all queues every data type of each Linked connection and completes them', async () => {
    const { clock, sandbox: s } = clocked();
    const r = await call(s, `/companies/${GREENFIELD_ID}/data/all`, 'POST');
    assert.equal(r.status, 204);
    assert.equal(r.body, undefined);
    const recent = (await call(s, `${HISTORY}?query=status%3DQueued&pageSize=100`)).body;
    // Xero 7 + HSBC 3 + Shopify 5 + Stripe 5; not Square (Deauthorized) or the others.
    assert.equal(recent.totalResults, 20);
    const connections = new Set(recent.results.map((p: { connectionId: string }) => p.connectionId));
    assert.deepEqual([...connections].sort(), [XERO, HSBC, SEED.shopify, STRIPE].sort());
    assert.equal((await call(s, `${HISTORY}?pageSize=1`)).body.results[0].requested, '2026-04-01T12:00:00Z');
    clock.now = T0 + 3000;
    assert.equal((await call(s, `${HISTORY}?query=status%3DComplete`)).body.totalResults, 50 + 20);
    const list = (await call(s, `/companies/${GREENFIELD_ID}/connections`)).body.results;
    for (const c of list) {
      const expected = c.status === 'Linked' ? '2026-04-01T12:00:03Z' : undefined;
      if (expected) assert.equal(c.lastSync, expected, c.id);
    }
    assert.equal(list.find((c: { id: string }) => c.id === SQUARE).lastSync, '2026-02-14T06:00:00Z');
    const harbour = await call(s, `/companies/${HARBOUR_ID}/data/history?query=status%3DQueued`);
    assert.equal(harbour.body.totalResults, 0);
  });

  it('queue without connectionId picks the first Linked connection offering the data type', async () => {
    const { sandbox: s } = clocked();
    const r = await call(s, `/companies/${GREENFIELD_ID}/data/queue/commerce-orders`, 'POST');
    assert.equal(r.status, 200);
    assert.equal(r.body.connectionId, SEED.shopify);
  });

  it('failNextPull makes the next pull on that connection fail and keeps lastSync', async () => {
    const { clock, sandbox: s } = clocked();
    s.store.failNextPull(STRIPE, 'Stripe rate limit exceeded.');
    const path = `/companies/${GREENFIELD_ID}/data/queue/commerce-payments?connectionId=${STRIPE}`;
    const failing = (await call(s, path, 'POST')).body;
    clock.now = T0 + 2999;
    assert.equal((await call(s, `${HISTORY}/${failing.id}`)).body.status, 'Fetching');
    clock.now = T0 + 3000;
    const failed = (await call(s, `${HISTORY}/${failing.id}`)).body;
    assert.deepEqual(
      [failed.status, failed.isErrored, failed.isCompleted, failed.errorMessage, failed.completed],
      ['FetchError', true, false, 'Stripe rate limit exceeded.', undefined],
    );
    assert.equal(s.store.getConnection(GREENFIELD_ID, STRIPE)!.lastSync, '2026-03-02T05:30:00Z');
    const status = s.store.dataStatuses(GREENFIELD_ID)!['commerce-payments']!;
    assert.equal(status.currentStatus, 'FetchError');
    assert.equal(status.latestSuccessfulSyncId, 'da7a0000-0008-4000-8000-000000002003');
    const next = (await call(s, path, 'POST')).body;
    clock.now = T0 + 6000;
    assert.equal((await call(s, `${HISTORY}/${next.id}`)).body.status, 'Complete');
    assert.equal(s.store.getConnection(GREENFIELD_ID, STRIPE)!.lastSync, '2026-04-01T12:00:06Z');
  });

  it('refuses bad data types and connections with a clear error', async () => {
    const s = createSandbox();
    const queue = (rest: string) => call(s, `/companies/${GREENFIELD_ID}/data/queue/${rest}`, 'POST');
    const cases: [string, number, string | RegExp][] = [
      [
        `Invoices?connectionId=${XERO}`,
        400,
        "dataType 'Invoices' is not a Codat data type, e.g. invoices or banking-accounts.",
      ],
      ['invoices?connectionId=not-a-uuid', 400, 'connectionId must be a UUID.'],
      [`invoices?connectionId=${SEED.harbourSage}`, 404, `Data connection ${SEED.harbourSage} not found`],
      [
        `commerce-orders?connectionId=${SQUARE}`,
        400,
        `Data connection ${SQUARE} is Deauthorized; only Linked connections can be refreshed.`,
      ],
      [`invoices?connectionId=${HSBC}`, 400, /^Data type invoices is not available from Banking connection/],
      [
        'banking-transactionCategories',
        400,
        'The company has no Linked data connection that provides banking-transactionCategories.',
      ],
    ];
    for (const [rest, status, error] of cases) {
      const r = await queue(rest);
      assert.equal(r.status, status, rest);
      if (typeof error === 'string') assert.equal(r.body.error, error);
      else assert.match(r.body.error, error);
    }
    assert.equal((await call(s, `${HISTORY}?pageSize=1`)).body.totalResults, 51, 'nothing was queued');
    const invalid = await queue('nope');
    assert.equal(invalid.body.validation.errors[0].itemId, 'dataType');
  });

  it('every live state conforms to the PullOperation schema', async () => {
    const { clock, sandbox: s } = clocked();
    const validate = responseValidator('/companies/{companyId}/data/history/{datasetId}', 'get', 200)!;
    s.store.failNextPull(XERO, 'boom');
    const a = s.store.queuePull(GREENFIELD_ID, XERO, 'invoices')!;
    const b = s.store.queuePull(GREENFIELD_ID, XERO, 'bills')!;
    for (const ms of [-5, 0, 500, 1000, 1999, 2999, 3000, 99999]) {
      clock.now = T0 + ms;
      for (const id of [a.id, b.id]) {
        const { body } = await call(s, `${HISTORY}/${id}`);
        const progress = body.progress as number;
        assert.ok(validate(body), JSON.stringify(validate.errors));
        assert.ok(progress >= 0 && progress <= 100);
      }
    }
  });
});

describe('seeded pullOperations', () => {
  const strict = (seed: unknown) => validateSeed(seed, connectionSchemaValidator(), pullOperationSchemaValidator());
  const withPull = (change: Record<string, unknown>) => {
    const seed = defaultSeed();
    const pulls = seed.companies[0]!.pullOperations!;
    pulls[0] = { ...pulls[0]!, ...change } as (typeof pulls)[0];
    return seed;
  };

  it('the default seed passes the PullOperation schema', () => {
    assert.doesNotThrow(() => strict(defaultSeed()));
  });

  it('refuses bad pull operations naming the field', () => {
    const refused = (seed: unknown, message: string) =>
      assert.throws(
        () => strict(seed),
        (e: unknown) => e instanceof SeedError && e.message === message,
      );
    const at = 'companies[0].pullOperations[0]';
    refused(withPull({ status: 'Done' }), `${at}.status must be one of ${PULL_STATUS_LIST}`);
    refused(
      withPull({ connectionId: SEED.harbourSage }),
      `${at}.connectionId must be the id of one of the company's connections`,
    );
    refused(withPull({ companyId: HARBOUR_ID }), `${at}.companyId must be the company's id (${GREENFIELD_ID})`);
    refused(withPull({ dataType: 'widgets' }), `${at}.dataType must be a DataType value, e.g. invoices`);
    refused(
      withPull({ id: 'da7a0000-0001-4000-8000-000000002000' }),
      'companies[0].pullOperations[7].id duplicates companies[0].pullOperations[0].id (da7a0000-0001-4000-8000-000000002000)',
    );
  });

  it('serves seeded operations as given, whatever the clock', async () => {
    const s = createSandbox({ now: () => 0 });
    const r = await call(s, `${HISTORY}/da7a0000-0001-4000-8000-000000001000`);
    assert.equal(r.body.status, 'Complete');
  });
});
