/**
 * Writes the API reference from custom-elements.json: docs/REFERENCE.md and demo/reference.html (served with the
 * demo), one section per element with its attributes, properties, methods, events, slots, CSS parts and CSS custom
 * properties. `npm run analyze` runs it after the analyzer; `npm run analyze:check` fails when either file differs
 * from what this script would write from the committed manifest.
 *
 *   node scripts/generate-reference.mjs           write both files
 *   import { renderReference } from '…'           { markdown, html } for a manifest object, written nowhere
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
export const OUTPUTS = { markdown: join(root, 'docs/REFERENCE.md'), html: join(root, 'demo/reference.html') };

/** The kit's elements in the manifest, by tag name, each with its public API only. */
export function elementsOf(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.tagName) continue;
      const isPublic = (m) => !m.privacy && !m.static && !m.name.startsWith('#');
      elements.push({
        tag: d.tagName,
        className: d.name,
        path: module.path,
        summary: d.summary ?? '',
        description: d.description ?? '',
        attributes: d.attributes ?? [],
        properties: (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m)),
        methods: (d.members ?? []).filter((m) => m.kind === 'method' && isPublic(m)),
        events: d.events ?? [],
        slots: d.slots ?? [],
        parts: d.cssParts ?? [],
        cssProperties: d.cssProperties ?? [],
      });
    }
  }
  return elements.sort((a, b) => a.tag.localeCompare(b.tag));
}

const oneLine = (text = '') => text.replace(/\s*\n\s*/g, ' ').trim();
const signature = (m) =>
  `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ')})` +
  (m.return?.type?.text ? `: ${m.return.type.text}` : '');

/** Each table: its heading, its columns, and each row's cells (plain text that may hold `code` spans). */
function tablesOf(el) {
  return [
    [
      'Attributes',
      ['Attribute', 'Property', 'Type', 'Default', 'Description'],
      el.attributes.map((a) => [
        `\`${a.name}\``,
        a.fieldName ? `\`${a.fieldName}\`` : '',
        a.type?.text ? `\`${a.type.text}\`` : '',
        a.default ? `\`${a.default}\`` : '',
        oneLine(a.description),
      ]),
    ],
    [
      'Properties',
      ['Property', 'Attribute', 'Type', 'Default', 'Description'],
      el.properties.map((p) => [
        `\`${p.name}\``,
        p.attribute ? `\`${p.attribute}\`` : '',
        p.type?.text ? `\`${p.type.text}\`` : '',
        p.default ? `\`${oneLine(p.default)}\`` : '',
        oneLine(p.description),
      ]),
    ],
    ['Methods', ['Method', 'Description'], el.methods.map((m) => [`\`${signature(m)}\``, oneLine(m.description)])],
    [
      'Events',
      ['Event', 'Type', 'Description'],
      el.events.map((e) => [`\`${e.name}\``, e.type?.text ? `\`${e.type.text}\`` : '', oneLine(e.description)]),
    ],
    [
      'Slots',
      ['Slot', 'Description'],
      el.slots.map((s) => [s.name ? `\`${s.name}\`` : '(default)', oneLine(s.description)]),
    ],
    ['CSS parts', ['Part', 'Description'], el.parts.map((p) => [`\`${p.name}\``, oneLine(p.description)])],
    [
      'CSS custom properties',
      ['Property', 'Default', 'Description'],
      el.cssProperties.map((p) => [`\`${p.name}\``, p.default ? `\`${p.default}\`` : '', oneLine(p.description)]),
    ],
  ].filter(([, , rows]) => rows.length > 0);
}

const INTRO =
  'Generated from custom-elements.json by scripts/generate-reference.mjs (`npm run analyze`); do not edit by hand. ' +
  'Every element reads the same design tokens (the `--codat-*` custom properties, with their light defaults; the ' +
  'dark defaults are in each description) and takes the `theme` attribute. Parts of the elements inside ' +
  '`<codat-connections>` are forwarded with a `list-`, `detail-` or `confirm-` prefix.';

export function renderMarkdown(manifest) {
  const elements = elementsOf(manifest);
  const cell = (text) => text.replace(/\|/g, '\\|');
  const out = ['# API reference', '', INTRO, ''];
  for (const el of elements) out.push(`- [\`<${el.tag}>\`](#${el.tag}): ${oneLine(el.summary)}`);
  for (const el of elements) {
    out.push('', `## ${el.tag}`, '', `\`<${el.tag}>\`, class \`${el.className}\` (${el.path}).`, '');
    if (el.description) out.push(oneLine(el.description), '');
    for (const [heading, columns, rows] of tablesOf(el)) {
      out.push(`### ${heading}`, '', `| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
      for (const row of rows) out.push(`| ${row.map(cell).join(' | ')} |`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Plain text with `code` spans as HTML: everything escaped, backticks turned into <code>. */
const inline = (text) => escapeHtml(text).replace(/`([^`]+)`/g, (_match, code) => `<code>${code}</code>`);

export function renderHtml(manifest) {
  const elements = elementsOf(manifest);
  const out = [
    '<!doctype html>',
    '<html lang="en-GB">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    '    <title>API reference · Codat connections kit</title>',
    '    <link rel="icon" href="data:," />',
    '    <link rel="stylesheet" href="./demo.css" />',
    '  </head>',
    '  <body class="reference">',
    '    <header class="page-header">',
    '      <h1>API reference</h1>',
    `      <p>${inline(INTRO)}</p>`,
    '      <p><a href="./index.html">Demo</a> · <a href="./themes.html">Three host themes</a></p>',
    '      <nav aria-label="Elements">',
    '        <ul>',
    ...elements.map(
      (el) =>
        `          <li><a href="#${el.tag}"><code>&lt;${el.tag}&gt;</code></a>: ${inline(oneLine(el.summary))}</li>`,
    ),
    '        </ul>',
    '      </nav>',
    '    </header>',
    '    <main>',
  ];
  for (const el of elements) {
    out.push(
      `      <section id="${el.tag}" aria-labelledby="${el.tag}-heading">`,
      `        <h2 id="${el.tag}-heading"><code>&lt;${el.tag}&gt;</code></h2>`,
      `        <p>Class <code>${escapeHtml(el.className)}</code> (${escapeHtml(el.path)}).</p>`,
    );
    if (el.description) out.push(`        <p>${inline(oneLine(el.description))}</p>`);
    for (const [heading, columns, rows] of tablesOf(el)) {
      const id = `${el.tag}-${heading.toLowerCase().replace(/\s+/g, '-')}`;
      out.push(
        `        <h3 id="${id}">${heading}</h3>`,
        '        <div class="table-scroll">',
        `          <table aria-labelledby="${id}">`,
        `            <thead><tr>${columns.map((c) => `<th scope="col">${c}</th>`).join('')}</tr></thead>`,
        '            <tbody>',
        ...rows.map((row) => `              <tr>${row.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`),
        '            </tbody>',
        '          </table>',
        '        </div>',
      );
    }
    out.push('      </section>');
  }
  out.push('    </main>', '  </body>', '</html>');
  return `${out.join('\n')}\n`;
}

export function renderReference(manifest) {
  return { markdown: renderMarkdown(manifest), html: renderHtml(manifest) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const { markdown, html } = renderReference(manifest);
  writeFileSync(OUTPUTS.markdown, markdown);
  writeFileSync(OUTPUTS.html, html);
  console.log('wrote docs/REFERENCE.md and demo/reference.html');
}
