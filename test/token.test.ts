/**
 * The token's life: where it comes from (attribute, property, tokenProvider, token-url), renewal before expiry and
 * after a 401 (one renewal for every request refused at once, each retried once), codat-token-expired and recovery,
 * and the token kept out of the DOM, URLs, storage, events, the console and error messages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import {
  CodatApiError,
  CodatClient,
  type CodatConnectionDetail,
  type CodatConnectionList,
  type CodatConnectionsElement,
  type CodatConnectionsProvider,
  type TokenGrant,
} from '../src/index.js';
import { GREENFIELD_ID, HARBOUR_ID } from '../src/sandbox/index.js';
import { initCodatConnections } from '../src/sdk.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil, type FreshSandbox } from './support/sandbox.js';
import { errorBody, part, text } from './support/dom.js';
import { failureOf } from './support/errors.js';

const names = (list: Element) =>
  [...list.shadowRoot!.querySelectorAll('[part="item-button"] [part="name"]')].map((n) => text(n));
const loaded = (list: Element) => waitUntil(() => !!part(list, 'item-button'), 'list rendered');
const bearer = (token: string) => `Bearer ${token}`;

/** A sandbox whose clock the test moves, so tokens expire at the API without waiting. */
async function withClock(api: ReturnType<typeof useSandboxWorker>) {
  const clock = { now: Date.now() };
  const fresh: FreshSandbox = await api.fresh({ now: () => clock.now });
  return { ...fresh, clock };
}

describe('tokens', () => {
  const api = useSandboxWorker();

  describe('renewal after a 401', () => {
    it('renews once for five requests refused at the same time and retries each once', async () => {
      const { sandbox, clock } = await withClock(api);
      const first = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 });
      const given: string[] = [];
      let refused = 0;
      const client = new CodatClient({
        baseUrl: BASE_URL,
        accessToken: first,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (response.status === 401) refused++;
          return response;
        },
        tokenProvider: async () => {
          // Answers only once all five were refused, so every 401 arrives while the renewal is under way.
          await waitUntil(() => refused === 5, 'five 401s');
          const accessToken = await sandbox.issueAccessToken(GREENFIELD_ID);
          given.push(accessToken);
          return { accessToken, expiresIn: 86400 };
        },
      });
      // The API's clock passes the token's expiry; the kit's has not, so it sends it and meets five 401s.
      clock.now += 700_000;
      const results = await Promise.all([
        client.listConnections(),
        client.getConnection(SEED.xero),
        client.getConnection(SEED.hsbc),
        client.getConnection(SEED.shopify),
        client.getDataStatus(),
      ]);
      expect(results[0]).to.have.length(8);
      expect(given).to.have.length(1);
      const withFirst = api.requests.filter((r) => r.headers.get('Authorization') === bearer(first));
      const withSecond = api.requests.filter((r) => r.headers.get('Authorization') === bearer(given[0]!));
      expect(withFirst).to.have.length(5);
      expect(withSecond).to.have.length(5);
      expect(withSecond.map((r) => r.url.pathname).sort()).to.deep.equal(withFirst.map((r) => r.url.pathname).sort());
      expect(client.tokenExpired).to.equal(false);
    });

    it('retries only once: a second 401 ends in the expired state with a clear message', async () => {
      const { sandbox, clock } = await withClock(api);
      const first = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 });
      let calls = 0;
      const client = new CodatClient({
        baseUrl: BASE_URL,
        accessToken: first,
        // Gives a token the API refuses too (already expired on the API's clock).
        tokenProvider: async () => {
          calls++;
          return { accessToken: await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 }), expiresIn: 3600 };
        },
      });
      clock.now += 700_000;
      const provided = sandbox.issueAccessToken;
      sandbox.issueAccessToken = async (id, options) => {
        const token = await provided(id, options);
        clock.now += 700_000;
        return token;
      };
      const error = await failureOf(client.listConnections());
      expect(calls).to.equal(1);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(2);
      expect(error.status).to.equal(401);
      expect(error.message).to.equal('Your session has expired. Sign in again to carry on.');
      expect(client.tokenExpired).to.equal(true);
    });

    it('a POST refused with a 401 is sent again, once, with a new Idempotency-Key', async () => {
      const { sandbox, clock } = await withClock(api);
      const first = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 });
      const client = new CodatClient({
        baseUrl: BASE_URL,
        accessToken: first,
        tokenProvider: () => sandbox.issueAccessToken(GREENFIELD_ID),
      });
      clock.now += 700_000;
      await client.refreshAllData();
      const posts = requestsTo(api.requests, 'POST', '/data/all');
      expect(posts.map((p) => p.headers.get('Authorization') === bearer(first))).to.deep.equal([true, false]);
      const [a, b] = posts.map((p) => p.headers.get('Idempotency-Key'));
      expect(a).to.match(/^[0-9a-f-]{36}$/);
      expect(b).to.match(/^[0-9a-f-]{36}$/);
      expect(a).not.to.equal(b);
    });
  });

  describe('sources', () => {
    it('gets the first token from tokenProvider, and the company from its claim', async () => {
      const { sandbox } = await api.fresh();
      let calls = 0;
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider
          base-url=${BASE_URL}
          .tokenProvider=${async () => {
            calls++;
            return sandbox.issueAccessToken(GREENFIELD_ID);
          }}
        >
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const list = provider.querySelector('codat-connection-list')!;
      await loaded(list);
      expect(names(list)).to.have.length(8);
      expect(calls).to.equal(1);
      expect(provider.client!.companyId).to.equal(GREENFIELD_ID);
    });

    it('the SDK drop-in takes a tokenProvider instead of an accessToken, and checks its type', async () => {
      const { sandbox } = await api.fresh();
      const target = await fixture<HTMLDivElement>(html`<div></div>`);
      expect(() => initCodatConnections(target, { baseUrl: BASE_URL })).to.throw(TypeError, /props.accessToken/);
      expect(() =>
        initCodatConnections(target, { baseUrl: BASE_URL, tokenProvider: 'abc' as unknown as () => Promise<string> }),
      ).to.throw(TypeError, 'CodatConnections: props.tokenProvider must be a function.');
      const sdk = initCodatConnections(target, {
        baseUrl: BASE_URL,
        tokenProvider: () => sandbox.issueAccessToken(GREENFIELD_ID),
      });
      await sdk.element.updateComplete;
      const list = sdk.element.shadowRoot!.querySelector('codat-connection-list')!;
      await loaded(list);
      expect(names(list)).to.have.length(8);
      sdk.destroy();
    });

    it('fetches {accessToken, expiresIn} from token-url with the page cookies', async () => {
      const { sandbox } = await api.fresh();
      document.cookie = 'host_session=s3ss10n; path=/';
      const seen: { credentials: RequestCredentials; cookie: string | undefined }[] = [];
      api.use(
        http.get('/host/codat-token', async ({ request, cookies }) => {
          seen.push({ credentials: request.credentials, cookie: cookies.host_session });
          return HttpResponse.json({ accessToken: await sandbox.issueAccessToken(GREENFIELD_ID), expiresIn: 3600 });
        }),
      );
      try {
        const provider = await fixture<CodatConnectionsProvider>(html`
          <codat-connections-provider base-url=${BASE_URL} token-url="/host/codat-token">
            <codat-connection-list></codat-connection-list>
          </codat-connections-provider>
        `);
        const list = provider.querySelector('codat-connection-list')!;
        await loaded(list);
        expect(seen).to.deep.equal([{ credentials: 'include', cookie: 's3ss10n' }]);
        expect(provider.getAttribute('token-url')).to.equal('/host/codat-token');
      } finally {
        document.cookie = 'host_session=; path=/; max-age=0';
      }
    });

    it('says so, and offers Try again, when token-url fails; Try again asks it again', async () => {
      const { sandbox } = await api.fresh();
      let fail = true;
      api.use(
        http.get('/host/codat-token', async () =>
          fail
            ? new HttpResponse('<h1>Sign in</h1>', { status: 500, headers: { 'Content-Type': 'text/html' } })
            : HttpResponse.json({ accessToken: await sandbox.issueAccessToken(GREENFIELD_ID), expiresIn: 3600 }),
        ),
      );
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} token-url="/host/codat-token">
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      await waitUntil(() => !!part(list, 'error'), 'error shown');
      expect(text(part(list, 'error'))).to.contain('Could not sign in to the connections service.');
      await expect(list).to.be.accessible();
      fail = false;
      part(list, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await loaded(list);
      expect(names(list)).to.have.length(8);
    });
  });

  describe('renewal before expiry', () => {
    it('renews ahead of expiry while an open detail stays open, and the next action uses the new token', async () => {
      const { sandbox } = await api.fresh();
      const given: TokenGrant[] = [];
      const tokenProvider = async () => {
        // The first token lasts 2 s (renewed 1 s before); the next ones an hour.
        const expiresIn = given.length ? 3600 : 2;
        const grant = { accessToken: await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn }), expiresIn };
        given.push(grant);
        return grant;
      };
      const panel = await fixture<CodatConnectionsElement>(
        html`<codat-connections base-url=${BASE_URL} .tokenProvider=${tokenProvider}></codat-connections>`,
      );
      const provider = panel.shadowRoot!.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
      const list = panel.shadowRoot!.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = panel.shadowRoot!.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await loaded(list);
      const client = provider.client;
      await panel.showConnection(SEED.xero);
      await waitUntil(() => text(detail.shadowRoot!.querySelector('.title')) === 'Xero', 'Xero shown');
      const before = api.requests.length;

      await waitUntil(() => given.length === 2, 'the token renewed ahead of its expiry', 8000);
      await waitUntil(() => Date.now() / 1000 > JSON.parse(atob(given[0]!.accessToken.split('.')[1]!)).exp, 'expiry');

      // Nothing was re-mounted or read again; the detail is still open on Xero.
      expect(provider.client).to.equal(client);
      expect(panel.shadowRoot!.querySelector('codat-connection-detail')).to.equal(detail);
      expect(detail.hidden).to.equal(false);
      expect(detail.connectionId).to.equal(SEED.xero);
      expect(text(detail.shadowRoot!.querySelector('.title'))).to.equal('Xero');
      // Only this test's tokens: in Firefox an earlier test's request events can arrive after `before` was taken.
      const ours = (r: { headers: Headers }) =>
        given.some((g) => r.headers.get('Authorization') === bearer(g.accessToken));
      expect(requestsTo(api.requests.slice(before), 'GET', '/connections').filter(ours)).to.have.length(0);

      // The next action carries the new token (the old one has expired at the API too): no 401 on the way.
      await client!.getDataStatus();
      const last = api.requests.at(-1)!;
      expect(last.headers.get('Authorization')).to.equal(bearer(given[1]!.accessToken));
      expect(given).to.have.length(2);
    });
  });

  describe('host-set tokens', () => {
    it('a token for the same company keeps the open detail; one for another company shows its list', async () => {
      const { sandbox, token } = await api.fresh();
      const panel = await fixture<CodatConnectionsElement>(
        html`<codat-connections base-url=${BASE_URL} .accessToken=${token}></codat-connections>`,
      );
      const list = panel.shadowRoot!.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = panel.shadowRoot!.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await loaded(list);
      await panel.showConnection(SEED.xero);
      await waitUntil(() => text(detail.shadowRoot!.querySelector('.title')) === 'Xero', 'Xero shown');

      panel.accessToken = await sandbox.issueAccessToken(GREENFIELD_ID);
      await panel.updateComplete;
      expect(detail.hidden).to.equal(false);
      expect(text(detail.shadowRoot!.querySelector('.title'))).to.equal('Xero');

      panel.accessToken = await sandbox.issueAccessToken(HARBOUR_ID);
      await panel.updateComplete;
      expect(detail.hidden).to.equal(true);
      expect(list.hidden).to.equal(false);
      const harbour = sandbox.store.listConnections(HARBOUR_ID)!.map((c) => c.platformName);
      await waitUntil(() => names(list).join() === harbour.join(), 'Harbour listed');
      await expect(panel).to.be.accessible();
    });
  });

  describe('expired with no way to renew', () => {
    it('fires codat-token-expired, says so, and recovers as soon as a new token is set', async () => {
      const { sandbox, clock } = await withClock(api);
      const first = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 });
      clock.now += 700_000;
      let fired = 0;
      const onExpired = () => fired++;
      document.addEventListener('codat-token-expired', onExpired);
      try {
        const provider = await fixture<CodatConnectionsProvider>(html`
          <codat-connections-provider base-url=${BASE_URL} .accessToken=${first}>
            <codat-connection-list></codat-connection-list>
          </codat-connections-provider>
        `);
        const list = provider.querySelector('codat-connection-list')!;
        await waitUntil(() => !!part(list, 'error'), 'error shown');
        expect(fired).to.equal(1);
        expect(text(part(list, 'error'))).to.contain('Your session has expired. Sign in again to carry on.');
        expect(part(list, 'error')!.getAttribute('role')).to.equal('alert');
        await expect(list).to.be.accessible();

        const client = provider.client;
        provider.accessToken = await sandbox.issueAccessToken(GREENFIELD_ID);
        await loaded(list);
        expect(names(list)).to.have.length(8);
        expect(provider.client).to.equal(client);
        expect(client!.tokenExpired).to.equal(false);
        expect(fired).to.equal(1);
      } finally {
        document.removeEventListener('codat-token-expired', onExpired);
      }
    });

    it("sends a token this machine's clock thinks expired, and lets the API's 401 decide", async () => {
      // This machine's clock is a day ahead of the API's.
      const { sandbox, clock } = await withClock(api);
      clock.now -= 86_400_000;
      const token = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 });
      let calls = 0;
      const client = new CodatClient({
        baseUrl: BASE_URL,
        accessToken: token,
        tokenProvider: async () => (calls++, sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 })),
      });
      expect(await client.listConnections()).to.have.length(8);
      expect(await client.getDataStatus()).to.be.an('object');
      // No renewal before each request for a token that always looks due.
      expect(calls).to.equal(0);
      const sent = api.requests.filter((r) => r.headers.get('Authorization') === bearer(token));
      expect(sent.map((r) => r.url.pathname.split('/').at(-1))).to.deep.equal(['connections', 'dataStatus']);
    });
  });

  describe('secrecy', () => {
    it('keeps the token out of attributes, URLs, storage, events, the console and error messages', async () => {
      const { sandbox, clock } = await withClock(api);
      const token = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 600 });
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const originals = methods.map((m) => console[m]);
      methods.forEach((m, i) => {
        console[m] = (...args: unknown[]) => {
          logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : String(a))).join(' '));
          (originals[i] as (...a: unknown[]) => void)(...args);
        };
      });
      const events: string[] = [];
      const types = ['codat-error', 'codat-token-expired', 'codat-connection-select', 'codat-refresh', 'codat-close'];
      const record = (e: Event) => events.push(`${e.type} ${JSON.stringify((e as CustomEvent).detail ?? null)}`);
      types.forEach((t) => document.addEventListener(t, record));
      // A misbehaving proxy that echoes the token in its error bodies.
      api.use(
        http.get(`${BASE_URL}/companies/:companyId/dataStatus`, () =>
          HttpResponse.json(errorBody(`Bad token ${token}`, token, 400), { status: 400 }),
        ),
      );
      const errors: CodatApiError[] = [];
      try {
        const panel = await fixture<CodatConnectionsElement>(
          html`<codat-connections base-url=${BASE_URL} access-token=${token}></codat-connections>`,
        );
        const list = panel.shadowRoot!.querySelector<CodatConnectionList>('codat-connection-list')!;
        await loaded(list);
        (list.shadowRoot!.querySelector('[part="item-button"]') as HTMLElement).click();
        const provider = panel.shadowRoot!.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
        errors.push(await failureOf(provider.client!.getDataStatus()));
        clock.now += 700_000;
        errors.push(await failureOf(provider.client!.listConnections()));
        await waitUntil(() => events.some((e) => e.startsWith('codat-token-expired')), 'expired');

        const attributes: string[] = [];
        const walk = (root: Element | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            for (const a of el.attributes) attributes.push(a.value);
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document.documentElement);
        expect(attributes.filter((v) => v.includes(token))).to.deep.equal([]);
        expect(document.documentElement.outerHTML).not.to.contain(token);
        expect(api.requests.length).to.be.greaterThan(2);
        expect(api.requests.filter((r) => r.url.href.includes(token))).to.deep.equal([]);
        const stored = [localStorage, sessionStorage].flatMap((s) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`));
        expect(stored.filter((s) => s.includes(token))).to.deep.equal([]);
        expect(events.length).to.be.greaterThan(1);
        expect(events.filter((e) => e.includes(token))).to.deep.equal([]);
        expect(errors.map((e) => e.message)).to.deep.equal([
          'The connections service refused the request (HTTP 400).',
          'Your session has expired. Sign in again to carry on.',
        ]);
        expect(errors.filter((e) => JSON.stringify({ ...e, message: e.message }).includes(token))).to.deep.equal([]);
        expect(logged.filter((l) => l.includes(token))).to.deep.equal([]);
      } finally {
        methods.forEach((m, i) => (console[m] = originals[i]!));
        types.forEach((t) => document.removeEventListener(t, record));
      }
    });
  });
});
