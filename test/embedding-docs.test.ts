/**
 * docs/EMBEDDING.md's runnable snippets, run as they are written (only the script URL, the API path and the token are
 * this test's): the plain HTML page with the real bundle, and the SDK drop-in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { snippet } from './support/docs.js';
import { hostPage } from './support/host-page.js';
import { part, parts, text } from './support/dom.js';

const byName = (host: Element, name: string) =>
  parts(host, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === name)!;

describe('docs/EMBEDDING.md snippets', () => {
  const api = useSandboxWorker();

  it('plain HTML: one script tag and the provider; the page’s own listener hears the disconnect', async () => {
    const { token } = await api.fresh();
    const page = await hostPage(900, 1000);
    try {
      const logged: string[] = [];
      page.win.console.log = (...args: unknown[]) => logged.push(args.join(' '));
      const markup = (await snippet('html'))
        .replace('https://your-cdn.example/codat-connections.js', '/dist/codat-connections.js')
        .replace('base-url="/codat"', `base-url="${BASE_URL}"`)
        .replace('{{ company_access_token }}', token);
      await page.add(markup);
      const list = page.doc.querySelector('codat-connection-list')!;
      await waitUntil(() => parts(list, 'item-button').length === 8, 'eight connections listed');
      byName(list, 'HSBC').click();
      const detail = page.doc.querySelector('codat-connection-detail')!;
      await waitUntil(() => !!part(detail, 'disconnect-button'), 'HSBC details');
      part(detail, 'disconnect-button')!.click();
      const confirm = page.doc.querySelector('codat-disconnect-confirm')!;
      await waitUntil(() => confirm.shadowRoot!.querySelector('dialog')?.open === true, 'confirm open');
      part(confirm, 'confirm-button')!.click();
      await waitUntil(() => logged.length > 0, 'the snippet’s listener ran');
      expect(logged).to.deep.equal([`Unlinked ${SEED.hsbc}`]);
      expect(page.errors).to.deep.equal([]);
    } finally {
      page.frame.remove();
    }
  });

  it('SDK: the one-line import change, and the snippet runs as written', async () => {
    const [diff, code] = await Promise.all([snippet('sdk-diff'), snippet('sdk')]);
    const added = diff
      .split('\n')
      .find((line) => line.startsWith('+ '))!
      .slice(2);
    expect(code.split('\n')[0], 'the snippet starts with the new import').to.equal(added);

    const { token } = await api.fresh();
    const panel = await fixture<HTMLDivElement>(html`<div id="codat" lang="en-GB"></div>`);
    const refreshed: string[] = [];
    const reported: string[] = [];
    Object.assign(globalThis, {
      snippetContext: {
        accessToken: token,
        refresh: (id: string) => refreshed.push(id),
        report: (message: string) => reported.push(message),
      },
    });
    const source =
      'const { accessToken, refresh, report } = globalThis.snippetContext;\n' +
      code
        .replace("from 'codat-connections-kit/sdk'", `from '${new URL('/src/sdk.ts', location.href).href}'`)
        .replace("baseUrl: '/codat'", `baseUrl: '${BASE_URL}'`);
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      await import(/* @vite-ignore */ url);
    } finally {
      URL.revokeObjectURL(url);
    }
    const el = panel.querySelector('codat-connections')!;
    expect(el, 'rendered into #codat').to.not.equal(null);
    const list = el.shadowRoot!.querySelector('codat-connection-list')!;
    await waitUntil(() => parts(list, 'item-button').length === 8, 'eight connections listed');
    byName(list, 'Xero').click();
    const detail = el.shadowRoot!.querySelector('codat-connection-detail')!;
    await waitUntil(() => text(part(detail, 'shared-data')).includes('Invoices'), 'options.text shown');
    part(detail, 'disconnect-button')!.click();
    const confirm = el.shadowRoot!.querySelector('codat-disconnect-confirm')!;
    await waitUntil(() => confirm.shadowRoot!.querySelector('dialog')?.open === true, 'confirm open');
    part(confirm, 'confirm-button')!.click();
    await waitUntil(() => refreshed.length === 1, 'onDisconnect called');
    expect(refreshed).to.deep.equal([SEED.xero]);
    part(el, 'close-button')!.click();
    expect(panel.querySelector('codat-connections'), 'onClose destroyed it').to.equal(null);
    expect(reported).to.deep.equal([]);
  });
});
