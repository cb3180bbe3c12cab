/**
 * Drives every sandbox route through `getResponse` and validates each JSON body
 * against the schema the OpenAPI documents (Platform and Banking) declare for
 * that path, method and status (looked up from the documents, never restated
 * here). The kit's own routes, which Codat's documents lack, are checked
 * against the Platform document's Connection and ErrorMessage schemas.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getResponse } from 'msw';
import { createSandbox, CORS_HEADERS, GREENFIELD_ID, HARBOUR_ID, OAKRIDGE_ID } from '../../src/sandbox/index.js';
import { SEED_CONNECTION_IDS as SEED } from '../../src/sandbox/index.js';
import { documentFor, pathTemplateFor, responseValidator, validatorFor } from '../../src/sandbox/openapi-schema.js';

const BASE = 'https://api.codat.io';
const BASIC = 'Basic ' + btoa('sandbox-key:');
const XERO = SEED.xero;
const HSBC = SEED.hsbc;
const STRIPE = SEED.stripe;
const UNKNOWN = '00000000-0000-4000-8000-00000000dead';
const HISTORY = `/companies/${GREENFIELD_ID}/data/history`;
const QUEUE = `/companies/${GREENFIELD_ID}/data/queue`;
const accounts = (companyId: string, connectionId: string) =>
  `/companies/${companyId}/connections/${connectionId}/data/banking-accounts`;
const HSBC_ACCOUNTS = accounts(GREENFIELD_ID, HSBC);
const QBD = SEED.oakridgeQuickbooksDesktop;
const PAUSE = `/companies/${OAKRIDGE_ID}/connections/${QBD}/syncPause`;
const DAY_MS = 86_400_000;
const inDays = (days: number) => JSON.stringify({ pausedUntil: new Date(Date.now() + days * DAY_MS).toISOString() });

/**
 * Statuses the brief requires but the document does not declare for the
 * operation; their bodies are checked against the document's generic response.
 */
const UNDECLARED: Record<string, string> = {
  'PATCH /companies/{companyId}/connections/{connectionId} 400': '#/components/responses/Bad-Request',
  'GET /integrations/{platformKey}/branding 400': '#/components/responses/Bad-Request',
  'GET /integrations/{platformKey} 400': '#/components/responses/Bad-Request',
  'POST /companies/{companyId}/connections 400': '#/components/responses/Bad-Request',
};
const CONNECTIONS = `/companies/${GREENFIELD_ID}/connections`;

/**
 * Routes the kit defines and Codat's documents do not (see docs/SANDBOX.md):
 * a 200 is a Connection, anything else an ErrorMessage (Platform document).
 */
const KIT_ROUTES: RegExp[] = [/^\/companies\/[^/]+\/connections\/[^/]+\/syncPause$/];

interface Case {
  name: string;
  method?: string;
  path: string;
  auth?: string | 'bearer:greenfield' | 'bearer:harbour' | 'bearer:oakridge' | 'none';
  body?: string;
  status: number;
}

const cases: Case[] = [
  { name: 'list companies', path: '/companies', status: 200 },
  { name: 'list companies paged', path: '/companies?page=2&pageSize=1', status: 200 },
  { name: 'list companies by query', path: '/companies?query=name%3DHarbour%20Freight%20Co', status: 200 },
  { name: 'companies malformed query', path: '/companies?query=name', status: 400 },
  { name: 'companies without auth', path: '/companies', auth: 'none', status: 401 },
  { name: 'companies with bearer', path: '/companies', auth: 'bearer:greenfield', status: 403 },
  { name: 'access token', path: `/companies/${GREENFIELD_ID}/accessToken`, status: 200 },
  { name: 'access token unknown company', path: `/companies/${UNKNOWN}/accessToken`, status: 404 },
  {
    name: 'access token with bearer',
    path: `/companies/${GREENFIELD_ID}/accessToken`,
    auth: 'bearer:greenfield',
    status: 403,
  },
  { name: 'list connections', path: `/companies/${GREENFIELD_ID}/connections`, status: 200 },
  {
    name: 'list connections, bearer',
    path: `/companies/${GREENFIELD_ID}/connections?page=2&pageSize=3`,
    auth: 'bearer:greenfield',
    status: 200,
  },
  {
    name: 'list connections filtered',
    path: `/companies/${GREENFIELD_ID}/connections?query=sourceType%3DCommerce%26%26status!%3DLinked&orderBy=-created`,
    status: 200,
  },
  {
    name: 'list connections malformed query',
    path: `/companies/${GREENFIELD_ID}/connections?query=status%3D%3DLinked`,
    status: 400,
  },
  {
    name: 'list connections unknown property',
    path: `/companies/${GREENFIELD_ID}/connections?query=colour%3Dred`,
    status: 400,
  },
  { name: 'list connections page 0', path: `/companies/${GREENFIELD_ID}/connections?page=0`, status: 400 },
  {
    name: 'list connections pageSize 5001',
    path: `/companies/${GREENFIELD_ID}/connections?pageSize=5001`,
    status: 400,
  },
  {
    name: 'list connections pageSize 5000',
    path: `/companies/${GREENFIELD_ID}/connections?pageSize=5000`,
    status: 200,
  },
  { name: 'list connections unknown company', path: `/companies/${UNKNOWN}/connections`, status: 404 },
  {
    name: 'list connections other company',
    path: `/companies/${HARBOUR_ID}/connections`,
    auth: 'bearer:greenfield',
    status: 403,
  },
  {
    name: 'list connections bad token',
    path: `/companies/${GREENFIELD_ID}/connections`,
    auth: 'Bearer a.b.c',
    status: 401,
  },
  { name: 'get connection', path: `/companies/${GREENFIELD_ID}/connections/${XERO}`, status: 200 },
  {
    name: 'get connection never synced',
    path: `/companies/${GREENFIELD_ID}/connections/${SEED.lloyds}`,
    status: 200,
  },
  {
    name: 'get connection with errors',
    path: `/companies/${GREENFIELD_ID}/connections/${SEED.square}`,
    status: 200,
  },
  { name: 'get unknown connection', path: `/companies/${GREENFIELD_ID}/connections/${UNKNOWN}`, status: 404 },
  // Integrations and new connections.
  { name: 'list integrations', path: '/integrations', status: 200 },
  {
    name: 'list enabled accounting integrations, bearer',
    path: '/integrations?query=enabled%3Dtrue%26%26sourceType%3DAccounting&orderBy=name',
    auth: 'bearer:greenfield',
    status: 200,
  },
  { name: 'list integrations paged', path: '/integrations?page=2&pageSize=3', status: 200 },
  { name: 'integrations malformed query', path: '/integrations?query=enabled', status: 400 },
  { name: 'integrations unknown property', path: '/integrations?query=colour%3Dred', status: 400 },
  { name: 'integrations without auth', path: '/integrations', auth: 'none', status: 401 },
  { name: 'get integration', path: '/integrations/qhyg', auth: 'bearer:harbour', status: 200 },
  { name: 'get integration bad key', path: '/integrations/QHYG', status: 400 },
  { name: 'get integration unknown key', path: '/integrations/zzzz', status: 404 },
  {
    name: 'create connection',
    method: 'POST',
    path: CONNECTIONS,
    body: '{"platformKey":"lloy"}',
    auth: 'bearer:greenfield',
    status: 200,
  },
  { name: 'create connection bad JSON', method: 'POST', path: CONNECTIONS, body: '{platformKey', status: 400 },
  { name: 'create connection no key', method: 'POST', path: CONNECTIONS, body: '{}', status: 400 },
  {
    name: 'create connection extra property',
    method: 'POST',
    path: CONNECTIONS,
    body: '{"platformKey":"gbol","x":1}',
    status: 400,
  },
  { name: 'create connection bad key', method: 'POST', path: CONNECTIONS, body: '{"platformKey":"GB"}', status: 400 },
  {
    name: 'create connection unknown key',
    method: 'POST',
    path: CONNECTIONS,
    body: '{"platformKey":"zzzz"}',
    status: 404,
  },
  {
    name: 'create connection disabled integration',
    method: 'POST',
    path: CONNECTIONS,
    body: '{"platformKey":"frbk"}',
    status: 400,
  },
  {
    name: 'create connection unknown company',
    method: 'POST',
    path: `/companies/${UNKNOWN}/connections`,
    body: '{"platformKey":"gbol"}',
    status: 404,
  },
  {
    name: 'create connection other company',
    method: 'POST',
    path: `/companies/${HARBOUR_ID}/connections`,
    body: '{"platformKey":"gbol"}',
    auth: 'bearer:greenfield',
    status: 403,
  },
  // Banking accounts (Banking document), before HSBC is deleted below.
  { name: 'banking accounts', path: HSBC_ACCOUNTS, status: 200 },
  {
    name: 'banking accounts, bearer',
    path: `${HSBC_ACCOUNTS}?page=2&pageSize=1`,
    auth: 'bearer:greenfield',
    status: 200,
  },
  {
    name: 'banking accounts filtered and ordered',
    path: `${HSBC_ACCOUNTS}?query=type%3DDebit%26%26currency%3DGBP&orderBy=-name`,
    status: 200,
  },
  {
    name: 'banking accounts of Harbour',
    path: accounts(HARBOUR_ID, SEED.harbourBarclays),
    auth: 'bearer:harbour',
    status: 200,
  },
  { name: 'banking accounts, none yet', path: accounts(GREENFIELD_ID, SEED.lloyds), status: 200 },
  { name: 'banking accounts unknown property', path: `${HSBC_ACCOUNTS}?query=colour%3Dred`, status: 400 },
  { name: 'banking accounts malformed query', path: `${HSBC_ACCOUNTS}?query=type`, status: 400 },
  { name: 'banking accounts pageSize 5001', path: `${HSBC_ACCOUNTS}?pageSize=5001`, status: 400 },
  { name: 'banking accounts of an Accounting connection', path: accounts(GREENFIELD_ID, XERO), status: 404 },
  { name: 'banking accounts unknown connection', path: accounts(GREENFIELD_ID, UNKNOWN), status: 404 },
  { name: 'banking accounts unknown company', path: accounts(UNKNOWN, HSBC), status: 404 },
  {
    name: 'banking accounts other company',
    path: accounts(HARBOUR_ID, SEED.harbourBarclays),
    auth: 'bearer:greenfield',
    status: 403,
  },
  { name: 'banking accounts without auth', path: HSBC_ACCOUNTS, auth: 'none', status: 401 },
  // Sync pause (the kit's route) on Oakridge's Linked QuickBooks Desktop connection.
  { name: 'pause syncs', method: 'PUT', path: PAUSE, body: inDays(7), auth: 'bearer:oakridge', status: 200 },
  {
    name: 'queue while paused',
    method: 'POST',
    path: `/companies/${OAKRIDGE_ID}/data/queue/invoices?connectionId=${QBD}`,
    status: 400,
  },
  { name: 'pause until resumed', method: 'PUT', path: PAUSE, body: '{"pausedUntil":null}', status: 200 },
  { name: 'resume syncs', method: 'DELETE', path: PAUSE, auth: 'bearer:oakridge', status: 200 },
  { name: 'resume again', method: 'DELETE', path: PAUSE, status: 200 },
  { name: 'pause bad JSON', method: 'PUT', path: PAUSE, body: '{pausedUntil', status: 400 },
  { name: 'pause extra key', method: 'PUT', path: PAUSE, body: '{"pausedUntil":null,"reason":"x"}', status: 400 },
  { name: 'pause in the past', method: 'PUT', path: PAUSE, body: inDays(-1), status: 400 },
  { name: 'pause too far ahead', method: 'PUT', path: PAUSE, body: inDays(31), status: 400 },
  { name: 'pause not a date', method: 'PUT', path: PAUSE, body: '{"pausedUntil":"next week"}', status: 400 },
  {
    name: 'pause Xero',
    method: 'PUT',
    path: `/companies/${GREENFIELD_ID}/connections/${XERO}/syncPause`,
    body: inDays(1),
    status: 400,
  },
  {
    name: 'pause a Deauthorized QuickBooks Desktop',
    method: 'PUT',
    path: `/companies/${GREENFIELD_ID}/connections/${SEED.quickbooksDesktop}/syncPause`,
    body: inDays(1),
    status: 400,
  },
  {
    name: 'pause unknown connection',
    method: 'PUT',
    path: `/companies/${OAKRIDGE_ID}/connections/${UNKNOWN}/syncPause`,
    body: inDays(1),
    status: 404,
  },
  {
    name: 'resume unknown company',
    method: 'DELETE',
    path: `/companies/${UNKNOWN}/connections/${QBD}/syncPause`,
    status: 404,
  },
  { name: 'pause other company', method: 'PUT', path: PAUSE, body: inDays(1), auth: 'bearer:harbour', status: 403 },
  { name: 'resume without auth', method: 'DELETE', path: PAUSE, auth: 'none', status: 401 },
  { name: 'get connection unknown company', path: `/companies/${UNKNOWN}/connections/${XERO}`, status: 404 },
  {
    name: 'unlink',
    method: 'PATCH',
    path: `/companies/${GREENFIELD_ID}/connections/${XERO}`,
    body: '{"status":"Unlinked"}',
    status: 200,
  },
  {
    name: 'unlink bad JSON',
    method: 'PATCH',
    path: `/companies/${GREENFIELD_ID}/connections/${XERO}`,
    body: '{status:',
    status: 400,
  },
  {
    name: 'unlink to Linked',
    method: 'PATCH',
    path: `/companies/${GREENFIELD_ID}/connections/${XERO}`,
    body: '{"status":"Linked"}',
    status: 400,
  },
  {
    name: 'unlink extra property',
    method: 'PATCH',
    path: `/companies/${GREENFIELD_ID}/connections/${XERO}`,
    body: '{"status":"Unlinked","x":1}',
    status: 400,
  },
  {
    name: 'unlink unknown',
    method: 'PATCH',
    path: `/companies/${GREENFIELD_ID}/connections/${UNKNOWN}`,
    body: '{"status":"Unlinked"}',
    status: 404,
  },
  { name: 'delete', method: 'DELETE', path: `/companies/${GREENFIELD_ID}/connections/${HSBC}`, status: 200 },
  { name: 'delete again', method: 'DELETE', path: `/companies/${GREENFIELD_ID}/connections/${HSBC}`, status: 404 },
  {
    name: 'delete other company',
    method: 'DELETE',
    path: `/companies/${HARBOUR_ID}/connections/${SEED.harbourSage}`,
    auth: 'bearer:greenfield',
    status: 403,
  },
  { name: 'branding', path: '/integrations/gbol/branding', status: 200 },
  { name: 'branding, bearer', path: '/integrations/strp/branding', auth: 'bearer:harbour', status: 200 },
  { name: 'branding bad key', path: '/integrations/GBOL1/branding', status: 400 },
  { name: 'branding unknown key', path: '/integrations/zzzz/branding', status: 404 },
  { name: 'branding without auth', path: '/integrations/gbol/branding', auth: 'none', status: 401 },
  // Pull operations. By now Xero (…01) is Unlinked and HSBC (…04) deleted, so Stripe (…08) is used.
  { name: 'pull history', path: HISTORY, status: 200 },
  { name: 'pull history, bearer', path: `${HISTORY}?page=2&pageSize=5`, auth: 'bearer:greenfield', status: 200 },
  {
    name: 'pull history by connection and status',
    path: `${HISTORY}?query=connectionId%3D${STRIPE}%26%26status%3DComplete&orderBy=requested`,
    status: 200,
  },
  { name: 'pull history failed', path: `${HISTORY}?query=status%3DAuthError`, status: 200 },
  { name: 'pull history unknown property', path: `${HISTORY}?query=colour%3Dred`, status: 400 },
  { name: 'pull history malformed query', path: `${HISTORY}?query=status`, status: 400 },
  { name: 'pull history page 0', path: `${HISTORY}?page=0`, status: 400 },
  { name: 'pull history unknown company', path: `/companies/${UNKNOWN}/data/history`, status: 404 },
  {
    name: 'pull history other company',
    path: `/companies/${HARBOUR_ID}/data/history`,
    auth: 'bearer:greenfield',
    status: 403,
  },
  { name: 'pull history without auth', path: HISTORY, auth: 'none', status: 401 },
  { name: 'seeded pull', path: `${HISTORY}/da7a0000-0001-4000-8000-000000002004`, status: 200 },
  { name: 'seeded failed pull', path: `${HISTORY}/da7a0000-0007-4000-8000-000000003000`, status: 200 },
  { name: 'unknown pull', path: `${HISTORY}/${UNKNOWN}`, status: 404 },
  {
    name: 'pull of another company',
    path: `/companies/${HARBOUR_ID}/data/history/da7a0000-0001-4000-8000-000000002004`,
    status: 404,
  },
  { name: 'pull unknown company', path: `/companies/${UNKNOWN}/data/history/${UNKNOWN}`, status: 404 },
  { name: 'data status', path: `/companies/${GREENFIELD_ID}/dataStatus`, status: 200 },
  { name: 'data status, bearer', path: `/companies/${HARBOUR_ID}/dataStatus`, auth: 'bearer:harbour', status: 200 },
  { name: 'data status unknown company', path: `/companies/${UNKNOWN}/dataStatus`, status: 404 },
  {
    name: 'data status other company',
    path: `/companies/${GREENFIELD_ID}/dataStatus`,
    auth: 'bearer:harbour',
    status: 403,
  },
  { name: 'refresh all', method: 'POST', path: `/companies/${GREENFIELD_ID}/data/all`, status: 204 },
  { name: 'refresh all unknown company', method: 'POST', path: `/companies/${UNKNOWN}/data/all`, status: 404 },
  {
    name: 'refresh all other company',
    method: 'POST',
    path: `/companies/${HARBOUR_ID}/data/all`,
    auth: 'bearer:greenfield',
    status: 403,
  },
  { name: 'pull history after refresh', path: `${HISTORY}?pageSize=3`, status: 200 },
  { name: 'data status after refresh', path: `/companies/${GREENFIELD_ID}/dataStatus`, status: 200 },
  {
    name: 'queue data type',
    method: 'POST',
    path: `${QUEUE}/commerce-orders?connectionId=${STRIPE}`,
    auth: 'bearer:greenfield',
    status: 200,
  },
  { name: 'queue without connectionId', method: 'POST', path: `${QUEUE}/commerce-orders`, status: 200 },
  { name: 'queue bad data type', method: 'POST', path: `${QUEUE}/orders?connectionId=${STRIPE}`, status: 400 },
  { name: 'queue bad connectionId', method: 'POST', path: `${QUEUE}/commerce-orders?connectionId=x`, status: 400 },
  {
    name: 'queue unknown connection',
    method: 'POST',
    path: `${QUEUE}/commerce-orders?connectionId=${UNKNOWN}`,
    status: 404,
  },
  {
    name: 'queue connection of another company',
    method: 'POST',
    path: `${QUEUE}/banking-accounts?connectionId=${SEED.harbourBarclays}`,
    status: 404,
  },
  { name: 'queue unlinked connection', method: 'POST', path: `${QUEUE}/invoices?connectionId=${XERO}`, status: 400 },
  {
    name: 'queue type the connection lacks',
    method: 'POST',
    path: `${QUEUE}/invoices?connectionId=${STRIPE}`,
    status: 400,
  },
  { name: 'queue type no connection offers', method: 'POST', path: `${QUEUE}/invoices`, status: 400 },
  { name: 'queue unknown company', method: 'POST', path: `/companies/${UNKNOWN}/data/queue/invoices`, status: 404 },
  {
    name: 'queue other company',
    method: 'POST',
    path: `/companies/${HARBOUR_ID}/data/queue/invoices`,
    auth: 'bearer:greenfield',
    status: 403,
  },
];

function assertErrorShape(body: Record<string, unknown>, status: number) {
  assert.equal(body.statusCode, status);
  assert.equal(body.service, 'PublicApi');
  assert.equal(typeof body.error, 'string');
  assert.match(String(body.correlationId), /^[0-9a-f]{32}$/);
  assert.equal(body.canBeRetried, 'Unknown');
  assert.equal(body.detailedErrorCode, 0);
}

function assertCors(response: Response) {
  for (const [name, value] of Object.entries(CORS_HEADERS)) {
    assert.equal(response.headers.get(name), value, `header ${name}`);
  }
}

describe('sandbox conforms to the OpenAPI document', async () => {
  // One sandbox for the whole sequence: later cases see earlier PATCH/DELETE effects.
  const sandbox = createSandbox();
  const tokens = {
    'bearer:greenfield': `Bearer ${await sandbox.issueAccessToken(GREENFIELD_ID)}`,
    'bearer:harbour': `Bearer ${await sandbox.issueAccessToken(HARBOUR_ID)}`,
    'bearer:oakridge': `Bearer ${await sandbox.issueAccessToken(OAKRIDGE_ID)}`,
  };

  for (const c of cases) {
    const method = c.method ?? 'GET';
    it(`${c.name}: ${method} ${c.path} -> ${c.status}`, async () => {
      const headers = new Headers();
      const auth = c.auth ?? BASIC;
      if (auth !== 'none') headers.set('Authorization', tokens[auth as keyof typeof tokens] ?? auth);
      if (c.body) headers.set('Content-Type', 'application/json');
      const request = new Request(BASE + c.path, { method, headers, body: c.body ?? null });
      const response = await getResponse(sandbox.handlers, request);
      assert.ok(response, 'a handler answered');
      const text = await response.text();
      assert.equal(response.status, c.status, text);
      assertCors(response);

      const pathname = new URL(request.url).pathname;
      const kit = KIT_ROUTES.some((route) => route.test(pathname));
      const template = kit ? pathname : pathTemplateFor(pathname);
      assert.ok(template, 'path is in a document');
      const undeclared = UNDECLARED[`${method} ${template} ${c.status}`];
      const validate = kit
        ? validatorFor(`#/components/schemas/${c.status === 200 ? 'Connection' : 'ErrorMessage'}`)
        : undeclared
          ? validatorFor(`${undeclared}/content/application~1json/schema`)
          : responseValidator(template, method, c.status);
      if (validate === null) {
        assert.equal(text, '', 'declared without content, so the body is empty');
        return;
      }
      assert.match(response.headers.get('Content-Type') ?? '', /^application\/json/);
      const body = JSON.parse(text) as Record<string, unknown>;
      assert.ok(validate(body), JSON.stringify(validate.errors, null, 1));
      if (c.status >= 400) {
        assertErrorShape(body, c.status);
        assert.equal(response.headers.get('X-Correlation-Id'), body.correlationId);
      }
      if (!(template.endsWith('/accessToken') && c.status === 200)) {
        // Only the accessToken route may return a token (the same claims in the same second sign identically).
        assert.ok(!text.includes(tokens['bearer:greenfield'].slice(7)), 'token never echoed');
      }
    });
  }

  it('the schema helper rejects a non-conforming body (the check can fail)', () => {
    const validate = responseValidator('/companies/{companyId}/connections/{connectionId}', 'get', 200)!;
    assert.equal(validate({ id: XERO, status: 'Linked' }), false);
    assert.throws(() => responseValidator('/companies/{companyId}/connections/{connectionId}', 'patch', 400));
    const banking = '/companies/{companyId}/connections/{connectionId}/data/banking-accounts';
    const page = {
      pageNumber: 1,
      pageSize: 1,
      totalResults: 1,
      _links: { self: { href: '/x' }, current: { href: '/x' } },
    };
    const validateAccounts = responseValidator(banking, 'get', 200)!;
    assert.equal(validateAccounts({ ...page, results: [] }), true);
    assert.equal(validateAccounts({ ...page, results: [{ id: 'a', name: 'Current' }] }), false, 'required fields');
    assert.throws(() => responseValidator('/companies/{companyId}/connections/{connectionId}/syncPause', 'put', 200));
  });

  it('finds each path template in the document that declares it', () => {
    const banking = '/companies/{companyId}/connections/{connectionId}/data/banking-accounts';
    assert.equal(pathTemplateFor(`/companies/${GREENFIELD_ID}/connections/${HSBC}/data/banking-accounts`), banking);
    assert.equal(documentFor(banking), 'banking');
    assert.equal(documentFor('/companies/{companyId}/connections'), 'platform');
    assert.equal(documentFor('/companies/{companyId}/connections/{connectionId}/syncPause'), undefined);
  });

  it('OPTIONS preflight answers 204 with CORS headers on every route', async () => {
    for (const path of new Set(cases.map((c) => c.path.split('?')[0]!))) {
      const response = await getResponse(
        sandbox.handlers,
        new Request(BASE + path, {
          method: 'OPTIONS',
          headers: { Origin: 'http://localhost:8000', 'Access-Control-Request-Method': 'PATCH' },
        }),
      );
      assert.equal(response?.status, 204, path);
      assertCors(response!);
    }
  });

  it('serves the branding logo as SVG from its own base URL', async () => {
    const branding = await getResponse(
      sandbox.handlers,
      new Request(`${BASE}/integrations/gbol/branding`, { headers: { Authorization: BASIC } }),
    );
    const body = (await branding!.json()) as { logo: { square: { image: { src: string; alt: string } } } };
    const src = body.logo.square.image.src;
    assert.equal(src, `${BASE}/sandbox/logos/gbol.svg`);
    const logo = await getResponse(sandbox.handlers, new Request(src));
    assert.equal(logo?.status, 200);
    assert.equal(logo?.headers.get('Content-Type'), 'image/svg+xml');
    assertCors(logo!);
    assert.match(await logo!.text(), /^<svg[^>]*>.*<title>Xero<\/title>.*>X<\/text><\/svg>$/);
  });
});
