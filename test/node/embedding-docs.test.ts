/**
 * docs/EMBEDDING.md cannot drift from the examples the browser tests build and drive: each framework snippet is, word
 * for word, the marked region of its example's source (or the whole file).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFile(new URL(path, root), 'utf8');

/** The fenced block after `<!-- snippet: name -->`. */
export function snippetOf(doc: string, name: string): string {
  const match = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  assert.ok(match, `docs/EMBEDDING.md has a snippet "${name}"`);
  return match[1]!;
}

/** The region between `// snippet: name` and `// end snippet`. */
function regionOf(source: string, name: string, path: string): string {
  const match = new RegExp(`// snippet: ${name}\\n([\\s\\S]*?)\\n// end snippet`).exec(source);
  assert.ok(match, `${path} marks a "${name}" snippet`);
  return match[1]!;
}

const examples = [
  { name: 'react', path: 'demo/examples/react/app.tsx', region: true },
  { name: 'vue', path: 'demo/examples/vue/app.ts', region: true },
  { name: 'svelte', path: 'demo/examples/svelte/ConnectedApps.svelte', region: false },
];

for (const { name, path, region } of examples) {
  test(`docs/EMBEDDING.md's ${name} snippet is ${path}${region ? "'s marked region" : ''}`, async () => {
    const [doc, source] = await Promise.all([read('docs/EMBEDDING.md'), read(path)]);
    const expected = region ? regionOf(source, name, path) : source.trimEnd();
    assert.equal(snippetOf(doc, name), expected);
  });
}
