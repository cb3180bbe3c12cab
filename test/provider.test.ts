import { ContextProvider } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  CodatClient,
  clientContext,
  type CodatConnectionDetail,
  type CodatConnectionList,
  type CodatConnectionsProvider,
} from '../src/index.js';
import { FORBIDDEN_MESSAGE, GREENFIELD_ID, HARBOUR_ID } from '../src/sandbox/index.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectErrors, part, sentWith, text } from './support/dom.js';

/** Requests sent with `token`: a late image or branding read from an earlier test cannot carry it. */

const names = (list: Element) =>
  [...list.shadowRoot!.querySelectorAll('[part="item-button"] [part="name"]')].map((n) => text(n));

function item(list: CodatConnectionList, name: string): HTMLButtonElement {
  const button = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item-button"]')].find(
    (b) => text(b.querySelector('[part="name"]')) === name,
  );
  if (!button) throw new Error(`No list item named ${name}`);
  return button;
}

const current = (list: CodatConnectionList) =>
  [...list.shadowRoot!.querySelectorAll('[part="item-button"][aria-current="true"]')].map((b) =>
    text(b.querySelector('[part="name"]')),
  );

const loaded = (list: Element) => waitUntil(() => !!part(list, 'item-button'), 'list rendered');

describe('codat-connections-provider', () => {
  const api = useSandboxWorker();

  describe('rendering', () => {
    it('takes the access-token attribute, removes it and never reflects the token', async () => {
      const { token, sandbox } = await api.fresh();
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      await loaded(list);
      expect(provider.hasAttribute('access-token')).to.equal(false);
      expect(provider.outerHTML).to.not.contain(token);
      expect(provider.outerHTML).to.not.contain('access-token');
      expect(provider.accessToken).to.equal(token);
      expect(requestsTo(api.requests, 'GET', '/connections')[0]!.headers.get('Authorization')).to.equal(
        `Bearer ${token}`,
      );

      // Setting the property later does not reflect it either.
      const second = await sandbox.issueAccessToken(GREENFIELD_ID);
      provider.accessToken = second;
      await provider.updateComplete;
      expect(provider.hasAttribute('access-token')).to.equal(false);
      expect(provider.outerHTML).to.not.contain(second);
      expect(document.body.innerHTML).to.not.contain(second);
      await expect(provider).to.be.accessible();
    });

    it('removes an access-token attribute that was in the markup before the element upgraded', async () => {
      const { token } = await api.fresh();
      // Parsed into an inert template, the provider is not upgraded until it joins the document.
      const template = document.createElement('template');
      template.innerHTML = `<codat-connections-provider base-url="${BASE_URL}" access-token="${token}">
        <codat-connection-list></codat-connection-list>
      </codat-connections-provider>`;
      const pending = template.content.firstElementChild!;
      expect(pending.getAttribute('access-token'), 'still in the markup before upgrade').to.equal(token);
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.append(document.importNode(template.content, true));
      const provider = wrapper.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      await loaded(list);
      expect(provider.hasAttribute('access-token')).to.equal(false);
      expect(wrapper.innerHTML).to.not.contain(token);
      expect(names(list)).to.have.length(8);
    });

    it('lets company-id override the company named by the token', async () => {
      const { token } = await api.fresh({ companyId: GREENFIELD_ID });
      const collected = collectErrors();
      try {
        const provider = await fixture<CodatConnectionsProvider>(html`
          <codat-connections-provider base-url=${BASE_URL} access-token=${token} company-id=${HARBOUR_ID}>
            <codat-connection-list></codat-connection-list>
          </codat-connections-provider>
        `);
        const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
        await waitUntil(() => !!part(list, 'error'), 'error shown');
        expect(text(part(list, 'error')!.querySelector('.error-message'))).to.equal(FORBIDDEN_MESSAGE);
        const reads = requestsTo(api.requests, 'GET', '/connections');
        expect(reads).to.have.length(1);
        expect(reads[0]!.url.pathname).to.equal(`${BASE_URL}/companies/${HARBOUR_ID}/connections`);
        expect(collected.errors.map((e) => [e.operation, e.errorCode])).to.deep.equal([['listConnections', 403]]);
        await expect(provider).to.be.accessible();
      } finally {
        collected.stop();
      }
    });

    it('creates a new client when the access token changes, and its elements reload', async () => {
      const { token, sandbox } = await api.fresh();
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
          <codat-connection-list></codat-connection-list>
          <codat-connection-detail></codat-connection-detail>
        </codat-connections-provider>
      `);
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await loaded(list);
      item(list, 'Xero').click();
      await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'detail shows Xero');
      const before = provider.client;
      expect(before).to.be.instanceOf(CodatClient);

      provider.accessToken = await sandbox.issueAccessToken(HARBOUR_ID);
      await provider.updateComplete;
      expect(provider.client).to.not.equal(before);
      await waitUntil(() => names(list).includes('Barclays'), 'list shows the other company');
      expect(names(list)).to.deep.equal(['Sage Business Cloud Accounting', 'Barclays', 'Stripe']);
      // The old company's selection does not carry over.
      await detail.updateComplete;
      expect(detail.connectionId).to.equal(undefined);
      expect(part(detail, 'empty')).to.not.equal(null);
      const reads = requestsTo(api.requests, 'GET', '/connections').map((r) => r.url.pathname);
      expect(reads).to.deep.equal([
        `${BASE_URL}/companies/${GREENFIELD_ID}/connections`,
        `${BASE_URL}/companies/${HARBOUR_ID}/connections`,
      ]);
      await expect(provider).to.be.accessible();
    });
  });

  describe('events', () => {
    it('keeps separate selections for two providers on one page', async () => {
      const { token } = await api.fresh();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
            <codat-connection-list heading-level="2"></codat-connection-list>
            <codat-connection-detail></codat-connection-detail>
          </codat-connections-provider>
          <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
            <codat-connection-list heading-level="2"></codat-connection-list>
            <codat-connection-detail></codat-connection-detail>
          </codat-connections-provider>
        </div>`,
      );
      const [first, second] = [...wrapper.querySelectorAll<CodatConnectionsProvider>('codat-connections-provider')];
      const list1 = first!.querySelector<CodatConnectionList>('codat-connection-list')!;
      const list2 = second!.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail1 = first!.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      const detail2 = second!.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await loaded(list1);
      await loaded(list2);
      expect(first!.client).to.not.equal(second!.client);

      item(list1, 'Xero').click();
      await waitUntil(() => text(part(detail1, 'title')) === 'Xero', 'first detail shows Xero');
      item(list2, 'HSBC').click();
      await waitUntil(() => text(part(detail2, 'title')) === 'HSBC', 'second detail shows HSBC');
      await list1.updateComplete;
      await list2.updateComplete;
      await detail1.updateComplete;

      expect(first!.selectedConnectionId).to.equal(SEED.xero);
      expect(second!.selectedConnectionId).to.equal(SEED.hsbc);
      expect(text(part(detail1, 'title'))).to.equal('Xero');
      expect(current(list1)).to.deep.equal(['Xero']);
      expect(current(list2)).to.deep.equal(['HSBC']);
      await expect(first).to.be.accessible();
    });
  });

  describe('accessibility', () => {
    it('lets a host provide its own client on a plain element, without the provider', async () => {
      const { token } = await api.fresh();
      const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      new ContextProvider(host, { context: clientContext, initialValue: client });
      host.append(document.createElement('codat-connection-list'), document.createElement('codat-connection-detail'));
      const list = host.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = host.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await loaded(list);
      expect(list.client).to.equal(client);
      expect(detail.client).to.equal(client);
      expect(names(list)).to.have.length(8);
      expect(client.connections.listLoaded).to.equal(true);

      // Without a provider, the list marks its own choice; the host wires the detail.
      list.addEventListener('codat-connection-select', (e) => (detail.connectionId = e.detail.connectionId));
      item(list, 'Stripe').click();
      await waitUntil(() => text(part(detail, 'title')) === 'Stripe', 'detail shows Stripe');
      expect(current(list)).to.deep.equal(['Stripe']);
      expect(requestsTo(api.requests, 'GET', `/connections/${SEED.stripe}`)).to.have.length(0);
      await expect(host).to.be.accessible();
    });
  });

  describe('failures', () => {
    it('refuses an unsafe base-url with a clear message and codat-error, sending nothing', async () => {
      const { token } = await api.fresh();
      const collected = collectErrors();
      try {
        const provider = await fixture<CodatConnectionsProvider>(html`
          <codat-connections-provider base-url="javascript:alert(1)" access-token=${token}>
            <codat-connection-list></codat-connection-list>
          </codat-connections-provider>
        `);
        const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
        await waitUntil(() => !!part(list, 'error'), 'error shown');
        expect(part(list, 'error')!.getAttribute('role')).to.equal('alert');
        expect(text(part(list, 'error'))).to.equal('The base URL must use https: or http:, not javascript:');
        expect(part(list, 'retry-button')).to.equal(null);
        expect(collected.errors).to.deep.equal([
          {
            message: 'The base URL must use https: or http:, not javascript:',
            correlationId: null,
            errorCode: null,
            userRecoverable: false,
            operation: 'configure',
          },
        ]);
        expect(sentWith(api.requests, token), 'no request with this token').to.deep.equal([]);
        expect(provider.client!.baseUrl).to.equal(undefined);
        await expect(provider).to.be.accessible();
      } finally {
        collected.stop();
      }
    });
  });
});
