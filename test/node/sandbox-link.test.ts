/** The link journey: linkUrls on the sandbox's own link pages, the start page, authorize and cancel, redirects. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import {
  CANCELLED_MESSAGE,
  CANCELLED_PAGE_MESSAGE,
  createSandbox,
  defaultSeed,
  DONE_MESSAGE,
  GREENFIELD_ID,
  HARBOUR_ID,
  OAKRIDGE_ID,
  SEED_CONNECTION_IDS as SEED,
  type Connection,
  type SandboxOptions,
} from '../../src/sandbox/index.js';
import { validatorFor } from '../../src/sandbox/openapi-schema.js';

const BASE = 'https://api.codat.io';
const LINK = 'https://api.codat.io/sandbox/link';
const BASIC = 'Basic ' + btoa('anything:');
const T0 = Date.parse('2026-04-01T12:00:00Z');
const SQUARE = SEED.square;
const start = (companyId: string, connectionId: string, base = LINK) =>
  `${base}/companies/${companyId}/connections/${connectionId}/start`;
const authorizeUrl = (companyId: string, connectionId: string, base = LINK) =>
  `${base}/companies/${companyId}/connections/${connectionId}/authorize`;
const isConnection = validatorFor('#/components/schemas/Connection');
const CSP = "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function sandboxWith(options: SandboxOptions = {}) {
  return createSandbox({ linkBaseUrl: LINK, now: () => T0, ...options });
}

async function send(sandbox: ReturnType<typeof createSandbox>, url: string, init: RequestInit = {}) {
  const response = await getResponse(sandbox.handlers, new Request(url, init));
  assert.ok(response, `no handler for ${init.method ?? 'GET'} ${url}`);
  return { response, text: await response.text() };
}
const api = (sandbox: ReturnType<typeof createSandbox>, path: string, init: RequestInit = {}) =>
  send(sandbox, BASE + path, { ...init, headers: { Authorization: BASIC, ...init.headers } });
const form = (outcome: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ outcome }).toString(),
});
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

/** Every tag's name in an HTML text, and every attribute name. */
function markup(html: string): { tags: string[]; attributes: string[] } {
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)];
  return {
    tags: tags.map((m) => m[1]!.toLowerCase()),
    attributes: tags.flatMap((m) => [...m[2]!.matchAll(/\s([a-z-]+)=/gi)].map((a) => a[1]!.toLowerCase())),
  };
}

describe('linkBaseUrl', () => {
  it('by default keeps the seed linkUrls and serves no link pages', async () => {
    const s = createSandbox();
    const { text } = await api(s, `/companies/${GREENFIELD_ID}/connections/${SQUARE}`);
    assert.equal(
      JSON.parse(text).linkUrl,
      `https://link-api.codat.io/companies/${GREENFIELD_ID}/connections/${SQUARE}/start`,
    );
    assert.equal(await getResponse(s.handlers, new Request(start(GREENFIELD_ID, SQUARE))), undefined);
  });

  it('when set, every Connection served points its linkUrl at the start page, and still conforms', async () => {
    const s = sandboxWith();
    const bodies: { id: string; linkUrl: string }[] = [];
    const companies = JSON.parse((await api(s, '/companies')).text);
    for (const company of companies.results) {
      for (const c of company.dataConnections) {
        assert.equal(c.linkUrl, start(company.id, c.id), 'companies list');
        bodies.push(c);
      }
    }
    const list = JSON.parse((await api(s, `/companies/${HARBOUR_ID}/connections`)).text);
    bodies.push(...list.results);
    bodies.push(JSON.parse((await api(s, `/companies/${GREENFIELD_ID}/connections/${SQUARE}`)).text));
    const unlinked = await api(s, `/companies/${GREENFIELD_ID}/connections/${SEED.xero}`, {
      method: 'PATCH',
      body: '{"status":"Unlinked"}',
    });
    bodies.push(JSON.parse(unlinked.text));
    const pause = `/companies/${OAKRIDGE_ID}/connections/${SEED.oakridgeQuickbooksDesktop}/syncPause`;
    bodies.push(JSON.parse((await api(s, pause, { method: 'PUT', body: '{"pausedUntil":null}' })).text));
    bodies.push(JSON.parse((await api(s, pause, { method: 'DELETE' })).text));
    assert.equal(bodies.length, 12 + 3 + 4);
    for (const body of bodies) {
      assert.ok(isConnection(body), JSON.stringify(isConnection.errors));
      assert.match(body.linkUrl, new RegExp(`^${LINK}/companies/[0-9a-f-]{36}/connections/${body.id}/start$`));
    }
  });

  it('a path is resolved against the request, like baseUrl', async () => {
    const g = globalThis as { location?: unknown };
    const previous = g.location;
    g.location = new URL('http://localhost:8000/test/page.html');
    try {
      const s = createSandbox({ baseUrl: '/api', linkBaseUrl: '/api/sandbox/link/' });
      const url = `http://localhost:8000/api/companies/${GREENFIELD_ID}/connections/${SQUARE}`;
      const { text } = await send(s, url, { headers: { Authorization: BASIC } });
      const linkUrl = JSON.parse(text).linkUrl;
      assert.equal(linkUrl, start(GREENFIELD_ID, SQUARE, 'http://localhost:8000/api/sandbox/link'));
      const page = await send(s, linkUrl);
      assert.equal(page.response.status, 200);
      assert.match(page.text, /<link rel="stylesheet" href="http:\/\/localhost:8000\/api\/sandbox\/link\/link\.css">/);
    } finally {
      g.location = previous;
    }
  });

  it('refuses option values that are not http(s) URLs or paths', () => {
    for (const bad of ['javascript:alert(1)', 'ftp://example.com/link', '//evil.example/link', 'link', '', ' /x']) {
      assert.throws(() => createSandbox({ linkBaseUrl: bad }), { name: 'TypeError', message: /^linkBaseUrl must be/ });
      assert.throws(() => createSandbox({ redirectUrl: bad }), { name: 'TypeError', message: /^redirectUrl must be/ });
    }
    assert.doesNotThrow(() => createSandbox({ linkBaseUrl: '/link', redirectUrl: 'http://localhost:5173/done?x=1' }));
  });
});

describe('the start page', () => {
  it('names the platform and company and offers Authorize and Cancel as one plain form', async () => {
    const { response, text } = await send(sandboxWith(), start(GREENFIELD_ID, SQUARE));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('Content-Security-Policy'), CSP);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.match(text, /^<!doctype html>\n<html lang="en">/);
    assert.match(text, /<title>Reconnect Square · Codat sandbox<\/title>/);
    assert.match(text, /<h1>Reconnect Square<\/h1>/);
    assert.match(text, /<strong>Greenfield Bakery Ltd<\/strong> is asking for access to its Square data\./);
    assert.match(text, /Connection status now: Deauthorized/);
    assert.match(text, new RegExp(`<form method="post" action="${authorizeUrl(GREENFIELD_ID, SQUARE)}">`));
    assert.match(text, /<button type="submit" class="primary" name="outcome" value="authorize">Authorize<\/button>/);
    assert.match(text, /<button type="submit" name="outcome" value="cancel">Cancel<\/button>/);
    const { tags, attributes } = markup(text);
    assert.deepEqual([...new Set(tags)].sort(), [
      'body',
      'button',
      'form',
      'h1',
      'head',
      'html',
      'link',
      'main',
      'meta',
      'p',
      'strong',
      'title',
    ]);
    assert.ok(!attributes.includes('style') && !attributes.some((a) => a.startsWith('on')), attributes.join());
  });

  it('says Connect for a connection that was never linked', async () => {
    const { text } = await send(sandboxWith(), start(GREENFIELD_ID, SEED.lloyds));
    assert.match(text, /<h1>Connect Lloyds<\/h1>/);
  });

  it('escapes names that come from data', async () => {
    const seed = defaultSeed();
    seed.companies[0]!.name = '<script>alert("company")</script> & Sons';
    seed.companies[0]!.connections[6]!.platformName = `<img src=x onerror="alert('x')">`;
    const { text } = await send(sandboxWith({ seed }), start(GREENFIELD_ID, SQUARE));
    assert.ok(!text.includes('<script') && !text.includes('<img'), text);
    assert.match(text, /&#60;script&#62;alert\(&#34;company&#34;\)&#60;\/script&#62; &#38; Sons/);
    assert.match(text, /<h1>Reconnect &#60;img src=x onerror=&#34;alert\(&#39;x&#39;\)&#34;&#62;<\/h1>/);
  });

  it('lets the form redirect to the redirect URL’s origin when it is another one', async () => {
    const csp = async (redirectUrl: string) =>
      (await send(sandboxWith({ redirectUrl }), start(GREENFIELD_ID, SQUARE))).response.headers.get(
        'Content-Security-Policy',
      );
    assert.equal(
      await csp('http://localhost:5173/connections/{connectionId}/done'),
      CSP.replace("'self'; frame", "'self' http://localhost:5173; frame"),
    );
    assert.equal(await csp('/done'), CSP);
    assert.equal(await csp('https://api.codat.io/elsewhere'), CSP);
  });

  it('serves its stylesheet, and 404 pages for unknown companies and connections', async () => {
    const s = sandboxWith();
    const css = await send(s, `${LINK}/link.css`);
    assert.deepEqual([css.response.status, css.response.headers.get('Content-Type')], [200, 'text/css; charset=utf-8']);
    assert.match(css.text, /^:root \{/);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [url, message] of [
      [start(unknown, SQUARE), `No company was found with ID ${unknown}`],
      [start(GREENFIELD_ID, unknown), `Data connection ${unknown} not found`],
      [start(GREENFIELD_ID, SEED.harbourBarclays), `Data connection ${SEED.harbourBarclays} not found`],
    ]) {
      const { response, text } = await send(s, url!);
      assert.equal(response.status, 404);
      assert.equal(response.headers.get('Content-Security-Policy'), CSP);
      assert.match(text, /<h1>This link does not work<\/h1>/);
      assert.ok(text.includes(`<p>${message}</p>`), text);
    }
  });
});

describe('POST .../authorize', () => {
  const REDIRECT = 'http://localhost:5173/companies/{companyId}/return?connection={connectionId}&tab=connections';

  it('authorize links the connection, resolves its active errors and redirects with statusCode=200', async () => {
    const s = sandboxWith({ redirectUrl: REDIRECT });
    const before = s.store.getConnection(GREENFIELD_ID, SQUARE)!;
    assert.equal(before.dataConnectionErrors![0]!.status, 'Active');
    const { response, text } = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), form('authorize'));
    assert.equal(response.status, 303);
    assert.equal(text, '');
    const location = new URL(response.headers.get('Location')!);
    assert.equal(location.origin + location.pathname, `http://localhost:5173/companies/${GREENFIELD_ID}/return`);
    assert.deepEqual(Object.fromEntries(location.searchParams), {
      connection: SQUARE,
      tab: 'connections',
      statusCode: '200',
      statusText: 'Linked',
      companyId: GREENFIELD_ID,
      connectionId: SQUARE,
    });
    const after = s.store.getConnection(GREENFIELD_ID, SQUARE)!;
    assert.deepEqual(after, {
      ...before,
      status: 'Linked',
      dataConnectionErrors: [
        { ...before.dataConnectionErrors![0]!, status: 'Resolved', resolvedOnUtc: '2026-04-01T12:00:00Z' },
      ],
    });
    const served = JSON.parse((await api(s, `/companies/${GREENFIELD_ID}/connections/${SQUARE}`)).text);
    assert.equal(served.status, 'Linked');
    assert.ok(isConnection(served), JSON.stringify(isConnection.errors));
    const queue = await api(s, `/companies/${GREENFIELD_ID}/data/queue/commerce-orders?connectionId=${SQUARE}`, {
      method: 'POST',
    });
    assert.equal(queue.response.status, 200, 'the connection can be refreshed again');
  });

  it('cancel leaves the connection as it was and redirects with an error status', async () => {
    const s = sandboxWith({ redirectUrl: REDIRECT });
    const before = s.store.getConnection(GREENFIELD_ID, SQUARE);
    const { response } = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), form('cancel'));
    assert.equal(response.status, 303);
    const location = new URL(response.headers.get('Location')!);
    assert.deepEqual(
      [...location.searchParams].filter(([k]) => !['connection', 'tab'].includes(k)),
      [
        ['statusCode', '400'],
        ['statusText', 'Cancelled'],
        ['errorMessage', CANCELLED_MESSAGE],
        ['companyId', GREENFIELD_ID],
        ['connectionId', SQUARE],
      ],
    );
    assert.match(response.headers.get('Location')!, /errorMessage=The\+user\+cancelled\+the\+authorization\./);
    assert.deepEqual(s.store.getConnection(GREENFIELD_ID, SQUARE), before);
  });

  it('a relative redirect URL stays on the sandbox origin', async () => {
    const s = sandboxWith({ redirectUrl: '/done' });
    const { response } = await send(s, authorizeUrl(HARBOUR_ID, SEED.harbourStripe), form('authorize'));
    assert.equal(
      response.headers.get('Location'),
      `https://api.codat.io/done?statusCode=200&statusText=Linked&companyId=${HARBOUR_ID}&connectionId=${SEED.harbourStripe}`,
    );
    assert.equal(s.store.getConnection(HARBOUR_ID, SEED.harbourStripe)!.status, 'Linked');
  });

  it('without a redirect URL answers a page saying it is done (or cancelled)', async () => {
    const s = sandboxWith();
    const done = await send(s, authorizeUrl(GREENFIELD_ID, SEED.quickbooksDesktop), form('authorize'));
    assert.equal(done.response.status, 200);
    assert.equal(done.response.headers.get('Content-Security-Policy'), CSP);
    assert.match(done.text, /<h1>QuickBooks Desktop is connected<\/h1>/);
    assert.ok(done.text.includes(`<p>${DONE_MESSAGE}</p>`));
    assert.equal(s.store.getConnection(GREENFIELD_ID, SEED.quickbooksDesktop)!.status, 'Linked');
    const cancelled = await send(s, authorizeUrl(GREENFIELD_ID, SEED.lloyds), form('cancel'));
    assert.match(cancelled.text, /<h1>Lloyds was not connected<\/h1>/);
    assert.ok(cancelled.text.includes(`<p>${CANCELLED_PAGE_MESSAGE}</p>`));
    assert.equal(s.store.getConnection(GREENFIELD_ID, SEED.lloyds)!.status, 'PendingAuth');
  });

  it('answers JSON requests with the Connection instead of redirecting', async () => {
    const s = sandboxWith({ redirectUrl: REDIRECT });
    const cancelled = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), json({ outcome: 'cancel' }));
    assert.equal(cancelled.response.status, 200);
    assert.equal(JSON.parse(cancelled.text).status, 'Deauthorized');
    const { response, text } = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), json({ outcome: 'authorize' }));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type')!, /^application\/json/);
    const body: Connection = JSON.parse(text);
    assert.ok(isConnection(body), JSON.stringify(isConnection.errors));
    assert.equal(body.status, 'Linked');
    assert.equal(body.linkUrl, start(GREENFIELD_ID, SQUARE));
    assert.deepEqual(
      body.dataConnectionErrors!.map((e) => [e.status, e.resolvedOnUtc]),
      [['Resolved', '2026-04-01T12:00:00Z']],
    );
  });

  it('refuses unknown connections and bad outcomes, as HTML for forms and ErrorMessage for JSON', async () => {
    const s = sandboxWith();
    const isError = validatorFor('#/components/schemas/ErrorMessage');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await send(s, authorizeUrl(GREENFIELD_ID, unknown), json({ outcome: 'authorize' }));
    assert.equal(missing.response.status, 404);
    assert.equal(JSON.parse(missing.text).error, `Data connection ${unknown} not found`);
    const missingForm = await send(s, authorizeUrl(unknown, SQUARE), form('authorize'));
    assert.equal(missingForm.response.status, 404);
    assert.match(missingForm.text, new RegExp(`<p>No company was found with ID ${unknown}</p>`));
    for (const body of [{ outcome: 'approve' }, { outcome: 'authorize', extra: true }, {}, []]) {
      const r = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), json(body));
      assert.equal(r.response.status, 400, JSON.stringify(body));
      const error: { validation: { errors: { validatorName: string }[] } } = JSON.parse(r.text);
      assert.ok(isError(error));
      assert.equal(error.validation.errors[0].validatorName, 'LinkAuthorization');
    }
    const notJson = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), { ...json(null), body: '{' });
    assert.equal(JSON.parse(notJson.text).error, 'The request body is not valid JSON.');
    const badForm = await send(s, authorizeUrl(GREENFIELD_ID, SQUARE), form('yes'));
    assert.equal(badForm.response.status, 400);
    assert.match(badForm.response.headers.get('Content-Type')!, /^text\/html/);
    assert.match(badForm.text, /<p>outcome must be one of authorize, cancel\.<\/p>/);
    assert.equal(s.store.getConnection(GREENFIELD_ID, SQUARE)!.status, 'Deauthorized', 'nothing changed');
  });
});

describe('store.authorizeConnection', () => {
  it('links any connection, resolves only Active errors and keeps everything else', () => {
    const seed = defaultSeed();
    const square = seed.companies[0]!.connections[6]!;
    square.dataConnectionErrors!.push({
      statusCode: '429',
      statusText: 'Too Many Requests',
      errorMessage: 'Rate limited',
      erroredOnUtc: '2026-02-01T00:00:00Z',
      status: 'Resolved',
      resolvedOnUtc: '2026-02-01T01:00:00Z',
    });
    const s = createSandbox({ seed, now: () => T0 });
    const linked = s.store.authorizeConnection(GREENFIELD_ID, SQUARE)!;
    assert.deepEqual(
      linked.dataConnectionErrors!.map((e) => [e.status, e.resolvedOnUtc]),
      [
        ['Resolved', '2026-04-01T12:00:00Z'],
        ['Resolved', '2026-02-01T01:00:00Z'],
      ],
    );
    assert.equal(s.store.authorizeConnection(GREENFIELD_ID, SEED.quickbooksOnline)!.status, 'Linked');
    assert.equal(s.store.authorizeConnection(HARBOUR_ID, SQUARE), undefined);
    assert.equal(s.store.getConnection(GREENFIELD_ID, SEED.xero)!.dataConnectionErrors, undefined);
  });
});
