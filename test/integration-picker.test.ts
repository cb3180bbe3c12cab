/**
 * <codat-integration-picker> inside a provider with a list and a detail, against the sandbox: the integrations,
 * search, logos and brand buttons, the one-accounting rule, the connect journey in a new window and through the
 * same-window redirect, and the JavaScript form. Following the sign-in link is a real link click whose navigation
 * the test prevents (the sign-in is the platform's); coming back is the window's focus event.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { getResponse, http, HttpResponse } from 'msw';
import '../src/define.js';
import type {
  CodatConnectionDetail,
  CodatConnectionsProvider,
  CodatIntegrationPicker,
  Connection,
} from '../src/index.js';
import { defaultSeed, PLATFORMS, PULL_TIMELINE, type SandboxSeed } from '../src/sandbox/index.js';
import { BASE_URL, SEED, deepActive, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import {
  collectErrors,
  collectEvents,
  errorBody,
  norm,
  part,
  parts,
  sentWith,
  spokenText,
  text,
} from './support/dom.js';

const PENDING_KEY = 'codat-connect-pending';

interface Page {
  provider: CodatConnectionsProvider;
  picker: CodatIntegrationPicker;
  detail: CodatConnectionDetail;
  list: HTMLElement;
}

async function mountPage(token: string, attrs: { sourceTypes?: string; target?: string } = {}): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connections-provider base-url=${BASE_URL} .accessToken=${token}>
        <codat-connection-list></codat-connection-list>
        <codat-integration-picker
          source-types=${attrs.sourceTypes ?? 'Accounting Banking Commerce'}
          connect-target=${attrs.target ?? 'new-window'}
        ></codat-integration-picker>
        <codat-connection-detail></codat-connection-detail>
      </codat-connections-provider>
    </div>`,
  );
  const picker = wrapper.querySelector('codat-integration-picker')!;
  return {
    provider: wrapper.querySelector('codat-connections-provider')!,
    picker,
    detail: wrapper.querySelector('codat-connection-detail')!,
    list: wrapper.querySelector('codat-connection-list')!,
  };
}

const loaded = (picker: CodatIntegrationPicker) =>
  waitUntil(() => parts(picker, 'item-button').length > 0, 'platforms listed');

/** The item button of a platform, by its name (or its brand button's alt text). */
const itemButton = (picker: CodatIntegrationPicker, name: string) =>
  parts(picker, 'item-button').find((b) => spokenText(b).startsWith(name) || spokenText(b) === `Connect to ${name}`);

/** Prevents link navigation for the test's duration (the kit's own click handling still runs). */
function holdNavigation() {
  const prevent = (event: Event) => {
    if ((event.composedPath()[0] as Element).closest?.('a[href]')) event.preventDefault();
  };
  document.addEventListener('click', prevent);
  return () => document.removeEventListener('click', prevent);
}

/** The default seed with Greenfield's Xero unlinked, so no accounting platform is Linked. */
function seedWithoutLinkedAccounting(): SandboxSeed {
  const seed = defaultSeed();
  seed.companies[0]!.connections.find((c) => c.id === SEED.xero)!.status = 'Unlinked';
  return seed;
}

const groups = (picker: CodatIntegrationPicker) =>
  parts(picker, 'group').map((g) => ({
    heading: text(g.querySelector('[part="group-heading"]')),
    names: [...g.querySelectorAll('[part="item-button"]')].map((b) => spokenText(b)),
  }));

describe('codat-integration-picker', () => {
  const api = useSandboxWorker();

  afterEach(() => {
    sessionStorage.removeItem(PENDING_KEY);
    const url = new URL(location.href);
    for (const name of ['statusCode', 'statusText', 'errorMessage', 'connectionId', 'companyId']) {
      url.searchParams.delete(name);
    }
    history.replaceState(history.state, '', url);
  });

  describe('rendering', () => {
    it('uses heading-level for its group headings, and level 3 for a level ARIA does not have', async () => {
      const { token } = await api.fresh();
      const { picker } = await mountPage(token);
      await loaded(picker);
      const levels = () => parts(picker, 'group-heading').map((h) => h.getAttribute('aria-level'));
      expect(levels()).to.deep.equal(['3', '3', '3']);
      picker.setAttribute('heading-level', '5');
      await picker.updateComplete;
      expect(levels()).to.deep.equal(['5', '5', '5']);
      for (const bad of ['9', '0', '1.5', 'two', '']) {
        picker.setAttribute('heading-level', bad);
        await picker.updateComplete;
        expect(levels(), `heading-level="${bad}"`).to.deep.equal(['3', '3', '3']);
      }
      await expect(picker).to.be.accessible();
    });

    it('lists the enabled integrations of its source types by group, asking the API with query', async () => {
      const { token } = await api.fresh({ seed: seedWithoutLinkedAccounting() });
      const { picker } = await mountPage(token);
      await loaded(picker);
      await waitUntil(() => parts(picker, 'brand-button').length === 2, 'brand buttons shown');
      expect(groups(picker)).to.deep.equal([
        {
          heading: 'Accounting',
          names: [
            'Connect to Xero',
            'Connect to QuickBooks Online',
            'QuickBooks Desktop',
            'Sage Business Cloud Accounting',
          ],
        },
        { heading: 'Banking', names: ['HSBC', 'Lloyds', 'Barclays'] },
        { heading: 'Commerce', names: ['Shopify', 'Square', 'Stripe'] },
      ]);
      const listed = requestsTo(api.requests, 'GET', '/integrations');
      expect(listed).to.have.length(1);
      expect(listed[0]!.url.searchParams.get('query')).to.equal(
        'enabled=true&&sourceType=Accounting||enabled=true&&sourceType=Banking||enabled=true&&sourceType=Commerce',
      );
      const xero = itemButton(picker, 'Xero')!;
      const brand = xero.querySelector<HTMLImageElement>('[part="brand-button"]')!;
      expect(brand.src).to.match(/\/api\/sandbox\/logos\/gbol\.svg\?variant=full$/);
      await waitUntil(() => !!itemButton(picker, 'HSBC')!.querySelector('img[part="logo"]'), 'HSBC logo');
      await expect(picker).to.be.accessible();
    });

    it('offers only the source types asked for, in that order', async () => {
      const { token } = await api.fresh();
      const { picker } = await mountPage(token, { sourceTypes: 'commerce, Banking, nonsense' });
      await loaded(picker);
      expect(groups(picker).map((g) => g.heading)).to.deep.equal(['Commerce', 'Banking']);
      expect(requestsTo(api.requests, 'GET', '/integrations')[0]!.url.searchParams.get('query')).to.equal(
        'enabled=true&&sourceType=Commerce||enabled=true&&sourceType=Banking',
      );
    });

    it('reads each platform branding once per session, however often it is shown', async () => {
      const { token } = await api.fresh({ seed: seedWithoutLinkedAccounting() });
      const { picker } = await mountPage(token);
      await loaded(picker);
      await waitUntil(() => parts(picker, 'brand-button').length === 2, 'brand buttons shown');
      const search = picker.shadowRoot!.querySelector('input')!;
      search.focus();
      await sendKeys({ type: 'xe' });
      await waitUntil(() => parts(picker, 'item-button').length === 1, 'filtered');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await waitUntil(() => parts(picker, 'item-button').length === 10, 'all shown again');
      // A second picker in the same provider (same client) reads nothing again.
      const second = document.createElement('codat-integration-picker');
      picker.after(second);
      await loaded(second);
      await waitUntil(() => parts(second, 'brand-button').length === 2, 'second picker brand buttons');
      const branding = sentWith(api.requests, token)
        .filter((r) => r.endsWith('/branding'))
        .map((r) => r.split('/')[3]);
      expect(branding.slice().sort()).to.deep.equal(
        ['bcuk', 'gbol', 'hbuk', 'lloy', 'pqsw', 'qhyg', 'shpy', 'sqre', 'strp', 'tgff'],
        'one branding request per platform',
      );
      second.remove();
    });
  });

  describe('search', () => {
    it('filters by name as the person types, and says how many were found', async () => {
      const { token } = await api.fresh();
      const { picker } = await mountPage(token);
      await loaded(picker);
      const search = part(picker, 'search') as HTMLInputElement;
      expect(picker.shadowRoot!.querySelector('label')!.htmlFor).to.equal(search.id);
      search.focus();
      await sendKeys({ type: 'QUICK' });
      await waitUntil(() => parts(picker, 'item-button').length === 2, 'two QuickBooks');
      const live = picker.shadowRoot!.querySelector('.visually-hidden[role="status"]')!;
      expect(text(live)).to.equal('2 platforms found.');
      await expect(picker).to.be.accessible();
      await sendKeys({ type: 'zz' });
      await waitUntil(() => !!part(picker, 'no-matches'), 'no matches');
      expect(text(part(picker, 'no-matches'))).to.equal('No platform matches “QUICKzz”.');
      expect(text(live)).to.equal('0 platforms found.');
      await expect(picker).to.be.accessible();
    });
  });

  describe('one accounting platform', () => {
    it('shows other accounting platforms unavailable with the reason, and points to the Linked one', async () => {
      const { token } = await api.fresh();
      const page = await mountPage(token);
      await loaded(page.picker);
      let notice = part(page.picker, 'notice')!;
      expect(text(notice)).to.contain(
        'Xero is already connected. A company can connect one accounting platform: to use another, disconnect Xero first.',
      );
      const quickbooks = itemButton(page.picker, 'QuickBooks Online')!;
      expect(quickbooks.getAttribute('aria-disabled')).to.equal('true');
      expect(quickbooks.getAttribute('aria-describedby')).to.equal(notice.id);
      expect(spokenText(quickbooks)).to.equal('QuickBooks Online Unavailable');
      const xero = itemButton(page.picker, 'Xero')!;
      expect(spokenText(xero)).to.equal('Xero Connected');
      expect(itemButton(page.picker, 'HSBC')!.hasAttribute('aria-disabled')).to.equal(false);
      await expect(page.picker).to.be.accessible();

      // The note goes with the accounting platforms it explains.
      (part(page.picker, 'search') as HTMLInputElement).focus();
      await sendKeys({ type: 'shop' });
      await waitUntil(() => parts(page.picker, 'item-button').length === 1, 'Shopify only');
      expect(part(page.picker, 'notice')).to.equal(null);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await waitUntil(() => !!part(page.picker, 'notice'), 'note back');

      notice = part(page.picker, 'notice')!;
      const requested = collectEvents('codat-connect-request');
      itemButton(page.picker, 'QuickBooks Online')!.click();
      await page.picker.updateComplete;
      expect(requested.seen, 'an unavailable platform does nothing').to.deep.equal([]);
      expect(requestsTo(api.requests, 'POST', '/connections')).to.have.length(0);
      requested.stop();

      const selected = collectEvents<{ connectionId: string }>('codat-connection-select');
      const existing = part(page.picker, 'existing-button')!;
      expect(text(existing)).to.equal('View the Xero connection');
      existing.focus();
      await sendKeys({ press: 'Enter' });
      expect(selected.seen).to.deep.equal([{ connectionId: SEED.xero }]);
      await waitUntil(() => text(part(page.detail, 'title')) === 'Xero', 'detail shows Xero');
      selected.stop();
    });

    it('connect() refuses a second accounting platform with the reason, creating nothing', async () => {
      const { token } = await api.fresh();
      const { picker } = await mountPage(token);
      await loaded(picker);
      const { errors, stop } = collectErrors();
      let failure: unknown;
      await picker.connect('qhyg').catch((error: unknown) => (failure = error));
      expect(norm((failure as Error).message)).to.equal(
        'Xero is already connected, and a company can connect one accounting platform.',
      );
      expect(errors.map((e) => e.operation)).to.deep.equal(['connect']);
      expect(requestsTo(api.requests, 'POST', '/connections')).to.have.length(0);
      await picker.connect('zzzz').catch((error: unknown) => (failure = error));
      expect(norm((failure as Error).message)).to.equal('"zzzz" is not one of the platforms offered here.');
      stop();
    });
  });

  describe('connecting in a new window', () => {
    it('by keyboard: creates the connection, follows the link, comes back Linked and follows the first sync', async () => {
      const clock = { now: Date.parse('2026-04-01T12:00:00Z') };
      const { token, sandbox, companyId } = await api.fresh({ now: () => clock.now });
      const page = await mountPage(token);
      await loaded(page.picker);
      const requested = collectEvents('codat-connect-request');
      const connected = collectEvents('codat-connect');
      const release = holdNavigation();
      try {
        itemButton(page.picker, 'HSBC')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => !!part(page.picker, 'continue-link'), 'continue offered');
        expect(requested.seen).to.deep.equal([{ platformKey: 'hbuk', sourceType: 'Banking' }]);
        const posts = requestsTo(api.requests, 'POST', `/companies/${companyId}/connections`);
        expect(posts).to.have.length(1);
        expect(JSON.parse(await posts[0]!.bodyText)).to.deep.equal({ platformKey: 'hbuk' });
        expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
        const created = sandbox.store
          .listConnections(companyId)!
          .find((c) => c.integrationKey === 'hbuk' && c.status === 'PendingAuth')!;

        expect(deepActive()?.getAttribute('part'), 'focus on the journey').to.equal('journey-title');
        expect(spokenText(part(page.picker, 'journey-title'))).to.equal('Connect HSBC');
        const link = part(page.picker, 'continue-link') as HTMLAnchorElement;
        expect(link.href).to.equal(created.linkUrl);
        expect(link.target).to.equal('_blank');
        expect(link.rel).to.equal('noopener noreferrer');
        expect(text(link)).to.equal('Continue to HSBC (opens in a new window)');
        await waitUntil(
          () => parts(page.list, 'item-button').filter((b) => text(b).startsWith('HSBC')).length === 2,
          'the new connection is listed at once, Pending',
        );
        await expect(page.picker).to.be.accessible();

        await sendKeys({ press: 'Tab' });
        expect(deepActive()).to.equal(link);
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => !!part(page.picker, 'check-button'), 'waiting');
        expect(text(part(page.picker, 'journey-status'))).to.equal(
          'Finish signing in to HSBC in the new window, then come back here.',
        );
        await expect(page.picker).to.be.accessible();

        // Back without finishing: still pending, and nothing is claimed.
        await new Promise((resolve) => setTimeout(resolve, 20));
        window.dispatchEvent(new Event('focus'));
        await waitUntil(() => text(part(page.picker, 'journey-status')).includes('not connected yet'), 'not yet');
        expect(connected.seen).to.deep.equal([]);

        // Authorized on the platform's page, then back to this window.
        sandbox.store.authorizeConnection(companyId, created.id);
        await new Promise((resolve) => setTimeout(resolve, 20));
        window.dispatchEvent(new Event('focus'));
        await waitUntil(() => !!part(page.picker, 'sync-progress'), 'first sync followed');
        expect(connected.seen).to.deep.equal([
          { connectionId: created.id, platformKey: 'hbuk', sourceType: 'Banking' },
        ]);
        expect(spokenText(part(page.picker, 'journey-title'))).to.equal('HSBC is connected');
        expect(text(part(page.picker, 'journey-status'))).to.equal('HSBC is connected. Reading 3 types of data…');
        await expect(page.picker).to.be.accessible();

        clock.now += PULL_TIMELINE.finishedAfterMs;
        await waitUntil(() => !part(page.picker, 'sync-progress'), 'first sync finished', 10000);
        expect(text(part(page.picker, 'journey-status'))).to.equal('HSBC is connected and its data has been read.');
        await waitUntil(
          () => parts(page.list, 'item-button').filter((b) => /^HSBC.*Linked/.test(text(b))).length === 2,
          'the list shows the new connection Linked',
        );
        await expect(page.picker).to.be.accessible();

        const selected = collectEvents('codat-connection-select');
        (part(page.picker, 'view-button') as HTMLButtonElement).click();
        expect(selected.seen).to.deep.equal([{ connectionId: created.id }]);
        selected.stop();
        (part(page.picker, 'back-button') as HTMLButtonElement).click();
        await waitUntil(() => deepActive() === part(page.picker, 'search'), 'back in the search field');
      } finally {
        release();
        requested.stop();
        connected.stop();
      }
    });

    it('by mouse with "I have finished": the check button reads the connection', async () => {
      const { token, sandbox, companyId } = await api.fresh();
      const page = await mountPage(token);
      await loaded(page.picker);
      const release = holdNavigation();
      try {
        itemButton(page.picker, 'Stripe')!.click();
        await waitUntil(() => !!part(page.picker, 'continue-link'), 'continue offered');
        part(page.picker, 'continue-link')!.click();
        await waitUntil(() => !!part(page.picker, 'check-button'), 'waiting');
        const created = sandbox.store
          .listConnections(companyId)!
          .filter((c) => c.integrationKey === 'strp')
          .at(-1)!;
        sandbox.store.authorizeConnection(companyId, created.id);
        part(page.picker, 'check-button')!.click();
        await waitUntil(() => spokenText(part(page.picker, 'journey-title')) === 'Stripe is connected', 'connected');
      } finally {
        release();
      }
    });

    it('while the connection is created, the choice says Connecting… and nothing else can be chosen', async () => {
      const { token, companyId, sandbox } = await api.fresh({ seed: seedWithoutLinkedAccounting() });
      const { picker } = await mountPage(token);
      await loaded(picker);
      await waitUntil(() => parts(picker, 'brand-button').length === 2, 'brand buttons shown');
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      api.use(
        http.post(`${BASE_URL}/companies/${companyId}/connections`, async ({ request }) => {
          await gate;
          return getResponse(sandbox.handlers, request);
        }),
      );
      itemButton(picker, 'Xero')!.click();
      await waitUntil(
        () => !!itemButton(picker, 'Xero') && spokenText(itemButton(picker, 'Xero')) === 'Xero Connecting…',
        'busy',
      );
      expect(itemButton(picker, 'HSBC')!.getAttribute('aria-disabled')).to.equal('true');
      itemButton(picker, 'HSBC')!.click();
      await expect(picker).to.be.accessible();
      open();
      await waitUntil(() => !!part(picker, 'continue-link'), 'continue offered');
      expect(spokenText(part(picker, 'journey-title'))).to.equal('Connect Xero');
      expect(requestsTo(api.requests, 'POST', '/connections')).to.have.length(1);
    });

    it('a cancelled codat-connect-request creates nothing', async () => {
      const { token } = await api.fresh();
      const { picker } = await mountPage(token);
      await loaded(picker);
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('codat-connect-request', cancel);
      try {
        itemButton(picker, 'Lloyds')!.click();
        await picker.updateComplete;
        expect(part(picker, 'journey')).to.equal(null);
        expect(requestsTo(api.requests, 'POST', '/connections')).to.have.length(0);
      } finally {
        document.removeEventListener('codat-connect-request', cancel);
      }
    });

    it('refuses a link to an untrusted host with the reason and codat-error', async () => {
      const { token, companyId } = await api.fresh();
      const { picker } = await mountPage(token);
      await loaded(picker);
      api.use(
        http.post(`${BASE_URL}/companies/${companyId}/connections`, () =>
          HttpResponse.json({
            id: '5e1d0c0e-0001-4c0a-8b0a-0000000000ff',
            integrationId: '1a7e0000-0000-4000-8000-000000000006',
            integrationKey: 'lloy',
            sourceId: '50c0e000-0000-4000-8000-000000000006',
            platformName: 'Lloyds',
            linkUrl: 'https://evil.example/steal',
            status: 'PendingAuth',
            created: '2026-04-01T12:00:00Z',
            sourceType: 'Banking',
          } satisfies Connection),
        ),
      );
      const { errors, stop } = collectErrors();
      itemButton(picker, 'Lloyds')!.click();
      await waitUntil(() => !!part(picker, 'error'), 'error shown');
      expect(text(part(picker, 'error'))).to.equal(
        'The sign-in link for Lloyds was not opened because it does not point to a trusted address (evil.example).',
      );
      expect(part(picker, 'continue-link')).to.equal(null);
      expect(errors.map((e) => e.operation)).to.deep.equal(['connect']);
      await expect(picker).to.be.accessible();
      stop();
    });

    it('shows the API message when creating fails, and claims nothing', async () => {
      const { token, companyId } = await api.fresh();
      const { picker } = await mountPage(token);
      await loaded(picker);
      api.use(
        http.post(`${BASE_URL}/companies/${companyId}/connections`, () =>
          HttpResponse.json(errorBody('Integration is temporarily unavailable.', 'c0ffee', 503), { status: 503 }),
        ),
      );
      const { errors, stop } = collectErrors();
      itemButton(picker, 'Lloyds')!.click();
      await waitUntil(() => !!part(picker, 'error'), 'error shown');
      expect(norm(text(part(picker, 'error')))).to.contain('Integration is temporarily unavailable.');
      expect(part(picker, 'journey')).to.equal(null);
      expect(errors.map((e) => [e.operation, e.errorCode])).to.deep.equal([['createConnection', 503]]);
      await expect(picker).to.be.accessible();
      stop();
    });

    it('connect(platformKey) creates the connection and opens its checked link in a new window', async () => {
      const { token, companyId, sandbox } = await api.fresh();
      const { picker } = await mountPage(token);
      const opened: unknown[][] = [];
      const open = window.open;
      window.open = (...args: unknown[]) => (opened.push(args), null);
      try {
        const connection = await picker.connect('shpy');
        expect(connection.status).to.equal('PendingAuth');
        expect(connection.integrationKey).to.equal('shpy');
        expect(sandbox.store.getConnection(companyId, connection.id)!.status).to.equal('PendingAuth');
        expect(opened).to.deep.equal([[connection.linkUrl, '_blank', 'noopener,noreferrer']]);
        await waitUntil(() => !!part(picker, 'check-button'), 'waiting for the person');
      } finally {
        window.open = open;
      }
    });
  });

  describe('coming back in the same window', () => {
    it('remembers the journey on Continue, then claims the redirect: checks, Linked, codat-connect', async () => {
      const { token, sandbox, companyId } = await api.fresh();
      const first = await mountPage(token, { target: 'same-window' });
      await loaded(first.picker);
      const release = holdNavigation();
      let created: Connection;
      try {
        itemButton(first.picker, 'Barclays')!.click();
        await waitUntil(() => !!part(first.picker, 'continue-link'), 'continue offered');
        const link = part(first.picker, 'continue-link') as HTMLAnchorElement;
        expect(link.target).to.equal('_self');
        expect(text(link)).to.equal('Continue to Barclays');
        link.click();
        created = sandbox.store.listConnections(companyId)!.find((c) => c.integrationKey === 'bcuk')!;
        expect(JSON.parse(sessionStorage.getItem(PENDING_KEY)!)).to.deep.equal({
          connectionId: created.id,
          platformKey: 'bcuk',
          sourceType: 'Banking',
          platformName: 'Barclays',
        });
      } finally {
        release();
      }

      // The platform's page authorized it and Link redirected back here (a new page load).
      sandbox.store.authorizeConnection(companyId, created.id);
      const url = new URL(location.href);
      url.searchParams.set('keep', '1');
      for (const [k, v] of Object.entries({
        statusCode: '200',
        statusText: 'Linked',
        connectionId: created.id,
        companyId,
      })) {
        url.searchParams.set(k, v);
      }
      history.replaceState(null, '', url);
      const connected = collectEvents('codat-connect');
      const page = await mountPage(token);
      await waitUntil(() => spokenText(part(page.picker, 'journey-title')) === 'Barclays is connected', 'connected');
      expect(connected.seen).to.deep.equal([{ connectionId: created.id, platformKey: 'bcuk', sourceType: 'Banking' }]);
      expect(new URL(location.href).searchParams.get('connectionId'), 'redirect parameters removed').to.equal(null);
      expect(new URL(location.href).searchParams.get('keep'), 'the page’s own parameters kept').to.equal('1');
      expect(sessionStorage.getItem(PENDING_KEY)).to.equal(null);
      await expect(page.picker).to.be.accessible();
      connected.stop();
      const cleaned = new URL(location.href);
      cleaned.searchParams.delete('keep');
      history.replaceState(null, '', cleaned);
    });

    it('an error redirect says the platform was not connected, with Codat’s message', async () => {
      const { token, sandbox, companyId } = await api.fresh();
      const created = sandbox.store.createConnection(
        companyId,
        PLATFORMS.find((p) => p.key === 'hbuk')!,
      )!;
      sessionStorage.setItem(
        PENDING_KEY,
        JSON.stringify({ connectionId: created.id, platformKey: 'hbuk', sourceType: 'Banking', platformName: 'HSBC' }),
      );
      const url = new URL(location.href);
      url.search = new URLSearchParams({
        statusCode: '400',
        statusText: 'Cancelled',
        errorMessage: '<b>The user cancelled the authorization.</b>',
        connectionId: created.id,
      }).toString();
      history.replaceState(null, '', url);
      const connected = collectEvents('codat-connect');
      const { picker } = await mountPage(token);
      await waitUntil(() => !!part(picker, 'journey'), 'journey shown');
      expect(spokenText(part(picker, 'journey-title'))).to.equal('HSBC was not connected');
      const alert = part(picker, 'error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.equal('<b>The user cancelled the authorization.</b>');
      expect(alert.querySelector('b'), 'shown as text').to.equal(null);
      expect(connected.seen).to.deep.equal([]);
      expect(sandbox.store.getConnection(companyId, created.id)!.status).to.equal('PendingAuth');
      await expect(picker).to.be.accessible();
      connected.stop();
    });

    it('a success redirect for a connection still pending says so, and offers its checked link again', async () => {
      const { token, sandbox, companyId } = await api.fresh();
      const created = sandbox.store.createConnection(
        companyId,
        PLATFORMS.find((p) => p.key === 'lloy')!,
      )!;
      redirectBack(created.id, 'lloy', 'Banking', 'Lloyds', { statusCode: '200', statusText: 'Linked' });
      const connected = collectEvents('codat-connect');
      const { picker } = await mountPage(token, { target: 'same-window' });
      await waitUntil(() => !!part(picker, 'check-button'), 'waiting');
      expect(text(part(picker, 'journey-status'))).to.equal(
        'Lloyds is not connected yet. Finish signing in to Lloyds, then come back here.',
      );
      expect((part(picker, 'continue-link') as HTMLAnchorElement).href).to.equal(created.linkUrl);
      expect(connected.seen, 'nothing claimed the API did not confirm').to.deep.equal([]);
      await expect(picker).to.be.accessible();
      connected.stop();
    });

    it('when the first sync finished before the customer came back, says the data has been read', async () => {
      const clock = { now: Date.parse('2026-04-01T12:00:00Z') };
      const { token, sandbox, companyId } = await api.fresh({ now: () => clock.now });
      const created = sandbox.store.createConnection(
        companyId,
        PLATFORMS.find((p) => p.key === 'sqre')!,
      )!;
      sandbox.store.authorizeConnection(companyId, created.id);
      clock.now += PULL_TIMELINE.finishedAfterMs;
      redirectBack(created.id, 'sqre', 'Commerce', 'Square', { statusCode: '200', statusText: 'Linked' });
      const { picker } = await mountPage(token);
      await waitUntil(() => spokenText(part(picker, 'journey-title')) === 'Square is connected', 'connected');
      expect(text(part(picker, 'journey-status'))).to.equal('Square is connected and its data has been read.');
      expect(part(picker, 'sync-progress')).to.equal(null);
    });

    it('does not claim a redirect it did not start (a same-window reconnect)', async () => {
      const { token, companyId } = await api.fresh();
      const url = new URL(location.href);
      url.search = new URLSearchParams({ statusCode: '200', connectionId: SEED.square, companyId }).toString();
      history.replaceState(null, '', url);
      const connected = collectEvents('codat-connect');
      const { picker } = await mountPage(token);
      await loaded(picker);
      expect(part(picker, 'journey')).to.equal(null);
      expect(new URL(location.href).searchParams.get('connectionId'), 'left for its owner').to.equal(SEED.square);
      expect(connected.seen).to.deep.equal([]);
      connected.stop();
    });
  });
});

/** Makes this page look like the Link redirect back for a connection a picker sent away in this tab. */
function redirectBack(
  connectionId: string,
  platformKey: string,
  sourceType: string,
  platformName: string,
  params: Record<string, string>,
) {
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ connectionId, platformKey, sourceType, platformName }));
  const url = new URL(location.href);
  url.search = new URLSearchParams({ ...params, connectionId }).toString();
  history.replaceState(null, '', url);
}
