/** Custom properties set by the host page (even on :root) reach inside the shadow roots; parts restyle regions. */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import { CodatClient } from '../src/index.js';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts } from './support/dom.js';

describe('theming by the host', () => {
  const api = useSandboxWorker();
  const style = document.createElement('style');
  afterEach(() => style.remove());

  it('applies --codat-* properties from :root and ::part() rules from the page', async () => {
    const { token } = await api.fresh();
    style.textContent = `
      :root { --codat-font-family: monospace; --codat-radius: 3px; --codat-color-success: rgb(1, 2, 3); }
      codat-connection-list::part(item-button) { border-width: 5px; }
    `;
    document.head.append(style);
    const list = await fixture(
      html`<codat-connection-list
        .client=${new CodatClient({ baseUrl: BASE_URL, accessToken: token })}
      ></codat-connection-list>`,
    );
    await waitUntil(() => parts(list, 'item-button').length === 8, 'list rendered');
    const button = part(list, 'item-button')!;
    const linked = parts(list, 'status').find((s) => s.textContent!.trim() === 'Linked')!;
    expect(getComputedStyle(button).fontFamily).to.equal('monospace');
    expect(getComputedStyle(button).borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(button).borderTopWidth).to.equal('5px');
    expect(getComputedStyle(linked).color).to.equal('rgb(1, 2, 3)');
    await expect(list).to.be.accessible();
  });
});
