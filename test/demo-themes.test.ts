/**
 * The three host themes of demo/themes.html are CSS only (custom properties and ::part()): loading each stylesheet
 * really changes the rendered colours, shapes and fonts against the kit's defaults, and each theme still meets the
 * contrast, target-size and axe checks.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import '../src/define.js';
import type { CodatConnectionsElement } from '../src/index.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';
import { checkState } from './support/a11y.js';

const inner = (el: Element, tag: string) => el.shadowRoot!.querySelector<HTMLElement>(tag)!;

/** What a person sees change between themes, read from computed styles. */
function looks(el: CodatConnectionsElement) {
  const list = inner(el, 'codat-connection-list');
  const item = part(list, 'item-button')!;
  const style = (node: Element) => getComputedStyle(node);
  return {
    panel: style(part(el, 'base')!).backgroundColor,
    header: style(part(el, 'header')!).backgroundColor,
    text: style(part(list, 'base')!).color,
    item: style(item).backgroundColor,
    itemBorder: style(item).borderTopColor,
    radius: style(item).borderTopLeftRadius,
    font: style(item).fontFamily,
  };
}

async function mount(token: string, className?: string, theme?: string) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div class=${className ?? nothing} lang="en-GB" style="width: 460px; height: 840px">
      <codat-connections base-url=${BASE_URL} .accessToken=${token} theme=${theme ?? nothing}></codat-connections>
    </div>`,
  );
  const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
  await waitUntil(() => parts(inner(el, 'codat-connection-list'), 'item-button').length === 8, 'list shown');
  return el;
}

async function loadStylesheet(href: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${href} did not load`));
  });
  document.head.append(link);
  await loaded;
  return link;
}

const THEMES = [
  {
    file: 'bank',
    expected: { panel: 'rgb(244, 246, 250)', header: 'rgb(11, 47, 91)', radius: '2px', text: 'rgb(13, 27, 46)' },
  },
  { file: 'playful', expected: { panel: 'rgb(251, 247, 255)', radius: '20px', text: 'rgb(46, 16, 101)' } },
  {
    file: 'high-contrast',
    theme: 'dark',
    expected: { panel: 'rgb(0, 0, 0)', item: 'rgb(0, 0, 0)', itemBorder: 'rgb(255, 255, 255)', radius: '0px' },
  },
] as const;

describe('the host themes of demo/themes.html', () => {
  const api = useSandboxWorker();
  const links: HTMLLinkElement[] = [];
  before(async () => {
    for (const { file } of THEMES) links.push(await loadStylesheet(`/demo/themes/${file}.css`));
  });
  after(() => links.forEach((link) => link.remove()));

  it('the page links each stylesheet, and they hold no script', async () => {
    const page = await (await fetch('/demo/themes.html')).text();
    for (const { file } of THEMES) {
      expect(page).to.contain(`href="./themes/${file}.css"`);
      const css = await (await fetch(`/demo/themes/${file}.css`)).text();
      expect(css, file).to.not.match(/expression\(|javascript:|url\(|@import/i);
    }
  });

  for (const { file, expected, ...rest } of THEMES) {
    const theme = 'theme' in rest ? rest.theme : undefined;
    it(`"${file}" changes what is rendered, and stays accessible`, async () => {
      const { token } = await api.fresh();
      const plain = looks(await mount(token, undefined, theme));
      const el = await mount(token, `theme-${file}`, theme);
      const themed = looks(el);
      for (const [key, value] of Object.entries(expected)) {
        expect(themed[key as keyof typeof themed], `${file}: ${key}`).to.equal(value);
        expect(plain[key as keyof typeof plain], `${file}: ${key} differs from the default`).to.not.equal(value);
      }
      expect(themed.font === plain.font && themed.item === plain.item, `${file}: more than one thing`).to.not.equal(
        true,
      );
      checkState(el, `${file} list`);
      await expect(el).to.be.accessible();

      await el.showConnection(SEED.xero);
      const detail = inner(el, 'codat-connection-detail');
      await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'Xero shown');
      await waitUntil(() => !text(part(detail, 'history')).includes('Loading'), 'history read');
      checkState(el, `${file} detail`);
      await expect(el).to.be.accessible();
    });
  }
});
