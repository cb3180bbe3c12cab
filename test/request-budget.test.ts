/**
 * Request budgets (issue 8): how many API requests each view costs, counted on the sandbox through msw. Counts,
 * never times. What "one request to show the list" means here: one `GET .../connections` (one page holds up to
 * 2,000), plus at most one branding read per distinct platform (logo metadata, read once per page session) and the
 * one look at whether anything is syncing (`dataStatus`); nothing else.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import { CodatClient, type CodatConnectionList, type CodatConnectionsElement } from '../src/index.js';
import { defaultSeed } from '../src/sandbox/index.js';
import { manyConnections, manySeed } from './support/many.js';
import { BASE_URL, SEED, type RecordedRequest, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { errorBody, part, parts, text } from './support/dom.js';

/** `GET` reads sent with this test's token (late requests of earlier tests carry other tokens; images carry none). */
const readsWith = (requests: RecordedRequest[], token: string) =>
  requests.filter((r) => r.method === 'GET' && r.headers.get('Authorization') === `Bearer ${token}`);

/** What a read was for: `connections`, `connection`, `branding:<key>`, `dataStatus`, `history`, or its path. */
function kindOf(request: RecordedRequest): string {
  const path = request.url.pathname;
  if (path.endsWith('/connections')) return 'connections';
  if (/\/connections\/[0-9a-f-]{36}$/.test(path)) return 'connection';
  const branding = /\/integrations\/([^/]+)\/branding$/.exec(path);
  if (branding) return `branding:${branding[1]}`;
  if (path.endsWith('/dataStatus')) return 'dataStatus';
  if (path.endsWith('/data/history')) return 'history';
  return path;
}

const kinds = (requests: RecordedRequest[]) => requests.map(kindOf);
const count = (list: string[], kind: string) => list.filter((k) => k === kind).length;
const platformKeys = (integrationKeys: (string | undefined)[]) =>
  [...new Set(integrationKeys.filter((k): k is string => !!k))].sort();

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag)!;

/** The composite, as a host page mounts it, with its list shown and every logo read. */
async function mountComposite(token: string, logos: number) {
  const el = await fixture<CodatConnectionsElement>(
    html`<codat-connections base-url=${BASE_URL} access-token=${token}></codat-connections>`,
  );
  const list = inner(el, 'codat-connection-list') as CodatConnectionList;
  await waitUntil(() => list.shadowRoot!.querySelectorAll('img[part="logo"]').length === logos, `${logos} logos shown`);
  return { el, list, detail: inner(el, 'codat-connection-detail') };
}

describe('request budgets', () => {
  const api = useSandboxWorker();

  describe('the list', () => {
    it('shows 100 connections from one connections request, one branding read per platform and one sync check', async () => {
      const n = 100;
      const { token } = await api.fresh({ seed: manySeed(n) });
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const list = await fixture<CodatConnectionList>(
        html`<codat-connection-list .client=${client}></codat-connection-list>`,
      );
      await waitUntil(
        () =>
          part(list, 'base')?.hasAttribute('aria-busy') === false &&
          list.shadowRoot!.querySelectorAll('img[part="logo"]').length === n,
        'every item and logo shown',
      );
      const sent = kinds(readsWith(api.requests, token));
      const platforms = platformKeys(manyConnections(n).map((c) => c.integrationKey));
      expect(count(sent, 'connections'), 'connections requests').to.equal(1);
      expect(
        sent.filter((k) => k.startsWith('branding:')).sort(),
        'one branding read per distinct platform',
      ).to.deep.equal(platforms.map((key) => `branding:${key}`));
      expect(count(sent, 'dataStatus'), 'sync checks').to.equal(1);
      expect(sent, 'nothing else').to.have.length(2 + platforms.length);
      const changes = api.requests.filter(
        (r) => r.method !== 'GET' && r.headers.get('Authorization') === `Bearer ${token}`,
      );
      expect(changes, 'no changes sent').to.have.length(0);
    });
  });

  describe('the composite', () => {
    it('opens a listed connection in the detail with only its history reads', async () => {
      const { token } = await api.fresh();
      const { el, list, detail } = await mountComposite(token, 8);
      const before = readsWith(api.requests, token).length;
      const listView = kinds(readsWith(api.requests, token));
      expect(count(listView, 'connections')).to.equal(1);
      expect(count(listView, 'connection'), 'no single-connection read for the list').to.equal(0);

      const xero = parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === 'Xero')!;
      xero.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !detail.hidden && text(part(detail, 'title')) === 'Xero', 'Xero details shown');
      await waitUntil(() => part(detail, 'history-item') !== null, 'sync history shown');

      const opened = readsWith(api.requests, token).slice(before);
      expect(kinds(opened), 'only the history of the connection shown').to.deep.equal(['history']);
      expect(opened[0]!.url.searchParams.get('query')).to.equal(`connectionId=${SEED.xero}`);
      await expect(el).to.be.accessible();
    });

    it('reads branding once per platform for the page session, across unmounts and mounts', async () => {
      const { token } = await api.fresh();
      const platforms = platformKeys(defaultSeed().companies[0]!.connections.map((c) => c.integrationKey));
      const branding = () => kinds(readsWith(api.requests, token)).filter((k) => k.startsWith('branding:'));

      await mountComposite(token, platforms.length);
      expect(branding().sort(), 'first mount: one read per platform').to.deep.equal(
        platforms.map((key) => `branding:${key}`),
      );
      fixtureCleanup();
      await mountComposite(token, platforms.length);
      fixtureCleanup();
      await mountComposite(token, platforms.length);
      expect(branding(), 'later mounts read none again').to.have.length(platforms.length);
      expect(count(kinds(readsWith(api.requests, token)), 'connections'), 'each mount reads its list').to.equal(3);
    });
  });

  describe('branding', () => {
    it('is shared by every client with the same API root and token; a failed read is tried again by the next client only', async () => {
      const { token } = await api.fresh();
      let failing = true;
      // Falls through to the sandbox once it stops failing.
      api.use(
        http.get(`${BASE_URL}/integrations/:platformKey/branding`, () =>
          failing ? HttpResponse.json(errorBody('Not found', 'c-404', 404), { status: 404 }) : undefined,
        ),
      );
      const reads = () => readsWith(api.requests, token).filter((r) => kindOf(r) === 'branding:gbol').length;
      const first = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      expect(await first.getBranding('gbol')).to.equal(null);
      expect(await first.getBranding('gbol'), 'the same client does not ask again').to.equal(null);
      expect(reads()).to.equal(1);

      failing = false;
      const second = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const branding = await second.getBranding('gbol');
      expect(branding?.logo?.square?.image?.src).to.be.a('string');
      expect(reads(), 'the next client tries again').to.equal(2);

      const third = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      expect(await third.getBranding('gbol')).to.equal(branding);
      expect(reads(), 'and later clients share its answer').to.equal(2);

      const { token: other } = await api.fresh();
      await new CodatClient({ baseUrl: BASE_URL, accessToken: other }).getBranding('gbol');
      expect(readsWith(api.requests, other), 'another token reads for itself').to.have.length(1);
    });
  });

  describe('identical reads in flight', () => {
    it('are sent once, and a read after they settled is sent again', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const [a, b, c] = await Promise.all([
        client.listConnections(),
        client.listConnections(),
        client.listConnections(),
      ]);
      expect(a).to.equal(b);
      expect(b).to.equal(c);
      const [x, y] = await Promise.all([client.getConnection(SEED.hsbc), client.getConnection(SEED.hsbc)]);
      expect(x).to.equal(y);
      const [accounts, again] = await Promise.all([
        client.listBankingAccounts(SEED.hsbc),
        client.listBankingAccounts(SEED.hsbc),
      ]);
      expect(accounts).to.equal(again);
      let sent = kinds(readsWith(api.requests, token));
      expect(count(sent, 'connections')).to.equal(1);
      expect(count(sent, 'connection')).to.equal(1);
      expect(sent.filter((k) => k.endsWith('/data/banking-accounts'))).to.have.length(1);

      // Not a cache: once settled, asking again reads again.
      await client.listConnections();
      sent = kinds(readsWith(api.requests, token));
      expect(count(sent, 'connections')).to.equal(2);
    });

    it('are sent once for two details showing one connection, and aborted only when both let go', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      await client.listConnections();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <codat-connection-detail .client=${client} connection-id=${SEED.xero}></codat-connection-detail>
          <codat-connection-detail .client=${client} connection-id=${SEED.xero}></codat-connection-detail>
        </div>`,
      );
      for (const detail of wrapper.querySelectorAll('codat-connection-detail')) {
        await waitUntil(() => part(detail, 'history-item') !== null, 'history shown in both');
      }
      const history = () => readsWith(api.requests, token).filter((r) => kindOf(r) === 'history');
      expect(history(), 'one history read for both').to.have.length(1);

      // Two callers of one read: one stops waiting, the other still gets the answer from the same request.
      const patient = client.listPullOperations(SEED.hsbc);
      const impatient = new AbortController();
      const given = client.listPullOperations(SEED.hsbc, { signal: impatient.signal });
      impatient.abort();
      let reason: unknown;
      await given.catch((error: unknown) => (reason = error));
      expect((reason as DOMException).name).to.equal('AbortError');
      expect((await patient).results.length).to.be.greaterThan(0);
      expect(history(), 'the shared read went on for the caller still waiting').to.have.length(2);
    });

    it('are sent once for two lists mounted together on one client', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <codat-connection-list .client=${client}></codat-connection-list>
          <codat-connection-list .client=${client}></codat-connection-list>
        </div>`,
      );
      const lists = [...wrapper.querySelectorAll<CodatConnectionList>('codat-connection-list')];
      for (const list of lists) {
        await waitUntil(() => list.shadowRoot!.querySelectorAll('img[part="logo"]').length === 8, 'logos shown');
      }
      const sent = kinds(readsWith(api.requests, token));
      expect(count(sent, 'connections')).to.equal(1);
      expect(count(sent, 'dataStatus')).to.equal(1);
      expect(sent.filter((k) => k.startsWith('branding:'))).to.have.length(8);
    });
  });
});
