/**
 * Issue 5, item 5: every flow of the kit under
 * `default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html`
 * with 0 violations.
 *
 * The page is demo/csp/index.html, served under /csp/ by demo/csp/server.ts through web-test-runner's middleware
 * (web-test-runner.config.mjs) with that Content-Security-Policy header, and loaded here in an iframe: the iframe's
 * document gets the policy from its own response (this test page has none). The sandbox answers from the same
 * origin over HTTP (/csp/api/), not through msw's service worker, whose registration needs a TrustedScriptURL. The
 * page's own script (demo/csp/page.js, a file) records every `securitypolicyviolation` in
 * `codatCspViolations`. Each case ends by asking for an image from another origin, which the policy blocks: once
 * that report has arrived, every earlier one has too, and it proves the policy is in force on the page checked.
 *
 * The elements come from dist/codat-connections.js (`npm run build:bundle`; `npm test` builds it first), with its
 * locales from dist/locales/, and in one case from the sources through the esbuild plugin, with Lit's development
 * build. Firefox ESR 140 enforces the CSP but not Trusted Types (it has no `trustedTypes`): there the Trusted Types
 * checks are skipped and said so, and the other assertions hold in both browsers.
 *
 * Flows are driven as a person does, by clicking controls found by their accessible names inside the iframe's
 * shadow roots. Following a sign-in link is a real click whose navigation the test holds; authorizing on the
 * sandbox's link page is the request its form sends, and coming back is the window's focus event.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GREENFIELD_ID, SEED_CONNECTION_IDS as SEED } from '../src/sandbox/index.js';
import { waitUntil } from './support/sandbox.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  sourceFile: string;
  line: number;
}

type CspWindow = Window & typeof globalThis & { codatCspViolations: Violation[] };

interface CspPage {
  frame: HTMLIFrameElement;
  win: CspWindow;
  doc: Document;
  /** Every codat-* event that reached the page's document, in order: `type` and `detail`. */
  events: { type: string; detail: unknown }[];
}

const EVENTS = [
  'codat-close',
  'codat-connection-select',
  'codat-disconnect',
  'codat-delete',
  'codat-delete-request',
  'codat-disconnect-request',
  'codat-reconnect',
  'codat-refresh',
  'codat-sync-pause',
  'codat-sync-resume',
  'codat-connect',
  'codat-error',
  'codat-token-expired',
];

/** Text as a person reads it: white space folded, and without the invisible bidi isolates the kit puts around names. */
const fold = (value: string) =>
  value
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Every element under `root` matching `selector`, looking inside open shadow roots. */
function deepAll(root: ParentNode, selector: string): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.matches(selector)) found.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  const own = (root as Element).shadowRoot;
  if (own) walk(own);
  walk(root);
  return found;
}

/** The accessible name of a control named by `aria-label` or its content (without `aria-hidden` subtrees). */
function nameOf(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label) return fold(label);
  const words: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (element.getAttribute('aria-hidden') === 'true') return;
      if (element.localName === 'img') return void words.push(element.getAttribute('alt') ?? '');
      if (element.localName === 'slot') {
        for (const assigned of (element as HTMLSlotElement).assignedNodes()) walk(assigned);
        return;
      }
    }
    if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
    else for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return fold(words.join(''));
}

const CONTROLS = 'button, a[href], [role="button"], select, input';

/** The visible, enabled control under `root` whose accessible name matches, or undefined. */
function control(root: ParentNode, name: string | RegExp): HTMLElement | undefined {
  const matches = (value: string) => (typeof name === 'string' ? value === name : name.test(value));
  return deepAll(root, CONTROLS).find(
    (el) =>
      matches(nameOf(el)) &&
      el.getClientRects().length > 0 &&
      !el.hasAttribute('disabled') &&
      el.getAttribute('aria-disabled') !== 'true',
  ) as HTMLElement | undefined;
}

/** Waits for the control and clicks it. */
async function press(root: ParentNode, name: string | RegExp): Promise<HTMLElement> {
  await waitUntil(() => !!control(root, name), `a control named ${name}`, 10000);
  const el = control(root, name)!;
  el.click();
  return el;
}

interface AxeResults {
  violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/**
 * `expect(el).to.be.accessible()` for an element of the page: axe-core has to run in the element's own window (it
 * checks nodes with that window's classes), so the page loads it (web-test-runner.config.mjs), and this runs it
 * there and fails with the same details.
 */
async function accessible(page: CspPage | undefined, el: Element): Promise<void> {
  const axe = (page!.win as unknown as { axe: { run(el: Element): Promise<AxeResults> } }).axe;
  const { violations } = await axe.run(el);
  const report = violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('; ')})`,
  );
  expect(report, `axe on <${el.localName}>`).to.deep.equal([]);
}

const shadow = (host: Element, selector: string) => host.shadowRoot!.querySelector<HTMLElement>(selector);
const partText = (host: Element, name: string) => fold(shadow(host, `[part="${name}"]`)?.textContent ?? '');

const listed = (doc: Document) =>
  !!doc.querySelector('codat-connection-list')?.shadowRoot?.querySelector('[part="item-button"]');

/** The demo page's kit elements, and the confirm's dialog. */
function kitOf(doc: Document) {
  const confirm = doc.querySelector('codat-disconnect-confirm')!;
  return {
    list: doc.querySelector('codat-connection-list')!,
    detail: doc.querySelector('codat-connection-detail')!,
    confirm,
    dialog: confirm.shadowRoot!.querySelector('dialog')!,
  };
}

async function openPage(kit: 'bundle' | 'source' = 'bundle', query = '', waitForList = true): Promise<CspPage> {
  expect((await fetch('/csp/reset', { method: 'POST' })).status, 'a fresh sandbox').to.equal(204);
  const frame = document.createElement('iframe');
  frame.title = 'The strict-CSP demo page';
  frame.width = '1200';
  frame.height = '1000';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/csp/?kit=${kit}${query}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as CspWindow;
  const doc = frame.contentDocument!;
  expect(win.codatCspViolations, 'the page’s own script ran').to.be.an('array');
  const events: CspPage['events'] = [];
  for (const type of EVENTS)
    doc.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  // Following a link stays on the page (the kit's own click handling still runs): the sign-in page is elsewhere.
  doc.addEventListener('click', (event) => {
    if ((event.composedPath()[0] as Element).closest?.('a[href]')) event.preventDefault();
  });
  if (waitForList) await waitUntil(() => listed(doc), 'the list shows connections', 10000);
  return { frame, win, doc, events };
}

let markers = 0;

/**
 * Asks for an image from another origin, which the policy blocks (`img-src` falls back to `default-src 'self'`)
 * and reports; once that report is in, every earlier one is too. Expects it to be the only one, and removes the
 * frame. (The marker is an image, with an address of its own, so that it can never stand for, or be merged with, a
 * report of the kit's.)
 */
async function expectNoViolations(page: CspPage): Promise<void> {
  const { doc, win } = page;
  const marker = doc.createElement('img');
  marker.alt = '';
  marker.src = `https://blocked.invalid/marker-${++markers}.png`;
  doc.body.append(marker);
  const isMarker = (v: Violation) => v.directive === 'img-src' && v.blockedURI.startsWith('https://blocked.invalid');
  await waitUntil(() => win.codatCspViolations.some(isMarker), 'the marker image is reported');
  expect(
    win.codatCspViolations.filter((v) => !isMarker(v)),
    'CSP violations',
  ).to.deep.equal([]);
  expect(win.codatCspViolations, 'only the marker').to.have.length(1);
  page.frame.remove();
}

/** Comes back to the page after signing in elsewhere (the kit listens from the task after the click). */
async function comeBack(page: CspPage): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  page.win.dispatchEvent(new page.win.Event('focus'));
}

/** What the sandbox's link page form sends when the person authorizes. */
async function authorize(linkUrl: string): Promise<void> {
  const response = await fetch(linkUrl.replace(/\/start$/, '/authorize'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ outcome: 'authorize' }),
  });
  expect(response.status, 'authorized on the link page').to.equal(200);
}

describe('strict CSP (demo/csp/)', function () {
  this.timeout(40000);

  let page: CspPage | undefined;
  afterEach(() => {
    page?.frame.remove();
    page = undefined;
  });

  it('enforces the policy: an injected inline script, inline style and style attribute are blocked and reported', async () => {
    page = await openPage();
    const { doc, win } = page;
    const violations = win.codatCspViolations;

    const style = doc.createElement('style');
    style.textContent = 'body { outline: 5px solid red }';
    doc.head.append(style);
    await waitUntil(() => violations.some((v) => v.directive === 'style-src-elem'), 'inline <style> reported');
    expect(win.getComputedStyle(doc.body).outlineStyle).to.equal('none');

    const marker = doc.createElement('p');
    marker.setAttribute('style', 'color: rgb(255, 0, 0)');
    doc.body.append(marker);
    await waitUntil(() => violations.some((v) => v.directive === 'style-src-attr'), 'style attribute reported');
    expect(win.getComputedStyle(marker).color).not.to.equal('rgb(255, 0, 0)');

    const script = doc.createElement('script');
    const ran = () => (win as unknown as { injectedRan?: boolean }).injectedRan === true;
    if ('trustedTypes' in win) {
      // Chromium: Trusted Types refuse the script's text itself, before the CSP would.
      expect(() => (script.textContent = 'window.injectedRan = true')).to.throw(/TrustedScript/);
      await waitUntil(
        () => violations.some((v) => v.directive === 'require-trusted-types-for'),
        'untrusted script text reported',
      );
      // An HTML sink refuses a string too, and no policy but lit-html may be created.
      const div = doc.createElement('div');
      expect(() => (div.innerHTML = '<img src="x" onerror="window.injectedRan = true">')).to.throw(/TrustedHTML/);
      const trustedTypes = (win as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } })
        .trustedTypes;
      expect(() => trustedTypes.createPolicy('injected', { createHTML: (s: string) => s })).to.throw();
      await waitUntil(() => violations.some((v) => v.directive === 'trusted-types'), 'unknown policy reported');
    } else {
      // Firefox ESR 140 does not enforce Trusted Types; script-src blocks the inline script.
      script.textContent = 'window.injectedRan = true';
      doc.body.append(script);
      await waitUntil(() => violations.some((v) => v.directive === 'script-src-elem'), 'inline script reported');
    }
    expect(ran(), 'the injected script did not run').to.equal(false);
  });

  it('bundle: list, detail with what it shares, refresh with progress, and a language loaded on demand', async () => {
    page = await openPage();
    const { doc } = page;
    const { list, detail } = kitOf(doc);
    expect(deepAll(list, '[part="item-button"]').length).to.be.greaterThan(3);
    await accessible(page, doc.body);
    // The sandbox's logos are images from this origin: `img-src` falls back to `default-src 'self'`.
    await waitUntil(
      () => deepAll(list, 'img[part~="logo"]').some((img) => (img as HTMLImageElement).naturalWidth > 0),
      'a logo loaded',
      10000,
    );
    await accessible(page, list);

    await press(list, /^Xero\b/);
    await waitUntil(() => partText(detail, 'title') === 'Xero', 'Xero details');
    expect(shadow(detail, '[part="shared-data"] strong')?.textContent, 'the text option as Markdown').to.equal(
      'Invoices',
    );
    await accessible(page, detail);

    await press(detail, /^Refresh data\b/);
    await waitUntil(() => page!.events.some((e) => e.type === 'codat-refresh'), 'refresh accepted');
    await waitUntil(() => !!shadow(detail, '[part="sync-progress"]'), 'sync progress shown');
    await accessible(page, detail);
    // The sandbox finishes the reads; the detail re-reads the connection and shows the finished state, under the policy.
    await waitUntil(() => !shadow(detail, '[part="sync-progress"]'), 'sync finished', 30000);
    await accessible(page, detail);

    const locale = doc.querySelector<HTMLSelectElement>('#locale')!;
    locale.value = 'fr';
    locale.dispatchEvent(new Event('change'));
    await waitUntil(() => !!control(detail, /^Actualiser/), 'the detail speaks French', 10000);
    await waitUntil(() => /Connectée|Liée/.test(fold(list.shadowRoot!.textContent ?? '')), 'the list speaks French');
    await accessible(page, detail);
    expect(page.events.filter((e) => e.type === 'codat-error')).to.deep.equal([]);
    await expectNoViolations(page);
  });

  it('bundle: disconnect and delete, each after the confirmation', async () => {
    page = await openPage();
    const { doc } = page;
    const { list, detail, confirm, dialog } = kitOf(doc);

    await press(list, /^Xero\b/);
    // By keyboard: Enter on Disconnect, Escape cancels; then again, and confirm.
    await waitUntil(() => !!control(detail, 'Disconnect Xero'), 'Disconnect offered');
    control(detail, 'Disconnect Xero')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'confirmation open');
    expect(partText(confirm, 'title')).to.equal('Disconnect Xero?');
    await accessible(page, confirm);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'cancelled with Escape');
    expect(partText(detail, 'status')).to.equal('Linked');
    await press(detail, 'Disconnect Xero');
    await waitUntil(() => dialog.open, 'confirmation open again');
    await press(dialog, /^Disconnect/);
    await waitUntil(() => partText(detail, 'status') === 'Unlinked', 'the detail shows Unlinked');
    await waitUntil(() => !dialog.open, 'confirmation closed');
    expect(page.events.filter((e) => e.type === 'codat-disconnect')).to.deep.equal([
      { type: 'codat-disconnect', detail: { connectionId: SEED.xero } },
    ]);

    await press(detail, /^Delete\b/);
    await waitUntil(() => dialog.open, `delete confirmation open (events: ${JSON.stringify(page.events)})`);
    await accessible(page, confirm);
    await press(dialog, /^Delete/);
    await waitUntil(() => page!.events.some((e) => e.type === 'codat-delete'), 'deleted');
    await waitUntil(() => !control(list, /^Xero\b/), 'the list drops Xero');
    await accessible(page, detail);
    expect(page.events.filter((e) => e.type === 'codat-error')).to.deep.equal([]);
    await expectNoViolations(page);
  });

  it('bundle: reconnect through the sign-in link, then pause and resume syncs', async () => {
    page = await openPage();
    const { doc } = page;
    const { list, detail, confirm, dialog } = kitOf(doc);

    await press(list, /^QuickBooks Desktop\b/);
    await waitUntil(() => partText(detail, 'title') === 'QuickBooks Desktop', 'QuickBooks Desktop details');
    await press(detail, 'Reconnect QuickBooks Desktop');
    await waitUntil(() => dialog.open, 'reconnect confirmation open');
    await accessible(page, confirm);
    const link = (await press(dialog, /^Continue to QuickBooks Desktop/)) as HTMLAnchorElement;
    expect(new URL(link.href).pathname).to.equal(
      `/csp/link/companies/${GREENFIELD_ID}/connections/${SEED.quickbooksDesktop}/start`,
    );
    await waitUntil(() => !dialog.open, 'confirmation closed');
    await authorize(link.href);
    await comeBack(page);
    await waitUntil(() => partText(detail, 'status') === 'Linked', 'the detail shows Linked', 10000);

    const pause = () => detail.shadowRoot!.querySelector('codat-sync-pause')!;
    await waitUntil(() => !!detail.shadowRoot!.querySelector('codat-sync-pause'), 'the sync pause control');
    await accessible(page, detail);
    const control1 = pause();
    await press(pause(), /^Pause syncs/);
    await waitUntil(
      () => page!.events.some((e) => e.type === 'codat-sync-pause'),
      `paused (${JSON.stringify(page.events)}) same=${control1 === pause()} connected=${control1.isConnected} ${fold(pause().shadowRoot!.textContent!)}`,
    );
    await waitUntil(() => !!control(pause(), /^Resume syncs/), 'Resume offered');
    await accessible(page, detail);
    await press(pause(), /^Resume syncs/);
    await waitUntil(() => page!.events.some((e) => e.type === 'codat-sync-resume'), 'resumed');
    expect(page.events.filter((e) => e.type === 'codat-error')).to.deep.equal([]);
    await expectNoViolations(page);
  });

  it('bundle: the picker adds a connection through its sign-in link and follows its first sync', async () => {
    page = await openPage();
    const { doc } = page;
    const picker = doc.querySelector('codat-integration-picker')!;
    await waitUntil(() => !!control(picker, /^HSBC\b/), 'the platforms are listed', 10000);
    await accessible(page, picker);
    await press(picker, /^HSBC\b/);
    const link = (await press(picker, /^Continue to HSBC/)) as HTMLAnchorElement;
    await waitUntil(() => !!shadow(picker, '[part="check-button"]'), 'waiting for the person to come back');
    await accessible(page, picker);
    await authorize(link.href);
    await comeBack(page);
    await waitUntil(() => partText(picker, 'journey-title') === 'HSBC is connected', 'connected', 10000);
    await accessible(page, picker);
    expect(page.events.filter((e) => e.type === 'codat-connect')).to.have.length(1);
    expect(page.events.filter((e) => e.type === 'codat-error')).to.deep.equal([]);
    await expectNoViolations(page);
  });

  it('bundle: the one tag, with details, Back, Add a connection and Close', async () => {
    page = await openPage();
    const { doc } = page;
    const composite = doc.querySelector('codat-connections')!;
    await waitUntil(() => !!control(composite, /^Xero\b/), 'the composite lists connections', 10000);
    await accessible(page, composite);
    await press(composite, /^Xero\b/);
    const detail = composite.shadowRoot!.querySelector('codat-connection-detail')!;
    await waitUntil(() => !detail.hidden && partText(detail, 'title') === 'Xero', 'details');
    await accessible(page, composite);
    await press(composite, 'All connections');
    await press(composite, /^Add a connection/);
    await waitUntil(() => !!control(composite, /^HSBC\b/), 'the picker inside');
    await accessible(page, composite);
    await press(composite, 'All connections');
    await press(composite, 'Close');
    await waitUntil(() => !doc.querySelector('codat-connections'), 'closed and removed by the page');
    expect(page.events.filter((e) => e.type === 'codat-close')).to.have.length(1);
    expect(doc.querySelector<HTMLElement>('#closed')!.hidden).to.equal(false);
    await expectNoViolations(page);
  });

  it('sources with Lit’s development build: list, detail and a language loaded on demand', async () => {
    page = await openPage('source');
    const { doc } = page;
    const { list, detail } = kitOf(doc);
    await press(list, /^Xero\b/);
    await waitUntil(() => partText(detail, 'title') === 'Xero', 'Xero details');
    const locale = doc.querySelector<HTMLSelectElement>('#locale')!;
    locale.value = 'de';
    locale.dispatchEvent(new Event('change'));
    await waitUntil(() => !!control(detail, /^Daten aktualisieren/), 'the detail speaks German', 10000);
    await accessible(page, detail);
    await expectNoViolations(page);
  });

  describe('beside the host page’s own Lit', () => {
    const hostRendered = (doc: Document) =>
      /host’s own Lit|host's own Lit/.test(doc.querySelector('host-greeting')?.shadowRoot?.textContent ?? '');

    it("needs trusted-types lit-html 'allow-duplicates': without it the second copy is refused (Chromium)", async function () {
      page = await openPage('bundle', '&host-lit', false);
      const { doc, win } = page;
      await waitUntil(() => hostRendered(doc), 'the host’s element rendered');
      if (!('trustedTypes' in win)) {
        // Firefox ESR 140 does not enforce Trusted Types: both copies run, and nothing is reported.
        await waitUntil(() => listed(doc), 'the kit runs too', 10000);
        await expectNoViolations(page);
        return;
      }
      await waitUntil(
        () => win.codatCspViolations.some((v) => v.directive === 'trusted-types'),
        'the second lit-html policy is reported',
      );
      expect(win.customElements.get('codat-connection-list'), 'the kit did not load').to.equal(undefined);
    });

    it("with 'allow-duplicates', both copies run with 0 violations", async () => {
      page = await openPage('bundle', '&host-lit&trusted-types=allow-duplicates');
      const { doc } = page;
      await waitUntil(() => hostRendered(doc), 'the host’s element rendered');
      const list = doc.querySelector('codat-connection-list')!;
      await accessible(page, list);
      await press(list, /^Xero\b/);
      await waitUntil(() => partText(doc.querySelector('codat-connection-detail')!, 'title') === 'Xero', 'details');
      await expectNoViolations(page);
    });
  });
});
