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
    expect(warnings.filter((w) => w.includes('already defined'))).to.have.length(TAGS.length);
  });
});
