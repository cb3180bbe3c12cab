/**
 * Truthful UI: every broken answer (malformed JSON, an HTML error page, an empty body, a huge body, no network, no
 * answer in time) ends in a clear message with a Try again that works, and nothing is shown as done until the API
 * confirmed it. Faults come from the sandbox's fault rules.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import {
  CodatClient,
  HTTP_POLICY,
  type CodatConnectionDetail,
  type CodatConnectionList,
  type CodatConnectionsProvider,
  type CodatDisconnectConfirm,
  type Connection,
} from '../src/index.js';
import { GREENFIELD_ID, OAKRIDGE_ID, PULL_TIMELINE, type FaultRule } from '../src/sandbox/index.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectEvents, part, text } from './support/dom.js';

const names = (list: Element) =>
  [...list.shadowRoot!.querySelectorAll('[part="item-button"] [part="name"]')].map((n) => text(n));
const LIST = '/connections$';
const retried = HTTP_POLICY.retries + 1;

const cases: { name: string; rule: FaultRule; message: string; attemptTimeoutMs?: number }[] = [
  {
    name: 'malformed JSON',
    rule: { path: LIST, body: 'malformed-json', times: 1 },
    message: 'The connections service sent a response that could not be read. Try again in a moment.',
  },
  {
    name: 'an HTML error page',
    // A 502: retried, then shown.
    rule: { path: LIST, body: 'html', times: retried },
    message: 'The connections service is having a problem. Try again in a moment.',
  },
  {
    name: 'an empty body',
    rule: { path: LIST, body: 'empty', times: 1 },
    message: 'The connections service sent a response that could not be read. Try again in a moment.',
  },
  {
    name: 'a huge body',
    rule: { path: LIST, body: 'huge', times: 1 },
    message: 'The connections service sent more data than can be shown. Try again later.',
  },
  {
    name: 'no network',
    rule: { path: LIST, network: true, times: retried },
    message: 'Could not reach the connections service. Check your internet connection and try again.',
  },
  {
    name: 'no answer in time',
    rule: { path: LIST, latencyMs: 3000, times: retried },
    message: 'The connections service took too long to answer. Try again.',
    attemptTimeoutMs: 150,
  },
];

describe('truthful UI', () => {
  const api = useSandboxWorker();

  for (const { name, rule, message, attemptTimeoutMs } of cases) {
    it(`${name}: a clear message, no connections claimed, and Try again works`, async () => {
      const { sandbox, token } = await api.fresh();
      sandbox.faults.add(rule);
      const client = new CodatClient({
        baseUrl: BASE_URL,
        accessToken: token,
        policy: { backoffMs: 2, backoffMaxMs: 8, attemptTimeoutMs: attemptTimeoutMs ?? HTTP_POLICY.attemptTimeoutMs },
      });
      const list = await fixture<CodatConnectionList>(
        html`<codat-connection-list .client=${client}></codat-connection-list>`,
      );
      await waitUntil(() => !!part(list, 'error'), 'error shown');
      const error = part(list, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error.querySelector('.error-message'))).to.equal(message);
      expect(names(list)).to.deep.equal([]);
      await expect(list).to.be.accessible();

      part(list, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => names(list).length === 8, 'the list after Try again', 8000);
      expect(part(list, 'error')).to.equal(null);
    });
  }

  it('a disconnect answered with malformed JSON shows why and keeps Linked everywhere', async () => {
    const { sandbox, token } = await api.fresh();
    const provider = await fixture<CodatConnectionsProvider>(html`
      <codat-connections-provider base-url=${BASE_URL} .accessToken=${token}>
        <codat-connection-list></codat-connection-list>
        <codat-connection-detail></codat-connection-detail>
        <codat-disconnect-confirm></codat-disconnect-confirm>
      </codat-connections-provider>
    `);
    const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
    const detail = provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
    const confirm = provider.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
    await waitUntil(() => names(list).length === 8, 'list');
    const disconnected = collectEvents<unknown>('codat-disconnect');
    try {
      provider.selectedConnectionId = SEED.xero;
      await waitUntil(() => !!part(detail, 'disconnect-button'), 'detail shows Xero');
      sandbox.faults.add({ method: 'PATCH', body: 'malformed-json', times: 1 });
      part(detail, 'disconnect-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => confirm.open, 'confirm opened');
      await confirm.updateComplete;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!confirm.shadowRoot!.querySelector('[role="alert"]'), 'error in the confirm');
      expect(text(confirm.shadowRoot!.querySelector('[role="alert"]'))).to.contain('could not be read');
      expect(confirm.open).to.equal(true);
      expect(disconnected.seen).to.deep.equal([]);
      expect(requestsTo(api.requests, 'PATCH', SEED.xero)).to.have.length(1);
      expect(text(part(detail, 'status'))).to.equal('Linked');
      const xero = [...list.shadowRoot!.querySelectorAll('[part="item-button"]')].find(
        (b) => text(b.querySelector('[part="name"]')) === 'Xero',
      )!;
      expect(text(xero.querySelector('[part="status"]'))).to.equal('Linked');
      expect(client(provider).connections.get(SEED.xero)!.status).to.equal('Linked');
      await expect(confirm).to.be.accessible();

      // Trying again: the API confirms, and only now does every view say Unlinked.
      const confirmButton = confirm.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!;
      confirmButton.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !confirm.open, 'confirm closed');
      expect(disconnected.seen).to.deep.equal([{ connectionId: SEED.xero }]);
      expect(sandbox.store.getConnection(GREENFIELD_ID, SEED.xero)!.status).to.equal('Unlinked');
      await detail.updateComplete;
      expect(text(part(detail, 'status'))).to.equal('Unlinked');
    } finally {
      disconnected.stop();
    }
  });

  it('a pause confirmed while an earlier read of the connection is on its way stays paused', async () => {
    // The sandbox's clock moves only when the test says, so the sync finishes when the test wants it to.
    let now = Date.now();
    const { sandbox, token } = await api.fresh({ companyId: OAKRIDGE_ID, now: () => now });
    const id = SEED.oakridgeQuickbooksDesktop;
    // What the API answered to each read of the connection, as it came back.
    const answers: Connection[] = [];
    const client = new CodatClient({
      baseUrl: BASE_URL,
      accessToken: token,
      syncPolling: { minIntervalMs: 40, maxIntervalMs: 80 },
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (method.toUpperCase() === 'GET' && url.pathname.endsWith(`/connections/${id}`)) {
          answers.push((await response.clone().json()) as Connection);
        }
        return response;
      },
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <codat-connection-detail .client=${client} connection-id=${id}></codat-connection-detail>
      </div>`,
    );
    const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
    const pauseControl = () => detail.shadowRoot!.querySelector('codat-sync-pause');
    const inPause = (name: string) => pauseControl()?.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
    const state = () => text(inPause('state'));
    const announced = () => text(detail.shadowRoot!.querySelector('[data-sync-announcer]'));
    const finished = 'QuickBooks Desktop: sync finished. The data is up to date.';
    await waitUntil(() => state() === 'Syncs run as scheduled.', 'detail with the pause control');

    // A sync runs.
    part(detail, 'refresh-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!part(detail, 'sync-progress'), 'syncing');

    // When it finishes, the kit reads the connection again. That read is answered at once (not paused) and its
    // answer takes 2.5 s to come back.
    sandbox.faults.add({
      method: 'GET',
      path: `/connections/${id}$`,
      latencyMs: 2500,
      latencyOn: 'response',
      times: 1,
    });
    const reads = () => requestsTo(api.requests, 'GET', `/connections/${id}`).length;
    const readsBefore = reads();
    now += PULL_TIMELINE.finishedAfterMs + 1;
    await waitUntil(() => reads() === readsBefore + 1, 'the connection read again after the sync');

    // Meanwhile the person pauses syncs, and the API confirms it.
    inPause('pause-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => state().startsWith('Syncs are paused until'), 'paused');
    expect(requestsTo(api.requests, 'PUT', `/connections/${id}/syncPause`)).to.have.length(1);
    expect(answers, 'the earlier read has not come back yet').to.have.length(1);
    expect(announced()).to.not.equal(finished);

    // The earlier read comes back (the finish is announced once it has): the confirmed pause stays.
    await waitUntil(() => announced() === finished, 'the earlier read came back', 8000);
    expect(answers, 'both reads came back').to.have.length(2);
    expect(answers[1]!.connectionInfo?.syncsPausedAt, 'the earlier read says syncs run').to.equal(undefined);
    await detail.updateComplete;
    await pauseControl()!.updateComplete;
    expect(state()).to.match(/^Syncs are paused until /);
    expect(client.connections.get(id)!.connectionInfo?.syncsPausedAt, 'the shared copy').to.be.a('string');
    expect(part(detail, 'refresh-button'), 'no refresh while paused').to.equal(null);
    expect(reads(), 'no other read of the connection').to.equal(readsBefore + 1);
    await expect(detail).to.be.accessible();
  });
});

const client = (provider: CodatConnectionsProvider) => provider.client!;
