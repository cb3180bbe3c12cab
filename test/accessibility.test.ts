/**
 * WCAG 2.2 AA, measured on the rendered composite in every state, in the light and the dark theme: text contrast
 * (1.4.3) and focus-ring contrast (1.4.11, 2.4.7) from computed colours, target sizes (2.5.8) from layout boxes,
 * status in words (1.4.1), reflow at 320 px with 200 % text (1.4.10, 1.4.4), reduced motion and forced colours.
 * Plus axe in each state. docs/ACCESSIBILITY.md says what this covers and what it does not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import { OAKRIDGE_ID } from '../src/sandbox/index.js';
import type { CodatConnectionsElement, CodatDisconnectConfirm } from '../src/index.js';
import { BASE_URL, SEED, deepActive, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';
import {
  backgroundBehind,
  checkState,
  contrast,
  controls,
  deepElements,
  emulateMediaFeatures,
  isShown,
  nameOf,
  parseColor,
} from './support/a11y.js';

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag)!;

async function mount(token: string, theme: string, size = { width: '460px', height: '840px' }) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB" style="width: ${size.width}; height: ${size.height}">
      <codat-connections base-url=${BASE_URL} .accessToken=${token} theme=${theme}></codat-connections>
    </div>`,
  );
  const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
  const list = inner(el, 'codat-connection-list');
  await waitUntil(() => parts(list, 'item-button').length > 0, 'list shown');
  return { el, list, detail: inner(el, 'codat-connection-detail'), confirm: inner(el, 'codat-disconnect-confirm') };
}

async function show(el: CodatConnectionsElement, detail: HTMLElement, id: string, name: string) {
  await el.showConnection(id);
  await waitUntil(() => text(part(detail, 'title')) === name, `${name} shown`);
}

/** Every control shown: a visible focus ring of at least 2 px, with 3:1 against what surrounds it. */
async function checkFocusRings(root: Element, label: string) {
  // A key press makes focus "keyboard" focus, so :focus-visible applies to programmatic focus too.
  await sendKeys({ press: 'Shift' });
  const weak: string[] = [];
  const all = controls(root);
  expect(all.length, `${label}: controls found`).to.be.greaterThan(0);
  for (const control of all) {
    control.focus();
    if (!control.matches(':focus')) continue; // Not focusable as shown (e.g. an inert background).
    const style = getComputedStyle(control);
    const behind = backgroundBehind(control.parentElement ?? (control.getRootNode() as ShadowRoot).host);
    const ratio = contrast(parseColor(style.outlineColor), behind);
    if (!control.matches(':focus-visible') || style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
      weak.push(`${nameOf(control)}: no visible outline`);
    } else if (ratio < 3) weak.push(`${nameOf(control)}: ring ${ratio.toFixed(2)}:1`);
  }
  expect(weak, `${label}: focus rings`).to.deep.equal([]);
}

for (const theme of ['light', 'dark']) {
  describe(`WCAG 2.2 AA in the ${theme} theme`, () => {
    const api = useSandboxWorker();

    it('the list, and the details of each kind of connection', async () => {
      const { token } = await api.fresh();
      const { el, list, detail } = await mount(token, theme);
      checkState(el, 'list');
      await checkFocusRings(list, 'list');
      await expect(el).to.be.accessible();

      const states: [string, string][] = [
        [SEED.xero, 'Xero'], // Linked: refresh, sync history, disconnect
        [SEED.quickbooksOnline, 'QuickBooks Online'], // Unlinked: reconnect
        [SEED.lloyds, 'Lloyds'], // Pending: finish connecting, "ask someone who can"
        [SEED.square, 'Square'], // Deauthorized: active error, a failed pull
      ];
      for (const [id, name] of states) {
        await show(el, detail, id, name);
        await waitUntil(() => !text(part(detail, 'history')).includes('Loading'), 'history read');
        checkState(el, name);
        await checkFocusRings(detail, name);
        await expect(el).to.be.accessible();
      }
    });

    it('bank accounts opened, and the refresh types disclosure', async () => {
      const { token } = await api.fresh();
      const { el, detail } = await mount(token, theme);
      await show(el, detail, SEED.hsbc, 'HSBC');
      part(detail, 'accounts')!.querySelector('summary')!.click();
      await waitUntil(() => parts(detail, 'account').length > 0, 'accounts read');
      part(detail, 'refresh-types')!.querySelector('summary')!.click();
      await waitUntil(() => parts(detail, 'refresh-type-button').some(isShown), 'types shown');
      checkState(el, 'HSBC opened');
      await checkFocusRings(detail, 'HSBC opened');
      await expect(el).to.be.accessible();
    });

    it('the sync pause control of QuickBooks Desktop', async () => {
      const { token } = await api.fresh({ companyId: OAKRIDGE_ID });
      const { el, detail } = await mount(token, theme);
      await show(el, detail, SEED.oakridgeQuickbooksDesktop, 'QuickBooks Desktop');
      await waitUntil(() => !!detail.shadowRoot!.querySelector('codat-sync-pause'), 'pause control');
      const pause = detail.shadowRoot!.querySelector('codat-sync-pause')!;
      await waitUntil(() => !!part(pause, 'pause-button'), 'pause button');
      checkState(el, 'sync pause');
      await checkFocusRings(pause, 'sync pause');
      await expect(el).to.be.accessible();
    });

    it('each confirmation: disconnect, delete and reconnect', async () => {
      const { token } = await api.fresh();
      const { el, detail, confirm } = await mount(token, theme);
      const dialog = confirm.shadowRoot!.querySelector('dialog')!;
      const cases: [string, string, string][] = [
        [SEED.xero, 'Xero', 'disconnect-button'],
        [SEED.xero, 'Xero', 'delete-button'],
        [SEED.quickbooksOnline, 'QuickBooks Online', 'reconnect-button'],
      ];
      for (const [id, name, button] of cases) {
        await show(el, detail, id, name);
        const opener = part(detail, button)!;
        opener.focus();
        expect(deepActive(), `${button} focused`).to.equal(opener);
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => dialog.open, `${button} confirm open`);
        await (confirm as CodatDisconnectConfirm).updateComplete;
        checkState(dialog, button);
        await checkFocusRings(dialog, button);
        await expect(confirm).to.be.accessible();
        part(confirm, 'cancel-button')!.click();
        await waitUntil(() => !dialog.open, 'closed');
      }
    });

    it('platform initials (no logos) in the list, the detail and the picker, unavailable platforms included', async () => {
      const { token } = await api.fresh();
      const { http, HttpResponse } = await import('msw');
      api.use(http.get(`${BASE_URL}/integrations/:platformKey/branding`, () => HttpResponse.json({}, { status: 404 })));
      const { el, detail } = await mount(token, theme);
      /** Each initials box shown under `root`: its text contrast, from computed colours, against its own background. */
      const initials = (root: Element) =>
        deepElements(root)
          .filter((e) => e.matches('.logo--initials') && isShown(e))
          .map((e) => {
            const style = getComputedStyle(e);
            const unavailable = !!e.closest('[aria-disabled="true"]');
            return { text: text(e), unavailable, ratio: contrast(parseColor(style.color), backgroundBehind(e)) };
          });
      const low = (found: ReturnType<typeof initials>) => found.filter((i) => i.ratio < 4.5);

      const inList = initials(el);
      expect(inList.length, 'initials in the list').to.equal(8);
      expect(low(inList), 'list initials below 4.5:1').to.deep.equal([]);
      await show(el, detail, SEED.xero, 'Xero');
      const inDetail = initials(detail);
      expect(inDetail.map((i) => i.text)).to.deep.equal(['XE']);
      expect(low(inDetail), 'detail initials below 4.5:1').to.deep.equal([]);

      await el.showPicker();
      const picker = inner(el, 'codat-integration-picker');
      await waitUntil(() => parts(picker, 'item-button').length > 0, 'platforms listed');
      const inPicker = initials(picker);
      expect(inPicker.filter((i) => i.unavailable).length, 'unavailable platforms shown').to.be.greaterThan(0);
      expect(inPicker.filter((i) => !i.unavailable).length, 'available platforms shown').to.be.greaterThan(0);
      expect(low(inPicker), 'picker initials below 4.5:1').to.deep.equal([]);
      checkState(picker, 'picker');
      await expect(picker).to.be.accessible();
    });

    it('the error state of the list', async () => {
      const { token } = await api.fresh();
      const { http, HttpResponse } = await import('msw');
      api.use(http.get(`${BASE_URL}/companies/:companyId/connections`, () => HttpResponse.json({}, { status: 500 })));
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 460px; height: 600px">
          <codat-connections base-url=${BASE_URL} .accessToken=${token} theme=${theme}></codat-connections>
        </div>`,
      );
      const el = wrapper.querySelector('codat-connections')!;
      const list = inner(el, 'codat-connection-list');
      await waitUntil(() => !!part(list, 'retry-button'), 'error shown', 15000);
      checkState(el, 'list error');
      await checkFocusRings(list, 'list error');
      await expect(el).to.be.accessible();
    });
  });
}

describe('reflow at 320 px with 200 % text', () => {
  const api = useSandboxWorker();
  afterEach(async () => {
    document.documentElement.style.removeProperty('font-size');
    await setViewport({ width: 800, height: 600 });
  });

  /** Everything inside `root` that reaches past `edge` (clipped, or scrolling sideways). */
  const overflowing = (root: Element, edge: number) =>
    deepElements(root)
      .filter(isShown)
      .filter((e) => e.getBoundingClientRect().right > edge + 0.5)
      .map((e) => `${nameOf(e)} ${Math.round(e.getBoundingClientRect().right)}`);

  it('shows the list, every kind of detail and the confirmation without sideways scrolling or clipping', async () => {
    const { token } = await api.fresh();
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    const { el, detail, confirm } = await mount(token, 'light', { width: '100%', height: '600px' });
    const body = part(el, 'body')!;
    const edge = () => el.getBoundingClientRect().right;
    expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(320);
    expect(overflowing(el, edge()), 'list').to.deep.equal([]);

    for (const [id, name] of [
      [SEED.xero, 'Xero'],
      [SEED.lloyds, 'Lloyds'],
      [SEED.square, 'Square'],
      [SEED.hsbc, 'HSBC'],
    ] as const) {
      await show(el, detail, id, name);
      expect(overflowing(detail, edge()), name).to.deep.equal([]);
      expect(body.scrollWidth, `${name}: no sideways scroll`).to.be.at.most(body.clientWidth);
    }

    await show(el, detail, SEED.xero, 'Xero');
    part(detail, 'disconnect-button')!.click();
    const dialog = confirm.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'confirm open');
    expect(dialog.getBoundingClientRect().right, 'dialog inside the viewport').to.be.at.most(320);
    expect(overflowing(dialog, dialog.getBoundingClientRect().right), 'dialog').to.deep.equal([]);
    expect(dialog.scrollWidth, 'dialog: no sideways scroll').to.be.at.most(dialog.clientWidth);
    await expect(confirm).to.be.accessible();
    part(confirm, 'cancel-button')!.click();
  });
});

describe('reduced motion and forced colours', () => {
  const api = useSandboxWorker();

  /** Whether a stylesheet the element adopted says `rule` inside `@media condition`. */
  const mediaRule = (el: Element, condition: string, rule: RegExp) =>
    el
      .shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules])
      .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes(condition))
      .some((r) => [...r.cssRules].some((inner) => rule.test(inner.cssText)));

  it('drops transitions when the person prefers reduced motion', async () => {
    const { token } = await api.fresh();
    const { el, list, detail } = await mount(token, 'light');
    const button = part(list, 'item-button')!;
    expect(getComputedStyle(button).transitionDuration, 'a transition by default').to.not.equal('0s');
    // Every element carries the rule (Firefox cannot emulate the media feature under WebDriver BiDi).
    for (const host of [el, list, detail]) {
      expect(mediaRule(host, 'prefers-reduced-motion: reduce', /transition: none !important/), host.tagName).to.equal(
        true,
      );
    }
    if (!(await emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]))) return;
    try {
      expect(getComputedStyle(button).transitionDuration).to.equal('0s');
    } finally {
      await emulateMediaFeatures([]);
    }
  });

  it('stays usable in forced colours: statuses in words, the chosen item and focus still visible', async () => {
    const { token } = await api.fresh();
    const { el, list } = await mount(token, 'light');
    expect(mediaRule(list, 'forced-colors: active', /aria-current/), 'list rule').to.equal(true);
    if (!(await emulateMediaFeatures([{ name: 'forced-colors', value: 'active' }]))) return;
    try {
      expect(matchMedia('(forced-colors: active)').matches, 'emulated').to.equal(true);
      await el.showConnection(SEED.xero);
      await el.showList();
      const chosen = parts(list, 'item-button').find((b) => b.getAttribute('aria-current') === 'true')!;
      const other = parts(list, 'item-button').find((b) => b !== chosen)!;
      expect(getComputedStyle(chosen).borderTopWidth, 'the chosen item stands out').to.equal('3px');
      expect(getComputedStyle(other).borderTopWidth).to.equal('1px');
      expect(getComputedStyle(chosen).boxShadow, 'the inset shadow is gone, as forced colours do').to.equal('none');
      checkState(el, 'forced colours');
      await sendKeys({ press: 'Shift' });
      chosen.focus();
      expect(getComputedStyle(chosen).outlineStyle).to.equal('solid');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMediaFeatures([]);
    }
  });
});
