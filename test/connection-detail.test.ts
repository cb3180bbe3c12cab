import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import { CodatClient, type CodatConnectionDetail } from '../src/index.js';
import { defaultSeed } from '../src/sandbox/index.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectErrors, collectEvents, errorBody, norm, part, sentWith, text } from './support/dom.js';

const CONNECTION_URL = `${BASE_URL}/companies/:companyId/connections/:connectionId`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Requests sent with `token`: a late image or branding read from an earlier test cannot carry it. */

function clientFor(token: string, options: { retryLimit?: number } = {}): CodatClient {
  return new CodatClient({ baseUrl: BASE_URL, accessToken: token, ...options });
}

async function mountDetail(client: CodatClient | undefined, connectionId?: string, lang = 'en-GB') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <codat-connection-detail .client=${client} connection-id=${connectionId ?? ''}></codat-connection-detail>
    </div>`,
  );
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  if (!connectionId) detail.connectionId = undefined;
  await detail.updateComplete;
  return detail;
}

const shown = (detail: CodatConnectionDetail, name: string) =>
  waitUntil(() => text(part(detail, 'title')) === name, `detail shows ${name}`);

/** The facts list as [term, definition] pairs. */
function facts(detail: CodatConnectionDetail): [string, string][] {
  const dl = part(detail, 'facts')!;
  const terms = [...dl.querySelectorAll('dt')];
  return terms.map((dt) => [text(dt), text(dt.nextElementSibling)]);
}

const connectionGets = (requests: { method: string; url: URL }[]) =>
  requests.filter((r) => r.method === 'GET' && /\/connections\/[^/]+$/.test(r.url.pathname));

describe('codat-connection-detail', () => {
  const api = useSandboxWorker();

  describe('rendering', () => {
    it('asks the person to choose when no connection is chosen, and sends nothing', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token));
      const empty = part(detail, 'empty')!;
      const slot = empty.querySelector('slot[name="empty"]') as HTMLSlotElement;
      expect(
        norm(
          slot
            .assignedNodes({ flatten: true })
            .map((n) => n.textContent)
            .join(''),
        ),
      ).to.equal('Choose a connection to see its details.');
      expect(part(detail, 'title')).to.equal(null);
      expect(sentWith(api.requests, token), 'no request with this token').to.deep.equal([]);
      await expect(detail).to.be.accessible();
    });

    it('lets the empty slot replace the text', async () => {
      const { token } = await api.fresh();
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <codat-connection-detail .client=${clientFor(token)}
            ><p slot="empty">Pick an app on the left.</p></codat-connection-detail
          >
        </div>`,
      );
      const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await detail.updateComplete;
      const slot = part(detail, 'empty')!.querySelector('slot[name="empty"]') as HTMLSlotElement;
      const assigned = slot.assignedNodes({ flatten: true });
      expect(assigned).to.have.length(1);
      expect(text(assigned[0] as Element)).to.equal('Pick an app on the left.');
      expect(assigned.map((n) => n.textContent).join('')).to.not.contain('Choose a connection');
      await expect(detail).to.be.accessible();
    });

    it('says it is loading while a connection not in the store is read, with one GET', async () => {
      const { token } = await api.fresh();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      api.use(
        http.get(CONNECTION_URL, async () => {
          await gate; // then falls through to the sandbox
        }),
      );
      const detail = await mountDetail(clientFor(token), SEED.hsbc);
      await waitUntil(() => !!part(detail, 'loading'), 'loading shown');
      expect(part(detail, 'loading')!.getAttribute('role')).to.equal('status');
      expect(text(part(detail, 'loading'))).to.equal('Loading connection…');
      await expect(detail).to.be.accessible();

      release();
      await shown(detail, 'HSBC');
      expect(part(detail, 'loading')).to.equal(null);
      const gets = connectionGets(api.requests);
      expect(gets.map((r) => r.url.pathname.split('/').at(-1))).to.deep.equal([SEED.hsbc]);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(0);
    });

    it('shows a connection the list already read without another request', async () => {
      const { token } = await api.fresh();
      const client = clientFor(token);
      await client.listConnections();
      const detail = await mountDetail(client, SEED.shopify);
      await shown(detail, 'Shopify');
      expect(connectionGets(api.requests)).to.have.length(0);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
      await expect(detail).to.be.accessible();
    });

    it('shows the facts: type, status, first authorized and last synced, in the page language', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.xero, 'de-DE');
      await shown(detail, 'Xero');
      const xero = defaultSeed().companies[0]!.connections.find((c) => c.id === SEED.xero)!;
      const de = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
      expect(facts(detail)).to.deep.equal([
        ['Art', 'Buchhaltung'],
        ['Status', 'Verbunden'],
        ['Erstmals autorisiert', norm(de.format(new Date(xero.created)))],
        ['Zuletzt synchronisiert', norm(de.format(new Date(xero.lastSync!)))],
      ]);
      expect(text(part(detail, 'status'))).to.equal('Verbunden');
      expect(text(part(detail, 'description'))).to.equal(
        'Verbunden Daten werden freigegeben. Neue Daten werden planmäßig gelesen.',
      );
      await expect(detail).to.be.accessible();
    });

    it('says a pending connection has not synced yet', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.lloyds);
      await shown(detail, 'Lloyds');
      expect(facts(detail).slice(0, 2)).to.deep.equal([
        ['Type', 'Banking'],
        ['Status', 'Pending'],
      ]);
      expect(facts(detail)[3]).to.deep.equal(['Last synced', 'Not synced yet']);
      await expect(detail).to.be.accessible();
    });

    it('offers Disconnect only for a linked connection', async () => {
      const { token } = await api.fresh();
      const client = clientFor(token);
      await client.listConnections();
      const detail = await mountDetail(client, SEED.xero);
      await shown(detail, 'Xero');
      expect(text(part(detail, 'disconnect-button'))).to.equal('Disconnect Xero');
      expect(text(part(detail, 'delete-button'))).to.equal('Delete Xero connection');

      for (const [id, name, status] of [
        [SEED.quickbooksOnline, 'QuickBooks Online', 'Unlinked'],
        [SEED.quickbooksDesktop, 'QuickBooks Desktop', 'Deauthorized'],
        [SEED.lloyds, 'Lloyds', 'Pending'],
      ] as const) {
        detail.connectionId = id;
        await shown(detail, name);
        expect(text(part(detail, 'status')), name).to.equal(status);
        expect(part(detail, 'disconnect-button'), `${name} has no Disconnect`).to.equal(null);
        expect(text(part(detail, 'delete-button')), `${name} can be deleted`).to.equal(`Delete ${name} connection`);
        await expect(detail).to.be.accessible();
      }
    });

    it('uses heading-level for the platform name (default 2)', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.stripe);
      await shown(detail, 'Stripe');
      const title = part(detail, 'title')!;
      expect(title.getAttribute('role')).to.equal('heading');
      expect(title.getAttribute('aria-level')).to.equal('2');
      detail.setAttribute('heading-level', '4');
      await detail.updateComplete;
      expect(part(detail, 'title')!.getAttribute('aria-level')).to.equal('4');
      detail.headingLevel = 9;
      await detail.updateComplete;
      expect(part(detail, 'title')!.getAttribute('aria-level')).to.equal('2');
    });

    it('shows the new connection when connection-id changes, without announcing a status change', async () => {
      const { token } = await api.fresh();
      const client = clientFor(token);
      await client.listConnections();
      const detail = await mountDetail(client, SEED.xero);
      await shown(detail, 'Xero');
      detail.setAttribute('connection-id', SEED.square);
      await shown(detail, 'Square');
      expect(text(part(detail, 'status'))).to.equal('Deauthorized');
      expect(facts(detail)[0]).to.deep.equal(['Type', 'Commerce']);
      expect(text(detail.shadowRoot!.querySelector('[role="status"][aria-live="polite"]'))).to.equal('');
      expect(connectionGets(api.requests)).to.have.length(0);
    });
  });

  describe('events', () => {
    it('fires a cancelable codat-disconnect-request when Disconnect is pressed', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.hsbc);
      await shown(detail, 'HSBC');
      const seen: { detail: unknown; bubbles: boolean; composed: boolean; cancelable: boolean }[] = [];
      const onRequest = (e: Event) =>
        seen.push({
          detail: (e as CustomEvent).detail,
          bubbles: e.bubbles,
          composed: e.composed,
          cancelable: e.cancelable,
        });
      document.addEventListener('codat-disconnect-request', onRequest);
      try {
        part(detail, 'disconnect-button')!.focus();
        await sendKeys({ press: 'Enter' });
        expect(seen).to.deep.equal([
          { detail: { connectionId: SEED.hsbc }, bubbles: true, composed: true, cancelable: true },
        ]);
        // Asking is not doing: nothing was sent and the connection is still linked.
        expect(api.requests.filter((r) => r.method === 'PATCH')).to.have.length(0);
        expect(text(part(detail, 'status'))).to.equal('Linked');
      } finally {
        document.removeEventListener('codat-disconnect-request', onRequest);
      }
    });

    it('fires a cancelable codat-delete-request when Delete is pressed, for any status', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.square);
      await shown(detail, 'Square');
      const { seen, stop } = collectEvents<unknown>('codat-delete-request');
      const cancelable: boolean[] = [];
      const onRequest = (e: Event) => cancelable.push(e.cancelable && e.bubbles && e.composed);
      document.addEventListener('codat-delete-request', onRequest);
      try {
        part(detail, 'delete-button')!.focus();
        await sendKeys({ press: 'Enter' });
        expect(seen).to.deep.equal([{ connectionId: SEED.square }]);
        expect(cancelable).to.deep.equal([true]);
        expect(api.requests.filter((r) => r.method === 'DELETE')).to.have.length(0);
        expect(text(part(detail, 'title'))).to.equal('Square');
      } finally {
        stop();
        document.removeEventListener('codat-delete-request', onRequest);
      }
    });

    it('reports cancellation of codat-disconnect-request to the caller of requestDisconnect()', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.hsbc);
      await shown(detail, 'HSBC');
      expect(detail.requestDisconnect()).to.equal(true);
      const cancel = (e: Event) => e.preventDefault();
      detail.addEventListener('codat-disconnect-request', cancel);
      expect(detail.requestDisconnect()).to.equal(false);
    });
  });

  describe('accessibility', () => {
    it('focus() moves focus to the platform name, never to a destructive button', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.xero);
      await shown(detail, 'Xero');
      detail.focus();
      expect(detail.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
    });

    it('focus() moves focus to the platform name of a connection that is not linked', async () => {
      const { token } = await api.fresh();
      const detail = await mountDetail(clientFor(token), SEED.quickbooksOnline);
      await shown(detail, 'QuickBooks Online');
      detail.focus();
      expect(detail.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
      expect(document.activeElement).to.equal(detail);
    });

    it('is accessible with a slotted empty message, loaded and not-found states in one page', async () => {
      const { token } = await api.fresh();
      const client = clientFor(token);
      const wrapper = await fixture<HTMLDivElement>(
        html`<div>
          <codat-connection-detail .client=${client}><p slot="empty">Nothing chosen.</p></codat-connection-detail>
          <codat-connection-detail
            .client=${client}
            connection-id=${SEED.square}
            heading-level="3"
          ></codat-connection-detail>
          <codat-connection-detail .client=${client} connection-id=${UNKNOWN_ID}></codat-connection-detail>
        </div>`,
      );
      const [, square, gone] = [...wrapper.querySelectorAll<CodatConnectionDetail>('codat-connection-detail')];
      await shown(square!, 'Square');
      await waitUntil(() => !!part(gone!, 'not-found'), 'not found shown');
      await expect(wrapper).to.be.accessible();
    });
  });

  describe('failures', () => {
    it('says a connection that does not exist no longer exists (sandbox 404), without codat-error', async () => {
      const { token } = await api.fresh();
      const collected = collectErrors();
      try {
        const detail = await mountDetail(clientFor(token), UNKNOWN_ID);
        await waitUntil(() => !!part(detail, 'not-found'), 'not found shown');
        expect(part(detail, 'not-found')!.getAttribute('role')).to.equal('status');
        expect(text(part(detail, 'not-found'))).to.equal('This connection no longer exists. It may have been deleted.');
        expect(connectionGets(api.requests)).to.have.length(1);
        expect(collected.errors).to.deep.equal([]);
        await expect(detail).to.be.accessible();
      } finally {
        collected.stop();
      }
    });

    it('explains an invalid connection id without sending a request', async () => {
      const { token } = await api.fresh();
      const collected = collectErrors();
      try {
        const detail = await mountDetail(clientFor(token), 'abc');
        await waitUntil(() => !!part(detail, 'error'), 'error shown');
        expect(part(detail, 'error')!.getAttribute('role')).to.equal('alert');
        expect(text(part(detail, 'error'))).to.equal('"abc" is not a valid connection id.');
        expect(part(detail, 'retry-button'), 'trying again cannot fix it').to.equal(null);
        expect(sentWith(api.requests, token), 'no request with this token').to.deep.equal([]);
        expect(collected.errors).to.have.length(1);
        expect(collected.errors[0]).to.include({ operation: 'getConnection', errorCode: null, userRecoverable: false });
        await expect(detail).to.be.accessible();
      } finally {
        collected.stop();
      }
    });

    it('shows a server error with its correlation id and Try again, which recovers', async () => {
      const { token } = await api.fresh();
      api.use(
        http.get(
          CONNECTION_URL,
          () => HttpResponse.json(errorBody('Upstream timeout.', 'corr-detail-500'), { status: 500 }),
          {
            once: true,
          },
        ),
      );
      const collected = collectErrors();
      try {
        const detail = await mountDetail(clientFor(token, { retryLimit: 0 }), SEED.stripe);
        await waitUntil(() => !!part(detail, 'error'), 'error shown');
        const error = part(detail, 'error')!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error.querySelector('.error-message'))).to.equal('Upstream timeout.');
        expect(text(error)).to.contain('Reference for support: corr-detail-500');
        expect(collected.errors).to.deep.equal([
          {
            message: 'Upstream timeout.',
            correlationId: 'corr-detail-500',
            errorCode: 500,
            userRecoverable: true,
            operation: 'getConnection',
          },
        ]);
        await expect(detail).to.be.accessible();

        part(detail, 'retry-button')!.focus();
        await sendKeys({ press: 'Enter' });
        await shown(detail, 'Stripe');
        expect(part(detail, 'error')).to.equal(null);
        expect(connectionGets(api.requests)).to.have.length(2);
      } finally {
        collected.stop();
      }
    });
  });
});

describe('codat-connection-detail sync history', () => {
  const api = useSandboxWorker();
  const entries = (detail: CodatConnectionDetail) =>
    [...detail.shadowRoot!.querySelectorAll('[part="history-item"]')].map((item) => text(item));

  it('shows the connection’s pull operations, newest first, with outcome in words and the error of a failed one', async () => {
    const { token, sandbox, companyId } = await api.fresh();
    const detail = await mountDetail(clientFor(token), SEED.square);
    await waitUntil(() => entries(detail).length > 0, 'history shown');
    const expected = sandbox.store
      .listPullOperations(companyId)!
      .filter((op) => op.connectionId === SEED.square)
      .sort((a, b) => b.requested.localeCompare(a.requested));
    expect(entries(detail)).to.have.length(Math.min(10, expected.length));
    const failed = expected.find((op) => op.isErrored)!;
    const failedEntry = entries(detail).find((entry) => entry.includes('Failed'))!;
    expect(failedEntry).to.contain(failed.errorMessage!);
    expect(failedEntry.startsWith('Orders')).to.equal(true);
    expect(entries(detail).filter((entry) => entry.includes('Completed')).length).to.be.greaterThan(0);
    // Requests of earlier tests can be reported late (Firefox): count this test's token only.
    const history = api.requests.filter(
      (r) => r.url.pathname.endsWith('/data/history') && r.headers.get('Authorization') === `Bearer ${token}`,
    );
    expect(history).to.have.length(1);
    expect(history[0]!.url.searchParams.get('query')).to.equal(`connectionId=${SEED.square}`);
    expect(history[0]!.url.searchParams.get('orderBy')).to.equal('-requested');
    await expect(detail).to.be.accessible();
  });

  it('reads further pages with Show more until there are none', async () => {
    const { token } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <codat-connection-detail
          .client=${clientFor(token)}
          connection-id=${SEED.xero}
          history-page-size="5"
        ></codat-connection-detail>
      </div>`,
    );
    const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
    await waitUntil(() => entries(detail).length === 5, 'first page');
    let pages = 1;
    while (part(detail, 'history-more-button')) {
      part(detail, 'history-more-button')!.click();
      pages += 1;
      await waitUntil(
        () => entries(detail).length > (pages - 1) * 5 || !part(detail, 'history-more-button'),
        'next page',
      );
      await waitUntil(
        () => !detail.shadowRoot!.querySelector('[part="history-more-button"][aria-disabled="true"]'),
        'loaded',
      );
      if (pages > 20) throw new Error('Show more never ended');
    }
    const history = api.requests.filter(
      (r) => r.url.pathname.endsWith('/data/history') && r.headers.get('Authorization') === `Bearer ${token}`,
    );
    expect(history.map((r) => r.url.searchParams.get('page'))).to.deep.equal(
      Array.from({ length: pages }, (_, i) => String(i + 1)),
    );
    expect(new Set(entries(detail)).size, 'no entry twice').to.be.greaterThan(5);
    await expect(detail).to.be.accessible();
  });

  it('keeps its history when the page moves it, and reads it again when the move stopped a read', async () => {
    const { token, sandbox } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <section id="first">
          <codat-connection-detail
            .client=${clientFor(token)}
            connection-id=${SEED.xero}
            history-page-size="5"
          ></codat-connection-detail>
        </section>
        <section id="second"></section>
      </div>`,
    );
    const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
    await waitUntil(() => entries(detail).length === 5 && !!part(detail, 'history-more-button'), 'first page');
    const historyPages = () =>
      api.requests
        .filter((r) => r.url.pathname.endsWith('/data/history') && r.headers.get('Authorization') === `Bearer ${token}`)
        .map((r) => r.url.searchParams.get('page'));
    // As a framework moving a node does: removed and inserted elsewhere in one go. What was read stays.
    wrapper.querySelector('#second')!.append(detail);
    await detail.updateComplete;
    const more = () =>
      detail.shadowRoot!.querySelector<HTMLButtonElement>('[part="history-more-button"]:not([aria-disabled="true"])');
    expect(entries(detail), 'still shown after the move').to.have.length(5);
    more()!.click();
    await waitUntil(() => entries(detail).length > 5, 'the next page after the move');
    expect(historyPages()).to.deep.equal(['1', '2']);

    // Moved while a page is on its way: that read stops, and the history is read again once the detail is back.
    await waitUntil(() => !!more(), 'Show more offered again');
    sandbox.faults.add({ path: '/data/history$', latencyMs: 300, times: 1 });
    more()!.click();
    await waitUntil(() => historyPages().length === 3, 'the third page asked for');
    wrapper.querySelector('#first')!.append(detail);
    await waitUntil(() => historyPages().length === 4, 'history read again after the move');
    await waitUntil(() => entries(detail).length === 5 && !!more(), 'the first page after the move');
    expect(historyPages()).to.deep.equal(['1', '2', '3', '1']);
    await expect(detail).to.be.accessible();
  });

  it('says when nothing was read yet', async () => {
    const { token } = await api.fresh();
    const detail = await mountDetail(clientFor(token), SEED.lloyds);
    await waitUntil(() => text(part(detail, 'history')).includes('No data has been read'), 'empty history');
    await expect(detail).to.be.accessible();
  });

  it('shows a history failure with Try again and fires codat-error, keeping the rest of the detail', async () => {
    const { token } = await api.fresh();
    api.use(
      http.get(
        `${BASE_URL}/companies/:companyId/data/history`,
        () => HttpResponse.json(errorBody('History is unavailable.', 'corr-history', 400), { status: 400 }),
        { once: true },
      ),
    );
    const collected = collectErrors();
    try {
      const detail = await mountDetail(clientFor(token), SEED.hsbc);
      await waitUntil(() => !!part(detail, 'error'), 'history error');
      expect(text(part(detail, 'title'))).to.equal('HSBC');
      expect(text(part(detail, 'error'))).to.contain('History is unavailable.');
      expect(collected.errors.map((e) => e.operation)).to.deep.equal(['listPullOperations']);
      await expect(detail).to.be.accessible();
      part(detail, 'retry-button')!.click();
      await waitUntil(() => entries(detail).length > 0, 'history after retry');
      expect(part(detail, 'error')).to.equal(null);
    } finally {
      collected.stop();
    }
  });
});
