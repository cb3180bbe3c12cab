/**
 * Hostile strings for the kit's hostile-data tests (`test/hostile.test.ts`): markup and event handlers, script URLs,
 * bidi overrides, zero-width and combining-mark floods, a 5,000-character word, emoji sequences, lone surrogates,
 * control characters, right-to-left names, template syntax, CSS breakouts and Markdown link injection.
 *
 * Every payload that could run sets `window.__pwned` (to a number naming the entry), so a test proves nothing ran
 * by finding it still undefined. Each is a plain string (valid JSON, valid for the OpenAPI schema's `string`).
 */

/** The name of the sentinel every executable payload sets. */
export const SENTINEL = '__pwned';

/** Whether any payload ran: the sentinel's value, `undefined` when none did. */
export const pwned = (): unknown => (window as unknown as Record<string, unknown>)[SENTINEL];

/** One hostile string and what kind of attack it is. */
export interface HostileString {
  kind: string;
  value: string;
}

const s = (kind: string, value: string): HostileString => ({ kind, value });

/** A word of 5,000 letters and no break opportunity. */
export const LONG_WORD = 'W'.repeat(5000);

/** `text` with each character followed by 30 combining marks (Zalgo). */
const zalgo = (text: string) => [...text].map((ch) => ch + '\u0301\u0316\u0334\u035c\u0360\u0489'.repeat(5)).join('');

/** Markup, event handlers and breakouts: each would set the sentinel if it reached an HTML parser. */
export const MARKUP: readonly HostileString[] = [
  s('img onerror', '<img src=x onerror="window.__pwned=1">'),
  s('script', '<script>window.__pwned=2</script>'),
  s('svg onload', '<svg onload="window.__pwned=3"></svg>'),
  s('iframe srcdoc breakout', '"><iframe srcdoc="<script>parent.__pwned=4</script>"></iframe>'),
  s('attribute breakout', '" onmouseover="window.__pwned=5" autofocus onfocus="window.__pwned=5" x="'),
  s('single-quote breakout', "' onfocus='window.__pwned=6' autofocus tabindex='0"),
  s('details ontoggle', '<details open ontoggle="window.__pwned=7"><summary>x</summary></details>'),
  s('body onload', '<body onload="window.__pwned=8">'),
  s('math/xlink', '<math><a xlink:href="javascript:window.__pwned=9">click</a></math>'),
  s('style breakout', '</style><img src=x onerror="window.__pwned=10"><style>'),
  s('css injection', '</style><style>*{display:none!important}</style>'),
  s('css expression', 'x{} * { background: url("javascript:window.__pwned=11") }'),
  s('textarea breakout', '</textarea><script>window.__pwned=12</script>'),
  s('title breakout', '</title><script>window.__pwned=13</script>'),
  s('template breakout', '<template><img src=x onerror="window.__pwned=14"></template>'),
  s('comment breakout', '--><img src=x onerror="window.__pwned=15"><!--'),
  s('entity-encoded markup', '&lt;img src=x onerror=&quot;window.__pwned=16&quot;&gt;'),
  s('object data', '<object data="javascript:window.__pwned=17"></object>'),
  s('meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=18">'),
  s('form action', '<form action="javascript:window.__pwned=19"><button>Go</button></form>'),
];

/** URLs that run script or leave the expected origins: refused wherever a URL is bound. */
export const URLS: readonly HostileString[] = [
  s('javascript:', 'javascript:window.__pwned=20'),
  s('javascript: mixed case', 'JaVaScRiPt:window.__pwned=21'),
  s('javascript: with tab', 'java\tscript:window.__pwned=22'),
  s('javascript: with newline', 'java\nscript:window.__pwned=23'),
  s('javascript: leading space and control', ' \u0001javascript:window.__pwned=24'),
  s('javascript: entity-encoded', '&#106;avascript:window.__pwned=25'),
  s('data: html', 'data:text/html,<script>window.__pwned=26</script>'),
  s('data: svg base64', 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3B3bmVkPTI3Ij48L3N2Zz4='),
  s('vbscript:', 'vbscript:msgbox(28)'),
  s('relative', '/evil/start'),
  s('protocol-relative', '//evil.example/start'),
  s('http: other host', 'http://link.codat.io.evil.example/start'),
  s('credentials', 'https://link.codat.io@evil.example/start'),
];

/** Unicode that can reorder, hide, flood or break text. */
export const UNICODE: readonly HostileString[] = [
  s('RLO override', 'Xero\u202E gnikcah \u202C'),
  s('bidi isolates unbalanced', '\u2066\u2067\u2068Xero'),
  s('lone FSI', 'Sage \u2068'),
  s('lone PDI', '\u2069 Sage'),
  s('zero-width', 'X\u200Be\u200Cr\u200Do\uFEFF\u2060'),
  s('zalgo', zalgo('Xero')),
  s('long word', LONG_WORD),
  s('emoji ZWJ', '👩🏽‍💻👨‍👩‍👧‍👦🏳️‍🌈 Bank'),
  s('lone high surrogate', 'Bank \uD800 plc'),
  s('lone low surrogate', '\uDFFF Bank'),
  s('NUL and controls', 'Bank\u0000\u0007\u001B[31m\u007F\u0085 plc'),
  s('line and paragraph separators', 'Bank\u2028\u2029plc\r\n\tLtd'),
  s('Arabic name', 'البنك الأهلي التجاري'),
  s('Hebrew name with numbers', 'בנק לאומי 2026 (UK)'),
  s('mixed RTL with override', 'בנק \u202Eevil.example\u202C'),
];

/** Text that looks like code to some template engine or Markdown renderer. */
export const TEMPLATES: readonly HostileString[] = [
  s('template literal', '${window.__pwned=29}'),
  s('moustache', '{{constructor.constructor("window.__pwned=30")()}}'),
  s('text-option placeholder', '{0} {1} {url} {platform}'),
  s('markdown javascript link', '[Click me](javascript:window.__pwned=31)'),
  s('markdown data link', '[Click me](data:text/html,<script>window.__pwned=32</script>)'),
  s('markdown image', '![x](https://evil.example/x.png" onerror="window.__pwned=33)'),
  s('markdown autolink', '<javascript:window.__pwned=34>'),
  s('markdown raw html', 'Invoices <img src=x onerror="window.__pwned=35"> and **bills**'),
  s('markdown reference link', '[x][1]\n\n[1]: javascript:window.__pwned=36'),
];

/** Every hostile string. */
export const CORPUS: readonly HostileString[] = [...MARKUP, ...URLS, ...UNICODE, ...TEMPLATES];

/** Strings that are safe to use as names (every entry except those meant only as URLs). */
export const NAMES: readonly HostileString[] = [...MARKUP, ...UNICODE, ...TEMPLATES, ...URLS];

/** Elements the kit never renders from data: finding one in a shadow root means markup got through. */
export const FOREIGN_SELECTOR =
  'script, iframe, object, embed, svg, math, meta, body, form, template, style, ' +
  'details[ontoggle], [onerror], [onload], [onfocus], [onmouseover], [ontoggle], a[href^="javascript:" i], ' +
  'a[href^="data:" i], a[href^="vbscript:" i], img[src^="data:text" i], img[src^="javascript:" i]';
