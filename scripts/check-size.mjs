/**
 * Checks dist/ after `npm run build`; exits 1 on the first class of failure it finds, listing every instance.
 *
 * 1. Every path in package.json `exports` and `bin` exists.
 * 2. Every dist/**\/*.js parses in Node 20 (`node --check`): this catches raw decorator syntax or any other
 *    syntax newer than the ES2022 target that slipped through the build. None inlines a file as a data: URL.
 * 3. dist/codat-connections.js is at most SIZE_BUDGET_KB (default 40) KB min+gzip (gzip level 9), contains
 *    Lit's production build, and contains no sandbox, msw or unsafeHTML code.
 * 4. The npm entries `index` and `define` (with the chunks they import) import no msw and no sandbox code.
 * It also prints the sizes of the npm entries.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const bundlePath = join(dist, 'codat-connections.js');
const budgetKb = Number(process.env.SIZE_BUDGET_KB ?? 40);
const budget = budgetKb * 1024;

/** Strings whose presence in the CDN bundle means sandbox, msw or an HTML sink got in. */
const forbiddenInBundle = ['mockServiceWorker', 'setupWorker', 'SandboxStore', '[MSW]', 'msw', 'unsafeHTML'];
/** Only present in Lit's development build. */
const litDevMarker = 'Lit is in dev mode';

const failures = [];
const fail = (message) => failures.push(message);
const show = (path) => relative(root, path);
const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
const gzipSize = (buffer) => gzipSync(buffer, { level: 9 }).length;

function finish(stage) {
  if (failures.length === 0) return;
  console.error(`\nsize check failed (${stage}):`);
  for (const message of failures) console.error(`  - ${message}`);
  process.exit(1);
}

if (!existsSync(dist)) {
  console.error('size check failed: dist/ does not exist: run npm run build first');
  process.exit(1);
}

// 1. package.json points only at files that exist.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
function targets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(targets);
  return [];
}
const published = [...targets(pkg.exports), ...targets(pkg.bin)];
for (const target of published) {
  if (!existsSync(join(root, target))) fail(`package.json points at ${target}, which does not exist`);
}
finish('missing files');

// 2. Everything parses as plain ES2022 modules.
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}
for (const file of jsFiles(dist)) {
  if (/new URL\(\s*["'`]data:/.test(readFileSync(file, 'utf8'))) {
    fail(`${show(file)} inlines a file as a data: URL (new URL(…, import.meta.url)); node:fs cannot read it`);
  }
  try {
    execFileSync(process.execPath, ['--check', file], { stdio: 'pipe' });
  } catch (error) {
    const firstLines = String(error.stderr).split('\n').slice(0, 5).join('\n      ');
    fail(`${show(file)} does not parse in Node ${process.versions.node} (raw decorators?):\n      ${firstLines}`);
  }
}
finish('syntax and inlined files');

// 3. The CDN bundle: budget and contents.
if (!existsSync(bundlePath)) {
  fail(`${show(bundlePath)} does not exist`);
  finish('bundle');
}
const bundle = readFileSync(bundlePath);
const bundleText = bundle.toString('utf8');
const bundleGzip = gzipSize(bundle);
for (const word of forbiddenInBundle) {
  if (bundleText.includes(word))
    fail(`${show(bundlePath)} contains "${word}": no sandbox, msw or unsafeHTML in the bundle`);
}
if (bundleText.includes(litDevMarker)) fail(`${show(bundlePath)} contains Lit's development build`);
if (bundleGzip > budget) {
  fail(
    `${show(bundlePath)} is ${kb(bundleGzip)} min+gzip, over the budget of ${kb(budget)} ` +
      `by ${kb(bundleGzip - budget)}`,
  );
}

// 4. The npm entries: sizes with the chunks they import, and no sandbox reachable from the element entries.
/** The entry and every dist file it imports with a relative static import, and the bare specifiers it imports. */
function closure(entry) {
  const files = new Set();
  const bare = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(
      /(?:^|[\s;}])(?:import|export)\s*(?:[^'";]*?\bfrom\s*)?["']([^"']+)["']/g,
    )) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return { files: [...files], bare: [...bare] };
}

console.log(`${'file'.padEnd(32)} ${'bytes'.padStart(10)} ${'min+gzip'.padStart(10)}   note`);
const row = (name, raw, gz, note = '') =>
  console.log(`${name.padEnd(32)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}   ${note}`);
row(show(bundlePath), bundle.length, bundleGzip, `budget ${kb(budget)}`);

const npmEntries = ['index.js', 'define.js', 'sandbox/index.js', 'sandbox/node.js', 'sandbox/cli.js'];
for (const name of npmEntries) {
  const entry = join(dist, name);
  if (!existsSync(entry)) continue;
  const { files, bare } = closure(entry);
  const code = Buffer.concat(files.map((file) => readFileSync(file)));
  const externals = bare.length > 0 ? `imports ${bare.join(', ')}` : '';
  row(show(entry), code.length, gzipSize(code), `+ ${files.length - 1} imported file(s), unminified; ${externals}`);
  if (!name.startsWith('sandbox/')) {
    const msw = bare.filter((specifier) => specifier === 'msw' || specifier.startsWith('msw/'));
    if (msw.length > 0) fail(`${show(entry)} imports ${msw.join(', ')}: element entries must not reach the sandbox`);
    const sandboxCode = files.filter((file) => readFileSync(file, 'utf8').includes('SandboxStore'));
    if (sandboxCode.length > 0) fail(`${show(entry)} reaches sandbox code in ${sandboxCode.map(show).join(', ')}`);
  }
}
finish('budget and contents');
console.log(`\nsize check passed: ${show(bundlePath)} ${kb(bundleGzip)} of ${kb(budget)}`);
