/**
 * Fails when the OpenAPI documents or the types generated from them have drifted.
 *
 * 1. Each openapi/*.json must be byte-identical to its counterpart in ../shared/openapi/ (the shared copy the
 *    team vendors from), and both folders must hold the same files. Skipped, with a note, when that folder
 *    does not exist (a clean clone, CI).
 * 2. src/api/codat-platform.generated.ts and src/api/codat-banking.generated.ts must equal what
 *    `node scripts/generate-types.mjs` writes now.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { DOCUMENTS } from './generate-types.mjs';

const root = resolve(import.meta.dirname, '..');
const vendored = join(root, 'openapi');
const shared = resolve(root, '..', 'shared', 'openapi');
const problems = [];

// 1. Vendored documents against the shared copy.
const jsonFiles = (dir) => readdirSync(dir).filter((name) => name.endsWith('.json'));
if (existsSync(shared)) {
  const ours = jsonFiles(vendored);
  const theirs = jsonFiles(shared);
  for (const name of theirs.filter((name) => !ours.includes(name))) {
    problems.push(`openapi/${name} is missing (it exists in ${shared})`);
  }
  for (const name of ours.filter((name) => !theirs.includes(name))) {
    problems.push(`openapi/${name} has no counterpart in ${shared}`);
  }
  for (const name of ours.filter((name) => theirs.includes(name))) {
    const a = readFileSync(join(vendored, name), 'utf8');
    const b = readFileSync(join(shared, name), 'utf8');
    if (a === b) continue;
    const sameData = isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
    problems.push(
      `openapi/${name} differs from ${join(shared, name)}` +
        (sameData ? ' (formatting only)' : '') +
        `: copy it over, then run npm run generate:types`,
    );
  }
  if (problems.length === 0) console.log(`openapi/: ${ours.length} document(s) match ${shared}`);
} else {
  console.log(`openapi/: ${shared} does not exist here, skipping the comparison with the shared copy`);
}

// 2. Generated types against a fresh generation.
const tmp = mkdtempSync(join(tmpdir(), 'codat-openapi-'));
try {
  execFileSync(process.execPath, [join(root, 'scripts/generate-types.mjs'), tmp], { cwd: root, stdio: 'pipe' });
  for (const { source, target } of DOCUMENTS) {
    const generated = join(root, target);
    const fresh = join(tmp, target.split('/').at(-1));
    if (!existsSync(generated)) {
      problems.push(`${target} is missing: run npm run generate:types`);
    } else if (readFileSync(generated, 'utf8') !== readFileSync(fresh, 'utf8')) {
      problems.push(`${target} is out of date: run npm run generate:types`);
    } else {
      console.log(`${target} matches ${source}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error('\nOpenAPI drift:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
