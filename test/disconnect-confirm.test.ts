import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import {
  CodatClient,
  type CodatConnectionDetail,
  type CodatConnectionList,
  type CodatConnectionsProvider,
  type CodatDisconnectConfirm,
} from '../src/index.js';
import type { ErrorDetail } from '../src/events/index.js';
import { GREENFIELD_ID } from '../src/sandbox/index.js';
import {
  BASE_URL,
  SEED,
  deepActive,
  requestsTo,
  useSandboxWorker,
  waitUntil,
  type RecordedRequest,
} from './support/sandbox.js';
import { collectEvents, errorBody, norm, part, text } from './support/dom.js';

const CONNECTION_URL = `${BASE_URL}/companies/:companyId/connections/:connectionId`;

interface Standalone {
  client: CodatClient;
  confirm: CodatDisconnectConfirm;
  opener: HTMLButtonElement;
  dialog: HTMLDialogElement;
}

/** A confirm with its own client (connections already read) and an opener button that has focus. */
async function mountStandalone(token: string): Promise<Standalone> {
  const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
  await client.listConnections();
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button type="button" id="opener">Manage Xero</button>
      <codat-disconnect-confirm .client=${client}></codat-disconnect-confirm>
    </div>`,
  );
  const confirm = wrapper.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  await confirm.updateComplete;
  return { client, confirm, opener, dialog: confirm.shadowRoot!.querySelector('dialog')! };
}

async function openFor(s: Standalone, connectionId: string): Promise<void> {
  s.opener.focus();
  s.confirm.show(connectionId);
  await s.confirm.updateComplete;
  await waitUntil(() => s.dialog.open, 'dialog open');
}

/** The accessible name or description from an IDREF attribute, resolved in the dialog's own shadow root. */
function byIdRef(dialog: HTMLDialogElement, attribute: 'aria-labelledby' | 'aria-describedby'): string {
  const root = dialog.getRootNode() as ShadowRoot;
  const ids = (dialog.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean);
  expect(ids.length, `${attribute} is set`).to.be.greaterThan(0);
  return norm(ids.map((id) => root.getElementById(id)?.textContent ?? `(missing #${id})`).join(' '));
}

/** A gate that holds a route until released, then lets the request through to the sandbox. */
function gate(): { promise: Promise<void>; release(): void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const patches = (requests: RecordedRequest[]) => requests.filter((r) => r.method === 'PATCH');

describe('codat-disconnect-confirm', () => {
  const api = useSandboxWorker();

  describe('rendering', () => {
    it('is closed until shown', async () => {
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      expect(s.confirm.open).to.equal(false);
      expect(s.dialog.open).to.equal(false);
      expect(s.confirm.hasAttribute('open')).to.equal(false);
      await expect(s.confirm).to.be.accessible();
    });

    it('opens as a named, described alertdialog with Cancel focused', async () => {
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      await openFor(s, SEED.xero);
      expect(s.dialog.getAttribute('role')).to.equal('alertdialog');
      expect(s.dialog.matches(':modal')).to.equal(true);
      expect(byIdRef(s.dialog, 'aria-labelledby')).to.equal('Disconnect Xero?');
      const description = byIdRef(s.dialog, 'aria-describedby');
      expect(description).to.contain('Your app will stop reading new data from Xero.');
      expect(description).to.contain('Data that was already shared stays available to it.');
      expect(description).to.contain('You can connect again at any time.');
      expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
      expect(text(part(s.confirm, 'cancel-button'))).to.equal('Cancel');
      const confirmButton = part(s.confirm, 'confirm-button')!;
      expect(text(confirmButton)).to.equal('Disconnect Xero');
      expect(confirmButton.getAttribute('aria-disabled')).to.equal('false');
      expect(part(s.confirm, 'error')).to.equal(null);
      await expect(s.confirm).to.be.accessible();
    });
    it('stays open when shown again right after it closed (the old close event is not taken for the new one)', async () => {
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      await openFor(s, SEED.xero);
      s.confirm.close();
      await s.confirm.updateComplete;
      // The dialog's close event is queued as a task; show it again before that task runs.
      s.confirm.show(SEED.xero, 'delete');
      await s.confirm.updateComplete;
      expect(s.dialog.open).to.equal(true);
      await new Promise((resolve) => s.dialog.addEventListener('close', resolve, { once: true }));
      await s.confirm.updateComplete;
      expect(s.confirm.open, 'still open').to.equal(true);
      expect(s.dialog.open).to.equal(true);
      expect(text(part(s.confirm, 'title'))).to.equal('Delete the Xero connection?');
      await expect(s.confirm).to.be.accessible();
    });
  });

  describe('events', () => {
    it('closes on Escape and returns focus to the opener, sending nothing', async () => {
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      const done = collectEvents<unknown>('codat-disconnect');
      try {
        await openFor(s, SEED.xero);
        await sendKeys({ press: 'Escape' });
        await waitUntil(() => !s.confirm.open, 'closed');
        await s.confirm.updateComplete;
        expect(s.dialog.open).to.equal(false);
        expect(deepActive()).to.equal(s.opener);
        expect(patches(api.requests)).to.have.length(0);
        expect(done.seen).to.deep.equal([]);
      } finally {
        done.stop();
      }
    });

    it('sends nothing when confirmAction() is called for a reconnect, which only the sign-in link does', async () => {
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      const done = collectEvents<unknown>('codat-disconnect');
      try {
        s.opener.focus();
        s.confirm.show(SEED.xero, 'reconnect');
        await waitUntil(() => s.dialog.open, 'dialog open');
        expect(await s.confirm.confirmAction()).to.equal(false);
        expect(patches(api.requests)).to.have.length(0);
        expect(requestsTo(api.requests, 'DELETE', `/connections/${SEED.xero}`)).to.have.length(0);
        expect(done.seen).to.deep.equal([]);
        expect(s.confirm.open, 'still open: nothing was done').to.equal(true);
        expect(s.client.connections.get(SEED.xero)?.status).to.equal('Linked');
        await expect(s.confirm).to.be.accessible();
      } finally {
        done.stop();
      }
    });

    it('closes on Cancel and returns focus to the opener', async () => {
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      await openFor(s, SEED.xero);
      await sendKeys({ press: 'Enter' }); // Cancel has focus
      await waitUntil(() => !s.confirm.open, 'closed');
      await s.confirm.updateComplete;
      expect(s.dialog.open).to.equal(false);
      expect(deepActive()).to.equal(s.opener);
      expect(patches(api.requests)).to.have.length(0);

      // And with a click.
      await openFor(s, SEED.xero);
      part(s.confirm, 'cancel-button')!.click();
      await waitUntil(() => !s.confirm.open, 'closed again');
      await s.confirm.updateComplete;
      expect(deepActive()).to.equal(s.opener);
    });

    it('stays open when shown again before the close event of the previous Cancel arrives', async () => {
      // The dialog's close event comes from a task that close() queues; Firefox delivered it after the next
      // showModal() (a later Reconnect then fired codat-error but showed no dialog). Reopening in the same task
      // as the Cancel puts that event after the new opening in every browser.
      const { token } = await api.fresh();
      const s = await mountStandalone(token);
      let closes = 0;
      s.dialog.addEventListener('close', () => closes++);
      await openFor(s, SEED.xero);
      part(s.confirm, 'cancel-button')!.click();
      await s.confirm.updateComplete;
      expect(s.dialog.open, 'closed by Cancel').to.equal(false);
      expect(closes, 'its close event is still to come').to.equal(0);

      s.opener.focus();
      s.confirm.show(SEED.xero, 'delete');
      await s.confirm.updateComplete;
      expect(s.dialog.open, 'open again').to.equal(true);
      await waitUntil(() => closes === 1, 'the close event of the Cancel arrived');
      await s.confirm.updateComplete;
      expect(s.confirm.open).to.equal(true);
      expect(s.dialog.open, 'still open after it').to.equal(true);
      expect(text(part(s.confirm, 'title'))).to.equal('Delete the Xero connection?');
      expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
      await expect(s.confirm).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !s.dialog.open && closes === 2, 'closed by Escape');
      expect(s.confirm.open).to.equal(false);
      expect(deepActive()).to.equal(s.opener);
    });

    it('sends one PATCH for three quick presses, says it is busy, then closes and fires codat-disconnect once', async () => {
      const { token, sandbox } = await api.fresh();
      const hold = gate();
      api.use(
        http.patch(CONNECTION_URL, async () => {
          await hold.promise; // then the sandbox unlinks it
        }),
      );
      const s = await mountStandalone(token);
      const done = collectEvents<{ connectionId: string }>('codat-disconnect');
      try {
        await openFor(s, SEED.xero);
        const confirmButton = part(s.confirm, 'confirm-button')!;
        confirmButton.click();
        confirmButton.click();
        confirmButton.click();
        await s.confirm.updateComplete;
        await waitUntil(() => patches(api.requests).length === 1, 'PATCH sent');

        expect(text(confirmButton)).to.equal('Disconnecting…');
        expect(confirmButton.getAttribute('aria-disabled')).to.equal('true');
        expect(s.dialog.open).to.equal(true);
        expect(s.client.connections.get(SEED.xero)!.status, 'unchanged until the API confirms').to.equal('Linked');
        await expect(s.confirm).to.be.accessible();

        hold.release();
        await waitUntil(() => !s.confirm.open, 'closed');
        await s.confirm.updateComplete;
        const sent = patches(api.requests);
        expect(sent).to.have.length(1);
        expect(sent[0]!.url.pathname).to.equal(`${BASE_URL}/companies/${GREENFIELD_ID}/connections/${SEED.xero}`);
        expect(JSON.parse(await sent[0]!.bodyText)).to.deep.equal({ status: 'Unlinked' });
        expect(done.seen).to.deep.equal([{ connectionId: SEED.xero }]);
        expect(s.client.connections.get(SEED.xero)!.status).to.equal('Unlinked');
        expect(sandbox.store.getConnection(GREENFIELD_ID, SEED.xero)!.status).to.equal('Unlinked');
        expect(s.dialog.open).to.equal(false);
        expect(deepActive()).to.equal(s.opener);
      } finally {
        done.stop();
      }
    });
  });

  describe('accessibility', () => {
    it('ignores Escape while the unlink runs, and closes when it succeeds', async () => {
      const { token } = await api.fresh();
      const hold = gate();
      api.use(
        http.patch(CONNECTION_URL, async () => {
          await hold.promise;
        }),
      );
      const s = await mountStandalone(token);
      await openFor(s, SEED.hsbc);
      // As a person does it: Tab from Cancel to Disconnect and press Enter.
      await sendKeys({ press: 'Tab' });
      expect(deepActive()?.getAttribute('part')).to.equal('confirm-button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => patches(api.requests).length === 1, 'PATCH sent');
      await s.confirm.updateComplete;
      expect(text(part(s.confirm, 'confirm-button'))).to.equal('Disconnecting…');

      await sendKeys({ press: 'Escape' });
      await s.confirm.updateComplete;
      expect(s.confirm.open, 'still open while busy').to.equal(true);
      expect(s.dialog.open).to.equal(true);

      hold.release();
      await waitUntil(() => !s.confirm.open, 'closed after success');
      expect(s.client.connections.get(SEED.hsbc)!.status).to.equal('Unlinked');
      expect(patches(api.requests)).to.have.length(1);
    });
  });

  describe('failures', () => {
    it('stays open with the API message and correlation id when the unlink fails, and the connection stays linked', async () => {
      const { token, sandbox } = await api.fresh();
      api.use(
        http.patch(CONNECTION_URL, () =>
          HttpResponse.json(errorBody('The platform refused to unlink.', 'corr-unlink-500'), { status: 500 }),
        ),
      );
      const s = await mountStandalone(token);
      const errors = collectEvents<ErrorDetail>('codat-error');
      const done = collectEvents<unknown>('codat-disconnect');
      try {
        await openFor(s, SEED.xero);
        part(s.confirm, 'confirm-button')!.click();
        await waitUntil(() => !!part(s.confirm, 'error'), 'error shown');
        await s.confirm.updateComplete;

        const alert = part(s.confirm, 'error')!;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(s.dialog.contains(alert), 'the alert is inside the dialog').to.equal(true);
        expect(text(alert.querySelector('.error-message'))).to.equal('The platform refused to unlink.');
        expect(text(alert)).to.contain('Reference for support: corr-unlink-500');
        expect(part(s.confirm, 'retry-button')).to.equal(null);
        expect(s.confirm.open).to.equal(true);
        expect(s.dialog.open).to.equal(true);
        const confirmButton = part(s.confirm, 'confirm-button')!;
        expect(text(confirmButton)).to.equal('Disconnect Xero');
        expect(confirmButton.getAttribute('aria-disabled')).to.equal('false');
        expect(errors.seen).to.deep.equal([
          {
            message: 'The platform refused to unlink.',
            correlationId: 'corr-unlink-500',
            errorCode: 500,
            userRecoverable: true,
            operation: 'unlinkConnection',
          },
        ]);
        expect(done.seen).to.deep.equal([]);
        expect(patches(api.requests), 'a PATCH is never retried by itself').to.have.length(1);
        expect(s.client.connections.get(SEED.xero)!.status).to.equal('Linked');
        expect(sandbox.store.getConnection(GREENFIELD_ID, SEED.xero)!.status).to.equal('Linked');
        await expect(s.confirm).to.be.accessible();
      } finally {
        errors.stop();
        done.stop();
      }
    });

    it('stays open with a plain message when the network fails', async () => {
      const { token } = await api.fresh();
      api.use(http.patch(CONNECTION_URL, () => HttpResponse.error()));
      const s = await mountStandalone(token);
      const errors = collectEvents<ErrorDetail>('codat-error');
      try {
        await openFor(s, SEED.stripe);
        part(s.confirm, 'confirm-button')!.click();
        await waitUntil(() => !!part(s.confirm, 'error'), 'error shown');
        const alert = part(s.confirm, 'error')!;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(text(alert)).to.equal(
          'Could not reach the connections service. Check your internet connection and try again.',
        );
        expect(text(alert)).to.not.contain('Reference for support');
        expect(s.confirm.open).to.equal(true);
        expect(errors.seen).to.deep.equal([
          {
            message: 'Could not reach the connections service. Check your internet connection and try again.',
            correlationId: null,
            errorCode: null,
            userRecoverable: true,
            operation: 'unlinkConnection',
          },
        ]);
        expect(s.client.connections.get(SEED.stripe)!.status).to.equal('Linked');
        await expect(s.confirm).to.be.accessible();
      } finally {
        errors.stop();
      }
    });

    it('clears the failure and succeeds when the person confirms again', async () => {
      const { token } = await api.fresh();
      api.use(
        http.patch(CONNECTION_URL, () => HttpResponse.json(errorBody('Try later.', 'corr-once'), { status: 503 }), {
          once: true,
        }),
      );
      const s = await mountStandalone(token);
      await openFor(s, SEED.shopify);
      part(s.confirm, 'confirm-button')!.click();
      await waitUntil(() => !!part(s.confirm, 'error'), 'error shown');
      part(s.confirm, 'confirm-button')!.click();
      await waitUntil(() => !s.confirm.open, 'closed after success');
      expect(patches(api.requests)).to.have.length(2);
      expect(s.client.connections.get(SEED.shopify)!.status).to.equal('Unlinked');
      // Shown again, it starts clean.
      await openFor(s, SEED.stripe);
      expect(part(s.confirm, 'error')).to.equal(null);
      expect(byIdRef(s.dialog, 'aria-labelledby')).to.equal('Disconnect Stripe?');
    });
  });

  describe('inside a provider', () => {
    it("opens from the detail's Disconnect, returns focus there on Cancel, and unlinks on confirm", async () => {
      const { token } = await api.fresh();
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
          <codat-connection-list></codat-connection-list>
          <codat-connection-detail></codat-connection-detail>
          <codat-disconnect-confirm></codat-disconnect-confirm>
        </codat-connections-provider>
      `);
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      const confirm = provider.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
      await waitUntil(() => !!part(list, 'item-button'), 'list rendered');
      const hsbc = [...list.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="item-button"]')].find(
        (b) => text(b.querySelector('[part="name"]')) === 'HSBC',
      )!;
      hsbc.click();
      await waitUntil(() => !!part(detail, 'disconnect-button'), 'detail shows HSBC');

      part(detail, 'disconnect-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => confirm.open, 'confirm open');
      await confirm.updateComplete;
      const dialog = confirm.shadowRoot!.querySelector('dialog')!;
      expect(byIdRef(dialog, 'aria-labelledby')).to.equal('Disconnect HSBC?');
      expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
      await expect(confirm).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !confirm.open, 'closed');
      await confirm.updateComplete;
      expect(deepActive()?.getAttribute('part')).to.equal('disconnect-button');

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => confirm.open, 'confirm open again');
      await confirm.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !confirm.open, 'closed after unlink');
      await list.updateComplete;
      expect(text(hsbc.querySelector('[part="status"]'))).to.equal('Unlinked');
      expect(text(part(detail, 'status'))).to.equal('Unlinked');
      expect(requestsTo(api.requests, 'PATCH', `/connections/${SEED.hsbc}`)).to.have.length(1);
      await expect(provider).to.be.accessible();
    });
  });
});
