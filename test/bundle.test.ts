/**
 * The self-contained bundle a plain HTML page or CMS loads with one script tag (built by `npm run build`,
 * which `npm test` runs before the browser tests). Only this file imports it; every other test uses the source.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { parts, text } from './support/dom.js';

const BUNDLE = '/dist/codat-connections.js';
const TAGS = [
  'codat-connections-provider',
  'codat-connection-list',
  'codat-connection-detail',
  'codat-disconnect-confirm',
  'codat-sync-pause',
  'codat-integration-picker',
  'codat-connections',
];

async function loadBundle(query = ''): Promise<void> {
  const url = BUNDLE + query;
  const response = await fetch(url, { method: 'HEAD' });
  if (!response.ok) throw new Error(`${BUNDLE} is missing: run npm run build before the browser tests`);
  await import(/* @vite-ignore */ url);
}

describe('dist/codat-connections.js', () => {
  const api = useSandboxWorker();

  it('defines every element and lists connections from attributes alone', async () => {
    await loadBundle();
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
    const { token } = await api.fresh();
    const provider = await fixture(html`
      <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
        <codat-connection-list></codat-connection-list>
      </codat-connections-provider>
    `);
    const list = provider.querySelector('codat-connection-list')!;
    await waitUntil(() => parts(list, 'name').length === 8, 'eight connections listed');
    expect(parts(list, 'name').map(text)).to.include.members(['Xero', 'HSBC', 'Shopify']);
  });

  it('loads a language other than English from dist/locales/, beside itself, only when an element speaks it', async () => {
    await loadBundle();
    // The page has loaded hundreds of test modules: make room in the resource timing buffer for what follows.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(1000);
    const loaded = (locale: string) =>
      performance
        .getEntriesByType('resource')
        .some((entry) => new URL(entry.name).pathname.startsWith(`/dist/locales/${locale}-`));
    expect(loaded('fr'), 'nothing French yet').to.equal(false);
    const { token } = await api.fresh();
    const provider = await fixture(html`
      <codat-connections-provider base-url=${BASE_URL} access-token=${token} locale="fr">
        <codat-connection-list></codat-connection-list>
      </codat-connections-provider>
    `);
    const list = provider.querySelector('codat-connection-list')!;
    await waitUntil(() => parts(list, 'group-heading').map(text)[0] === 'Comptabilité', 'French headings');
    expect(loaded('fr')).to.equal(true);
    expect(loaded('de'), 'only the language asked for').to.equal(false);
  });

  it('survives being included twice on one page, with a console warning and the first definitions kept', async () => {
    await loadBundle();
    const first = customElements.get('codat-connection-list');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await loadBundle('?second-copy');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('codat-connection-list')).to.equal(first);
    const kit = warnings.filter((w) => w.includes('already defined'));
    expect(kit, 'one warning').to.have.length(1);
    for (const tag of TAGS) expect(kit[0]).to.include(`<${tag}>`);
  });
});
