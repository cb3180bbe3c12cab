/**
 * Fails when the committed custom-elements.json differs from what `npm run analyze` would write now.
 * The manifest is regenerated into a temporary folder, so the working tree is never touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

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
  const fresh = readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
  if (!existsSync(committed)) {
    console.error('custom-elements.json is missing: run npm run analyze');
    process.exitCode = 1;
  } else if (readFileSync(committed, 'utf8') !== fresh) {
    console.error('custom-elements.json is out of date: run npm run analyze');
    process.exitCode = 1;
  } else {
    console.log('custom-elements.json is up to date');
  }
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
