/** <codat-connections>: the whole experience in one tag, driven by keyboard against the sandbox. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { CodatConnectionsElement } from '../src/index.js';
import { BASE_URL, SEED, deepActive, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectEvents, part, parts, text } from './support/dom.js';

const inner = (el: CodatConnectionsElement, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag)!;

async function mount(token: string, width = '460px') {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB" style="width: ${width}; height: 840px">
      <codat-connections base-url=${BASE_URL} access-token=${token}></codat-connections>
    </div>`,
  );
  const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
  const list = inner(el, 'codat-connection-list');
  await waitUntil(() => parts(list, 'item-button').length > 0, 'list shown');
  return { el, list, detail: inner(el, 'codat-connection-detail') };
}

describe('codat-connections', () => {
  const api = useSandboxWorker();

  it('works from attributes alone: list, details, Back (focus returns to the item), and Close', async () => {
    const { token } = await api.fresh();
    const { el, list, detail } = await mount(token);
    expect(el.hasAttribute('access-token'), 'token removed from the markup').to.equal(false);
    expect(text(part(el, 'heading'))).to.equal('Connected apps');
    expect(part(el, 'back-button')!.hidden).to.equal(true);
    expect(detail.hidden).to.equal(true);
    await expect(el).to.be.accessible();

    const xero = parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === 'Xero')!;
    xero.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !detail.hidden && text(part(detail, 'title')) === 'Xero', 'details shown');
    expect(list.hidden).to.equal(true);
    expect(part(el, 'back-button')!.hidden).to.equal(false);
    expect(deepActive()?.getAttribute('part'), 'focus moves to the details').to.equal('title');
    await expect(el).to.be.accessible();

    part(el, 'back-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !list.hidden, 'list again');
    expect(deepActive(), 'focus back on Xero').to.equal(
      parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === 'Xero'),
    );

    const closed = collectEvents<unknown>('codat-close');
    try {
      part(el, 'close-button')!.click();
      expect(closed.seen).to.have.length(1);
    } finally {
      closed.stop();
    }
  });

  it('runs a disconnect through the inner confirm, with the events bubbling out of the tag', async () => {
    const { token } = await api.fresh();
    const { el, detail } = await mount(token);
    const disconnected = collectEvents<{ connectionId: string }>('codat-disconnect');
    try {
      await el.showConnection(SEED.hsbc);
      await waitUntil(() => text(part(detail, 'title')) === 'HSBC', 'HSBC');
      part(detail, 'disconnect-button')!.click();
      const confirm = inner(el, 'codat-disconnect-confirm');
      const dialog = confirm.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.open, 'confirm open');
      part(confirm, 'confirm-button')!.click();
      await waitUntil(() => disconnected.seen.length === 1, 'disconnected');
      expect(disconnected.seen[0]).to.deep.equal({ connectionId: SEED.hsbc });
      await waitUntil(() => text(part(detail, 'status')) === 'Unlinked', 'shows Unlinked');
    } finally {
      disconnected.stop();
    }
  });

  it('forwards the inner parts with a prefix, so a host can style them from outside', async () => {
    const { token } = await api.fresh();
    const { el } = await mount(token);
    const style = document.createElement('style');
    style.textContent = 'codat-connections::part(list-item-button) { outline: 5px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const button = parts(inner(el, 'codat-connection-list'), 'item-button')[0]!;
      expect(getComputedStyle(button).outlineColor).to.equal('rgb(1, 2, 3)');
    } finally {
      style.remove();
    }
  });

  it('stays usable at 320 px wide: nothing overflows sideways', async () => {
    const { token } = await api.fresh();
    const { el, detail } = await mount(token, '320px');
    expect(el.getBoundingClientRect().width).to.equal(320);
    const body = part(el, 'body')!;
    const list = inner(el, 'codat-connection-list');
    const wide = [...list.shadowRoot!.querySelectorAll<HTMLElement>('*')]
      .filter((node) => node.getBoundingClientRect().right > body.getBoundingClientRect().right + 0.5)
      .map((node) => `${node.tagName}.${node.className} ${Math.round(node.getBoundingClientRect().width)}`);
    expect(wide, 'nothing wider than the panel').to.deep.equal([]);
    expect(body.scrollWidth, 'list fits').to.be.at.most(body.clientWidth);
    await el.showConnection(SEED.square);
    await waitUntil(() => text(part(detail, 'title')) === 'Square', 'Square');
    expect(body.scrollWidth, 'details fit').to.be.at.most(body.clientWidth);
    await expect(el).to.be.accessible();
  });
});

describe('codat-connections forwarded parts', () => {
  it('forwards every part the inner elements document in custom-elements.json', async () => {
    const { FORWARDED_PARTS } = await import('../src/elements/connections/connections.js');
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
    };
    const partsOf = (tag: string) =>
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .find((d) => d.tagName === tag)!
        .cssParts!.map((p) => p.name)
        .sort();
    expect([...FORWARDED_PARTS.list].sort()).to.deep.equal(partsOf('codat-connection-list'));
    expect([...FORWARDED_PARTS.detail].sort()).to.deep.equal(partsOf('codat-connection-detail'));
    expect([...FORWARDED_PARTS.confirm].sort()).to.deep.equal(partsOf('codat-disconnect-confirm'));
  });
});
