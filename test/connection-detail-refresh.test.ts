/**
 * Refresh and sync progress in <codat-connection-detail>, against the sandbox: its pull operations advance on a
 * clock the test moves, and the client polls every 40 ms or more so the tests do not wait seconds.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import { CodatClient, type CodatConnectionDetail } from '../src/index.js';
import { DATA_TYPES_BY_SOURCE, PULL_TIMELINE } from '../src/sandbox/index.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil, type RecordedRequest } from './support/sandbox.js';
import { collectErrors, collectEvents, errorBody, norm, part, parts, text } from './support/dom.js';

const START = Date.parse('2026-03-03T10:00:00Z');

/** A clock for the sandbox that only the test moves. */
function testClock() {
  let now = START;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function clientFor(token: string) {
  return new CodatClient({
    baseUrl: BASE_URL,
    accessToken: token,
    syncPolling: { minIntervalMs: 40, maxIntervalMs: 80 },
  });
}

async function mountDetail(client: CodatClient, connectionId: string) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connection-detail .client=${client} connection-id=${connectionId}></codat-connection-detail>
    </div>`,
  );
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  await waitUntil(() => !!part(detail, 'title'), 'detail shown');
  await waitUntil(
    () => parts(detail, 'history-item').length > 0 || text(part(detail, 'history')).includes('No data'),
    'history',
  );
  return detail;
}

const announced = (detail: CodatConnectionDetail) => text(detail.shadowRoot!.querySelector('[data-sync-announcer]'));
const mine = (requests: RecordedRequest[], token: string) =>
  requests.filter((r) => r.headers.get('Authorization') === `Bearer ${token}`);
const polls = (requests: RecordedRequest[], token: string) =>
  mine(requests, token).filter((r) => r.url.pathname.endsWith('/dataStatus')).length;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('codat-connection-detail refresh', () => {
  const api = useSandboxWorker();

  it('Refresh data queues every data type, shows the reads in progress and announces the start', async () => {
    const clock = testClock();
    const { token, companyId } = await api.fresh({ now: clock.now });
    const client = clientFor(token);
    const detail = await mountDetail(client, SEED.xero);
    const requested = collectEvents<unknown>('codat-refresh-request');
    const refreshed = collectEvents<unknown>('codat-refresh');
    try {
      const button = part(detail, 'refresh-button')!;
      expect(text(button)).to.equal('Refresh data');
      button.focus();
      await sendKeys({ press: 'Enter' });

      await waitUntil(() => !!part(detail, 'sync-progress'), 'progress shown');
      const types = DATA_TYPES_BY_SOURCE.Accounting.length;
      expect(text(part(detail, 'sync-progress'))).to.equal(`Reading ${types} types of data…`);
      expect(norm(part(detail, 'sync-progress')!.querySelector('progress')!.getAttribute('aria-label')!)).to.equal(
        'Syncing Xero',
      );
      expect(text(part(detail, 'refresh-button'))).to.equal('Syncing…');
      expect(part(detail, 'refresh-button')!.getAttribute('aria-disabled')).to.equal('true');
      expect(requested.seen).to.deep.equal([{ connectionId: SEED.xero }]);
      expect(refreshed.seen).to.deep.equal([{ connectionId: SEED.xero }]);
      const posts = mine(api.requests, token).filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.url.pathname)).to.deep.equal([`${BASE_URL}/companies/${companyId}/data/all`]);
      expect(posts[0]!.headers.get('Idempotency-Key')).to.match(/^[0-9a-f-]{36}$/);
      await waitUntil(() => announced(detail) === 'Xero: syncing data.', 'start announced');
      await expect(detail).to.be.accessible();

      // Pressing again while it syncs sends nothing more.
      part(detail, 'refresh-button')!.click();
      await settle(50);
      expect(mine(api.requests, token).filter((r) => r.method === 'POST')).to.have.length(1);
    } finally {
      requested.stop();
      refreshed.stop();
    }
  });

  it('when the reads finish: announces it, shows the new last sync and the history, and stops polling', async () => {
    const clock = testClock();
    const { token, sandbox, companyId } = await api.fresh({ now: clock.now });
    const client = clientFor(token);
    const detail = await mountDetail(client, SEED.xero);
    const before = sandbox.store.getConnection(companyId, SEED.xero)!.lastSync!;
    const types = DATA_TYPES_BY_SOURCE.Accounting.length;
    expect(await detail.refresh()).to.equal(true);
    await waitUntil(() => !!part(detail, 'sync-progress'), 'progress shown');

    clock.advance(PULL_TIMELINE.finishedAfterMs + 1);
    await waitUntil(() => !part(detail, 'sync-progress'), 'progress gone');
    await waitUntil(() => announced(detail) === 'Xero: sync finished. The data is up to date.', 'finish announced');
    const after = sandbox.store.getConnection(companyId, SEED.xero)!.lastSync!;
    expect(Date.parse(after)).to.be.greaterThan(Date.parse(before));
    const de = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    await waitUntil(
      () => text(part(detail, 'facts')).includes(de.format(new Date(after))),
      'last synced shows the new time',
    );
    await waitUntil(
      () => parts(detail, 'history-item').filter((item) => text(item).includes('Completed')).length >= types,
      'history shows the finished reads',
    );
    expect(text(part(detail, 'refresh-button'))).to.equal('Refresh data');
    await expect(detail).to.be.accessible();

    // Nothing is left to follow: polling stopped.
    const settled = polls(api.requests, token);
    await settle(300);
    expect(polls(api.requests, token)).to.equal(settled);
    expect(client.syncs.polling).to.equal(false);
  });

  it('refreshes one data type for this connection from the disclosure', async () => {
    const clock = testClock();
    const { token, companyId } = await api.fresh({ now: clock.now });
    const detail = await mountDetail(clientFor(token), SEED.hsbc);
    const refreshed = collectEvents<unknown>('codat-refresh');
    try {
      const disclosure = part(detail, 'refresh-types') as HTMLDetailsElement;
      disclosure.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(disclosure.open).to.equal(true);
      const labels = parts(detail, 'refresh-type-button').map(text);
      expect(labels).to.include.members(['Refresh Accounts', 'Refresh Transactions', 'Refresh Account balances']);
      await expect(detail).to.be.accessible();

      const accounts = parts(detail, 'refresh-type-button').find((b) => text(b) === 'Refresh Accounts')!;
      accounts.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(part(detail, 'sync-progress')) === 'Reading 1 type of data…', 'one read in progress');
      const post = mine(api.requests, token).filter((r) => r.method === 'POST');
      expect(post.map((r) => `${r.url.pathname}?${r.url.searchParams}`)).to.deep.equal([
        `${BASE_URL}/companies/${companyId}/data/queue/banking-accounts?connectionId=${SEED.hsbc}`,
      ]);
      expect(refreshed.seen).to.deep.equal([{ connectionId: SEED.hsbc, dataType: 'banking-accounts' }]);

      clock.advance(PULL_TIMELINE.finishedAfterMs + 1);
      await waitUntil(() => !part(detail, 'sync-progress'), 'finished');
      await waitUntil(() => announced(detail) === 'HSBC: sync finished. The data is up to date.', 'announced');
    } finally {
      refreshed.stop();
    }
  });

  it('says when a read failed, in the announcement and the history', async () => {
    const clock = testClock();
    const { token, sandbox } = await api.fresh({ now: clock.now });
    sandbox.store.failNextPull(SEED.stripe, 'Stripe refused the request.');
    const detail = await mountDetail(clientFor(token), SEED.stripe);
    (part(detail, 'refresh-types') as HTMLDetailsElement).open = true;
    await detail.updateComplete;
    parts(detail, 'refresh-type-button')
      .find((b) => text(b) === 'Refresh Orders')!
      .click();
    await waitUntil(() => !!part(detail, 'sync-progress'), 'in progress');
    clock.advance(PULL_TIMELINE.finishedAfterMs + 1);
    await waitUntil(
      () => announced(detail) === 'Stripe: sync finished, but some data could not be read.',
      'failure announced',
    );
    await waitUntil(
      () => parts(detail, 'history-item').some((item) => text(item).includes('Stripe refused the request.')),
      'failed read in the history',
    );
    expect(text(parts(detail, 'history-item')[0])).to.match(/^Orders Failed/);
    await expect(detail).to.be.accessible();
  });

  it('a refresh the API refuses shows why, fires codat-error and no codat-refresh, and can be tried again', async () => {
    const { token } = await api.fresh();
    // Refused three times: the first try and the client's two retries after a 429.
    let refused = 0;
    api.use(
      http.post(`${BASE_URL}/companies/:companyId/data/all`, () =>
        refused++ < 3
          ? HttpResponse.json(errorBody('Refreshes are limited to one a minute.', 'corr-refresh', 429), { status: 429 })
          : undefined,
      ),
    );
    const detail = await mountDetail(clientFor(token), SEED.shopify);
    const errors = collectErrors();
    const refreshed = collectEvents<unknown>('codat-refresh');
    try {
      part(detail, 'refresh-button')!.click();
      await waitUntil(() => !!part(detail, 'error'), 'error shown');
      expect(part(detail, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(part(detail, 'error'))).to.contain('Refreshes are limited to one a minute.');
      expect(part(detail, 'sync-progress')).to.equal(null);
      expect(text(part(detail, 'refresh-button'))).to.equal('Refresh data');
      expect(part(detail, 'refresh-button')!.getAttribute('aria-disabled')).to.equal('false');
      expect(errors.errors.map((e) => [e.operation, e.errorCode])).to.deep.equal([['refreshAllData', 429]]);
      expect(refreshed.seen).to.deep.equal([]);
      await expect(detail).to.be.accessible();

      part(detail, 'refresh-button')!.click();
      await waitUntil(() => !!part(detail, 'sync-progress'), 'second try accepted');
      expect(part(detail, 'error')).to.equal(null);
      expect(refreshed.seen).to.deep.equal([{ connectionId: SEED.shopify }]);
    } finally {
      errors.stop();
      refreshed.stop();
    }
  });

  it('sends nothing when a host cancels codat-refresh-request', async () => {
    const { token } = await api.fresh();
    const detail = await mountDetail(clientFor(token), SEED.xero);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('codat-refresh-request', cancel);
    try {
      expect(await detail.refresh()).to.equal(false);
      part(detail, 'refresh-button')!.click();
      await settle(50);
      expect(mine(api.requests, token).filter((r) => r.method === 'POST')).to.deep.equal([]);
      expect(part(detail, 'sync-progress')).to.equal(null);
    } finally {
      document.removeEventListener('codat-refresh-request', cancel);
    }
  });

  it('offers no refresh for connections that are not linked', async () => {
    const { token } = await api.fresh();
    const detail = await mountDetail(clientFor(token), SEED.square);
    expect(part(detail, 'refresh')).to.equal(null);
    expect(part(detail, 'refresh-button')).to.equal(null);
  });

  it('follows a read started elsewhere that its history shows, and stops polling once removed', async () => {
    const clock = testClock();
    const { token, sandbox, companyId } = await api.fresh({ now: clock.now });
    sandbox.store.queuePull(companyId, SEED.xero, 'invoices');
    const detail = await mountDetail(clientFor(token), SEED.xero);
    await waitUntil(() => text(part(detail, 'sync-progress')) === 'Reading 1 type of data…', 'progress from history');
    await waitUntil(() => polls(api.requests, token) > 0, 'polling');

    detail.remove();
    await settle(100);
    const after = mine(api.requests, token).length;
    await settle(300);
    expect(mine(api.requests, token).length, 'no request after removal').to.equal(after);
  });

  it('does not poll while hidden, and resumes when shown again', async () => {
    const clock = testClock();
    const { token, sandbox, companyId } = await api.fresh({ now: clock.now });
    sandbox.store.queuePull(companyId, SEED.shopify, 'commerce-orders');
    const detail = await mountDetail(clientFor(token), SEED.shopify);
    await waitUntil(() => !!part(detail, 'sync-progress'), 'in progress');
    detail.hidden = true;
    await settle(150);
    const hidden = polls(api.requests, token);
    await settle(300);
    expect(polls(api.requests, token), 'no poll while hidden').to.equal(hidden);
    clock.advance(PULL_TIMELINE.finishedAfterMs + 1);
    detail.hidden = false;
    await waitUntil(() => !part(detail, 'sync-progress'), 'finished once visible again');
    expect(polls(api.requests, token)).to.be.greaterThan(hidden);
  });

  it('keeps showing reads in progress while a poll fails, and finishes once polls answer again', async () => {
    const clock = testClock();
    const { token, sandbox, companyId } = await api.fresh({ now: clock.now });
    sandbox.store.queuePull(companyId, SEED.hsbc, 'banking-accounts');
    const detail = await mountDetail(clientFor(token), SEED.hsbc);
    await waitUntil(() => !!part(detail, 'sync-progress'), 'in progress');
    let failures = 0;
    api.use(
      http.get(`${BASE_URL}/companies/:companyId/dataStatus`, () => {
        if (failures >= 2) return undefined; // then the sandbox answers again
        failures += 1;
        return HttpResponse.json(errorBody('Status is unavailable.', 'corr-status', 503), { status: 503 });
      }),
    );
    clock.advance(PULL_TIMELINE.finishedAfterMs + 1);
    await waitUntil(() => failures >= 2, 'polls failed');
    expect(part(detail, 'sync-progress'), 'not claimed finished while polls fail').to.not.equal(null);
    expect(part(detail, 'error'), 'a failed poll is not an error to show').to.equal(null);
    await waitUntil(() => !part(detail, 'sync-progress'), 'finished after polls recover', 8000);
  });
});
