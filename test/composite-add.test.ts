/** <codat-connections>: Add a connection with the picker inside the one tag, by keyboard, against the sandbox. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { CodatConnectionsElement } from '../src/index.js';
import { BASE_URL, deepActive, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectEvents, part, parts, spokenText, text } from './support/dom.js';

const PENDING_KEY = 'codat-connect-pending';
const inner = (el: CodatConnectionsElement, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag);

async function mount(token: string) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connections base-url=${BASE_URL} access-token=${token}></codat-connections>
    </div>`,
  );
  const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
  const list = inner(el, 'codat-connection-list')!;
  await waitUntil(() => parts(list, 'item-button').length > 0, 'list shown');
  return { el, list };
}

function holdNavigation() {
  const prevent = (event: Event) => {
    if ((event.composedPath()[0] as Element).closest?.('a[href]')) event.preventDefault();
  };
  document.addEventListener('click', prevent);
  return () => document.removeEventListener('click', prevent);
}

describe('codat-connections: Add a connection', () => {
  const api = useSandboxWorker();

  it('opens the picker, connects a platform, shows the new connection, and Back returns to Add', async () => {
    const { token, sandbox, companyId } = await api.fresh();
    const { el, list } = await mount(token);
    expect(inner(el, 'codat-integration-picker'), 'no picker until asked').to.equal(null);
    expect(requestsTo(api.requests, 'GET', '/integrations')).to.have.length(0);
    const add = part(el, 'add-button')!;
    expect(text(add)).to.equal('Add a connection');

    add.focus();
    await sendKeys({ press: 'Enter' });
    const picker = await (async () => {
      await waitUntil(() => !!inner(el, 'codat-integration-picker'), 'picker shown');
      return inner(el, 'codat-integration-picker')!;
    })();
    await waitUntil(() => deepActive() === part(picker, 'search'), 'focus in the search field');
    expect(list.hidden).to.equal(true);
    expect(part(el, 'add-button')!.hidden).to.equal(true);
    expect(part(el, 'back-button')!.hidden).to.equal(false);
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'lloy' });
    await waitUntil(() => parts(picker, 'item-button').length === 1, 'Lloyds found');
    await sendKeys({ press: 'Tab' });
    const connected = collectEvents('codat-connect');
    const release = holdNavigation();
    try {
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!part(picker, 'continue-link'), 'continue offered');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!part(picker, 'check-button'), 'waiting');
      const created = sandbox.store
        .listConnections(companyId)!
        .filter((c) => c.integrationKey === 'lloy')
        .at(-1)!;
      sandbox.store.authorizeConnection(companyId, created.id);
      await new Promise((resolve) => setTimeout(resolve, 20));
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => spokenText(part(picker, 'journey-title')) === 'Lloyds is connected', 'connected');
      expect(connected.seen).to.deep.equal([{ connectionId: created.id, platformKey: 'lloy', sourceType: 'Banking' }]);
      await expect(el).to.be.accessible();

      part(picker, 'view-button')!.click();
      const detail = inner(el, 'codat-connection-detail')!;
      await waitUntil(() => !detail.hidden && text(part(detail, 'title')) === 'Lloyds', 'the new connection shown');
      expect(inner(el, 'codat-integration-picker')).to.equal(null);
      expect(text(part(detail, 'status'))).to.equal('Linked');

      part(el, 'back-button')!.click();
      await waitUntil(() => !list.hidden, 'list again');
      expect(
        parts(list, 'item-button').filter((b) => /^Lloyds/.test(spokenText(b))).length,
        'both Lloyds connections listed',
      ).to.equal(2);
    } finally {
      release();
      connected.stop();
    }

    // Back from the picker returns focus to Add a connection.
    part(el, 'add-button')!.click();
    await waitUntil(() => !!inner(el, 'codat-integration-picker'), 'picker again');
    part(el, 'back-button')!.click();
    await waitUntil(() => deepActive() === part(el, 'add-button'), 'focus back on Add a connection');
  });

  it('opens on the picker when the page is the Link redirect of a connection started here', async () => {
    const { token, sandbox, companyId } = await api.fresh();
    const { PLATFORMS } = await import('../src/sandbox/index.js');
    const created = sandbox.store.createConnection(
      companyId,
      PLATFORMS.find((p) => p.key === 'shpy')!,
    )!;
    sandbox.store.authorizeConnection(companyId, created.id);
    sessionStorage.setItem(
      PENDING_KEY,
      JSON.stringify({
        connectionId: created.id,
        platformKey: 'shpy',
        sourceType: 'Commerce',
        platformName: 'Shopify',
      }),
    );
    const before = location.href;
    const url = new URL(location.href);
    url.searchParams.set('statusCode', '200');
    url.searchParams.set('connectionId', created.id);
    history.replaceState(null, '', url);
    try {
      const { el } = await mount(token);
      await waitUntil(() => !!inner(el, 'codat-integration-picker'), 'picker shown');
      const picker = inner(el, 'codat-integration-picker')!;
      await waitUntil(() => spokenText(part(picker, 'journey-title')) === 'Shopify is connected', 'connected');
      await expect(el).to.be.accessible();
    } finally {
      sessionStorage.removeItem(PENDING_KEY);
      history.replaceState(null, '', before);
    }
  });
});
