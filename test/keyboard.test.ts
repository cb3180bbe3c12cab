/**
 * Keyboard only, as a person without a mouse uses <codat-connections>: Tab, Shift+Tab, Enter and Escape through the
 * list, the details, every action and its confirmation, and Back. Focus is asserted at every step, focus returns to
 * the opener after each dialog, and outcomes are read from the polite live regions.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { OAKRIDGE_ID } from '../src/sandbox/index.js';
import type { CodatConnectionsElement } from '../src/index.js';
import { BASE_URL, SEED, deepActive, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag)!;

/** What has focus, as a test reads it: its part, and its text for list items. */
function focused(): string {
  const el = deepActive();
  if (!el) return 'nothing';
  const name = el.getAttribute('part') ?? el.tagName.toLowerCase();
  return name === 'item-button' ? `item-button ${text(el.querySelector('[part="name"]'))}` : name;
}

/** Presses `key` (`Tab`, or with a modifier, `Shift+Tab`) and returns what has focus afterwards. */
async function press(key: string): Promise<string> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main! });
  if (modifier) await sendKeys({ up: modifier });
  return focused();
}

/** The polite live regions of `host`'s shadow root, read together. */
const announced = (host: Element) =>
  [...host.shadowRoot!.querySelectorAll('[aria-live="polite"]')].map((region) => text(region)).join(' | ');

/** Waits until focus is on `name` (a dialog closes, and returns focus, after its update). */
async function focusOn(name: string): Promise<void> {
  await waitUntil(() => focused() === name, `focus on ${name} (it is on ${focused()})`);
}

/** Tabs forward until `partName` has focus (at most `limit` presses), returning every stop on the way. */
async function tabTo(partName: string, limit = 30): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    const now = await press('Tab');
    stops.push(now);
    if (now === partName) return stops;
  }
  throw new Error(`${partName} not reached by Tab: ${stops.join(', ')}`);
}

describe('keyboard only through <codat-connections>', () => {
  const api = useSandboxWorker();

  it('list, details, refresh, every confirmation with focus returned, disconnect, reconnect and Back', async () => {
    const { token } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <button type="button" id="before">Before the panel</button>
        <div style="width: 460px; height: 840px">
          <codat-connections base-url=${BASE_URL} .accessToken=${token}></codat-connections>
        </div>
      </div>`,
    );
    const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
    const list = inner(el, 'codat-connection-list');
    const detail = inner(el, 'codat-connection-detail');
    const confirm = inner(el, 'codat-disconnect-confirm');
    const dialog = () => confirm.shadowRoot!.querySelector('dialog')!;
    await waitUntil(() => parts(list, 'item-button').length === 8, 'list shown');

    // Into the panel: Close first (Back is hidden with the list), Add a connection, then the connections in the
    // order shown.
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    expect(await press('Tab')).to.equal('close-button');
    expect(await press('Tab')).to.equal('add-button');
    expect(await press('Tab')).to.equal('item-button Xero');
    expect(await press('Tab')).to.equal('item-button QuickBooks Online');
    expect(await press('Shift+Tab')).to.equal('item-button Xero');

    // Enter opens the details, with focus on the platform's name.
    await press('Enter');
    await focusOn('title');
    expect(text(part(detail, 'title'))).to.equal('Xero');
    expect(list.hidden).to.equal(true);

    // Refresh data: the request is sent once and the start of the sync is announced politely.
    const stops = await tabTo('refresh-button');
    expect(stops, 'nothing focusable before Refresh data').to.deep.equal(['refresh-button']);
    await press('Enter');
    await waitUntil(() => requestsTo(api.requests, 'POST', '/data/all').length === 1, 'refresh sent');
    await waitUntil(() => announced(detail).includes('Xero: syncing data.'), 'sync start announced');
    expect(focused(), 'focus stays on Refresh data').to.equal('refresh-button');

    // Disconnect, then Escape: nothing happens and focus is back on Disconnect.
    const toDisconnect = await tabTo('disconnect-button');
    expect(toDisconnect.indexOf('disconnect-button'), 'after the refresh types and history').to.be.greaterThan(0);
    await press('Enter');
    await focusOn('cancel-button');
    await waitUntil(() => dialog().open, 'disconnect confirm open');
    expect(text(part(confirm, 'title'))).to.equal('Disconnect Xero?');
    await press('Escape');
    await focusOn('disconnect-button');
    expect(dialog().open).to.equal(false);
    expect(requestsTo(api.requests, 'PATCH', `/connections/${SEED.xero}`)).to.have.length(0);

    // Delete, Tab to the destructive button and back (the rest of the page is inert), Cancel with Enter: focus is
    // back on Delete.
    expect(await press('Tab')).to.equal('delete-button');
    await press('Enter');
    await focusOn('cancel-button');
    await waitUntil(() => dialog().open, 'delete confirm open');
    expect(text(part(confirm, 'title'))).to.equal('Delete the Xero connection?');
    expect(await press('Tab')).to.equal('confirm-button');
    part(detail, 'delete-button')!.focus();
    expect(focused(), 'the page behind the dialog is inert').to.equal('confirm-button');
    expect(await press('Shift+Tab')).to.equal('cancel-button');
    await press('Enter');
    await focusOn('delete-button');
    expect(dialog().open).to.equal(false);
    expect(requestsTo(api.requests, 'DELETE', `/connections/${SEED.xero}`)).to.have.length(0);

    // Disconnect for real: Shift+Tab back to Disconnect, Enter, Tab, Enter. The outcome is announced.
    expect(await press('Shift+Tab')).to.equal('disconnect-button');
    await press('Enter');
    await focusOn('cancel-button');
    await waitUntil(() => dialog().open, 'disconnect confirm open again');
    expect(await press('Tab')).to.equal('confirm-button');
    await press('Enter');
    await waitUntil(() => !dialog().open, 'closed after the unlink');
    await waitUntil(() => text(part(detail, 'status')) === 'Unlinked', 'Unlinked');
    expect(announced(detail)).to.contain('Xero is now Unlinked.');
    expect(focused(), 'the opener is gone: focus on the name, not lost').to.equal('title');

    // Reconnect is offered now; its confirmation closes with Escape and focus returns to it.
    await tabTo('reconnect-button');
    await press('Enter');
    await focusOn('cancel-button');
    await waitUntil(() => dialog().open, 'reconnect confirm open');
    expect(text(part(confirm, 'title'))).to.equal('Reconnect Xero?');
    await press('Escape');
    await focusOn('reconnect-button');

    // Back: Shift+Tab out of the details to the header, then Enter; focus returns to Xero in the list.
    part(detail, 'title')!.focus();
    expect(await press('Shift+Tab')).to.equal('close-button');
    expect(await press('Shift+Tab')).to.equal('back-button');
    await press('Enter');
    await focusOn('item-button Xero');
    expect(detail.hidden).to.equal(true);
    expect(text(parts(list, 'status')[0])).to.equal('Unlinked');
    await expect(el).to.be.accessible();
  });

  it('has the same tab order in Chromium and Firefox: the scrolling body is no stop, and the keys still scroll it', async () => {
    const { token } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <button type="button" id="before">Before the panel</button>
        <div style="width: 460px; height: 360px">
          <codat-connections base-url=${BASE_URL} .accessToken=${token}></codat-connections>
        </div>
        <button type="button" id="after">After the panel</button>
      </div>`,
    );
    const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
    const list = inner(el, 'codat-connection-list');
    const body = part(el, 'body')!;
    await waitUntil(() => parts(list, 'item-button').length === 8, 'list shown');
    expect(body.scrollHeight, 'the body scrolls').to.be.greaterThan(body.clientHeight);
    const names = parts(list, 'item-button').map(
      (button) => `item-button ${text(button.querySelector('[part="name"]'))}`,
    );

    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const stops: string[] = [];
    for (let i = 0; i < 11; i++) stops.push(await press('Tab'));
    // Close, Add a connection, the eight connections in the order shown, then the page again: every stop a control.
    expect(stops).to.deep.equal(['close-button', 'add-button', ...names, 'button']);
    expect(document.activeElement?.id).to.equal('after');

    expect(await press('Shift+Tab')).to.equal(names.at(-1));
    await waitUntil(() => body.scrollTop > 0, 'the last connection scrolled into view');
    const scrolled = body.scrollTop;
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => body.scrollTop < scrolled, 'ArrowUp scrolls the body from the focused control');
    expect(focused(), 'focus stays where it was').to.equal(names.at(-1));
    await expect(el).to.be.accessible();
  });

  it('pauses and resumes syncs of QuickBooks Desktop by keyboard, announced, with focus kept on the control', async () => {
    const { token } = await api.fresh({ companyId: OAKRIDGE_ID });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB" style="width: 460px; height: 840px">
        <codat-connections base-url=${BASE_URL} .accessToken=${token}></codat-connections>
      </div>`,
    );
    const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
    const list = inner(el, 'codat-connection-list');
    const detail = inner(el, 'codat-connection-detail');
    await waitUntil(() => parts(list, 'item-button').length === 1, 'list shown');
    parts(list, 'item-button')[0]!.focus();
    await press('Enter');
    await focusOn('title');
    await waitUntil(() => !!detail.shadowRoot!.querySelector('codat-sync-pause'), 'pause control');
    const pause = detail.shadowRoot!.querySelector('codat-sync-pause')!;

    await tabTo('duration');
    // Choose "4 hours" with the arrow key, as a person does in a closed select.
    const select = part(pause, 'duration') as HTMLSelectElement;
    await press('ArrowDown');
    await waitUntil(() => select.value === '4', `4 hours chosen (${select.value})`);
    expect(await press('Tab')).to.equal('pause-button');
    await press('Enter');
    await waitUntil(() => announced(pause).startsWith('Syncs are paused until'), 'pause announced');
    expect(requestsTo(api.requests, 'PUT', `/connections/${SEED.oakridgeQuickbooksDesktop}/syncPause`)).to.have.length(
      1,
    );
    await focusOn('resume-button');

    await press('Enter');
    await waitUntil(() => announced(pause) === 'Syncs resumed.', 'resume announced');
    await focusOn('pause-button');
    await expect(el).to.be.accessible();
  });
});
