/** Auth and scoping, paging and query, and state of the sandbox handlers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import { createSandbox, GREENFIELD_ID, HARBOUR_ID, type Sandbox } from '../../src/sandbox/index.js';
import { SEED_CONNECTION_IDS as SEED } from '../../src/sandbox/index.js';

const BASE = 'https://api.codat.io';
const XERO = SEED.xero;
const CONNECTIONS = `/companies/${GREENFIELD_ID}/connections`;

async function call(sandbox: Sandbox, path: string, auth: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (auth !== null) headers.set('Authorization', auth);
  const response = await getResponse(sandbox.handlers, new Request(BASE + path, { ...init, headers }));
  assert.ok(response, `no handler for ${path}`);
  const text = await response.text();
  // Bodies are loosely typed here on purpose; the conformance test checks their schemas.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}
const basic = 'Basic ' + btoa('anything:');
const bearer = (token: string) => `Bearer ${token}`;

describe('auth and scoping', () => {
  it('accepts any non-empty Basic credential for every company', async () => {
    const s = createSandbox();
    for (const auth of [basic, 'Basic x', 'basic c2s=']) {
      assert.equal((await call(s, '/companies', auth)).status, 200);
      assert.equal((await call(s, `/companies/${HARBOUR_ID}/connections`, auth)).status, 200);
    }
    for (const auth of [null, 'Basic', 'Basic   ', 'Token abc', '']) {
      const r = await call(s, '/companies', auth);
      assert.equal(r.status, 401, String(auth));
      assert.equal(r.body.error, 'Unauthorized');
    }
  });

  it('accepts a Bearer token only for its own company and branding', async () => {
    const s = createSandbox();
    const token = await s.issueAccessToken(GREENFIELD_ID);
    assert.equal((await call(s, CONNECTIONS, bearer(token))).status, 200);
    assert.equal((await call(s, `${CONNECTIONS}/${XERO}`, bearer(token))).status, 200);
    assert.equal((await call(s, '/integrations/gbol/branding', bearer(token))).status, 200);
    const other = await call(s, `/companies/${HARBOUR_ID}/connections`, bearer(token));
    assert.equal(other.status, 403);
    assert.equal(other.body.error, 'You are using an outdated API key or a key not associated with that resource.');
    assert.equal((await call(s, '/companies', bearer(token))).status, 403);
    assert.equal((await call(s, `/companies/${GREENFIELD_ID}/accessToken`, bearer(token))).status, 403);
  });

  it('the accessToken route returns a working Bearer token with the configured lifetime', async () => {
    const s = createSandbox({ tokenLifetimeSeconds: 3600 });
    const r = await call(s, `/companies/${HARBOUR_ID}/accessToken`, basic);
    assert.equal(r.status, 200);
    assert.equal(r.body.tokenType, 'Bearer');
    assert.equal(r.body.expiresIn, 3600);
    const [, payload] = r.body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    assert.equal(claims.companyId, HARBOUR_ID);
    assert.equal(claims.iss, 'codat-sandbox');
    assert.equal(claims.exp - claims.iat, 3600);
    assert.equal((await call(s, `/companies/${HARBOUR_ID}/connections`, bearer(r.body.accessToken))).status, 200);
  });

  it('rejects an expired token with 401, by the sandbox clock', async () => {
    let now = Date.UTC(2026, 2, 1);
    const s = createSandbox({ now: () => now });
    const token = await s.issueAccessToken(GREENFIELD_ID, { expiresIn: 60 });
    now += 59_000;
    assert.equal((await call(s, CONNECTIONS, bearer(token))).status, 200);
    now += 1_000;
    const r = await call(s, CONNECTIONS, bearer(token));
    assert.equal(r.status, 401);
    assert.match(r.body.error, /^Unauthorized/);
    assert.ok(!JSON.stringify(r.body).includes(token));
  });

  it('rejects tampered, foreign and malformed tokens with 401', async () => {
    const s = createSandbox();
    const token = await s.issueAccessToken(HARBOUR_ID);
    const [head, payload, sig] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, companyId: GREENFIELD_ID })).toString('base64url');
    const foreign = await createSandbox().issueAccessToken(GREENFIELD_ID);
    for (const bad of [`${head}.${forged}.${sig}`, foreign, 'abc', 'a.b.c', `${head}.${payload}`, `${token}x`]) {
      const r = await call(s, CONNECTIONS, bearer(bad));
      assert.equal(r.status, 401, bad);
      // The correlation id is random hex, which can hold a short bad token such as 'abc' by chance.
      const said = { ...(r.body as Record<string, unknown>), correlationId: undefined };
      assert.ok(!JSON.stringify(said).includes(bad), bad);
    }
  });
});

describe('paging and query', () => {
  it('pages through 8 connections, 3 per page, with correct links', async () => {
    const s = createSandbox();
    const seen: string[] = [];
    const pages = [];
    for (let page = 1; page <= 3; page++) {
      const r = await call(s, `${CONNECTIONS}?page=${page}&pageSize=3`, basic);
      assert.equal(r.status, 200);
      pages.push(r.body);
      seen.push(...r.body.results.map((c: { id: string }) => c.id));
    }
    assert.deepEqual(
      pages.map((p) => p.results.length),
      [3, 3, 2],
    );
    assert.deepEqual(
      pages.map((p) => [p.pageNumber, p.pageSize, p.totalResults]),
      [
        [1, 3, 8],
        [2, 3, 8],
        [3, 3, 8],
      ],
    );
    assert.equal(new Set(seen).size, 8);
    const link = (n: number) => ({ href: `${CONNECTIONS}?page=${n}&pageSize=3` });
    assert.deepEqual(pages[0]._links, { self: { href: CONNECTIONS }, current: link(1), next: link(2) });
    assert.deepEqual(pages[1]._links, {
      self: { href: CONNECTIONS },
      current: link(2),
      next: link(3),
      previous: link(1),
    });
    assert.deepEqual(pages[2]._links, { self: { href: CONNECTIONS }, current: link(3), previous: link(2) });
  });

  it('defaults to page 1 of 100', async () => {
    const r = await call(createSandbox(), CONNECTIONS, basic);
    assert.deepEqual([r.body.pageNumber, r.body.pageSize, r.body.totalResults, r.body.results.length], [1, 100, 8, 8]);
    assert.deepEqual(Object.keys(r.body._links).sort(), ['current', 'self']);
  });

  it('filters with =, !=, && and ||', async () => {
    const s = createSandbox();
    const names = async (query: string) => {
      const r = await call(s, `${CONNECTIONS}?query=${encodeURIComponent(query)}`, basic);
      assert.equal(r.status, 200, query);
      assert.equal(r.body.totalResults, r.body.results.length);
      return r.body.results.map((c: { platformName: string }) => c.platformName).sort();
    };
    assert.deepEqual(await names('status=Linked'), ['HSBC', 'Shopify', 'Stripe', 'Xero']);
    assert.deepEqual(await names('sourceType=Accounting&&status=Linked'), ['Xero']);
    assert.deepEqual(await names('sourceType=Banking||status=Deauthorized'), [
      'HSBC',
      'Lloyds',
      'QuickBooks Desktop',
      'Square',
    ]);
    assert.deepEqual(await names('sourceType=Commerce&&status!=Linked'), ['Square']);
    assert.deepEqual(await names('status=pendingauth'), ['Lloyds']);
    const linked = await call(s, `${CONNECTIONS}?query=status%3DLinked&pageSize=2`, basic);
    assert.equal(linked.body._links.next.href, `${CONNECTIONS}?page=2&pageSize=2&query=status%3DLinked`);
  });

  it('refuses malformed queries, unknown properties and bad paging with 400', async () => {
    const s = createSandbox();
    for (const query of [
      'status',
      'status==Linked',
      'status=',
      '=Linked',
      'status=Linked&&',
      '||status=Linked',
      'status=Linked&status=Unlinked',
      ' ',
    ]) {
      const r = await call(s, `${CONNECTIONS}?query=${encodeURIComponent(query)}`, basic);
      assert.equal(r.status, 400, query);
      assert.equal(r.body.error, 'Error parsing query - Malformed query.', query);
    }
    const unknown = await call(s, `${CONNECTIONS}?query=colour%3Dred`, basic);
    assert.equal(unknown.body.error, 'Error parsing query - Could not resolve property colour on Connection');
    for (const paging of ['page=0', 'page=-1', 'page=1.5', 'page=x', 'pageSize=0', 'pageSize=5001', 'pageSize=ten']) {
      const r = await call(s, `${CONNECTIONS}?${paging}`, basic);
      assert.equal(r.status, 400, paging);
      assert.match(r.body.error, /^page(Size)? must be an integer/);
    }
  });

  it('orders by a property, descending with a leading minus', async () => {
    const r = await call(createSandbox(), `${CONNECTIONS}?orderBy=-created&pageSize=2`, basic);
    assert.deepEqual(
      r.body.results.map((c: { platformName: string }) => c.platformName),
      ['Lloyds', 'Stripe'],
    );
  });
});

describe('state', () => {
  it('PATCH unlinks, keeping dates; a later GET and the list show Unlinked', async () => {
    const s = createSandbox();
    const before = (await call(s, `${CONNECTIONS}/${XERO}`, basic)).body;
    const r = await call(s, `${CONNECTIONS}/${XERO}`, basic, { method: 'PATCH', body: '{"status":"Unlinked"}' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { ...before, status: 'Unlinked' });
    assert.equal((await call(s, `${CONNECTIONS}/${XERO}`, basic)).body.status, 'Unlinked');
    const linked = await call(s, `${CONNECTIONS}?query=status%3DLinked`, basic);
    assert.ok(!linked.body.results.some((c: { id: string }) => c.id === XERO));
    assert.equal(s.store.getConnection(GREENFIELD_ID, XERO)?.status, 'Unlinked');
  });

  it('PATCH refuses anything but {"status":"Unlinked"}', async () => {
    const s = createSandbox();
    for (const body of [
      '',
      '{',
      '[]',
      'null',
      '{}',
      '{"status":"Linked"}',
      '{"status":null}',
      '{"status":"Unlinked","extra":1}',
    ]) {
      const r = await call(s, `${CONNECTIONS}/${XERO}`, basic, { method: 'PATCH', body });
      assert.equal(r.status, 400, body);
      assert.ok(r.body.error.length > 10);
    }
    const extra = await call(s, `${CONNECTIONS}/${XERO}`, basic, {
      method: 'PATCH',
      body: '{"status":"Unlinked","extra":1}',
    });
    assert.equal(extra.body.validation.errors[0].itemId, 'extra');
    assert.equal(s.store.getConnection(GREENFIELD_ID, XERO)?.status, 'Linked');
  });

  it('DELETE removes: 200 with an empty body, then 404 and gone from the list', async () => {
    const s = createSandbox();
    const r = await call(s, `${CONNECTIONS}/${XERO}`, basic, { method: 'DELETE' });
    assert.deepEqual(r, { status: 200, body: undefined });
    const get = await call(s, `${CONNECTIONS}/${XERO}`, basic);
    assert.equal(get.status, 404);
    assert.equal(get.body.error, `Data connection ${XERO} not found`);
    const list = await call(s, CONNECTIONS, basic);
    assert.equal(list.body.totalResults, 7);
    assert.ok(!list.body.results.some((c: { id: string }) => c.id === XERO));
  });

  it('instances do not share state, and reset() restores the seed', async () => {
    const a = createSandbox();
    const b = createSandbox();
    await call(a, `${CONNECTIONS}/${XERO}`, basic, { method: 'DELETE' });
    assert.equal((await call(a, CONNECTIONS, basic)).body.totalResults, 7);
    assert.equal((await call(b, CONNECTIONS, basic)).body.totalResults, 8);
    a.store.reset();
    assert.equal((await call(a, CONNECTIONS, basic)).body.totalResults, 8);
  });

  it("unknown company gives Codat's 404 message", async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const r = await call(createSandbox(), `/companies/${id}/connections/${XERO}`, basic);
    assert.equal(r.status, 404);
    assert.equal(r.body.error, `No company was found with ID ${id}`);
  });
});

describe('relative baseUrl', () => {
  it('matches paths under location.origin and builds absolute logo URLs from the request', async () => {
    const g = globalThis as { location?: unknown };
    const previous = g.location;
    g.location = new URL('http://localhost:8000/test/page.html?wtr-session-id=1');
    try {
      const s = createSandbox({ baseUrl: '/api/' });
      const get = (path: string) =>
        getResponse(s.handlers, new Request(`http://localhost:8000${path}`, { headers: { Authorization: basic } }));
      assert.equal((await get(`/api/companies/${GREENFIELD_ID}/connections`))?.status, 200);
      assert.equal(await get(`/companies/${GREENFIELD_ID}/connections`), undefined, 'nothing outside the base path');
      const branding = (await (await get('/api/integrations/shpy/branding'))!.json()) as {
        logo: { square: { image: { src: string } } };
      };
      assert.equal(branding.logo.square.image.src, 'http://localhost:8000/api/sandbox/logos/shpy.svg');
      assert.equal((await get('/api/sandbox/logos/shpy.svg'))?.headers.get('Content-Type'), 'image/svg+xml');
    } finally {
      g.location = previous;
    }
  });
});
