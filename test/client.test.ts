import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { CodatApiError, CodatClient, type Connection } from '../src/index.js';
import { defaultSeed, GREENFIELD_ID, HARBOUR_ID } from '../src/sandbox/index.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { failureOf } from './support/errors.js';

const CONNECTIONS = `${BASE_URL}/companies/:companyId/connections`;

describe('CodatClient', () => {
  const api = useSandboxWorker();

  describe('configuration', () => {
    it('reads the company from the token and sends it as a Bearer token', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token, headers: { 'X-CSRF-Token': 'abc' } });
      expect(client.companyId).to.equal(GREENFIELD_ID);
      const connections = await client.listConnections();
      expect(connections.map((c) => c.platformName)).to.include.members(['Xero', 'HSBC', 'Shopify']);
      const [request] = api.requests;
      expect(request!.url.pathname).to.equal(`${BASE_URL}/companies/${GREENFIELD_ID}/connections`);
      expect(request!.url.searchParams.get('page')).to.equal('1');
      expect(request!.headers.get('Authorization')).to.equal(`Bearer ${token}`);
      expect(request!.headers.get('X-CSRF-Token')).to.equal('abc');
    });

    it('prefers an explicit company id over the token claim', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token, companyId: HARBOUR_ID });
      const error = await failureOf(client.listConnections());
      expect(error.status).to.equal(403);
      expect(api.requests[0]!.url.pathname).to.contain(HARBOUR_ID);
    });

    const invalid: [string, ConstructorParameters<typeof CodatClient>[0], RegExp][] = [
      ['no token', { baseUrl: BASE_URL }, /No access token/],
      ['a token without a company claim and no company id', { baseUrl: BASE_URL, accessToken: 'opaque' }, /company id/],
      ['a company id that is not an id', { baseUrl: BASE_URL, accessToken: 'x', companyId: 'acme' }, /not a valid id/],
      [
        'a javascript: base URL',
        { baseUrl: 'javascript:alert(1)', accessToken: 'x', companyId: GREENFIELD_ID },
        /https: or http:/,
      ],
      [
        'a base URL that is not a URL',
        { baseUrl: 'http://', accessToken: 'x', companyId: GREENFIELD_ID },
        /not a valid URL/,
      ],
    ];
    for (const [name, options, message] of invalid) {
      it(`refuses ${name} with a clear message and sends nothing`, async () => {
        await api.fresh();
        const client = new CodatClient(options);
        expect(client.configurationError?.message).to.match(message);
        const error = await failureOf(client.listConnections());
        expect(error.kind).to.equal('configuration');
        expect(error.operation).to.equal('configure');
        expect(error.userRecoverable).to.equal(false);
        expect(api.requests).to.have.length(0);
      });
    }

    it('never puts the token into an error', async () => {
      const { token } = await api.fresh({ companyId: HARBOUR_ID });
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token, companyId: GREENFIELD_ID });
      const error = await failureOf(client.listConnections());
      expect(JSON.stringify({ ...error, message: error.message })).not.to.contain(token);
    });
  });

  describe('operations', () => {
    it('reads every page of a long list', async () => {
      const seed = defaultSeed();
      const template = seed.companies[0]!.connections[0]!;
      // Its history and bank accounts name the connections replaced here.
      delete seed.companies[0]!.pullOperations;
      delete seed.companies[0]!.bankingAccounts;
      seed.companies[0]!.connections = Array.from({ length: 2105 }, (_, i) => ({
        ...template,
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        platformName: `Platform ${i}`,
      }));
      const { token } = await api.fresh({ seed });
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const connections = await client.listConnections();
      expect(connections).to.have.length(2105);
      expect(new Set(connections.map((c) => c.id)).size).to.equal(2105);
      expect(api.requests.map((r) => r.url.searchParams.get('page'))).to.deep.equal(['1', '2']);
      expect(client.connections.all()).to.have.length(2105);
    });

    it('gets one connection and keeps it in the shared store', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const hsbc = await client.getConnection(SEED.hsbc);
      expect(hsbc.platformName).to.equal('HSBC');
      expect(client.connections.get(SEED.hsbc)).to.deep.equal(hsbc);
    });

    it('unlinks with PATCH {"status":"Unlinked"} and updates the store only after the API confirmed', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      await client.listConnections();
      let notified = 0;
      client.connections.subscribe(() => notified++);
      const updated = await client.unlinkConnection(SEED.xero);
      expect(updated.status).to.equal('Unlinked');
      expect(client.connections.get(SEED.xero)!.status).to.equal('Unlinked');
      expect(notified).to.equal(1);
      const [patch] = requestsTo(api.requests, 'PATCH', SEED.xero);
      expect(JSON.parse(await patch!.bodyText)).to.deep.equal({ status: 'Unlinked' });
      expect(patch!.headers.get('Content-Type')).to.contain('application/json');
    });

    it('keeps a confirmed unlink when a list read that started before it comes back after it', async () => {
      const { token, sandbox } = await api.fresh();
      // What the API answered to the list, as it came back.
      const answers: Connection[][] = [];
      const client = new CodatClient({
        baseUrl: BASE_URL,
        accessToken: token,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
          const url = new URL(input instanceof Request ? input.url : String(input));
          if (method.toUpperCase() === 'GET' && url.pathname.endsWith('/connections')) {
            answers.push(((await response.clone().json()) as { results: Connection[] }).results);
          }
          return response;
        },
      });
      await client.getConnection(SEED.xero);
      // The list is answered as soon as it arrives, and the answer takes a second to come back.
      sandbox.faults.add({ method: 'GET', path: '/connections$', latencyMs: 1000, latencyOn: 'response', times: 1 });
      const listed = client.listConnections();
      await waitUntil(() => requestsTo(api.requests, 'GET', '/connections').length === 1, 'the list read sent');
      expect((await client.unlinkConnection(SEED.xero)).status).to.equal('Unlinked');
      expect(answers, 'the list has not come back yet').to.deep.equal([]);

      const list = await listed;
      expect(answers[0]!.find((c) => c.id === SEED.xero)!.status, 'it says what was true before').to.equal('Linked');
      expect(client.connections.get(SEED.xero)!.status).to.equal('Unlinked');
      expect(list.find((c) => c.id === SEED.xero)!.status, 'and resolves with the shared copy').to.equal('Unlinked');
      expect(list.map((c) => c.id)).to.deep.equal(answers[0]!.map((c) => c.id));
      expect(client.connections.get(SEED.hsbc), 'the rest is written').to.deep.equal(
        answers[0]!.find((c) => c.id === SEED.hsbc),
      );
    });

    it('rejects a read of one connection as not found when the connection was deleted while it was on its way', async () => {
      const { token, sandbox } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      await client.listConnections();
      // The read is answered before the delete, and the answer takes a second to come back.
      sandbox.faults.add({
        method: 'GET',
        path: `/connections/${SEED.lloyds}$`,
        latencyMs: 1000,
        latencyOn: 'response',
        times: 1,
      });
      const read = client.getConnection(SEED.lloyds);
      const outcome = read.then(
        (connection) => ({ resolved: connection.status }),
        (error: CodatApiError) => ({ rejected: error.status, kind: error.kind }),
      );
      await waitUntil(
        () => requestsTo(api.requests, 'GET', `/connections/${SEED.lloyds}`).length === 1,
        'the read sent',
      );
      await client.deleteConnection(SEED.lloyds);
      expect(await outcome).to.deep.equal({ rejected: 404, kind: 'http' });
      expect(client.connections.get(SEED.lloyds), 'still forgotten').to.equal(undefined);
      expect(client.connections.wasRemoved(SEED.lloyds)).to.equal(true);
    });

    it('deletes with DELETE and forgets the connection only after the API confirmed', async () => {
      const { token, sandbox, companyId } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      await client.listConnections();
      await client.deleteConnection(SEED.lloyds);
      expect(requestsTo(api.requests, 'DELETE', SEED.lloyds)).to.have.length(1);
      expect(client.connections.get(SEED.lloyds)).to.equal(undefined);
      expect(client.connections.wasRemoved(SEED.lloyds)).to.equal(true);
      expect(client.connections.all()).to.have.length(7);
      expect(sandbox.store.getConnection(companyId, SEED.lloyds)).to.equal(undefined);
    });

    it('leaves the store untouched when the unlink fails', async () => {
      const { token } = await api.fresh();
      api.use(
        http.patch(`${CONNECTIONS}/:id`, () =>
          HttpResponse.json(
            {
              statusCode: 500,
              service: 'PublicApi',
              error: 'Upstream failure',
              correlationId: 'abc123',
              canBeRetried: 'Unknown',
              detailedErrorCode: 0,
            },
            { status: 500 },
          ),
        ),
      );
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      await client.listConnections();
      const error = await failureOf(client.unlinkConnection(SEED.xero));
      expect(error).to.include({
        status: 500,
        message: 'Upstream failure',
        correlationId: 'abc123',
        operation: 'unlinkConnection',
      });
      expect(client.connections.get(SEED.xero)!.status).to.equal('Linked');
      expect(requestsTo(api.requests, 'PATCH', SEED.xero), 'PATCH is never retried').to.have.length(1);
    });

    it('makes identical concurrent reads once', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const [a, b] = await Promise.all([client.listConnections(), client.listConnections()]);
      expect(a).to.equal(b);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    });

    it('reads branding once per platform', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const [first, second] = await Promise.all([client.getBranding('gbol'), client.getBranding('gbol')]);
      await client.getBranding('gbol');
      expect(first).to.equal(second);
      expect(first?.logo?.square?.image?.src).to.be.a('string');
      expect(requestsTo(api.requests, 'GET', '/integrations/gbol/branding')).to.have.length(1);
      expect(await client.getBranding('NOT-A-KEY')).to.equal(null);
      expect(api.requests).to.have.length(1);
    });
  });

  describe('failures', () => {
    it('maps a 404 with the API message and correlation id', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const missing = '11111111-2222-4333-8444-555555555555';
      const error = await failureOf(client.getConnection(missing));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.errorCode).to.equal(404);
      expect(error.message).to.contain(missing);
      expect(error.correlationId).to.match(/^[0-9a-f]{32}$/);
      expect(error.userRecoverable).to.equal(false);
      expect(error.operation).to.equal('getConnection');
      expect(client.connections.wasRemoved(missing)).to.equal(false);
    });

    it('maps an expired token to 401', async () => {
      let now = Date.now();
      const { token } = await api.fresh({ now: () => now });
      now += 2 * 86400 * 1000;
      const error = await failureOf(new CodatClient({ baseUrl: BASE_URL, accessToken: token }).listConnections());
      expect(error.status).to.equal(401);
      expect(error.canBeRetried).to.equal(false);
    });

    it('retries reads on 503 and succeeds, without waiting on X-Rate-Limit-Reset', async () => {
      const { token } = await api.fresh();
      let failures = 2;
      api.use(
        http.get(CONNECTIONS, () => {
          if (failures-- <= 0) return undefined;
          return HttpResponse.json(
            {
              statusCode: 503,
              service: 'PublicApi',
              error: 'Busy',
              correlationId: 'c1',
              canBeRetried: 'Unknown',
              detailedErrorCode: 0,
            },
            { status: 503, headers: { 'X-Rate-Limit-Reset': '3599' } },
          );
        }),
      );
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const connections = await client.listConnections();
      expect(connections.length).to.be.greaterThan(0);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(3);
    });

    it('reads an HTML error page as a plain message', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(
          CONNECTIONS,
          () =>
            new HttpResponse('<html><body>Bad gateway</body></html>', {
              status: 502,
              headers: { 'Content-Type': 'text/html' },
            }),
        ),
      );
      const error = await failureOf(
        new CodatClient({ baseUrl: BASE_URL, accessToken: token, retryLimit: 0 }).listConnections(),
      );
      expect(error.status).to.equal(502);
      expect(error.message).to.match(/having a problem/);
      expect(error.message).not.to.contain('<html>');
      expect(error.userRecoverable).to.equal(true);
    });

    it('reads malformed JSON and wrong shapes as invalid responses', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(
          CONNECTIONS,
          () => new HttpResponse('{"results": [', { status: 200, headers: { 'Content-Type': 'application/json' } }),
          { once: true },
        ),
      );
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      expect((await failureOf(client.listConnections())).kind).to.equal('invalid-response');
      api.use(
        http.get(CONNECTIONS, () => HttpResponse.json({ results: [{ id: 1 }], totalResults: 1 }), { once: true }),
      );
      const shape = await failureOf(client.listConnections());
      expect(shape.kind).to.equal('invalid-response');
      expect(client.connections.listLoaded).to.equal(false);
    });

    it('reports a network failure as recoverable with no status', async () => {
      const { token } = await api.fresh();
      api.use(http.get(CONNECTIONS, () => HttpResponse.error()));
      const error = await failureOf(
        new CodatClient({ baseUrl: BASE_URL, accessToken: token, retryLimit: 0 }).listConnections(),
      );
      expect(error).to.include({
        kind: 'network',
        status: null,
        errorCode: null,
        userRecoverable: true,
        operation: 'listConnections',
      });
    });

    it('honours the API canBeRetried verdict', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(`${CONNECTIONS}/:id`, () =>
          HttpResponse.json(
            {
              statusCode: 400,
              service: 'PublicApi',
              error: 'Try later',
              correlationId: 'c2',
              canBeRetried: 'True',
              detailedErrorCode: 7,
            },
            { status: 400 },
          ),
        ),
      );
      const error = await failureOf(
        new CodatClient({ baseUrl: BASE_URL, accessToken: token }).getConnection(SEED.xero),
      );
      expect(error).to.include({ canBeRetried: true, detailedErrorCode: 7, userRecoverable: true });
    });
  });
});
