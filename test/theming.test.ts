/** Custom properties set by the host page (even on :root) reach inside the shadow roots; parts restyle regions. */
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { CodatClient } from '../src/index.js';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts } from './support/dom.js';
import { emulateMediaFeatures, textContrasts } from './support/a11y.js';

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

describe('themes', () => {
  const api = useSandboxWorker();
  const style = document.createElement('style');
  afterEach(() => style.remove());

  const colours = (el: Element) => {
    const base = part(el, 'base')!;
    return { text: getComputedStyle(base).color, background: getComputedStyle(base).backgroundColor };
  };
  const LIGHT = { text: 'rgb(27, 31, 36)', background: 'rgb(255, 255, 255)' };
  const DARK = { text: 'rgb(232, 234, 237)', background: 'rgb(22, 24, 28)' };

  async function region(token: string, theme?: string, listTheme?: string) {
    const provider = await fixture(html`
      <codat-connections-provider base-url=${BASE_URL} .accessToken=${token} theme=${theme ?? nothing}>
        <codat-connection-list theme=${listTheme ?? nothing}></codat-connection-list>
        <codat-connection-detail></codat-connection-detail>
      </codat-connections-provider>
    `);
    const list = provider.querySelector('codat-connection-list')!;
    await waitUntil(() => parts(list, 'item-button').length === 8, 'list rendered');
    return { provider, list, detail: provider.querySelector('codat-connection-detail')! };
  }

  it('is light by default', async () => {
    const { token } = await api.fresh();
    const { provider, list, detail } = await region(token);
    expect(colours(list)).to.deep.equal(LIGHT);
    expect(colours(detail)).to.deep.equal(LIGHT);
    await expect(provider).to.be.accessible();
  });

  it('is dark with theme="dark" on the provider, for every element inside', async () => {
    const { token } = await api.fresh();
    const { provider, list, detail } = await region(token, 'dark');
    expect(colours(list)).to.deep.equal(DARK);
    expect(colours(detail)).to.deep.equal(DARK);
    const button = part(list, 'item-button')!;
    expect(getComputedStyle(button).backgroundColor, 'items on the dark surface').to.equal('rgb(31, 35, 40)');
    await expect(provider).to.be.accessible();
  });

  it('lets an element inside a dark provider stay light with its own theme="light"', async () => {
    const { token } = await api.fresh();
    const { list, detail } = await region(token, 'dark', 'light');
    expect(colours(list)).to.deep.equal(LIGHT);
    expect(colours(detail)).to.deep.equal(DARK);
  });

  it('follows the page: a page that declares color-scheme: dark gets the dark theme without an attribute', async () => {
    const { token } = await api.fresh();
    style.textContent = '.dark-page { color-scheme: dark; }';
    document.head.append(style);
    const wrapper = await fixture(
      html`<div class="dark-page">
        <codat-connection-list
          .client=${new CodatClient({ baseUrl: BASE_URL, accessToken: token })}
        ></codat-connection-list>
      </div>`,
    );
    const list = wrapper.querySelector('codat-connection-list')!;
    await waitUntil(() => parts(list, 'item-button').length === 8, 'list rendered');
    expect(colours(list)).to.deep.equal(DARK);
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const { token } = await api.fresh();
    const { provider, list } = await region(token, 'auto');
    expect(getComputedStyle(list).colorScheme, 'inherited from the provider').to.equal('light dark');
    // Puppeteer emulates prefers-color-scheme in Chromium only; in Firefox the computed color-scheme above is
    // what decides, and light-dark() follows it.
    if (!(await emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]))) return;
    try {
      // Buttons change colour with a short transition: wait for it to end.
      const button = part(list, 'item-button')!;
      await waitUntil(() => colours(list).text === DARK.text, 'dark once the person prefers dark');
      await waitUntil(() => getComputedStyle(button).backgroundColor === 'rgb(31, 35, 40)', 'items dark');
      expect(colours(list)).to.deep.equal(DARK);
      // The same colours as theme="dark", which axe checks above; here the contrast is measured directly.
      expect(textContrasts(provider).filter((t) => t.ratio < t.needed)).to.deep.equal([]);
      await emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      await waitUntil(() => colours(list).text === LIGHT.text, 'light again');
      expect(colours(list)).to.deep.equal(LIGHT);
    } finally {
      await emulateMediaFeatures([]);
    }
  });

  it("uses the host's tokens in both themes: a host value on :root wins over the dark default", async () => {
    const { token } = await api.fresh();
    style.textContent =
      ':root { --codat-color-background: rgb(10, 20, 30); --codat-color-accent: rgb(200, 210, 220); }';
    document.head.append(style);
    const { list } = await region(token, 'dark');
    expect(colours(list).background).to.equal('rgb(10, 20, 30)');
    expect(colours(list).text, 'the rest keeps the dark defaults').to.equal(DARK.text);
    const button = part(list, 'item-button')!;
    // By keyboard (Tab on, Shift+Tab back), so the focus ring shows whatever this page's last input was.
    button.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(button.matches(':focus-visible'), 'the item has a visible focus').to.equal(true);
    expect(getComputedStyle(button).outlineColor, 'focus follows the accent').to.equal('rgb(200, 210, 220)');
  });
});
