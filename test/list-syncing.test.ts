/** The list follows syncs: a "Syncing…" badge while a connection's reads run, announced when they start and finish. */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { CodatClient, type CodatConnectionList } from '../src/index.js';
import { PULL_TIMELINE } from '../src/sandbox/index.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';

describe('codat-connection-list syncing', () => {
  const api = useSandboxWorker();

  it('shows and announces a sync started elsewhere, then its end, with one list request', async () => {
    let now = Date.parse('2026-03-03T10:00:00Z');
    const { token, sandbox, companyId } = await api.fresh({ now: () => now });
    sandbox.store.queuePull(companyId, SEED.shopify, 'commerce-orders');
    const client = new CodatClient({
      baseUrl: BASE_URL,
      accessToken: token,
      syncPolling: { minIntervalMs: 40, maxIntervalMs: 80 },
    });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB"><codat-connection-list .client=${client}></codat-connection-list></div>`,
    );
    const list = wrapper.querySelector<CodatConnectionList>('codat-connection-list')!;
    const shopify = () => parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === 'Shopify')!;
    await waitUntil(() => !!shopify()?.querySelector('[part~="badge-syncing"]'), 'syncing badge');
    const announcer = list.shadowRoot!.querySelector('[data-sync-announcer]')!;
    expect(text(announcer)).to.equal('Shopify: syncing data.');
    const mine = api.requests.filter((r) => r.headers.get('Authorization') === `Bearer ${token}`);
    expect(mine.filter((r) => r.url.pathname.endsWith('/connections'))).to.have.length(1);
    await expect(list).to.be.accessible();

    now += PULL_TIMELINE.finishedAfterMs + 1;
    await waitUntil(() => !shopify().querySelector('[part~="badge-syncing"]'), 'badge gone');
    await waitUntil(() => text(announcer) === 'Shopify: sync finished. The data is up to date.', 'finish announced');
    expect(part(list, 'error')).to.equal(null);
  });
});
