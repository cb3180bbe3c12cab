/**
 * A safe Markdown subset for host-supplied text (such as the `text` option of Codat's Connections SDK, whose
 * `…dataTypes` entries say what a connection shares), rendered straight into Lit templates.
 *
 * Written by hand because it is small. micromark (15.7 KB min+gzip) or marked (15.3 KB) would each take well over
 * half of the kit's 25 KB bundle budget, both produce an HTML string that could only be shown through `unsafeHTML`
 * (raw `innerHTML`, see PITFALLS.md) and a sanitizer, and marked passes raw HTML through by default. This file only
 * builds `html` templates with text and attribute bindings: the browser never parses markup from the source, so
 * nothing in it can run and Trusted Types has no sink to object to.
 *
 * Supported:
 * - blocks (`renderMarkdown` only): paragraphs separated by blank lines, with line breaks inside one shown as spaces;
 *   bullet lists (`-`, `*`, `+`) and ordered lists (`1.`), one level deep, an item being its line plus any lines that
 *   follow it directly;
 * - inline: `**strong**`, `__strong__`, `*em*`, `_em_`, `` `code` `` (any run of backticks, as in CommonMark),
 *   `[label](url)` links whose label may hold emphasis and code, and backslash escapes of ASCII punctuation.
 *
 * A link's URL must pass `safeLinkUrl`: absolute `https:` or `mailto:`, no credentials. Any other link shows its
 * label without the link. `https:` links open in a new tab with `rel="noopener noreferrer"`.
 *
 * Deliberately not supported, shown as the literal characters: raw HTML, character references (`&amp;` stays
 * `&amp;`), images, headings, block quotes, code blocks, tables, thematic breaks, autolinks `<…>`, link titles and
 * reference links, nested lists (indented items join the list), hard line breaks. Ordered lists number from 1 whatever
 * number they start at, since no attribute but a link's `href`, `rel` and `target` is ever written.
 *
 * Where the supported part differs from CommonMark: no "rule of 3" for delimiter runs (`*a**b*` gives two emphases,
 * not one around `a**b`), and emphasis cannot close across a `[` that may still become a link (`*[a*` stays text).
 *
 * Cost: one pass over the input, linear in its length; code spans and link destinations find their ends through
 * tables built in one pass beforehand, never by scanning ahead again. Input longer than `MAX_LENGTH` is cut there and
 * ends with "…". Inline elements nested deeper than `MAX_NESTING` are shown as their plain text, so hostile input
 * cannot exhaust the stack. U+0000 becomes U+FFFD, as CommonMark requires.
 */
import { css, html, type TemplateResult } from 'lit';
import { safeLinkUrl } from './safe-url.js';

/** The longest source rendered, in UTF-16 code units; longer input is cut here and ends with "…". */
export const MAX_LENGTH = 10_000;

/** The deepest nesting of inline elements rendered; anything deeper is shown as its plain text. */
export const MAX_NESTING = 8;

/**
 * Styles for rendered Markdown. The including element puts the output inside an element with `class="markdown"`
 * (the renderer writes no classes of its own).
 */
export const markdownStyles = css`
  .markdown {
    overflow-wrap: anywhere;
  }
  .markdown p,
  .markdown ul,
  .markdown ol {
    margin-block: 0 0.5em;
  }
  .markdown > :last-child {
    margin-block-end: 0;
  }
  .markdown ul,
  .markdown ol {
    padding-inline-start: 1.5em;
  }
  .markdown a {
    color: var(--_accent);
    text-decoration: underline;
  }
  .markdown code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
`;

/** Renders `source` as paragraphs and lists of inline Markdown. Anything but a string renders nothing. */
export function renderMarkdown(source: string): TemplateResult {
  return html`${parseBlocks(prepare(source)).map(renderBlock)}`;
}

/** Renders `source` as inline Markdown only (one list item's text): block markers and line breaks are text. */
export function renderInlineMarkdown(source: string): TemplateResult {
  return html`${renderInline(joinLines(prepare(source).split(LINE_BREAK)))}`;
}

// Blocks

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] };

const LINE_BREAK = /\r\n?|\n/;
/** A list item's marker on a trimmed line: `-`, `*` or `+`, or a number and a full stop; then white space. */
const LIST_ITEM = /^(?:[-*+]|(\d{1,9})\.)[ \t]+/;

/** Cuts the source to `MAX_LENGTH` (never inside a surrogate pair) and replaces U+0000. */
function prepare(source: unknown): string {
  if (typeof source !== 'string') return '';
  let text = source;
  if (text.length > MAX_LENGTH) {
    const end = /[\uD800-\uDBFF]/.test(text[MAX_LENGTH - 1]!) ? MAX_LENGTH - 1 : MAX_LENGTH;
    text = `${text.slice(0, end)}…`;
  }
  return text.replace(/\0/g, '\uFFFD');
}

const joinLines = (lines: string[]): string =>
  lines
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');

function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: { kind: 'p'; lines: string[] } | undefined;
  let list: { kind: 'ul' | 'ol'; items: string[] } | undefined;
  let afterBlank = false;
  for (const raw of source.split(LINE_BREAK)) {
    const line = raw.trim();
    if (!line) {
      paragraph = undefined;
      afterBlank = true;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    const ordered = item?.[1] !== undefined;
    // As in CommonMark, an ordered list interrupts a paragraph only when it starts at 1 ("in\n2019. we…" is text).
    if (item && !(paragraph && ordered && Number(item[1]) !== 1)) {
      paragraph = undefined;
      const kind = ordered ? 'ol' : 'ul';
      if (list?.kind !== kind) blocks.push((list = { kind, items: [] }));
      list.items.push(line.slice(item[0].length));
    } else if (list && !afterBlank) {
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      list = undefined;
      if (!paragraph) blocks.push((paragraph = { kind: 'p', lines: [] }));
      paragraph.lines.push(line);
    }
    afterBlank = false;
  }
  return blocks;
}

function renderBlock(block: Block): TemplateResult {
  if (block.kind === 'p') return html`<p>${renderInline(joinLines(block.lines))}</p>`;
  const items = block.items.map((item) => html`<li>${renderInline(item)}</li>`);
  // Prettier would break these templates over lines, adding white-space text nodes to every list.
  // prettier-ignore
  return block.kind === 'ul' ? html`<ul>${items}</ul>` : html`<ol>${items}</ol>`;
}

// Inline

type Text = { kind: 'text'; text: string; marker?: boolean };
export type Inline =
  | Text
  | { kind: 'code'; text: string }
  | { kind: 'em' | 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

/** A run of `*` or `_` that may still open emphasis: its marker text in the output, and where its content starts. */
interface Opener {
  marker: Text;
  start: number;
}

/** A `[` or `![` that may still become a link (or an image, shown as text). */
interface Bracket {
  /** Where its label starts in the output. */
  start: number;
  /** Where it starts in the source. */
  from: number;
  image: boolean;
  /** How many links had been made when it opened: a link inside its label means it cannot be one. */
  links: number;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const isWhitespace = (char: string): boolean => char === '' || /\s/u.test(char);
const isPunctuation = (char: string): boolean => /[\p{P}\p{S}]/u.test(char);

/** The code point that ends just before `index` ('' at the start). */
function charBefore(source: string, index: number): string {
  if (index === 0) return '';
  const code = source.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? source.slice(index - 2, index) : source[index - 1]!;
}

/** The code point that starts at `index` ('' at the end). */
const charAt = (source: string, index: number): string =>
  index < source.length ? String.fromCodePoint(source.codePointAt(index)!) : '';

const runLength = (source: string, index: number): number => {
  let end = index;
  while (source[end] === source[index]) end++;
  return end - index;
};

/**
 * For each `(`, the index of the `)` that closes it with no white space or control character between (a link
 * destination cannot hold any), or -1. One pass with a stack that white space empties.
 */
function matchParentheses(source: string): Int32Array {
  const closes = new Int32Array(source.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\' && ASCII_PUNCTUATION.test(source[i + 1] ?? '')) i++;
    else if (char === '(') open.push(i);
    else if (char === ')') {
      const start = open.pop();
      if (start !== undefined) closes[start] = i;
    } else if (char <= ' ') open.length = 0;
  }
  return closes;
}

/**
 * Finds where a code span closes: the next run of exactly as many backticks. Runs are listed by length in one pass,
 * and each list is read forwards only, so every run is looked at a bounded number of times.
 */
function codeSpanCloser(source: string): (length: number, from: number) => number {
  const runs = new Map<number, { starts: number[]; next: number }>();
  for (const match of source.matchAll(/`+/g)) {
    const length = match[0].length;
    const entry = runs.get(length) ?? { starts: [], next: 0 };
    runs.set(length, entry);
    entry.starts.push(match.index);
  }
  return (length, from) => {
    const entry = runs.get(length);
    if (!entry) return -1;
    while (entry.next < entry.starts.length && entry.starts[entry.next]! < from) entry.next++;
    return entry.next < entry.starts.length ? entry.starts[entry.next++]! : -1;
  };
}

/** A code span's text: one space is dropped from each end when both ends have one and it is not all spaces. */
const codeText = (content: string): string =>
  content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)
    ? content.slice(1, -1)
    : content;

/**
 * Tokenizes one block's text into inline nodes, left to right. Emphasis follows CommonMark's delimiter runs and
 * flanking rules; an opener is found from three stacks (`*` runs, `_` runs, brackets) whose entries all point into
 * the tail of `out`, so wrapping a match is one `splice` of the tail. Exported for tests; it does not cut long input.
 */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  const openers: Record<'*' | '_', Opener[]> = { '*': [], _: [] };
  const brackets: Bracket[] = [];
  const parentheses = matchParentheses(source);
  const codeCloser = codeSpanCloser(source);
  const special = /[\\`*_[\]!]/g;
  let links = 0;

  const text = (value: string) => {
    const last = out[out.length - 1];
    if (last?.kind === 'text' && !last.marker) last.text += value;
    else out.push({ kind: 'text', text: value });
  };
  const marker = (value: string): Text => {
    const node: Text = { kind: 'text', text: value, marker: true };
    out.push(node);
    return node;
  };
  const dropOpenersAfter = (start: number) => {
    for (const stack of [openers['*'], openers._]) while ((stack[stack.length - 1]?.start ?? -1) > start) stack.pop();
  };

  /** Closes emphasis with up to `count` delimiters of `char`; returns how many are left. */
  const closeEmphasis = (char: '*' | '_', count: number): number => {
    const own = openers[char];
    const floor = brackets[brackets.length - 1]?.start ?? -1;
    while (count > 0) {
      const opener = own[own.length - 1];
      if (!opener || opener.start <= floor) break;
      dropOpenersAfter(opener.start);
      const use = count >= 2 && opener.marker.text.length >= 2 ? 2 : 1;
      opener.marker.text = opener.marker.text.slice(use);
      count -= use;
      out.push({ kind: use === 2 ? 'strong' : 'em', children: out.splice(opener.start) });
      if (!opener.marker.text) {
        own.pop();
        out.splice(opener.start - 1, 1);
      }
    }
    return count;
  };

  /** A run of `*` or `_` at `index`, `length` long (CommonMark's left- and right-flanking rules). */
  const delimiterRun = (index: number, length: number) => {
    const char = source[index] as '*' | '_';
    const before = charBefore(source, index);
    const after = charAt(source, index + length);
    const left = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    const right = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    // `_` does not open or close inside a word, so snake_case_names stay as they are.
    const canOpen = char === '*' ? left : left && (!right || isPunctuation(before));
    const canClose = char === '*' ? right : right && (!left || isPunctuation(after));
    const remaining = canClose ? closeEmphasis(char, length) : length;
    if (remaining === 0) return;
    const node = marker(char.repeat(remaining));
    if (canOpen) openers[char].push({ marker: node, start: out.length });
  };

  /** A `]` at `index`: a link (or an image, as text) when a bracket is open and `(destination)` follows. */
  const closeBracket = (index: number): number => {
    const bracket = brackets.pop();
    const close = source[index + 1] === '(' ? parentheses[index + 1]! : -1;
    if (!bracket || close < 0 || (!bracket.image && bracket.links !== links)) {
      text(']');
      return index + 1;
    }
    dropOpenersAfter(bracket.start);
    const label = out.splice(bracket.start);
    out.pop(); // the bracket's own `[` or `![`
    if (bracket.image) {
      text(source.slice(bracket.from, close + 1));
    } else {
      links++;
      const href = safeLinkUrl(source.slice(index + 2, close).replace(ESCAPED, '$1'));
      if (href) out.push({ kind: 'link', href, children: label });
      else for (const node of label) out.push(node);
    }
    return close + 1;
  };

  let i = 0;
  while (i < source.length) {
    special.lastIndex = i;
    const next = special.exec(source)?.index ?? source.length;
    if (next > i) {
      text(source.slice(i, next));
      i = next;
      continue;
    }
    const char = source[i];
    if (char === '\\') {
      const escaped = source[i + 1] ?? '';
      const isEscape = ASCII_PUNCTUATION.test(escaped);
      text(isEscape ? escaped : '\\');
      i += isEscape ? 2 : 1;
    } else if (char === '`') {
      const length = runLength(source, i);
      const close = codeCloser(length, i + length);
      if (close < 0) text(source.slice(i, i + length));
      else out.push({ kind: 'code', text: codeText(source.slice(i + length, close)) });
      i = close < 0 ? i + length : close + length;
    } else if (char === '*' || char === '_') {
      const length = runLength(source, i);
      delimiterRun(i, length);
      i += length;
    } else if (char === '[' || (char === '!' && source[i + 1] === '[')) {
      const image = char === '!';
      marker(image ? '![' : '[');
      brackets.push({ start: out.length, from: i, image, links });
      i += image ? 2 : 1;
    } else if (char === ']') {
      i = closeBracket(i);
    } else {
      text(char!);
      i += 1;
    }
  }
  return out;
}

type Rendered = string | TemplateResult;

const renderInline = (source: string): Rendered[] => renderNodes(parseInline(source), 0);

/** Renders nodes, joining neighbouring text into one text node. */
function renderNodes(nodes: Inline[], depth: number): Rendered[] {
  const rendered: Rendered[] = [];
  let pending = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      pending += node.text;
      continue;
    }
    if (pending) rendered.push(pending);
    pending = '';
    rendered.push(renderNode(node, depth));
  }
  if (pending) rendered.push(pending);
  return rendered;
}

function renderNode(node: Exclude<Inline, Text>, depth: number): Rendered {
  if (node.kind === 'code') return html`<code>${node.text}</code>`;
  if (depth >= MAX_NESTING) return plainText(node);
  const children = renderNodes(node.children, depth + 1);
  if (node.kind === 'link') {
    return node.href.startsWith('https:')
      ? html`<a href=${node.href} rel="noopener noreferrer" target="_blank">${children}</a>`
      : html`<a href=${node.href}>${children}</a>`;
  }
  return node.kind === 'strong' ? html`<strong>${children}</strong>` : html`<em>${children}</em>`;
}

/** The text of a node and everything inside it, without recursion (it may be nested thousands deep). */
function plainText(root: Inline): string {
  let result = '';
  const stack: Inline[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if ('children' in node) for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
    else result += node.text;
  }
  return result;
}
