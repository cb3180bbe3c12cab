/** The API reference (docs/REFERENCE.md, demo/reference.html) is generated from custom-elements.json and current. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain .mjs script without types
import { OUTPUTS, elementsOf, renderReference } from '../../scripts/generate-reference.mjs';

const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));

interface Named {
  name: string;
}
interface Element {
  tag: string;
  attributes: Named[];
  properties: Named[];
  methods: Named[];
  events: Named[];
  slots: Named[];
  parts: Named[];
  cssProperties: Named[];
}

describe('custom-elements.json', () => {
  interface Declaration {
    name: string;
    kind: string;
    customElement?: boolean;
    members?: { name: string; privacy?: string }[];
  }
  const modules = manifest.modules as { path: string; declarations?: Declaration[] }[];

  it('lists the public API only: no private members, no helper modules', () => {
    for (const module of modules) {
      for (const declaration of module.declarations ?? []) {
        for (const member of declaration.members ?? []) {
          assert.ok(
            member.privacy !== 'private' && !member.name.startsWith('#'),
            `${module.path} ${declaration.name}.${member.name} is private`,
          );
        }
      }
    }
    const paths = modules.map((m) => m.path);
    for (const helper of ['bank-accounts', 'invite', 'refresh-controls', 'sync-history']) {
      assert.ok(!paths.includes(`src/elements/connection-detail/${helper}.ts`), `${helper}.ts is internal`);
    }
  });

  it('keeps every element, and what src/index.ts exports beside them', () => {
    const declarations = modules.flatMap((m) => m.declarations ?? []);
    const tags = declarations.filter((d) => d.customElement).map((d) => d.name);
    for (const element of [
      'CodatConnectionList',
      'CodatConnectionDetail',
      'CodatIntegrationPicker',
      'CodatSyncPause',
    ]) {
      assert.ok(tags.includes(element), element);
    }
    assert.ok(
      declarations.some((d) => d.name === 'BRAND_BUTTON_PLATFORMS'),
      'an exported constant',
    );
    assert.ok(
      declarations.some((d) => d.kind === 'mixin' && d.name === 'Localized'),
      'the mixin behind locale',
    );
  });
});

describe('the generated API reference', () => {
  const { markdown, html } = renderReference(manifest) as { markdown: string; html: string };

  it('is committed as generated (npm run analyze writes it)', () => {
    assert.equal(readFileSync(OUTPUTS.markdown, 'utf8'), markdown, 'docs/REFERENCE.md is stale');
    assert.equal(readFileSync(OUTPUTS.html, 'utf8'), html, 'demo/reference.html is stale');
  });

  it('names every element and each of its attributes, properties, methods, events, slots, parts and custom properties', () => {
    const elements = elementsOf(manifest) as Element[];
    assert.ok(elements.length >= 6, 'the kit elements');
    for (const el of elements) {
      assert.ok(markdown.includes(`## ${el.tag}`) && html.includes(`id="${el.tag}"`), el.tag);
      const names = [el.attributes, el.properties, el.methods, el.events, el.slots, el.parts, el.cssProperties]
        .flat()
        .map((item) => item.name)
        .filter(Boolean);
      for (const name of names) {
        assert.ok(markdown.includes(`\`${name}`), `${el.tag} ${name} in the Markdown`);
        assert.ok(html.includes(`<code>${name}`), `${el.tag} ${name} in the HTML`);
      }
    }
    const detail = elements.find((el) => el.tag === 'codat-connection-detail')!;
    assert.ok(
      detail.cssProperties.some((p) => p.name === '--codat-color-accent'),
      'shared tokens per element',
    );
    assert.ok(
      detail.attributes.some((a) => a.name === 'theme'),
      'the theme attribute per element',
    );
  });

  it('escapes markup from descriptions in the HTML page', () => {
    const hostile = {
      modules: [
        {
          path: 'x.ts',
          declarations: [
            {
              tagName: 'codat-x',
              name: 'X',
              summary: '<img src=x onerror=alert(1)>',
              cssParts: [{ name: 'base', description: '`<script>` & "quotes"' }],
            },
          ],
        },
      ],
    };
    const page = (renderReference(hostile) as { html: string }).html;
    assert.ok(!page.includes('<img src=x'), 'no markup from data');
    assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(page.includes('<code>&lt;script&gt;</code> &amp; &quot;quotes&quot;'));
  });
});
