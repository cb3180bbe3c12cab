/**
 * Fails when the committed custom-elements.json differs from what `npm run analyze` would write now, or when the
 * committed reference (docs/REFERENCE.md, demo/reference.html) differs from what scripts/generate-reference.mjs writes
 * from that manifest. The manifest is regenerated into a temporary folder, so the working tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { OUTPUTS, renderReference } from './generate-reference.mjs';

const root = resolve(import.meta.dirname, '..');
const committed = join(root, 'custom-elements.json');
const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
const outdir = mkdtempSync(join(tmpdir(), 'codat-cem-'));

try {
  // The analyzer joins outdir onto the working directory, so it must be relative.
  execFileSync(process.execPath, [cem, 'analyze', '--quiet'], {
    cwd: root,
    env: { ...process.env, CEM_OUTDIR: relative(root, outdir) },
    stdio: 'inherit',
  });
  // The analyzer's module order follows the file system's listing order, which differs between machines:
  // compare with the modules sorted by path, and render the reference from the committed file.
  const canonical = (text) => {
    const manifest = JSON.parse(text);
    manifest.modules?.sort((a, b) => a.path.localeCompare(b.path));
    return JSON.stringify(manifest);
  };
  let fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  if (!existsSync(committed)) {
    console.error('custom-elements.json is missing: run npm run analyze');
    process.exitCode = 1;
  } else if (canonical(readFileSync(committed, 'utf8')) !== canonical(fresh)) {
    console.error('custom-elements.json is out of date: run npm run analyze');
    process.exitCode = 1;
  } else {
    fresh = readFileSync(committed, 'utf8');
    console.log('custom-elements.json is up to date');
  }
  const reference = renderReference(JSON.parse(fresh));
  for (const [kind, path] of Object.entries(OUTPUTS)) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== reference[kind]) {
      console.error(`${relative(root, path)} is out of date: run npm run analyze`);
      process.exitCode = 1;
    }
  }
  if (!process.exitCode) console.log('docs/REFERENCE.md and demo/reference.html are up to date');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
