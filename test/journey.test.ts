import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type {
  CodatConnectionDetail,
  CodatConnectionList,
  CodatConnectionsProvider,
  CodatDisconnectConfirm,
} from '../src/index.js';
import { http, HttpResponse } from 'msw';
import { BASE_URL, SEED, deepActive, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { errorBody, text } from './support/dom.js';

interface Region {
  provider: CodatConnectionsProvider;
  list: CodatConnectionList;
  detail: CodatConnectionDetail;
  confirm: CodatDisconnectConfirm;
}

async function mountRegion(token: string, lang = 'en-GB'): Promise<Region> {
  const provider = await fixture<CodatConnectionsProvider>(html`
    <codat-connections-provider base-url=${BASE_URL} access-token=${token} lang=${lang}>
      <codat-connection-list></codat-connection-list>
      <codat-connection-detail></codat-connection-detail>
      <codat-disconnect-confirm></codat-disconnect-confirm>
    </codat-connections-provider>
  `);
  const list = provider.querySelector('codat-connection-list')!;
  const detail = provider.querySelector('codat-connection-detail')!;
  const confirm = provider.querySelector('codat-disconnect-confirm')!;
  await waitUntil(() => !!list.shadowRoot!.querySelector('[part="item-button"]'), 'list rendered');
  return { provider, list, detail, confirm };
}

function itemButton(list: CodatConnectionList, name: string): HTMLButtonElement {
  const buttons = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item-button"]')];
  const button = buttons.find((b) => b.querySelector('[part="name"]')!.textContent!.trim() === name);
  if (!button) throw new Error(`No list item named ${name}`);
  return button;
}

const statusOf = (root: ShadowRoot, scope: Element | ShadowRoot = root) =>
  scope.querySelector('[part="status"]')!.textContent!.trim();

describe('cooperating elements inside one provider', () => {
  const api = useSandboxWorker();

  it('lists, opens, confirms and disconnects by keyboard, and every view shows Unlinked', async () => {
    const { token } = await api.fresh();
    const { provider, list, detail, confirm } = await mountRegion(token);
    expect(provider.hasAttribute('access-token'), 'token attribute removed from the DOM').to.equal(false);
    await expect(provider).to.be.accessible();

    const disconnected: string[] = [];
    provider.addEventListener('codat-disconnect', (e) => disconnected.push(e.detail.connectionId));

    // Choose Xero with the keyboard.
    itemButton(list, 'Xero').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => detail.connectionId === SEED.xero, 'detail shows Xero');
    await detail.updateComplete;
    expect(itemButton(list, 'Xero').getAttribute('aria-current')).to.equal('true');
    expect(detail.shadowRoot!.querySelector('[part="title"]')!.textContent!.trim()).to.equal('Xero');
    expect(statusOf(detail.shadowRoot!)).to.equal('Linked');
    expect(
      requestsTo(api.requests, 'GET', `/connections/${SEED.xero}`),
      'no request for a listed connection',
    ).to.have.length(0);
    await expect(detail).to.be.accessible();

    // Disconnect opens the confirm with Cancel focused.
    const disconnectButton = detail.shadowRoot!.querySelector<HTMLButtonElement>('[part="disconnect-button"]')!;
    disconnectButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => confirm.open, 'confirm opened');
    await confirm.updateComplete;
    const dialog = confirm.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.getAttribute('role')).to.equal('alertdialog');
    expect(text(dialog.querySelector('[part="title"]'))).to.contain('Disconnect Xero?');
    expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
    await expect(confirm).to.be.accessible();

    // Tab to the destructive button and confirm.
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('part')).to.equal('confirm-button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !confirm.open, 'confirm closed');

    const patches = requestsTo(api.requests, 'PATCH', `/connections/${SEED.xero}`);
    expect(patches).to.have.length(1);
    expect(JSON.parse(await patches[0]!.bodyText)).to.deep.equal({ status: 'Unlinked' });
    expect(disconnected).to.deep.equal([SEED.xero]);
    await list.updateComplete;
    await detail.updateComplete;
    expect(statusOf(list.shadowRoot!, itemButton(list, 'Xero'))).to.equal('Unlinked');
    expect(statusOf(detail.shadowRoot!)).to.equal('Unlinked');
    expect(detail.shadowRoot!.querySelector('[part="disconnect-button"]')).to.equal(null);
    expect(text(detail.shadowRoot!.querySelector('[role="status"][aria-live="polite"]'))).to.contain(
      'Xero is now Unlinked',
    );
    // The opener is gone; focus went to the detail's heading rather than being lost.
    expect(deepActive()?.getAttribute('part')).to.equal('title');
    // Only one list read for the whole journey: the unlink response updated every view.
    expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    await expect(provider).to.be.accessible();
  });

  it('deletes by keyboard after a plain warning: the list drops it and the detail says it is gone', async () => {
    const { token } = await api.fresh();
    const { provider, list, detail, confirm } = await mountRegion(token);
    const deleted: string[] = [];
    provider.addEventListener('codat-delete', (e) => deleted.push(e.detail.connectionId));

    itemButton(list, 'Square').click();
    await waitUntil(() => !!detail.shadowRoot!.querySelector('[part="delete-button"]'), 'detail shows Square');
    detail.shadowRoot!.querySelector<HTMLButtonElement>('[part="delete-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => confirm.open, 'confirm opened');
    await confirm.updateComplete;
    const dialog = confirm.shadowRoot!.querySelector('dialog')!;
    expect(confirm.action).to.equal('delete');
    expect(text(dialog.querySelector('[part="title"]'))).to.contain('Delete the Square connection?');
    expect(dialog.querySelector('[part="body"]')!.textContent).to.contain('cannot be undone');
    expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
    await expect(confirm).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Delete Square connection');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !confirm.open, 'confirm closed');

    expect(requestsTo(api.requests, 'DELETE', `/connections/${SEED.square}`)).to.have.length(1);
    expect(deleted).to.deep.equal([SEED.square]);
    await list.updateComplete;
    await detail.updateComplete;
    const names = [...list.shadowRoot!.querySelectorAll('[part="name"]')].map((n) => n.textContent!.trim());
    expect(names).not.to.include('Square');
    expect(names).to.have.length(7);
    const gone = detail.shadowRoot!.querySelector('[part="not-found"]')!;
    expect(gone.textContent).to.contain('This connection was deleted');
    expect(deepActive()).to.equal(gone);
    await expect(provider).to.be.accessible();
  });

  it('keeps the connection and shows the API message when a delete fails', async () => {
    const { token } = await api.fresh();
    const { list, detail, confirm } = await mountRegion(token);
    api.use(
      http.delete(`${BASE_URL}/companies/:companyId/connections/:connectionId`, () =>
        HttpResponse.json(errorBody('Deletion is not available right now.', 'corr-delete'), { status: 503 }),
      ),
    );
    itemButton(list, 'Stripe').click();
    await waitUntil(() => !!detail.shadowRoot!.querySelector('[part="delete-button"]'), 'detail shows Stripe');
    detail.requestDelete();
    await waitUntil(() => confirm.open, 'confirm opened');
    await confirm.updateComplete;
    await confirm.confirmAction();
    await confirm.updateComplete;
    expect(confirm.open).to.equal(true);
    const alert = confirm.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Deletion is not available right now.');
    expect(alert.textContent).to.contain('corr-delete');
    expect(itemButton(list, 'Stripe')).to.be.instanceOf(HTMLButtonElement);
    // A DELETE is retried after a 5xx (twice), then the error is shown.
    expect(requestsTo(api.requests, 'DELETE', `/connections/${SEED.stripe}`), 'DELETE is sent 3 times').to.have.length(
      3,
    );
    await expect(confirm).to.be.accessible();
  });

  it('lets a host take over navigation by cancelling codat-connection-select', async () => {
    const { token } = await api.fresh();
    const { list, detail } = await mountRegion(token);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('codat-connection-select', cancel);
    try {
      itemButton(list, 'HSBC').click();
      await new Promise((r) => setTimeout(r, 50));
      expect(detail.connectionId).to.equal(undefined);
      expect(itemButton(list, 'HSBC').hasAttribute('aria-current')).to.equal(false);
    } finally {
      document.removeEventListener('codat-connection-select', cancel);
    }
  });

  it('lets a host handle disconnect itself by cancelling codat-disconnect-request', async () => {
    const { token } = await api.fresh();
    const { list, detail, confirm } = await mountRegion(token);
    itemButton(list, 'Shopify').click();
    await waitUntil(() => !!detail.shadowRoot!.querySelector('[part="disconnect-button"]'), 'detail shows Shopify');
    const requested: string[] = [];
    const cancel = (e: CustomEventInit & Event) => {
      requested.push((e as unknown as { detail: { connectionId: string } }).detail.connectionId);
      e.preventDefault();
    };
    document.addEventListener('codat-disconnect-request', cancel);
    try {
      detail.shadowRoot!.querySelector<HTMLButtonElement>('[part="disconnect-button"]')!.click();
      await new Promise((r) => setTimeout(r, 50));
      expect(requested).to.deep.equal([SEED.shopify]);
      expect(confirm.open).to.equal(false);
    } finally {
      document.removeEventListener('codat-disconnect-request', cancel);
    }
  });

  it('shows a clear message and fires codat-error when the token is missing', async () => {
    await api.fresh();
    const errors: unknown[] = [];
    const onError = (e: Event) => errors.push((e as unknown as { detail: unknown }).detail);
    document.addEventListener('codat-error', onError);
    try {
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL}>
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const list = provider.querySelector('codat-connection-list')!;
      await waitUntil(() => !!list.shadowRoot!.querySelector('[part="error"]'), 'error shown');
      expect(list.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('No access token');
      expect(list.shadowRoot!.querySelector('[part="retry-button"]')).to.equal(null);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.include({ operation: 'configure', errorCode: null, userRecoverable: false });
      expect(api.requests).to.have.length(0);
      await expect(list).to.be.accessible();
    } finally {
      document.removeEventListener('codat-error', onError);
    }
  });
});
