/**
 * Checks dist/ after `npm run build`; exits 1 on the first class of failure it finds, listing every instance.
 *
 * 1. Every path in package.json `exports` and `bin` exists.
 * 2. Every dist/**\/*.js parses in Node 20 (`node --check`): this catches raw decorator syntax or any other
 *    syntax newer than the ES2022 target that slipped through the build. None inlines a file as a data: URL.
 * 3. dist/codat-connections.js is at most SIZE_BUDGET_KB (default 47) KB min+gzip (gzip level 9), contains
 *    Lit's production build, and contains no sandbox, msw, unsafeHTML, React or @lit/react code.
 * 4. The npm entries `index`, `define`, `sdk` and `react` (with the chunks they import) import no msw and no sandbox code,
 *    and each is within its budget in ENTRY_BUDGETS_KB: gzip (level 9) of the entry and every chunk it imports
 *    statically, unminified as published, without lit, @lit/* and ky (the host's bundler resolves and shares
 *    those). Chunks loaded with `import()` (for example a locale catalogue) are printed as on demand, not counted.
 *    No entry but `react` imports React; `react` (the React components) imports React and @lit/react rather than
 *    carrying them.
 * 5. The catalogues other than English are files of their own beside the bundle (dist/locales/<locale>-<hash>.js),
 *    each imported by the bundle with a relative import(); none is inlined in it, and the bundle has no static
 *    import.
 * It also prints the sizes of the npm entries and of each locale file, and how far the bundle is from issue 8's
 * 35 KB target.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const bundlePath = join(dist, 'codat-connections.js');
/**
 * 45.4 KB on 2 December 2026 (ky, the data types' names, the hostile-data fixes, after the size review of every
 * area), plus about 0.7 KB.
 */
const budgetKb = Number(process.env.SIZE_BUDGET_KB ?? 46);
const budget = budgetKb * 1024;
/** Issue 8's target for the bundle; printed, not enforced, while the budget above is higher. */
const targetKb = 35;
/**
 * Per-entry budgets in KB (gzip of the entry and its statically imported chunks, unminified): the sizes measured
 * when they were last set (2026-12-02 evening, after the data types' names, the ordered store writes and the
 * hostile-data fixes: index 70.0, define 70.5, sdk 69.6 KB, which share one chunk; react 69.2 KB, the same chunk with
 * React and @lit/react left as imports) plus about 4 %. Raise one only in a commit that says why.
 */
const ENTRY_BUDGETS_KB = { 'index.js': 73, 'define.js': 73.5, 'sdk.js': 72.5, 'react.js': 72 };

/** Strings whose presence in the CDN bundle means sandbox, msw, an HTML sink, React or @lit/react got in. */
const forbiddenInBundle = [
  'mockServiceWorker',
  'setupWorker',
  'SandboxStore',
  '[MSW]',
  'msw',
  'unsafeHTML',
  'useLayoutEffect',
  'react.element',
  '__forwardedRef',
];
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
/**
 * The entry and every dist file it imports with a relative static import, the bare specifiers it imports, and the
 * dist files only reached through `import()` (loaded on demand).
 */
function closure(entry) {
  const files = new Set();
  const bare = new Set();
  const dynamic = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(
      /(?:^|[\s;}])(?:import|export)\s*(?:[^'";(]*?\bfrom\s*)?["']([^"']+)["']/g,
    )) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else bare.add(specifier);
    }
    for (const [, specifier] of code.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)) {
      dynamic.add(resolve(dirname(file), specifier));
    }
  };
  visit(entry);
  return { files: [...files], bare: [...bare], onDemand: [...dynamic].filter((file) => !files.has(file)) };
}

console.log(`${'file'.padEnd(32)} ${'bytes'.padStart(10)} ${'gzip'.padStart(10)}   note`);
const row = (name, raw, gz, note = '') =>
  console.log(`${name.padEnd(32)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}   ${note}`);
row(show(bundlePath), bundle.length, bundleGzip, `minified; budget ${kb(budget)}`);

const npmEntries = [
  'index.js',
  'define.js',
  'sdk.js',
  'react.js',
  'sandbox/index.js',
  'sandbox/node.js',
  'sandbox/cli.js',
];
for (const name of npmEntries) {
  const entry = join(dist, name);
  const entryBudget = ENTRY_BUDGETS_KB[name];
  if (!existsSync(entry)) {
    if (entryBudget !== undefined) fail(`${show(entry)} does not exist`);
    continue;
  }
  const { files, bare, onDemand } = closure(entry);
  const code = Buffer.concat(files.map((file) => readFileSync(file)));
  const gz = gzipSize(code);
  const externals = bare.length > 0 ? `imports ${bare.join(', ')}` : '';
  const budgetNote = entryBudget === undefined ? '' : `budget ${kb(entryBudget * 1024)}; `;
  row(show(entry), code.length, gz, `${budgetNote}+ ${files.length - 1} imported file(s), unminified; ${externals}`);
  for (const file of onDemand) {
    const raw = readFileSync(file);
    row(`  on demand: ${show(file)}`, raw.length, gzipSize(raw), 'loaded with import(), not counted above');
  }
  if (entryBudget !== undefined && gz > entryBudget * 1024) {
    fail(`${show(entry)} with its chunks is ${kb(gz)} gzip, over its budget of ${kb(entryBudget * 1024)}`);
  }
  if (!name.startsWith('sandbox/')) {
    const msw = bare.filter((specifier) => specifier === 'msw' || specifier.startsWith('msw/'));
    if (msw.length > 0) fail(`${show(entry)} imports ${msw.join(', ')}: element entries must not reach the sandbox`);
    const sandboxCode = files.filter((file) => readFileSync(file, 'utf8').includes('SandboxStore'));
    if (sandboxCode.length > 0) fail(`${show(entry)} reaches sandbox code in ${sandboxCode.map(show).join(', ')}`);
  }
  const react = bare.filter((specifier) => /^(react|react-dom|@lit\/react)(\/|$)/.test(specifier));
  if (name === 'react.js') {
    for (const needed of ['react', '@lit/react']) {
      if (!react.includes(needed)) fail(`${show(entry)} must import ${needed}, not carry its own copy`);
    }
  } else if (react.length > 0) fail(`${show(entry)} imports ${react.join(', ')}: only the react entry may`);
}
// 5. Catalogues on demand: every shipped locale is a file of its own that the bundle imports relative to itself.
const localesDir = join(dist, 'locales');
const localeFiles = existsSync(localesDir) ? readdirSync(localesDir).filter((name) => name.endsWith('.js')) : [];
const shipped = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')).targetLocales;
for (const locale of shipped) {
  const name = localeFiles.find((file) => file.startsWith(`${locale}-`));
  if (!name) fail(`dist/locales/ has no ${locale} catalogue`);
  else if (
    !bundleText.includes(`import(\`./locales/${name}\`)`) &&
    !bundleText.includes(`import("./locales/${name}")`)
  ) {
    fail(`${show(bundlePath)} does not import ./locales/${name} relative to itself`);
  } else {
    const file = readFileSync(join(localesDir, name));
    row(`dist/locales/${name}`, file.length, gzipSize(file), `${locale} texts, loaded on demand`);
  }
}
// Self-contained: the bundle loads nothing else before it runs (a static import would be a second file to serve).
if (/(?:^|[;}])\s*import\s*(?:[{*\w]|["'])/.test(bundleText))
  fail(`${show(bundlePath)} has a static import: it must stand alone`);
// A catalogue inlined in the bundle would carry its ids as object keys ("status.linked":…); the bundle names ids only as values.
if (/["'`]status\.linked["'`]\s*:/.test(bundleText))
  fail(`${show(bundlePath)} contains a catalogue: locales must stay separate`);
const target = targetKb * 1024;
console.log(
  bundleGzip > target
    ? `\n${show(bundlePath)} is ${kb(bundleGzip - target)} over issue 8's ${targetKb} KB target (${kb(bundleGzip)}).`
    : `\n${show(bundlePath)} meets issue 8's ${targetKb} KB target (${kb(bundleGzip)}).`,
);
finish('budget and contents');
console.log(`size check passed: ${show(bundlePath)} ${kb(bundleGzip)} of ${kb(budget)}`);
