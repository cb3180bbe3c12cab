import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import {
  CodatClient,
  type CodatConnectionDetail,
  type CodatConnectionList,
  type CodatConnectionsProvider,
} from '../src/index.js';
import { FORBIDDEN_MESSAGE, GREENFIELD_ID, HARBOUR_ID, defaultSeed } from '../src/sandbox/index.js';
import { BASE_URL, SEED, deepActive, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { manyConnections, manyId, manySeed } from './support/many.js';
import { collectErrors, errorBody, norm, part, parts, spokenText, text } from './support/dom.js';

const CONNECTIONS_URL = `${BASE_URL}/companies/:companyId/connections`;
const BRANDING_URL = `${BASE_URL}/integrations/:platformKey/branding`;

/** Every platform of the default Greenfield seed, by group, with its status word. */
const GREENFIELD = {
  Accounting: [
    ['Xero', 'Linked'],
    ['QuickBooks Online', 'Unlinked'],
    ['QuickBooks Desktop', 'Deauthorized'],
  ],
  Banking: [
    ['HSBC', 'Linked'],
    ['Lloyds', 'Pending'],
  ],
  Commerce: [
    ['Shopify', 'Linked'],
    ['Square', 'Deauthorized'],
    ['Stripe', 'Linked'],
  ],
} as const;

function clientFor(token: string, options: { companyId?: string; retryLimit?: number } = {}): CodatClient {
  return new CodatClient({ baseUrl: BASE_URL, accessToken: token, ...options });
}

async function mountList(client: CodatClient, lang = 'en-GB'): Promise<CodatConnectionList> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <codat-connection-list .client=${client}></codat-connection-list>
    </div>`,
  );
  return wrapper.querySelector('codat-connection-list')!;
}

const loaded = (list: CodatConnectionList) => waitUntil(() => !!part(list, 'item-button'), 'list rendered');

function item(list: CodatConnectionList, name: string): HTMLButtonElement {
  const button = parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === name);
  if (!button) throw new Error(`No list item named ${name}`);
  return button as HTMLButtonElement;
}

const current = (list: CodatConnectionList) =>
  parts(list, 'item-button')
    .filter((b) => b.getAttribute('aria-current') === 'true')
    .map((b) => text(b.querySelector('[part="name"]')));

describe('codat-connection-list', () => {
  const api = useSandboxWorker();

  describe('rendering', () => {
    it('groups connections as Accounting, Banking, Commerce under level-3 headings', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      await loaded(list);

      const headings = parts(list, 'group-heading');
      expect(headings.map(text)).to.deep.equal(['Accounting', 'Banking', 'Commerce']);
      for (const heading of headings) {
        expect(heading.getAttribute('role')).to.equal('heading');
        expect(heading.getAttribute('aria-level')).to.equal('3');
      }
      const groups = parts(list, 'group').map((group) => ({
        heading: text(group.querySelector('[part="group-heading"]')),
        items: [...group.querySelectorAll('[part="item-button"]')].map((b) => [
          text(b.querySelector('[part="name"]')),
          text(b.querySelector('[part="status"]')),
        ]),
      }));
      expect(groups).to.deep.equal(
        Object.entries(GREENFIELD).map(([heading, items]) => ({ heading, items: items.map((i) => [...i]) })),
      );
      // Each group's list is named by its heading.
      for (const group of parts(list, 'group')) {
        const heading = group.querySelector('[part="group-heading"]')!;
        expect(group.querySelector('[part="list"]')!.getAttribute('aria-labelledby')).to.equal(heading.id);
      }
      await expect(list).to.be.accessible();
    });

    it('uses heading-level for the group headings', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      list.headingLevel = 4;
      await loaded(list);
      await list.updateComplete;
      expect(parts(list, 'group-heading').map((h) => h.getAttribute('aria-level'))).to.deep.equal(['4', '4', '4']);
      list.setAttribute('heading-level', '2');
      await list.updateComplete;
      expect(parts(list, 'group-heading').map((h) => h.getAttribute('aria-level'))).to.deep.equal(['2', '2', '2']);
      await expect(list).to.be.accessible();
    });

    it('formats dates with Intl, and words, in the language of an ancestor, and says when a connection never synced', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token), 'de-DE');
      await loaded(list);
      const de = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
      const seed = defaultSeed().companies[0]!.connections;
      const xero = seed.find((c) => c.id === SEED.xero)!;
      const lloyds = seed.find((c) => c.id === SEED.lloyds)!;

      const xeroDates = text(item(list, 'Xero').querySelector('[part="dates"]'));
      expect(xeroDates).to.equal(
        norm(
          `Verbunden am ${de.format(new Date(xero.created))} · Zuletzt synchronisiert am ${de.format(new Date(xero.lastSync!))}`,
        ),
      );
      // A German date is not an English one: the test fails if the page language is ignored.
      expect(de.format(new Date(xero.created))).to.not.equal(
        new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(xero.created)),
      );
      const lloydsDates = text(item(list, 'Lloyds').querySelector('[part="dates"]'));
      expect(lloydsDates).to.equal(
        norm(`Verbunden am ${de.format(new Date(lloyds.created))} · Noch nicht synchronisiert`),
      );
      expect(lloydsDates).to.not.contain('Last synced');
    });

    it('says it is loading while the list request runs, then shows the connections', async () => {
      const { token } = await api.fresh();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      api.use(
        http.get(CONNECTIONS_URL, async () => {
          await gate; // then falls through to the sandbox
        }),
      );
      const list = await mountList(clientFor(token));
      await waitUntil(() => !!part(list, 'loading'), 'loading shown');
      const loading = part(list, 'loading')!;
      expect(loading.getAttribute('role')).to.equal('status');
      expect(text(loading)).to.equal('Loading connections…');
      expect(part(list, 'item-button')).to.equal(null);
      await expect(list).to.be.accessible();

      release();
      await loaded(list);
      expect(part(list, 'loading')).to.equal(null);
      expect(parts(list, 'item-button')).to.have.length(8);
    });

    it('says so when the company has no connections', async () => {
      const { token } = await api.fresh({ seed: { companies: [{ id: GREENFIELD_ID, name: 'X', connections: [] }] } });
      const list = await mountList(clientFor(token));
      await waitUntil(() => !!part(list, 'empty'), 'empty state shown');
      expect(part(list, 'empty')!.getAttribute('role')).to.equal('status');
      expect(text(part(list, 'empty'))).to.equal('No apps are connected yet.');
      expect(parts(list, 'group')).to.have.length(0);
      await expect(list).to.be.accessible();
    });

    it('shows each platform logo from the branding endpoint, read once per platform for two lists on one client', async () => {
      const { token } = await api.fresh();
      const client = clientFor(token);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <codat-connection-list .client=${client}></codat-connection-list>
          <codat-connection-list .client=${client}></codat-connection-list>
        </div>`,
      );
      const lists = [...wrapper.querySelectorAll('codat-connection-list')];
      for (const list of lists) {
        await waitUntil(() => list.shadowRoot!.querySelectorAll('img[part="logo"]').length === 8, 'all logos shown');
      }
      const xeroLogo = item(lists[0]!, 'Xero').querySelector<HTMLImageElement>('img[part="logo"]')!;
      const src = new URL(xeroLogo.getAttribute('src')!, location.href);
      expect(src.protocol === 'https:' || src.origin === location.origin, 'https or same-origin logo').to.equal(true);
      expect(src.pathname).to.equal(`${BASE_URL}/sandbox/logos/gbol.svg`);
      expect(xeroLogo.getAttribute('alt'), 'decorative: the name is beside it').to.equal('');

      const branding = api.requests.filter(
        (r) =>
          r.method === 'GET' &&
          r.url.pathname.endsWith('/branding') &&
          r.headers.get('Authorization') === `Bearer ${token}`,
      );
      const keys = branding.map((r) => r.url.pathname.split('/').at(-2)).sort();
      expect(keys).to.deep.equal(['gbol', 'hbuk', 'lloy', 'pqsw', 'qhyg', 'shpy', 'sqre', 'strp']);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
      // Two lists on one page stay accessible: groups are named, but are not landmarks that must be unique.
      await expect(wrapper).to.be.accessible();
    });

    it('never binds a hostile logo URL and shows initials instead', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(BRANDING_URL, ({ params }) => {
          if (params.platformKey !== 'gbol') return undefined; // others come from the sandbox
          return HttpResponse.json({ logo: { square: { image: { src: 'javascript:alert(1)', alt: '' } } } });
        }),
      );
      const client = clientFor(token);
      const list = await mountList(client);
      await loaded(list);
      await Promise.all(['gbol', 'hbuk'].map((key) => client.getBranding(key)));
      await waitUntil(() => !!item(list, 'HSBC').querySelector('img[part="logo"]'), 'HSBC logo shown');

      const xero = item(list, 'Xero');
      expect(xero.querySelector('img')).to.equal(null);
      expect(text(xero.querySelector('[part="logo"]'))).to.equal('XE');
      expect(xero.querySelector('[part="logo"]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(list.shadowRoot!.innerHTML).to.not.contain('javascript:');
    });
  });

  describe('events', () => {
    it('fires codat-connection-select on click and marks exactly that item current', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      await loaded(list);
      const seen: { detail: unknown; bubbles: boolean; composed: boolean; cancelable: boolean }[] = [];
      const onSelect = (e: Event) =>
        seen.push({
          detail: (e as CustomEvent).detail,
          bubbles: e.bubbles,
          composed: e.composed,
          cancelable: e.cancelable,
        });
      document.addEventListener('codat-connection-select', onSelect);
      try {
        expect(current(list)).to.deep.equal([]);
        item(list, 'HSBC').click();
        await list.updateComplete;
        expect(seen).to.deep.equal([
          { detail: { connectionId: SEED.hsbc }, bubbles: true, composed: true, cancelable: true },
        ]);
        expect(current(list)).to.deep.equal(['HSBC']);
        expect(list.selectedConnectionId).to.equal(SEED.hsbc);
        await expect(list).to.be.accessible();
      } finally {
        document.removeEventListener('codat-connection-select', onSelect);
      }
    });

    it('chooses with Enter and with Space', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      await loaded(list);
      const chosen: string[] = [];
      list.addEventListener('codat-connection-select', (e) => chosen.push(e.detail.connectionId));

      item(list, 'Shopify').focus();
      await sendKeys({ press: 'Enter' });
      await list.updateComplete;
      expect(chosen).to.deep.equal([SEED.shopify]);
      expect(current(list)).to.deep.equal(['Shopify']);

      item(list, 'Stripe').focus();
      await sendKeys({ press: ' ' });
      await list.updateComplete;
      expect(chosen).to.deep.equal([SEED.shopify, SEED.stripe]);
      expect(current(list)).to.deep.equal(['Stripe']);
      expect(text(deepActive()?.querySelector('[part="name"]'))).to.equal('Stripe');
    });

    it('leaves nothing selected when a host cancels codat-connection-select', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      await loaded(list);
      const cancelled: string[] = [];
      const cancel = (e: Event) => {
        cancelled.push((e as CustomEvent).detail.connectionId);
        e.preventDefault();
      };
      document.addEventListener('codat-connection-select', cancel);
      try {
        item(list, 'Xero').click();
        await list.updateComplete;
        expect(cancelled).to.deep.equal([SEED.xero]);
        expect(current(list)).to.deep.equal([]);
        expect(list.selectedConnectionId).to.equal(undefined);
      } finally {
        document.removeEventListener('codat-connection-select', cancel);
      }
    });

    it('reads the list once when lists and a detail mount together on one client', async () => {
      const { token } = await api.fresh();
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
          <codat-connection-list></codat-connection-list>
          <codat-connection-detail></codat-connection-detail>
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const [first, second] = [...provider.querySelectorAll('codat-connection-list')];
      await loaded(first!);
      await loaded(second!);
      const detail = provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      item(first!, 'Square').click();
      await waitUntil(
        () => text(detail.shadowRoot!.querySelector('[part="title"]')) === 'Square',
        'detail shows Square',
      );
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
      expect(api.requests.filter((r) => r.method === 'GET' && r.url.pathname.includes('/connections/'))).to.have.length(
        0,
      );
    });
  });

  describe('filter and sort', () => {
    /** Platform names per group heading, in the order shown. */
    const shown = (list: CodatConnectionList) =>
      Object.fromEntries(
        parts(list, 'group').map((group) => [
          text(group.querySelector('[part="group-heading"]')),
          [...group.querySelectorAll('[part="name"]')].map(text),
        ]),
      );

    async function mountWith(
      client: CodatClient,
      attributes: { statuses?: string; sourceTypes?: string; sort?: string; lang?: string },
    ): Promise<CodatConnectionList> {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang=${attributes.lang ?? 'en-GB'}>
          <codat-connection-list
            .client=${client}
            statuses=${ifDefined(attributes.statuses)}
            source-types=${ifDefined(attributes.sourceTypes)}
            sort=${ifDefined(attributes.sort)}
          ></codat-connection-list>
        </div>`,
      );
      return wrapper.querySelector('codat-connection-list')!;
    }

    /** Collects console.warn calls until `stop()`. */
    function collectWarnings(): { warnings: string[]; stop(): void } {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      return { warnings, stop: () => (console.warn = original) };
    }

    it('shows only the statuses named in statuses, space- or comma-separated, over the one list request', async () => {
      const { token } = await api.fresh();
      const list = await mountWith(clientFor(token), { statuses: 'Linked Deauthorized' });
      await loaded(list);
      expect(list.statuses).to.equal('Linked Deauthorized');
      expect(shown(list)).to.deep.equal({
        Accounting: ['Xero', 'QuickBooks Desktop'],
        Banking: ['HSBC'],
        Commerce: ['Shopify', 'Square', 'Stripe'],
      });
      await expect(list).to.be.accessible();

      list.statuses = 'PendingAuth,unlinked';
      await list.updateComplete;
      expect(shown(list)).to.deep.equal({ Accounting: ['QuickBooks Online'], Banking: ['Lloyds'] });
      list.removeAttribute('statuses');
      await list.updateComplete;
      expect(parts(list, 'item-button')).to.have.length(8);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    });

    it('shows only the groups named in source-types, and combines both filters', async () => {
      const { token } = await api.fresh();
      const list = await mountWith(clientFor(token), { sourceTypes: 'Accounting,Banking' });
      await loaded(list);
      expect(list.sourceTypes).to.equal('Accounting,Banking');
      expect(parts(list, 'group-heading').map(text)).to.deep.equal(['Accounting', 'Banking']);
      expect(shown(list)).to.deep.equal({
        Accounting: ['Xero', 'QuickBooks Online', 'QuickBooks Desktop'],
        Banking: ['HSBC', 'Lloyds'],
      });

      list.setAttribute('statuses', 'linked');
      list.setAttribute('source-types', 'commerce, banking');
      await list.updateComplete;
      expect(shown(list)).to.deep.equal({ Banking: ['HSBC'], Commerce: ['Shopify', 'Stripe'] });
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
      await expect(list).to.be.accessible();
    });

    it('ignores unknown filter values with one warning naming them, and never throws', async () => {
      const { token } = await api.fresh();
      const collected = collectWarnings();
      try {
        const list = await mountWith(clientFor(token), { statuses: 'Linked, Bogus nope', sourceTypes: 'Crypto' });
        await loaded(list);
        expect(collected.warnings).to.have.length(2);
        const [statuses, sourceTypes] = collected.warnings;
        expect(statuses).to.contain('statuses').and.contain('"Bogus"').and.contain('"nope"');
        expect(statuses).to.not.contain('"Linked"');
        expect(sourceTypes).to.contain('source-types').and.contain('"Crypto"');
        // Linked is applied; a source-type filter that names nothing known filters nothing.
        expect(shown(list)).to.deep.equal({
          Accounting: ['Xero'],
          Banking: ['HSBC'],
          Commerce: ['Shopify', 'Stripe'],
        });
        // Re-rendering (choosing an item, a store change) does not warn again.
        item(list, 'HSBC').click();
        await list.updateComplete;
        await list.reload();
        await list.updateComplete;
        expect(collected.warnings).to.have.length(2);
      } finally {
        collected.stop();
      }
    });

    it('says so when the filters hide every connection, apart from having none', async () => {
      const { token } = await api.fresh();
      const list = await mountWith(clientFor(token), { statuses: 'Unlinked', sourceTypes: 'Banking' });
      await waitUntil(() => !!part(list, 'no-matches'), 'no-matches shown');
      const message = part(list, 'no-matches')!;
      expect(message.getAttribute('role')).to.equal('status');
      expect(text(message)).to.equal('No connections match these filters.');
      expect(part(list, 'empty')).to.equal(null);
      expect(parts(list, 'group')).to.have.length(0);
      await expect(list).to.be.accessible();

      list.sourceTypes = 'Accounting';
      await list.updateComplete;
      expect(part(list, 'no-matches')).to.equal(null);
      expect(shown(list)).to.deep.equal({ Accounting: ['QuickBooks Online'] });
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    });

    it('sorts by name within each group with Intl.Collator in the language of the page, and reverses with -', async () => {
      const seed = defaultSeed();
      const connections = seed.companies[0]!.connections;
      const rename = (id: string, platformName: string) =>
        (connections.find((c) => c.id === id)!.platformName = platformName);
      rename(SEED.xero, 'Zettle Books');
      rename(SEED.quickbooksOnline, 'Ärlig Redovisning');
      rename(SEED.quickbooksDesktop, 'Abacus');
      const { token } = await api.fresh({ seed });

      const swedish = await mountWith(clientFor(token), { sort: 'name', lang: 'sv' });
      await loaded(swedish);
      expect(shown(swedish)).to.deep.equal({
        Accounting: ['Abacus', 'Zettle Books', 'Ärlig Redovisning'], // Ä comes after Z in Swedish
        Banking: ['HSBC', 'Lloyds'],
        Commerce: ['Shopify', 'Square', 'Stripe'],
      });
      const german = await mountWith(clientFor(token), { sort: 'name', lang: 'de' });
      await loaded(german);
      expect(shown(german).Buchhaltung).to.deep.equal(['Abacus', 'Ärlig Redovisning', 'Zettle Books']);

      german.sort = '-name';
      await german.updateComplete;
      expect(shown(german)).to.deep.equal({
        Buchhaltung: ['Zettle Books', 'Ärlig Redovisning', 'Abacus'],
        Banken: ['Lloyds', 'HSBC'],
        Handel: ['Stripe', 'Square', 'Shopify'],
      });
      expect(parts(german, 'group-heading').map(text)).to.deep.equal(['Buchhaltung', 'Banken', 'Handel']);
      await expect(german).to.be.accessible();
    });

    it('sorts by last-sync and created with missing or unreadable dates last both ways, ties in API order', async () => {
      const seed = defaultSeed();
      const connections = seed.companies[0]!.connections;
      const byId = (id: string) => connections.find((c) => c.id === id)!;
      delete byId(SEED.quickbooksOnline).lastSync;
      // Sage: created at the same moment as Xero, last synced at an unreadable time.
      connections.splice(3, 0, {
        ...byId(SEED.xero),
        id: '5e1d0c0e-0001-4c0a-8b0a-000000000091',
        integrationKey: 'tgff',
        platformName: 'Sage',
        lastSync: 'not a date',
      });
      const { token } = await api.fresh({ seed });
      const list = await mountWith(clientFor(token), { sort: 'last-sync' });
      await loaded(list);
      expect(shown(list)).to.deep.equal({
        Accounting: ['QuickBooks Desktop', 'Xero', 'QuickBooks Online', 'Sage'],
        Banking: ['HSBC', 'Lloyds'],
        Commerce: ['Square', 'Shopify', 'Stripe'],
      });
      list.setAttribute('sort', '-last-sync');
      await list.updateComplete;
      expect(shown(list)).to.deep.equal({
        Accounting: ['Xero', 'QuickBooks Desktop', 'QuickBooks Online', 'Sage'],
        Banking: ['HSBC', 'Lloyds'],
        Commerce: ['Stripe', 'Shopify', 'Square'],
      });
      list.sort = 'created';
      await list.updateComplete;
      expect(shown(list).Accounting).to.deep.equal(['Xero', 'Sage', 'QuickBooks Online', 'QuickBooks Desktop']);
      list.sort = '-created';
      await list.updateComplete;
      expect(shown(list).Accounting).to.deep.equal(['QuickBooks Desktop', 'QuickBooks Online', 'Xero', 'Sage']);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    });

    it('sorts by status as Linked, Pending, Deauthorized, Unlinked, ties in API order both ways', async () => {
      const { token } = await api.fresh();
      const list = await mountWith(clientFor(token), { sort: 'status' });
      await loaded(list);
      expect(shown(list)).to.deep.equal({
        Accounting: ['Xero', 'QuickBooks Desktop', 'QuickBooks Online'],
        Banking: ['HSBC', 'Lloyds'],
        Commerce: ['Shopify', 'Stripe', 'Square'],
      });
      list.sort = '-status';
      await list.updateComplete;
      expect(shown(list)).to.deep.equal({
        Accounting: ['QuickBooks Online', 'QuickBooks Desktop', 'Xero'],
        Banking: ['Lloyds', 'HSBC'],
        Commerce: ['Square', 'Shopify', 'Stripe'],
      });
    });

    it('keeps the API order for an invalid sort, with one warning', async () => {
      const { token } = await api.fresh();
      const collected = collectWarnings();
      try {
        const list = await mountWith(clientFor(token), { sort: 'newest' });
        await loaded(list);
        expect(collected.warnings).to.have.length(1);
        expect(collected.warnings[0]).to.contain('"newest"');
        expect(shown(list)).to.deep.equal(
          Object.fromEntries(Object.entries(GREENFIELD).map(([heading, items]) => [heading, items.map(([n]) => n)])),
        );
        item(list, 'Xero').click();
        await list.updateComplete;
        expect(collected.warnings).to.have.length(1);
        list.sort = '--name';
        await list.updateComplete;
        expect(collected.warnings).to.have.length(2);
        expect(shown(list).Accounting).to.deep.equal(['Xero', 'QuickBooks Online', 'QuickBooks Desktop']);
      } finally {
        collected.stop();
      }
    });
  });

  describe('attention', () => {
    /** The badges of an item, in words. */
    const badges = (list: CodatConnectionList, name: string) =>
      [...item(list, name).querySelectorAll('[part~="badge"]')].map(text);

    it('shows Needs reconnecting in words on the deauthorized connections of the default seed', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      await loaded(list);
      const all = Object.values(GREENFIELD).flatMap((items) => items.map(([name]) => [name, badges(list, name)]));
      expect(Object.fromEntries(all)).to.deep.equal({
        Xero: [],
        'QuickBooks Online': [],
        'QuickBooks Desktop': ['Needs reconnecting'],
        HSBC: [],
        Lloyds: [],
        Shopify: [],
        Square: ['Needs reconnecting'],
        Stripe: [],
      });
      const badge = item(list, 'Square').querySelector('[part~="badge"]')!;
      expect(badge.getAttribute('part')).to.equal('badge badge-reconnect');
      expect(spokenText(item(list, 'Square'))).to.match(/^Square Deauthorized Needs reconnecting Connected /);
      await expect(list).to.be.accessible();
    });

    it('shows reconnect, error and paused from errors and pause info, and Syncing… for the ids the kit sets', async () => {
      const seed = defaultSeed();
      const connections = seed.companies[0]!.connections;
      const byId = (id: string) => connections.find((c) => c.id === id)!;
      const problem = (statusCode: string, status: 'Active' | 'Resolved') => ({
        statusCode,
        statusText: 'Platform error',
        errorMessage: 'The platform answered with an error.',
        erroredOnUtc: '2026-03-01T06:00:00Z',
        status,
      });
      byId(SEED.xero).dataConnectionErrors = [problem('403', 'Active')];
      byId(SEED.hsbc).dataConnectionErrors = [problem('500', 'Active')];
      byId(SEED.shopify).dataConnectionErrors = [problem('401', 'Resolved')];
      byId(SEED.stripe).connectionInfo = {
        syncsPausedAt: '2026-02-01T00:00:00Z',
        syncsPausedUntil: '2999-01-01T00:00:00Z',
      };
      byId(SEED.lloyds).connectionInfo = {
        syncsPausedAt: '2000-01-01T00:00:00Z',
        syncsPausedUntil: '2000-02-01T00:00:00Z',
      };
      byId(SEED.quickbooksOnline).connectionInfo = { syncsPausedAt: '2026-02-01T00:00:00Z' };
      const { token } = await api.fresh({ seed });
      const list = await mountList(clientFor(token));
      await loaded(list);
      const everyBadge = () =>
        Object.fromEntries(
          Object.values(GREENFIELD).flatMap((items) =>
            items.map(([name]) => [
              name,
              [...item(list, name).querySelectorAll('[part~="badge"]')].map(
                (b) => `${b.getAttribute('part')}: ${text(b)}`,
              ),
            ]),
          ),
        );
      expect(everyBadge()).to.deep.equal({
        Xero: ['badge badge-reconnect: Needs reconnecting'],
        'QuickBooks Online': ['badge badge-paused: Syncs paused'],
        'QuickBooks Desktop': ['badge badge-reconnect: Needs reconnecting'],
        HSBC: ['badge badge-error: Error'],
        Lloyds: [],
        Shopify: [],
        Square: ['badge badge-reconnect: Needs reconnecting'],
        Stripe: ['badge badge-paused: Syncs paused'],
      });
      expect(spokenText(item(list, 'HSBC'))).to.match(/^HSBC Linked Error Connected /);
      await expect(list).to.be.accessible();

      list.syncing = new Set([SEED.shopify, SEED.stripe]);
      await list.updateComplete;
      expect(badges(list, 'Shopify')).to.deep.equal(['Syncing…']);
      expect(badges(list, 'Stripe')).to.deep.equal(['Syncs paused', 'Syncing…']);
      expect(item(list, 'Shopify').querySelector('[part~="badge"]')!.getAttribute('part')).to.equal(
        'badge badge-syncing',
      );
      expect(spokenText(item(list, 'Stripe'))).to.match(/^Stripe Linked Syncs paused Syncing… Connected /);
      await expect(list).to.be.accessible();

      list.syncing = new Set();
      await list.updateComplete;
      expect(badges(list, 'Shopify')).to.deep.equal([]);
      expect(badges(list, 'Stripe')).to.deep.equal(['Syncs paused']);
    });
  });

  describe('at scale', () => {
    it('shows 1,000 connections in order as batches arrive, from one list request and one branding read per platform', async function () {
      this.timeout(60000);
      const count = 1000;
      const { token } = await api.fresh({ seed: manySeed(count) });
      const expected = manyConnections(count);
      // The order shown: groups Accounting, Banking, Commerce, each in API order.
      const order = ['Accounting', 'Banking', 'Commerce'].flatMap((type) =>
        expected.filter((c) => c.sourceType === type).map((c) => c.platformName),
      );
      const list = await mountList(clientFor(token));
      const base = () => part(list, 'base')!;
      const names = () => parts(list, 'name').map(text);
      await loaded(list);

      // Part of the list is on the page: exactly the first items, in order, each complete, and the list busy.
      const early = names();
      expect(early.length).to.be.greaterThan(0).and.lessThan(count);
      expect(early).to.deep.equal(order.slice(0, early.length));
      expect(base().getAttribute('aria-busy')).to.equal('true');
      const lastEarly = parts(list, 'item-button').at(-1)!;
      expect(spokenText(lastEarly)).to.match(new RegExp(`^${early.at(-1)} (Linked|Unlinked|Deauthorized|Pending) `));
      // Keyboard focus on the last item shown stays there while the rest arrive, and Tab goes on in order.
      lastEarly.focus();
      // The busy state is a state of its own. (Once complete it is the loaded list checked above; axe over
      // 1,000 items would take most of a minute.)
      await expect(list).to.be.accessible();

      await waitUntil(() => !base().hasAttribute('aria-busy'), 'every batch rendered', 50000);
      expect(names()).to.deep.equal(order);
      expect(deepActive()).to.equal(lastEarly);
      await sendKeys({ press: 'Tab' });
      expect(text(deepActive()?.querySelector('[part="name"]'))).to.equal(order[early.length]);
      for (const logo of list.shadowRoot!.querySelectorAll('img[part="logo"]')) {
        expect(logo.getAttribute('loading')).to.equal('lazy');
      }

      // This test's reads (a late logo read of an earlier test carries another token).
      const ours = () =>
        api.requests.filter(
          (r) =>
            r.method === 'GET' &&
            r.headers.get('Authorization') === `Bearer ${token}` &&
            !r.url.pathname.includes('/sandbox/logos/'),
        );
      // The last batch's platforms ask for their branding as it renders: their reads may still be on their way.
      const platforms = new Set(expected.map((c) => c.integrationKey!));
      await waitUntil(
        () => ours().filter((r) => r.url.pathname.endsWith('/branding')).length >= platforms.size,
        'a branding read per platform',
      );
      const reads = ours();
      const branding = reads.filter((r) => r.url.pathname.endsWith('/branding'));
      expect(reads.filter((r) => r.url.pathname.endsWith('/connections'))).to.have.length(1);
      expect(branding.map((r) => r.url.pathname.split('/').at(-2)).sort()).to.deep.equal([...platforms].sort());
      // Besides those, only the one look at whether anything is syncing (nothing is, so no history read).
      const others = reads.filter(
        (r) => !r.url.pathname.endsWith('/connections') && !r.url.pathname.endsWith('/branding'),
      );
      expect(others.map((r) => r.url.pathname.split('/').at(-1))).to.deep.equal(['dataStatus']);
      expect(reads).to.have.length(2 + branding.length);
    });

    it('adds no batches while off the page, and carries on when put back', async function () {
      this.timeout(60000);
      const count = 1000;
      const { token } = await api.fresh({ seed: manySeed(count) });
      const list = await mountList(clientFor(token));
      await loaded(list);
      const parent = list.parentElement!;
      list.remove();
      const shown = parts(list, 'item-button').length;
      expect(shown).to.be.lessThan(count);
      // An update while off the page (here a property set by the kit) schedules no batch either.
      list.syncing = new Set([manyId(1)]);
      await list.updateComplete;
      for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(parts(list, 'item-button')).to.have.length(shown);

      parent.append(list);
      await waitUntil(() => !part(list, 'base')!.hasAttribute('aria-busy'), 'every batch rendered', 50000);
      expect(parts(list, 'item-button')).to.have.length(count);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    });
  });

  describe('accessibility', () => {
    it('names each item button by its platform, status, what needs attention and dates', async () => {
      const { token } = await api.fresh();
      const list = await mountList(clientFor(token));
      await loaded(list);
      const button = item(list, 'QuickBooks Desktop');
      expect(button.getAttribute('type')).to.equal('button');
      expect(text(button)).to.match(
        /^QD QuickBooks Desktop Deauthorized Needs reconnecting Connected .+ · Last synced .+$/,
      );
      // What is read out: the initials and the dot between the dates are hidden, the badge is not.
      expect(spokenText(button)).to.match(
        /^QuickBooks Desktop Deauthorized Needs reconnecting Connected .+ Last synced .+$/,
      );
      expect(spokenText(item(list, 'Xero'))).to.match(/^Xero Linked Connected .+ Last synced .+$/);
      await expect(list).to.be.accessible();
    });
  });

  describe('failures', () => {
    it('shows the API message, the correlation id and Try again, which recovers when the API does', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(
          CONNECTIONS_URL,
          () => HttpResponse.json(errorBody('Codat is briefly unavailable.', 'corr-list-500'), { status: 500 }),
          { once: true },
        ),
      );
      const collected = collectErrors();
      try {
        // No automatic retries, so the one failure reaches the person.
        const list = await mountList(clientFor(token, { retryLimit: 0 }));
        await waitUntil(() => !!part(list, 'error'), 'error shown');
        const error = part(list, 'error')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error.querySelector('.error-message'))).to.equal('Codat is briefly unavailable.');
        expect(text(error)).to.contain('Reference for support: corr-list-500');
        expect(text(part(list, 'retry-button'))).to.equal('Try again');
        expect(collected.errors).to.deep.equal([
          {
            message: 'Codat is briefly unavailable.',
            correlationId: 'corr-list-500',
            errorCode: 500,
            userRecoverable: true,
            operation: 'listConnections',
          },
        ]);
        await expect(list).to.be.accessible();

        part(list, 'retry-button')!.click();
        await loaded(list);
        expect(part(list, 'error')).to.equal(null);
        expect(parts(list, 'item-button')).to.have.length(8);
        expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(2);
        expect(collected.errors).to.have.length(1);
      } finally {
        collected.stop();
      }
    });

    it('retries a transient failure by itself before showing anything (default client)', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(CONNECTIONS_URL, () => HttpResponse.json(errorBody('Hiccup.', 'corr-hiccup'), { status: 503 }), {
          once: true,
        }),
      );
      const collected = collectErrors();
      try {
        const list = await mountList(clientFor(token));
        await loaded(list);
        expect(part(list, 'error')).to.equal(null);
        expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(2);
        expect(collected.errors).to.deep.equal([]);
      } finally {
        collected.stop();
      }
    });

    it('shows the 403 for a token of another company and sends no retries', async () => {
      const { token } = await api.fresh({ companyId: GREENFIELD_ID });
      const collected = collectErrors();
      try {
        const list = await mountList(clientFor(token, { companyId: HARBOUR_ID }));
        await waitUntil(() => !!part(list, 'error'), 'error shown');
        expect(text(part(list, 'error')!.querySelector('.error-message'))).to.equal(FORBIDDEN_MESSAGE);
        expect(text(part(list, 'error'))).to.match(/Reference for support: [0-9a-f]{32}/);
        const reads = requestsTo(api.requests, 'GET', '/connections');
        expect(reads).to.have.length(1);
        expect(reads[0]!.url.pathname).to.equal(`${BASE_URL}/companies/${HARBOUR_ID}/connections`);
        expect(collected.errors).to.have.length(1);
        expect(collected.errors[0]).to.include({
          errorCode: 403,
          userRecoverable: false,
          operation: 'listConnections',
        });
        await expect(list).to.be.accessible();
      } finally {
        collected.stop();
      }
    });

    it('shows the expiry message for an expired token and sends no retries', async () => {
      let now = Date.now();
      const { token } = await api.fresh({ now: () => now });
      now += 2 * 86400 * 1000;
      const list = await mountList(clientFor(token));
      await waitUntil(() => !!part(list, 'error'), 'error shown');
      expect(text(part(list, 'error')!.querySelector('.error-message'))).to.equal(
        'Your session has expired. Sign in again to carry on.',
      );
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
      await expect(list).to.be.accessible();
    });

    it('says it is not connected when it has no client', async () => {
      await api.fresh();
      const list = await fixture<CodatConnectionList>(html`<codat-connection-list></codat-connection-list>`);
      await waitUntil(() => !!part(list, 'error'), 'error shown');
      expect(text(part(list, 'error'))).to.contain('This list is not connected to Codat.');
      expect(part(list, 'retry-button')).to.equal(null);
      // Only API reads count: a late logo image from an earlier test is not this list's doing.
      expect(api.requests.filter((r) => /\/companies\//.test(r.url.pathname))).to.deep.equal([]);
      await expect(list).to.be.accessible();
    });
  });
});
