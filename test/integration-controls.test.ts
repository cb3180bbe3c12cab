/**
 * The detail's platform settings group: integration controls from the registry, the integration-{key} slot,
 * connectionInfo facts and the paused state, against the sandbox.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import {
  CodatClient,
  clearIntegrationControls,
  integrationControlsFor,
  registerIntegrationControl,
  type CodatConnectionDetail,
  type Connection,
} from '../src/index.js';
import { defaultSeed, OAKRIDGE_ID, type SandboxSeed } from '../src/sandbox/index.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectEvents, errorBody, part, text } from './support/dom.js';

/** A host's own control: shows what it was given. */
class TestXeroControl extends HTMLElement {
  connection?: Connection;
  client?: CodatClient;
  set connectionId(value: string) {
    this.textContent = `Control for ${this.connection?.platformName} (${value}) with a client: ${!!this.client}`;
  }
}
customElements.define('test-xero-control', TestXeroControl);

const seedWith = (edit: (seed: SandboxSeed) => void): SandboxSeed => {
  const seed = defaultSeed();
  edit(seed);
  return seed;
};
const greenfield = (seed: SandboxSeed, id: string) => seed.companies[0]!.connections.find((c) => c.id === id)!;

async function mountDetail(token: string, connectionId: string, content = html``) {
  const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connection-detail .client=${client} connection-id=${connectionId}>${content}</codat-connection-detail>
    </div>`,
  );
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  await waitUntil(() => !!part(detail, 'title'), 'detail shown');
  return detail;
}

const facts = (detail: CodatConnectionDetail) =>
  [...part(detail, 'facts')!.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]);

describe('integration controls', () => {
  const api = useSandboxWorker();
  afterEach(() => clearIntegrationControls('gbol'));

  it('shows a control a host registered for the platform, with the connection and client, and follows changes', async () => {
    const { token } = await api.fresh();
    const detail = await mountDetail(token, SEED.xero);
    expect(part(detail, 'controls')!.hidden, 'no controls for Xero yet').to.equal(true);

    registerIntegrationControl('gbol', 'test-xero-control');
    await detail.updateComplete;
    const group = part(detail, 'controls')!;
    expect(group.hidden).to.equal(false);
    expect(text(group)).to.equal(`Xero settings Control for Xero (${SEED.xero}) with a client: true`);
    expect(group.getAttribute('role')).to.equal('group');
    await expect(detail).to.be.accessible();

    detail.connectionId = SEED.hsbc;
    await waitUntil(() => text(part(detail, 'title')) === 'HSBC', 'HSBC shown');
    expect(part(detail, 'controls')!.hidden, 'not for other platforms').to.equal(true);
    expect(detail.shadowRoot!.querySelector('test-xero-control')).to.equal(null);

    detail.connectionId = SEED.xero;
    await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'Xero again');
    clearIntegrationControls('gbol');
    await detail.updateComplete;
    expect(part(detail, 'controls')!.hidden).to.equal(true);
  });

  it('registers each tag once per key, replaces on request, and refuses bad keys and names', () => {
    registerIntegrationControl('gbol', 'test-xero-control');
    registerIntegrationControl('gbol', 'TEST-XERO-CONTROL');
    expect(integrationControlsFor('gbol')).to.deep.equal(['test-xero-control']);
    registerIntegrationControl('gbol', 'other-control', { replace: true });
    expect(integrationControlsFor('gbol')).to.deep.equal(['other-control']);
    expect(integrationControlsFor('pqsw'), 'built in').to.deep.equal(['codat-sync-pause']);
    expect(() => registerIntegrationControl('Xero', 'test-xero-control')).to.throw(TypeError, /not an integration key/);
    expect(() => registerIntegrationControl('gbol', 'nohyphen')).to.throw(TypeError, /not a custom element name/);
  });

  it('shows slotted content for one platform only, with no JavaScript', async () => {
    const { token } = await api.fresh();
    const detail = await mountDetail(
      token,
      SEED.xero,
      html`<p slot="integration-gbol">Need help with Xero? <a href="https://example.com/xero">Read our guide</a>.</p>`,
    );
    const slot = part(detail, 'controls')!.querySelector('slot')!;
    expect(part(detail, 'controls')!.hidden).to.equal(false);
    expect(slot.assignedElements().map((el) => text(el))).to.deep.equal(['Need help with Xero? Read our guide.']);
    await expect(detail).to.be.accessible();
    detail.connectionId = SEED.shopify;
    await waitUntil(() => text(part(detail, 'title')) === 'Shopify', 'Shopify');
    expect(part(detail, 'controls')!.hidden).to.equal(true);
  });
});

describe('connection facts and pause state', () => {
  const api = useSandboxWorker();

  it('lists connectionInfo text, numbers and yes/no as facts, and leaves out objects, empties and markup', async () => {
    const seed = seedWith((s) => {
      greenfield(s, SEED.xero).connectionInfo = {
        tenantName: 'Greenfield Bakery (UK)',
        accountingCurrency: 'GBP',
        multiCurrency: true,
        organisationCount: 2,
        nested: { a: 1 },
        empty: '  ',
        hostile: '<img src=x onerror="window.__pwned=1">',
        long: 'x'.repeat(500),
      };
    });
    const { token } = await api.fresh({ seed });
    const detail = await mountDetail(token, SEED.xero);
    expect(facts(detail).slice(4)).to.deep.equal([
      ['Tenant name', 'Greenfield Bakery (UK)'],
      ['Accounting currency', 'GBP'],
      ['Multi currency', 'Yes'],
      ['Organisation count', '2'],
      ['Hostile', '<img src=x onerror="window.__pwned=1">'],
      ['Long', `${'x'.repeat(200)}…`],
    ]);
    expect(part(detail, 'facts')!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(detail).to.be.accessible();
  });

  it('shows a paused QuickBooks Desktop connection as paused, with the pause control and no refresh', async () => {
    const until = '2099-01-01T12:00:00Z';
    const seed = seedWith((s) => {
      const qbd = greenfield(s, SEED.quickbooksDesktop);
      qbd.status = 'Linked';
      qbd.connectionInfo = { syncsPausedAt: '2026-03-01T09:00:00Z', syncsPausedUntil: until };
    });
    const { token } = await api.fresh({ seed });
    const detail = await mountDetail(token, SEED.quickbooksDesktop);
    const shownUntil = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(until),
    );
    expect(facts(detail)).to.deep.include(['Syncs', `Paused until ${shownUntil}`]);
    expect(facts(detail).map(([label]) => label)).to.not.include('Syncs paused at');
    expect(text(part(detail, 'refresh'))).to.equal(
      'Syncs are paused, so no data can be refreshed. Resume them to refresh.',
    );
    expect(part(detail, 'refresh-button')).to.equal(null);
    const control = detail.shadowRoot!.querySelector('codat-sync-pause')!;
    await control.updateComplete;
    expect(text(control.shadowRoot!.querySelector('[part="state"]'))).to.equal(`Syncs are paused until ${shownUntil}.`);
    expect(text(control.shadowRoot!.querySelector('[part="resume-button"]'))).to.equal('Resume syncs');
    await expect(detail).to.be.accessible();
  });

  it('does not claim a pause that has lapsed or cannot be read', async () => {
    const seed = seedWith((s) => {
      const qbd = greenfield(s, SEED.quickbooksDesktop);
      qbd.status = 'Linked';
      qbd.connectionInfo = { syncsPausedAt: '2026-03-01T09:00:00Z', syncsPausedUntil: '2026-03-01T10:00:00Z' };
      greenfield(s, SEED.xero).connectionInfo = { syncsPausedAt: '2026-03-01T09:00:00Z', syncsPausedUntil: 'soon' };
    });
    const { token } = await api.fresh({ seed });
    const detail = await mountDetail(token, SEED.quickbooksDesktop);
    expect(facts(detail).map(([label]) => label)).to.not.include('Syncs');
    expect(part(detail, 'refresh-button')).to.not.equal(null);
    const control = detail.shadowRoot!.querySelector('codat-sync-pause')!;
    await control.updateComplete;
    expect(text(control.shadowRoot!.querySelector('[part="state"]'))).to.equal('Syncs run as scheduled.');
    detail.connectionId = SEED.xero;
    await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'Xero');
    expect(facts(detail).map(([label]) => label)).to.not.include('Syncs');
  });
});

describe('codat-sync-pause (QuickBooks Desktop)', () => {
  const api = useSandboxWorker();

  const control = (detail: CodatConnectionDetail) => detail.shadowRoot!.querySelector('codat-sync-pause')!;
  const inControl = (detail: CodatConnectionDetail, name: string) =>
    control(detail).shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

  it('pauses for a chosen period by keyboard, shows it everywhere, and resumes', async () => {
    const { token, companyId } = await api.fresh({ companyId: OAKRIDGE_ID });
    const detail = await mountDetail(token, SEED.oakridgeQuickbooksDesktop);
    await control(detail).updateComplete;
    expect(text(inControl(detail, 'state'))).to.equal('Syncs run as scheduled.');
    const paused = collectEvents<{ connectionId: string; pausedUntil: string | null }>('codat-sync-pause');
    const resumed = collectEvents<unknown>('codat-sync-resume');
    try {
      const select = inControl(detail, 'duration') as HTMLSelectElement;
      expect([...select.options].map((o) => o.text)).to.deep.equal([
        '1 hour',
        '4 hours',
        '24 hours',
        'Until I resume them',
      ]);
      select.focus();
      await sendKeys({ press: 'ArrowDown' });
      select.dispatchEvent(new Event('change'));
      await control(detail).updateComplete;
      await expect(detail).to.be.accessible();
      const before = Date.now();
      inControl(detail, 'pause-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text(inControl(detail, 'state')).startsWith('Syncs are paused until'), 'paused');

      const put = api.requests.find((r) => r.method === 'PUT')!;
      expect(put.url.pathname).to.equal(
        `${BASE_URL}/companies/${companyId}/connections/${SEED.oakridgeQuickbooksDesktop}/syncPause`,
      );
      const body = JSON.parse(await put.bodyText) as { pausedUntil: string };
      const hours = (Date.parse(body.pausedUntil) - before) / 3_600_000;
      expect(hours).to.be.within(3.99, 4.01);
      expect(paused.seen).to.have.length(1);
      expect(paused.seen[0]!.connectionId).to.equal(SEED.oakridgeQuickbooksDesktop);
      expect(Date.parse(paused.seen[0]!.pausedUntil!)).to.equal(Date.parse(body.pausedUntil));
      await waitUntil(() => facts(detail).some(([label]) => label === 'Syncs'), 'paused fact');
      expect(part(detail, 'refresh-button'), 'no refresh while paused').to.equal(null);
      const live = control(detail).shadowRoot!.querySelector('[role="status"]')!;
      expect(text(live)).to.match(/^Syncs are paused until /);
      await expect(detail).to.be.accessible();

      inControl(detail, 'resume-button')!.click();
      await waitUntil(() => text(inControl(detail, 'state')) === 'Syncs run as scheduled.', 'resumed');
      expect(api.requests.filter((r) => r.method === 'DELETE').map((r) => r.url.pathname)).to.deep.equal([
        put.url.pathname,
      ]);
      expect(resumed.seen).to.deep.equal([{ connectionId: SEED.oakridgeQuickbooksDesktop }]);
      expect(text(live)).to.equal('Syncs resumed.');
      expect(facts(detail).map(([label]) => label)).to.not.include('Syncs');
      expect(part(detail, 'refresh-button')).to.not.equal(null);
    } finally {
      paused.stop();
      resumed.stop();
    }
  });

  it('pauses until resumed', async () => {
    const { token } = await api.fresh({ companyId: OAKRIDGE_ID });
    const detail = await mountDetail(token, SEED.oakridgeQuickbooksDesktop);
    await control(detail).updateComplete;
    expect(await control(detail).pause(SEED.oakridgeQuickbooksDesktop, null)).to.equal(true);
    await control(detail).updateComplete;
    expect(text(inControl(detail, 'state'))).to.equal('Syncs are paused until you resume them.');
    await waitUntil(() => facts(detail).some(([, value]) => value === 'Paused until resumed'), 'fact');
  });

  it('keeps the connection as it was and says why when the API refuses the pause', async () => {
    const { token } = await api.fresh({ companyId: OAKRIDGE_ID });
    api.use(
      http.put(
        `${BASE_URL}/companies/:companyId/connections/:connectionId/syncPause`,
        () => HttpResponse.json(errorBody('The connector is offline.', 'corr-pause', 503), { status: 503 }),
        { once: true },
      ),
    );
    const errors = collectEvents<{ operation: string; errorCode: number | null }>('codat-error');
    const paused = collectEvents<unknown>('codat-sync-pause');
    try {
      const detail = await mountDetail(token, SEED.oakridgeQuickbooksDesktop);
      await control(detail).updateComplete;
      inControl(detail, 'pause-button')!.click();
      await waitUntil(() => !!inControl(detail, 'error'), 'error shown');
      expect(text(inControl(detail, 'error'))).to.contain('The connector is offline.');
      expect(text(inControl(detail, 'state'))).to.equal('Syncs run as scheduled.');
      expect(errors.seen.map((e) => [e.operation, e.errorCode])).to.deep.equal([['pauseSyncs', 503]]);
      expect(paused.seen).to.deep.equal([]);
      await expect(detail).to.be.accessible();
    } finally {
      errors.stop();
      paused.stop();
    }
  });
});
