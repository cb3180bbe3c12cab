/**
 * The kit's catalogues: every message has an id and a description for translators, every shipped locale has a
 * translation of every id with the same placeholders, and the generated modules and id list are current.
 * Regenerate with `npm run localize`; translate in xliff/<locale>.xlf.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')) as { targetLocales: string[] };

/** Every source file that calls the kit's msg(), with its text. */
function sources(dir = join(root, 'src')): { file: string; code: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'sandbox' || entry.name === 'locales' ? [] : sources(path);
    if (!entry.name.endsWith('.ts')) return [];
    const code = readFileSync(path, 'utf8');
    return code.includes('localization/localize.js') ? [{ file: path, code }] : [];
  });
}

interface Unit {
  id: string;
  source: string;
  target: string | undefined;
  note: string | undefined;
}

function units(locale: string): Unit[] {
  const xliff = readFileSync(join(root, 'xliff', `${locale}.xlf`), 'utf8');
  return [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)].map(([, id, body]) => ({
    id: id!,
    source: /<source>([\s\S]*?)<\/source>/.exec(body!)![1]!,
    target: /<target>([\s\S]*?)<\/target>/.exec(body!)?.[1],
    note: /<note[^>]*>([\s\S]*?)<\/note>/.exec(body!)?.[1],
  }));
}

const placeholders = (text: string) => [...text.matchAll(/<x id="(\d+)"/g)].map((match) => match[1]).sort();

describe('catalogues', () => {
  const calls = sources().flatMap(({ file, code }) =>
    [...code.matchAll(/\bmsg\(/g)].map((match) => ({ file, call: code.slice(match.index, match.index + 600) })),
  );

  it('gives every msg() call an id and a description', () => {
    assert.ok(calls.length > 100, `found ${calls.length} msg() calls`);
    // The options object follows the template: `{ id: '…', desc: '…' }`, before any later msg( call.
    const missing = calls.filter(
      ({ call }) => !/\{\s*id: '[\w.-]+',\s*desc: ['"]/.test(call.slice(0, call.indexOf('msg(', 4) >>> 0)),
    );
    assert.deepEqual(
      missing.map(({ file, call }) => `${file}: ${call.slice(0, 80)}`),
      [],
      'msg() calls without { id, desc }',
    );
  });

  const ids = new Set(
    calls.map(({ call }) => /\{\s*id: '([\w.-]+)'/.exec(call)?.[1]).filter((id): id is string => !!id),
  );

  for (const locale of config.targetLocales) {
    it(`${locale}: translates every id, with its placeholders, and its module is generated from it`, () => {
      const list = units(locale);
      assert.deepEqual(
        list.map((unit) => unit.id).sort(),
        [...ids].sort(),
        'XLIFF ids = source ids (npm run localize)',
      );
      for (const unit of list) {
        assert.ok(unit.note?.trim(), `${unit.id} has a description`);
        assert.ok(unit.target?.trim(), `${locale} translates ${unit.id}`);
        assert.deepEqual(placeholders(unit.target!), placeholders(unit.source), `${locale} ${unit.id} placeholders`);
      }
      const module = readFileSync(join(root, 'src', 'locales', `${locale}.ts`), 'utf8');
      for (const id of ids) assert.ok(module.includes(`'${id}':`), `src/locales/${locale}.ts has ${id}`);
    });
  }

  it('names every DataType of the OpenAPI document with a dataType.<key> text, and no other', () => {
    const platform = JSON.parse(readFileSync(join(root, 'openapi', 'Codat-Platform.json'), 'utf8')) as {
      components: { schemas: { DataStatus: { properties: { dataType: { enum: string[] } } } } };
    };
    const keys = platform.components.schemas.DataStatus.properties.dataType.enum;
    assert.ok(keys.length > 40, `the enum has ${keys.length} keys`);
    const named = [...ids].filter((id) => id.startsWith('dataType.')).map((id) => id.slice('dataType.'.length));
    assert.deepEqual([...named].sort(), [...keys].sort(), 'one dataType.<key> msg() per DataType key');
  });

  it('lists every id in src/locales/ids.ts, for the check of text option keys', () => {
    const file = readFileSync(join(root, 'src', 'locales', 'ids.ts'), 'utf8');
    const listed = [...file.matchAll(/'([\w.-]+)'/g)].map((match) => match[1]);
    assert.deepEqual([...listed].sort(), [...ids].sort());
  });
});
