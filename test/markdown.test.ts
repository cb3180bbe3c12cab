/** The safe Markdown subset: what each construct renders to, its limits, and hostile input shown as text. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, render, type TemplateResult } from 'lit';
import { sharedStyles } from '../src/internal/shared-styles.js';
import {
  MAX_LENGTH,
  MAX_NESTING,
  markdownStyles,
  parseInline,
  renderInlineMarkdown,
  renderMarkdown,
} from '../src/internal/markdown.js';

declare global {
  interface Window {
    __pwned: number;
  }
}

/** Renders into a detached div, as an element's template would. */
function rendered(result: TemplateResult): HTMLDivElement {
  const div = document.createElement('div');
  render(result, div);
  return div;
}

/** The markup as the browser serialises it, without Lit's comment markers. */
const markup = (result: TemplateResult): string => rendered(result).innerHTML.replace(/<!--.*?-->/gs, '');
const md = (source: string) => markup(renderMarkdown(source));
const inline = (source: string) => markup(renderInlineMarkdown(source));

const ELEMENTS = ['p', 'ul', 'ol', 'li', 'strong', 'em', 'code', 'a'];

/** Every element is on the list, and the only attributes are a checked `href`, `rel` and `target` on links. */
function expectOnlyAllowed(container: Element) {
  for (const el of container.querySelectorAll('*')) {
    expect(ELEMENTS, 'element').to.include(el.localName);
    if (el.localName !== 'a') {
      expect(el.getAttributeNames(), `attributes of <${el.localName}>`).to.deep.equal([]);
      continue;
    }
    const names = el.getAttributeNames().sort();
    const url = new URL(el.getAttribute('href')!);
    expect(['https:', 'mailto:'], 'link scheme').to.include(url.protocol);
    expect(url.username + url.password, 'credentials in a link').to.equal('');
    if (url.protocol === 'https:') {
      expect(names).to.deep.equal(['href', 'rel', 'target']);
      expect(el.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(el.getAttribute('target')).to.equal('_blank');
    } else {
      expect(names).to.deep.equal(['href']);
    }
  }
}

describe('Markdown', () => {
  describe('blocks', () => {
    it('renders paragraphs separated by blank lines, with line breaks inside one as spaces', () => {
      expect(md('One\ntwo  \n  three\n\n\nFour')).to.equal('<p>One two three</p><p>Four</p>');
      expect(md('a\r\nb\rc\n\r\nd')).to.equal('<p>a b c</p><p>d</p>');
    });

    it('renders -, * and + bullets as one list, and numbered items as an ordered list', () => {
      expect(md('- one\n* two\n+ three')).to.equal('<ul><li>one</li><li>two</li><li>three</li></ul>');
      expect(md('1. one\n2. two\n10. ten')).to.equal('<ol><li>one</li><li>two</li><li>ten</li></ol>');
    });

    it('numbers ordered lists from 1 whatever number they start at (no start attribute is written)', () => {
      expect(md('3. three\n4. four')).to.equal('<ol><li>three</li><li>four</li></ol>');
    });

    it('starts a list right after a paragraph line; an ordered one only when it starts at 1', () => {
      expect(md('Shared:\n- Invoices\n- Bills')).to.equal('<p>Shared:</p><ul><li>Invoices</li><li>Bills</li></ul>');
      expect(md('Steps:\n1. Connect')).to.equal('<p>Steps:</p><ol><li>Connect</li></ol>');
      expect(md('Customer since\n2019. Renewed yearly')).to.equal('<p>Customer since 2019. Renewed yearly</p>');
    });

    it('continues an item with the lines that follow it; a blank line then text ends the list', () => {
      expect(md('- one\ncontinued\n- two\n\nAfter')).to.equal(
        '<ul><li>one continued</li><li>two</li></ul><p>After</p>',
      );
    });

    it('keeps items separated by blank lines in one list, and starts a new list when the kind changes', () => {
      expect(md('- a\n\n- b')).to.equal('<ul><li>a</li><li>b</li></ul>');
      expect(md('- a\n1. b')).to.equal('<ul><li>a</li></ul><ol><li>b</li></ol>');
    });

    it('does not nest lists: indented items join the list', () => {
      expect(md('- a\n  - b\n    1. c')).to.equal('<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>');
    });

    it('shows other block syntax as text', () => {
      for (const source of ['# Heading', '## Heading', '> quote', '---', '***', '```js', '-no space', '1.no space']) {
        const div = rendered(renderMarkdown(source));
        expect(div.children.length, source).to.equal(1);
        expect(div.children[0]!.localName, source).to.equal('p');
        expect(div.textContent, source).to.equal(source);
      }
      expect(md('    indented code')).to.equal('<p>indented code</p>');
      expect(md('| a | b |\n|---|---|\n| 1 | 2 |')).to.equal('<p>| a | b | |---|---| | 1 | 2 |</p>');
    });

    it('shows escaped list markers as text', () => {
      expect(md('\\- not a list')).to.equal('<p>- not a list</p>');
      expect(md('1\\. not a list')).to.equal('<p>1. not a list</p>');
    });

    it('renders nothing for empty or blank input, or anything but a string', () => {
      expect(md('')).to.equal('');
      expect(md(' \n\t\n ')).to.equal('');
      expect(md(undefined as unknown as string)).to.equal('');
      expect(md(42 as unknown as string)).to.equal('');
    });
  });

  describe('inline', () => {
    it('renders strong, emphasis and code', () => {
      expect(inline('**Invoices** and __bills__')).to.equal('<strong>Invoices</strong> and <strong>bills</strong>');
      expect(inline('*one* and _two_')).to.equal('<em>one</em> and <em>two</em>');
      expect(inline('the `dataType` field')).to.equal('the <code>dataType</code> field');
    });

    it('renders https links opening in a new tab, and mailto links', () => {
      expect(inline('Your [chart of accounts](https://example.com/coa)')).to.equal(
        'Your <a rel="noopener noreferrer" target="_blank" href="https://example.com/coa">chart of accounts</a>',
      );
      expect(inline('[write to us](mailto:help@example.com)')).to.equal(
        '<a href="mailto:help@example.com">write to us</a>',
      );
    });

    it('binds the URL as the URL parser serialised it', () => {
      expect(inline('[x](HTTPS://Example.COM/a b)')).to.equal('[x](HTTPS://Example.COM/a b)');
      expect(inline('[x](HTTPS://Example.COM/a%20b?q=1#f)')).to.equal(
        '<a rel="noopener noreferrer" target="_blank" href="https://example.com/a%20b?q=1#f">x</a>',
      );
    });

    it('nests emphasis, and allows emphasis and code in link labels and links in emphasis', () => {
      expect(inline('***both***')).to.equal('<em><strong>both</strong></em>');
      expect(inline('**a *b* c**')).to.equal('<strong>a <em>b</em> c</strong>');
      expect(inline('[**Invoices** and `bills`](https://example.com/)')).to.equal(
        '<a rel="noopener noreferrer" target="_blank" href="https://example.com/"><strong>Invoices</strong> and <code>bills</code></a>',
      );
      expect(inline('*see [the docs](https://example.com/)*')).to.equal(
        '<em>see <a rel="noopener noreferrer" target="_blank" href="https://example.com/">the docs</a></em>',
      );
    });

    it('keeps underscores inside words and unmatched or spaced delimiters as text', () => {
      expect(inline('snake_case_name')).to.equal('snake_case_name');
      expect(inline('**not closed and *this* is')).to.equal('**not closed and <em>this</em> is');
      expect(inline('a * b * c and a _ b _ c')).to.equal('a * b * c and a _ b _ c');
      expect(inline('**a*')).to.equal('*<em>a</em>');
    });

    it('renders code spans as CommonMark does: any backtick run, no Markdown or escapes inside', () => {
      expect(inline('``a `tick` b``')).to.equal('<code>a `tick` b</code>');
      expect(inline('`**not strong** [x](https://example.com/)`')).to.equal(
        '<code>**not strong** [x](https://example.com/)</code>',
      );
      expect(inline('`a\\*b`')).to.equal('<code>a\\*b</code>');
      expect(inline('` padded `')).to.equal('<code>padded</code>');
      expect(inline('`unclosed and ``different``` runs')).to.equal('`unclosed and ``different``` runs');
    });

    it('shows backslash-escaped punctuation as itself, and other backslashes as they are', () => {
      expect(inline('\\*a\\* \\_b\\_ \\[c\\](https://example.com/) \\`d\\` \\\\')).to.equal(
        '*a* _b_ [c](https://example.com/) `d` \\',
      );
      expect(inline('C:\\Users\\me')).to.equal('C:\\Users\\me');
    });

    it('allows balanced parentheses and escapes in a link destination', () => {
      expect(inline('[Foo](https://example.com/wiki/Foo_(bar))')).to.equal(
        '<a rel="noopener noreferrer" target="_blank" href="https://example.com/wiki/Foo_(bar)">Foo</a>',
      );
      expect(inline('[x](https://example.com/a\\)b)')).to.equal(
        '<a rel="noopener noreferrer" target="_blank" href="https://example.com/a)b">x</a>',
      );
    });

    it('shows a link with a refused URL as its label, formatting kept and link dropped', () => {
      expect(inline('see [**x**](http://example.com/) here')).to.equal('see <strong>x</strong> here');
    });

    it('shows text that is not quite a link, link titles included, as text', () => {
      for (const source of [
        '[x] (https://example.com/)',
        '[x](https://example.com/',
        '[x]( https://example.com/)',
        '[x](https://example.com/ "title")',
        '[x][ref]',
        'x](https://example.com/)',
      ]) {
        expect(inline(source), source).to.equal(source);
      }
    });

    it('does not put a link inside a link', () => {
      expect(inline('[[a](https://a.example/)](https://b.example/)')).to.equal(
        '[<a rel="noopener noreferrer" target="_blank" href="https://a.example/">a</a>](https://b.example/)',
      );
    });

    it('shows images, raw HTML, autolinks and character references as text', () => {
      expect(rendered(renderInlineMarkdown('![logo](https://example.com/logo.png) <b>x</b>')).textContent).to.equal(
        '![logo](https://example.com/logo.png) <b>x</b>',
      );
      expect(rendered(renderInlineMarkdown('<https://example.com/> &amp; &#42;')).textContent).to.equal(
        '<https://example.com/> &amp; &#42;',
      );
    });

    it('renders inline Markdown only with renderInlineMarkdown: block markers are text, lines join', () => {
      expect(inline('- *a*\n\n1. b')).to.equal('- <em>a</em> 1. b');
    });
  });

  describe('limits', () => {
    it(`cuts input longer than ${MAX_LENGTH} characters and ends it with an ellipsis`, () => {
      const exact = 'a'.repeat(MAX_LENGTH);
      expect(rendered(renderInlineMarkdown(exact)).textContent).to.equal(exact);
      expect(rendered(renderInlineMarkdown(`${exact}bc`)).textContent).to.equal(`${exact}…`);
      expect(rendered(renderMarkdown(`${exact}bc`)).textContent).to.equal(`${exact}…`);
    });

    it('never cuts a surrogate pair in half', () => {
      const text = rendered(renderInlineMarkdown(`${'a'.repeat(MAX_LENGTH - 1)}😀😀`)).textContent!;
      expect(text).to.equal(`${'a'.repeat(MAX_LENGTH - 1)}…`);
    });

    it(`shows emphasis nested deeper than ${MAX_NESTING} levels as plain text`, () => {
      const div = rendered(renderInlineMarkdown(`${'*'.repeat(4000)}deep${'*'.repeat(4000)}`));
      expect(div.querySelectorAll('strong').length).to.equal(MAX_NESTING);
      expect(div.textContent).to.equal('deep');
    });

    const pathological: [string, string][] = [
      ['*', '*'.repeat(100_000)],
      ['[', '['.repeat(100_000)],
      ['*a', '*a'.repeat(50_000)],
      ['_a ', '_a '.repeat(33_334)],
      ['*_', '*_'.repeat(50_000)],
      ['[](', '[]('.repeat(33_334)],
      ['[a](b', '[a](b'.repeat(20_000)],
      ['![', '!['.repeat(50_000)],
      ['`', '`'.repeat(100_000)],
      ['growing backtick runs', Array.from({ length: 440 }, (_, k) => `${'`'.repeat(k + 1)}a`).join('')],
      ['( then )', `${'('.repeat(50_000)}${')'.repeat(50_000)}`],
      ['[ then *a then ]', `${'['.repeat(25_000)}${' *a'.repeat(12_500)}${']'.repeat(25_000)}`],
      ['\\', '\\'.repeat(100_000)],
      ['- ', '- '.repeat(50_000)],
      ['lines of - a', '- a\n'.repeat(25_000)],
    ];
    for (const [name, source] of pathological) {
      it(`tokenizes ${source.length.toLocaleString('en')} characters of ${JSON.stringify(name)} in one pass, uncut, and renders them cut`, () => {
        expect(parseInline(source)).to.be.an('array');
        const div = rendered(html`${renderMarkdown(source)}${renderInlineMarkdown(source)}`);
        expectOnlyAllowed(div);
      });
    }
  });

  describe('hostile input', () => {
    const P = 'window.__pwned++';
    /** [source, the text it shows when that is not the source itself]. */
    const HOSTILE: [string, string?][] = [
      [`<img src=x onerror=${P}>`],
      [`<img src="x" onerror="${P}">`],
      [`<script>${P}</script>`],
      [`<svg onload=${P}>`],
      [`<svg><script>${P}</script></svg>`],
      [`<iframe src="javascript:${P}"></iframe>`],
      [`<iframe srcdoc="<script>parent.__pwned++</script>"></iframe>`],
      [`<a href="javascript:${P}">click</a>`],
      [`<a href="https://example.com/" onclick="${P}">x</a>`],
      [`<div onmouseover="${P}">hover me</div>`],
      [`<body onload=${P}>`],
      [`<input autofocus onfocus=${P}>`],
      [`<details open ontoggle=${P}>`],
      [`<object data="javascript:${P}"></object>`],
      [`<embed src="data:text/html,<script>parent.__pwned++</script>">`],
      [`<math><mtext><table><mglyph><style><img src=x onerror=${P}>`],
      [`<noscript><p title="</noscript><img src=x onerror=${P}>">`],
      [`<style>@import 'https://evil.example/x.css';</style>`],
      [`<meta http-equiv="refresh" content="0;url=javascript:${P}">`],
      [`<form action="https://evil.example/"><button>Go</button></form>`],
      [`<!-- --><img src=x onerror=${P}>`],
      [`<![CDATA[<img src=x onerror=${P}>]]>`],
      [`&lt;img src=x onerror=${P}&gt; &#60;script&#62;`],
      [`\\<img src=x onerror=${P}\\>`, `<img src=x onerror=${P}>`],
      [`**<img src=x onerror=${P}>**`, `<img src=x onerror=${P}>`],
      [`\`<script>${P}</script>\``, `<script>${P}</script>`],
      [`[<img src=x onerror=${P}>](https://example.com/)`, `<img src=x onerror=${P}>`],
      [`# <script>${P}</script>`],
      [`| a | <img src=x onerror=${P}> |\n|---|---|`, `| a | <img src=x onerror=${P}> | |---|---|`],
      [`[x](javascript:${P})`, 'x'],
      [`[x](JaVaScRiPt:${P})`, 'x'],
      [`[x](java\tscript:${P})`],
      [`[x](java%09script:${P})`, 'x'],
      [`[x](&#106;avascript:${P})`, 'x'],
      [`[x](javascript&colon;${P})`, 'x'],
      [`[x](\u0001javascript:${P})`],
      [`[x](\u0000javascript:${P})`, 'x'],
      [`[x](javascript://example.com/%0a${P})`, 'x'],
      [`[x](data:text/html,<script>${P}</script>)`, 'x'],
      ['[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', 'x'],
      ['[x](vbscript:msgbox(1))', 'x'],
      ['[x](blob:https://example.com/0b7c)', 'x'],
      ['[x](file:///etc/passwd)', 'x'],
      ['[x](http://example.com/)', 'x'],
      ['[x](//evil.example/)', 'x'],
      ['[x](/relative/path)', 'x'],
      ['[x](https://user:pass@evil.example/)', 'x'],
      ['[x](https://user@evil.example/)', 'x'],
      [`[x](https://ok" onmouseover="${P})`],
      [`[x](https://ok"onmouseover="${P})`, 'x'],
      [`[x](https://example.com/"><img/src=x/onerror=${P}>)`, 'x'],
      [`[x](mailto:a@example.com?body=<script>${P}</script>)`, 'x'],
      [`[[x](javascript:${P})](https://example.com/)`, '[x](https://example.com/)'],
      ['[a [b [c](https://example.com/c) d] e](https://example.com/e)', '[a [b c d] e](https://example.com/e)'],
      [`${'['.repeat(5000)}x](javascript:${P})`, `${'['.repeat(4999)}x`],
      [`![x](javascript:${P})`],
      ['![x](https://evil.example/track.png)'],
      ['<https://evil.example/>'],
      [`<javascript:${P}>`],
      ['\u202Eexe.gpj [invoice](https://example.com/)\u202C', '\u202Eexe.gpj invoice\u202C'],
      ['[\u202Emoc.elpmaxe](https://example.com/)', '\u202Emoc.elpmaxe'],
      ['pay\u200Bpal \u200D\u200C [log\u200Bin](https://example.com/)', 'pay\u200Bpal \u200D\u200C log\u200Bin'],
      ['Z\u0351\u0363a\u0315\u0300l\u0363g\u0350o *o\u0301k*', 'Z\u0351\u0363a\u0315\u0300l\u0363g\u0350o o\u0301k'],
      ['W'.repeat(10_000)],
      ['${alert(document.domain)} `${' + P + '}`', '${alert(document.domain)} ${' + P + '}'],
      ["{{constructor.constructor('" + P + "')()}}"],
      [`a\u0000b<img src=x onerror=${P}>`, `a\uFFFDb<img src=x onerror=${P}>`],
    ];

    for (const [source, shows = source] of HOSTILE) {
      const name = JSON.stringify(source.length > 70 ? `${source.slice(0, 70)}…` : source);
      it(`shows ${name} as text, with only allowed elements and attributes`, () => {
        for (const result of [renderMarkdown(source), renderInlineMarkdown(source)]) {
          const div = rendered(result);
          expectOnlyAllowed(div);
          expect(div.textContent).to.equal(shows);
        }
      });
    }

    describe('on a page with a Content Security Policy', () => {
      const violations: SecurityPolicyViolationEvent[] = [];
      const record = (e: SecurityPolicyViolationEvent) => violations.push(e);
      before(() => {
        // Enforced from insertion on for the rest of this page (each test file has its own page). Nothing here loads
        // images, media, frames or plugins; anything the renderer let through would, and would be reported.
        const meta = document.createElement('meta');
        meta.httpEquiv = 'Content-Security-Policy';
        meta.content = "img-src 'none'; media-src 'none'; frame-src 'none'; object-src 'none'";
        document.head.append(meta);
        document.addEventListener('securitypolicyviolation', record);
      });
      after(() => document.removeEventListener('securitypolicyviolation', record));
      beforeEach(() => {
        window.__pwned = 0;
        violations.length = 0;
      });

      it('runs none of the corpus and loads nothing, where a real vector is caught by both counters', async () => {
        const container = await fixture<HTMLDivElement>(html`
          <div>${HOSTILE.map(([source]) => html`${renderMarkdown(source)}${renderInlineMarkdown(source)}`)}</div>
        `);
        // The control: a real <img onerror>. Its load is refused (one violation) and its handler runs (one count).
        // Once both have been seen, the same would have happened by now for anything the corpus had produced.
        const control = document.createElement('img');
        control.setAttribute('onerror', P);
        control.src = '/markdown-control.png';
        container.append(control);
        await waitUntil(() => window.__pwned > 0 && violations.length > 0, 'the control ran and was reported');
        expect(window.__pwned, 'scripts run').to.equal(1);
        expect(violations.map((v) => new URL(v.blockedURI).pathname)).to.deep.equal(['/markdown-control.png']);
        control.remove();
        expectOnlyAllowed(container);
      });
    });
  });

  describe('styles and accessibility', () => {
    // As in the kit's elements: the markdown styles read the theme's tokens, which sharedStyles sets on :host.
    class MarkdownSample extends LitElement {
      static override styles = [sharedStyles, markdownStyles];
      override render() {
        return html`<div class="markdown">
          ${renderMarkdown(
            'What is shared:\n\n- **Invoices** and bills\n- Your [chart of accounts](https://example.com/coa)\n' +
              '- The `dataType` of each\n\n1. *First*\n2. [Ask us](mailto:help@example.com)',
          )}
        </div>`;
      }
    }
    if (!customElements.get('test-markdown-sample')) customElements.define('test-markdown-sample', MarkdownSample);

    it('underlines links in the accent colour, sets code in monospace and pads lists on the start side', async () => {
      const el = await fixture<MarkdownSample>(html`<test-markdown-sample></test-markdown-sample>`);
      const root = el.shadowRoot!;
      const link = root.querySelector('a')!;
      expect(getComputedStyle(link).color).to.equal('rgb(26, 95, 180)');
      expect(getComputedStyle(link).textDecorationLine).to.equal('underline');
      expect(getComputedStyle(root.querySelector('code')!).fontFamily).to.contain('monospace');
      const ul = root.querySelector('ul')!;
      expect(getComputedStyle(ul).paddingInlineStart).to.equal(`${parseFloat(getComputedStyle(ul).fontSize) * 1.5}px`);
      el.style.setProperty('--codat-color-accent', 'rgb(1, 2, 3)');
      expect(getComputedStyle(link).color).to.equal('rgb(1, 2, 3)');
    });

    it('is accessible', async () => {
      const el = await fixture<MarkdownSample>(html`<test-markdown-sample></test-markdown-sample>`);
      expectOnlyAllowed(el.shadowRoot!.querySelector('.markdown')!);
      await expect(el).to.be.accessible();
    });
  });
});
