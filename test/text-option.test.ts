/** The `text` option (Codat SDK shape): what a connection shares, as safe Markdown, in the detail and the confirms. */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { CodatConnectionDetail, CodatConnectionsProvider, CodatDisconnectConfirm } from '../src/index.js';
import { SEED, BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, text } from './support/dom.js';

const TEXT = {
  'accounting.connectionDetails.dataTypes': [
    '**Invoices** and bills',
    'Your [chart of accounts](https://example.com/coa)',
    '<img src=x onerror="window.__pwned = 1"> [x](javascript:window.__pwned=2)',
  ],
  'banking.connectionDetails.dataTypes': ['Balances and _transactions_'],
};

async function mountPage(token: string, connectionId: string, textAttribute: string) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connections-provider
        base-url=${BASE_URL}
        .accessToken=${token}
        selected-connection-id=${connectionId}
        text=${textAttribute}
      >
        <codat-connection-detail></codat-connection-detail>
        <codat-disconnect-confirm></codat-disconnect-confirm>
      </codat-connections-provider>
    </div>`,
  );
  const provider = wrapper.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  const confirm = wrapper.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
  await waitUntil(() => !!part(detail, 'title'), 'detail shown');
  return { provider, detail, confirm };
}

function captureWarnings() {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
  return { warnings, restore: () => (console.warn = original) };
}

describe('text option', () => {
  const api = useSandboxWorker();

  it('shows what an accounting connection shares, as safe Markdown, in the detail and before a disconnect', async () => {
    const { token } = await api.fresh();
    const { detail, confirm } = await mountPage(token, SEED.xero, JSON.stringify(TEXT));
    const shared = part(detail, 'shared-data')!;
    expect(text(shared.querySelector('.shared-data-title'))).to.equal('Xero shares with this app:');
    const items = [...shared.querySelectorAll('li')];
    expect(items.map((li) => text(li))).to.deep.equal([
      'Invoices and bills',
      'Your chart of accounts',
      '<img src=x onerror="window.__pwned = 1"> x',
    ]);
    expect(items[0]!.querySelector('strong')?.textContent).to.equal('Invoices');
    const link = items[1]!.querySelector('a')!;
    expect([link.href, link.rel, link.target]).to.deep.equal([
      'https://example.com/coa',
      'noopener noreferrer',
      '_blank',
    ]);
    expect(items[2]!.querySelector('img, a'), 'hostile input is text').to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(detail).to.be.accessible();

    part(detail, 'disconnect-button')!.click();
    await waitUntil(() => confirm.open, 'confirm open');
    await confirm.updateComplete;
    const listed = part(confirm, 'shared-data')!;
    expect(text(listed.querySelector('.shared-data-title'))).to.equal('Xero shares with this app:');
    expect([...listed.querySelectorAll('li')].map((li) => text(li))).to.deep.equal(items.map((li) => text(li)));
    await expect(confirm).to.be.accessible();
    confirm.close();
    await confirm.updateComplete;

    confirm.show(SEED.xero, 'delete');
    await confirm.updateComplete;
    expect(part(confirm, 'shared-data'), 'a delete says what is lost, not what is shared').to.equal(null);
    confirm.close();
  });

  it('uses the list of the connection’s source type, and shows the same list before a reconnect', async () => {
    const { token } = await api.fresh();
    const { provider, detail, confirm } = await mountPage(token, SEED.hsbc, JSON.stringify(TEXT));
    expect(text(part(detail, 'shared-data'))).to.equal('HSBC shares with this app: Balances and transactions');
    expect(part(detail, 'shared-data')!.querySelector('em')?.textContent).to.equal('transactions');

    provider.selectedConnectionId = SEED.shopify;
    await waitUntil(() => text(part(detail, 'title')) === 'Shopify', 'Shopify');
    expect(part(detail, 'shared-data'), 'no commerce list given').to.equal(null);

    provider.selectedConnectionId = SEED.quickbooksDesktop;
    await waitUntil(() => text(part(detail, 'title')) === 'QuickBooks Desktop', 'QuickBooks Desktop');
    part(detail, 'reconnect-button')!.click();
    await waitUntil(() => confirm.open, 'confirm open');
    await confirm.updateComplete;
    expect(text(part(confirm, 'shared-data'))).to.contain(
      'QuickBooks Desktop shares with this app: Invoices and bills',
    );
    confirm.close();
  });

  it('ignores invalid JSON and unknown keys with a console warning, and keeps the kit working', async () => {
    const { token } = await api.fresh();
    const capture = captureWarnings();
    try {
      const bad = await mountPage(token, SEED.xero, '{"accounting.connectionDetails.dataTypes": [');
      expect(part(bad.detail, 'shared-data')).to.equal(null);
      expect(text(part(bad.detail, 'title'))).to.equal('Xero');
      const odd = await mountPage(
        token,
        SEED.xero,
        JSON.stringify({
          'accounting.connectionDetails.dataTypes': 'Only invoices',
          'nope.key': ['x'],
          'banking.connectionDetails.dataTypes': 7,
        }),
      );
      expect(text(part(odd.detail, 'shared-data'))).to.equal('Xero shares with this app: Only invoices');
      expect(capture.warnings).to.include('The text attribute is not valid JSON; it was ignored.');
      expect(capture.warnings.some((w) => w.includes('unknown key "nope.key"'))).to.equal(true);
      expect(
        capture.warnings.some((w) => w.includes('"banking.connectionDetails.dataTypes" must be a string or an array')),
      ).to.equal(true);
    } finally {
      capture.restore();
    }
  });
});
