/**
 * The CMS widget: docs/EMBEDDING.md's one script and one tag, pasted into host pages (same-origin iframes) in every
 * order a CMS produces, against the sandbox. The bundle (dist/codat-connections.js) is what a CMS loads.
 */
import { expect } from '@open-wc/testing';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { snippet } from './support/docs.js';
import { hostPage, type HostPage } from './support/host-page.js';
import { part, parts, text } from './support/dom.js';

const BUNDLE = '/dist/codat-connections.js';
const TAGS = [
  'codat-connections-provider',
  'codat-connection-list',
  'codat-connection-detail',
  'codat-disconnect-confirm',
  'codat-sync-pause',
  'codat-connections',
];

/** The doc's snippet as a page would have it, split into its style, script and tag, for this test's sandbox. */
async function cmsSnippet(token: string) {
  const markup = (await snippet('cms'))
    .replace('https://your-cdn.example/codat-connections.js', BUNDLE)
    .replace('base-url="/codat"', `base-url="${BASE_URL}"`)
    .replace('{{ company_access_token }}', token);
  const style = /<style>[\s\S]*<\/style>/.exec(markup)![0];
  const script = /<script [^>]*><\/script>/.exec(markup)![0];
  const tag = /<codat-connections [\s\S]*<\/codat-connections>/.exec(markup)![0];
  return { style, script, tag };
}

/** The list inside the page's `<codat-connections>`, once it shows the company's eight connections. */
async function listShown(page: HostPage) {
  const el = page.doc.querySelector('codat-connections')!;
  await waitUntil(() => el.shadowRoot?.querySelector('codat-connection-list') != null, 'composite rendered');
  const list = el.shadowRoot!.querySelector('codat-connection-list')!;
  await waitUntil(() => parts(list, 'item-button').length === 8, 'eight connections listed');
  return { el, list };
}

const kitWarnings = (page: HostPage) => page.warnings.filter((w) => w.startsWith('codat-connections-kit:'));

describe('CMS widget (docs/EMBEDDING.md, one script and one tag)', () => {
  const api = useSandboxWorker();
  const pages: HostPage[] = [];
  const open = async () => {
    const page = await hostPage();
    pages.push(page);
    return page;
  };
  afterEach(() => {
    for (const page of pages.splice(0)) page.frame.remove();
  });

  it('works with the script before the tag', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    await page.add(style + script);
    expect(page.win.customElements.get('codat-connections')).to.be.a('function');
    await page.add(tag);
    const { el } = await listShown(page);
    expect(el.hasAttribute('access-token'), 'token taken out of the markup').to.equal(false);
    expect(page.errors).to.deep.equal([]);
  });

  it('works with the script after the tag: the tag already on the page is upgraded', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    await page.add(style + tag);
    expect(page.doc.querySelector('codat-connections')!.matches(':defined')).to.equal(false);
    await page.add(script);
    const { el } = await listShown(page);
    expect(el.matches(':defined')).to.equal(true);
    expect(page.errors).to.deep.equal([]);
  });

  it('works when the tag is inserted later by a script, into content already shown', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    await page.add(`${style}${script}<section><h2>Your account</h2><p>Details.</p></section>`);
    const section = page.doc.querySelector('section')!;
    await page.add(tag, section);
    await listShown(page);
    expect(page.errors).to.deep.equal([]);
  });

  it('honours properties set before the element is defined', async () => {
    const { token } = await api.fresh();
    const { style, script } = await cmsSnippet(token);
    const page = await open();
    await page.add(`${style}<codat-connections base-url="${BASE_URL}" hide-close></codat-connections>`);
    const early = page.doc.querySelector('codat-connections')!;
    // What a host script does before the CDN script has arrived.
    early.accessToken = token;
    early.heading = 'Apps you connected';
    early.text = { 'accounting.connectionDetails.dataTypes': ['Invoices and bills'] };
    await page.add(script);
    const { el, list } = await listShown(page);
    expect(text(part(el, 'heading'))).to.equal('Apps you connected');
    const xero = parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === 'Xero')!;
    xero.click();
    const detail = el.shadowRoot!.querySelector('codat-connection-detail')!;
    await waitUntil(() => text(part(detail, 'shared-data')).includes('Invoices and bills'), 'text option used');
  });

  it('runs once when the same script is included twice, with no warning', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    await page.add(style + script + tag + script);
    await listShown(page);
    expect(kitWarnings(page)).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });

  it('survives two different copies of the script: no error, one console warning, first definitions kept', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    await page.add(style + script + tag);
    const first = page.win.customElements.get('codat-connections');
    await page.add(script.replace(BUNDLE, `${BUNDLE}?from=another-plugin`));
    expect(page.win.customElements.get('codat-connections')).to.equal(first);
    expect(kitWarnings(page)).to.have.length(1);
    for (const tagName of TAGS) expect(kitWarnings(page)[0]).to.include(`<${tagName}>`);
    await listShown(page);
    expect(page.errors).to.deep.equal([]);
  });

  it('works beside the page’s own copy of Lit, and leaves it working', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    // The host's own component, on the Lit it installed (a second copy: the bundle has its own inside).
    await page.add(
      '<script type="module" src="/test/pages/host-lit-element.js"></script><host-greeting></host-greeting>',
    );
    const greeting = page.doc.querySelector('host-greeting')!;
    await waitUntil(() => text(greeting.shadowRoot?.querySelector('p')) === 'Hello from the host', 'host Lit renders');
    await page.add(style + script + tag);
    await listShown(page);
    (greeting as HTMLElement & { name: string }).name = 'again';
    await waitUntil(() => text(greeting.shadowRoot?.querySelector('p')) === 'Hello from again', 'host Lit updates');
    expect(page.errors).to.deep.equal([]);
  });

  it('does not move the page while loading: the reserved box is the defined element’s box', async () => {
    const { token } = await api.fresh();
    const { style, script, tag } = await cmsSnippet(token);
    const page = await open();
    await page.add(`${style}<h1>Settings</h1>${tag}<p id="below">Below the widget</p>`);
    const el = page.doc.querySelector('codat-connections')!;
    const below = page.doc.querySelector('#below')!;
    const before = { box: el.getBoundingClientRect().toJSON(), below: below.getBoundingClientRect().top };
    expect(before.box.height, 'space reserved').to.be.greaterThan(400);
    await page.add(script);
    await listShown(page);
    expect(el.getBoundingClientRect().toJSON()).to.deep.equal(before.box);
    expect(below.getBoundingClientRect().top).to.equal(before.below);
  });
});
