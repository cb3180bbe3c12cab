/**
 * One test for every framework example in demo/examples/: the example's module, built by `npm run build:examples`
 * into build/examples/, is mounted as its page does, and a person opens Xero, disconnects it and sees the app's own
 * state change from the event callback, against the msw sandbox.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ExampleProps } from '../../demo/examples/sandbox.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './sandbox.js';
import { part, parts, text } from './dom.js';

type Mount = (target: Element, props: ExampleProps) => () => void;

async function loadExample(name: string): Promise<Mount> {
  const url = `/build/examples/${name}.js`;
  const response = await fetch(url, { method: 'HEAD' });
  if (!response.ok) throw new Error(`${url} is missing: run npm run build:examples before the browser tests`);
  return ((await import(/* @vite-ignore */ url)) as { mount: Mount }).mount;
}

export function describeExample(name: string, title: string): void {
  describe(`${title} example (demo/examples/${name})`, () => {
    const api = useSandboxWorker();

    it('lists the connections, disconnects Xero and updates the app from the callback', async () => {
      const mount = await loadExample(name);
      const { token } = await api.fresh();
      const target = await fixture<HTMLDivElement>(html`<div lang="en-GB"></div>`);
      const disconnected: string[] = [];
      const unmount = mount(target, {
        baseUrl: BASE_URL,
        accessToken: token,
        onDisconnect: (id) => disconnected.push(id),
      });
      try {
        await waitUntil(() => target.querySelector('codat-connections') !== null, `${title} rendered the tag`);
        const el = target.querySelector('codat-connections')!;
        await waitUntil(() => el.shadowRoot?.querySelector('codat-connection-list') != null, 'composite rendered');
        const list = el.shadowRoot!.querySelector('codat-connection-list')!;
        await waitUntil(() => parts(list, 'item-button').length === 8, 'eight connections listed');
        expect(el.hasAttribute('access-token'), 'the token is a property, not an attribute').to.equal(false);
        expect(part(el, 'close-button'), 'hide-close reached the element').to.equal(null);
        await expect(target).to.be.accessible();

        const xero = parts(list, 'item-button').find((b) => text(b.querySelector('[part="name"]')) === 'Xero')!;
        xero.focus();
        await sendKeys({ press: 'Enter' });
        const detail = el.shadowRoot!.querySelector('codat-connection-detail')!;
        await waitUntil(() => text(part(detail, 'title')) === 'Xero' && !!part(detail, 'disconnect-button'), 'Xero');
        part(detail, 'disconnect-button')!.focus();
        await sendKeys({ press: 'Enter' });
        const confirm = el.shadowRoot!.querySelector('codat-disconnect-confirm')!;
        await waitUntil(() => confirm.shadowRoot!.querySelector('dialog')?.open === true, 'confirm open');
        part(confirm, 'confirm-button')!.click();

        await waitUntil(() => disconnected.length === 1, 'callback called');
        expect(disconnected).to.deep.equal([SEED.xero]);
        const log = target.querySelector('[aria-label="What happened"]')!;
        await waitUntil(() => text(log) === `Disconnected ${SEED.xero}`, `${title} state updated from the event`);
        await waitUntil(() => text(part(detail, 'status')) === 'Unlinked', 'shows Unlinked');
        await expect(target).to.be.accessible();
      } finally {
        unmount();
      }
      await waitUntil(() => target.querySelector('codat-connections') === null, 'unmounted');
    });
  });
}
