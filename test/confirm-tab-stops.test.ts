/**
 * Tab inside `<codat-disconnect-confirm>`'s modal dialog, in a page of its own: Tab out of a modal dialog goes to the
 * browser's own controls.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import type { CodatConnectionsElement, CodatDisconnectConfirm } from '../src/index.js';
import { BASE_URL, deepActive, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts } from './support/dom.js';

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag)!;

/** What has focus: its part, or its tag name (`body` when focus is in the browser's own controls). */
const focused = () => {
  const el = deepActive();
  return el ? (el.getAttribute('part') ?? el.tagName.toLowerCase()) : 'nothing';
};

/** Presses `Tab` or `Shift+Tab` and returns what has focus afterwards. */
async function press(key: 'Tab' | 'Shift+Tab'): Promise<string> {
  if (key === 'Shift+Tab') await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  if (key === 'Shift+Tab') await sendKeys({ up: 'Shift' });
  return focused();
}

describe('<codat-disconnect-confirm> tab stops', () => {
  const api = useSandboxWorker();

  it('stops only on the buttons, also when the dialog has to scroll, and the keys still scroll it', async () => {
    const { token } = await api.fresh();
    const el = await fixture<CodatConnectionsElement>(
      html`<codat-connections lang="en-GB" base-url=${BASE_URL} .accessToken=${token}></codat-connections>`,
    );
    const list = inner(el, 'codat-connection-list');
    await waitUntil(() => parts(list, 'item-button').length === 8, 'list shown');
    parts(list, 'item-button')[0]!.click();
    const detail = inner(el, 'codat-connection-detail');
    await waitUntil(() => !!part(detail, 'disconnect-button'), 'detail shown');
    const confirm = inner(el, 'codat-disconnect-confirm') as CodatDisconnectConfirm;
    const dialog = confirm.shadowRoot!.querySelector('dialog')!;
    // Firefox does not give keys back to any page of the browser once Tab has left a modal dialog for its own
    // controls (the other test files' keyboard cases then fail), so there the dialog's own stop is read from its
    // tabindex instead: a scroll container is a stop in Firefox whether or not it overflows (measured).
    const firefox = navigator.userAgent.includes('Firefox');
    expect(dialog.getAttribute('tabindex'), 'the dialog is focusable, but no tab stop').to.equal('-1');

    /**
     * Opens the confirmation by keyboard and returns the stops of Tab and Shift+Tab from Cancel, with `last`, one
     * more Shift+Tab (out of the dialog); then cancels.
     */
    const stopsFromCancel = async (last: boolean) => {
      part(detail, 'disconnect-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open && focused() === 'cancel-button', 'confirmation open, focus on Cancel');
      const scrolls = dialog.scrollHeight > dialog.clientHeight;
      const stops = [await press('Tab'), await press('Shift+Tab')];
      if (scrolls) {
        // The keys scroll the dialog from its focused button.
        dialog.scrollTop = dialog.scrollHeight;
        const bottom = dialog.scrollTop;
        await sendKeys({ press: 'ArrowUp' });
        await waitUntil(() => dialog.scrollTop < bottom, 'ArrowUp scrolls the dialog from Cancel');
        expect(focused(), 'focus stays on Cancel').to.equal('cancel-button');
      }
      if (last && !firefox) stops.push(await press('Shift+Tab'));
      await expect(confirm).to.be.accessible();
      part(confirm, 'cancel-button')!.click();
      await waitUntil(() => !dialog.open && !confirm.open, 'confirmation closed');
      return { scrolls, stops };
    };

    expect(await stopsFromCancel(false)).to.deep.equal({ scrolls: false, stops: ['confirm-button', 'cancel-button'] });
    await setViewport({ width: 320, height: 220 });
    try {
      // Too short for its text, the dialog scrolls; Shift+Tab from its first button leaves for the browser's own
      // controls ('body' here): neither the dialog nor the page behind is a stop (Chromium only, see above).
      expect(await stopsFromCancel(true)).to.deep.equal({
        scrolls: true,
        stops: firefox ? ['confirm-button', 'cancel-button'] : ['confirm-button', 'cancel-button', 'body'],
      });
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
