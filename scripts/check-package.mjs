/**
 * `npm run check:package` (in `npm test`, after the build): the package as npm would publish it works for the person
 * who installs it, not only inside this repository.
 *
 * 1. `npm pack` it, and check the tarball holds every `exports`, `bin`, `main`, `module`, `types` and `typesVersions`
 *    target (the bin with its shebang), the manifest, the XLIFF files and the OpenAPI documents, and none of src/,
 *    test/ or demo/.
 * 2. Unpack it into a throw-away app whose node_modules hold only the package, its dependencies and peer dependencies
 *    (with what they depend on), and what a React app adds (`react-dom`, `@types/react`, `@types/node`): no
 *    devDependency of the kit can hide a missing one.
 * 3. Type-check a consumer of every entry against the published `.d.ts` files (`skipLibCheck: false`), with
 *    `moduleResolution` `"bundler"`, `"node16"` and the old `"node10"` (which reads `types` and `typesVersions`, not
 *    `exports`): tags are typed (`document.createElement('codat-connection-list')` is a `CodatConnectionList`), and
 *    the React components and their event props exist.
 * 4. Run the published sandbox in Node from that app: start its server, mint a token and list a company's connections;
 *    and start its `codat-sandbox` command on a free port and send the curl request it prints.
 *    Import every browser entry in Node too, as server rendering (Next.js, Remix) does, and render the React
 *    components to a string.
 * 5. Bundle a page of that app that imports `define.js`, as a host's bundler would (Vite, production): the output
 *    registers every tag (package.json `sideEffects` keeps the registration), with Lit's production build and no
 *    sandbox or msw, and the catalogues other than English stay chunks of their own.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'codat-package-'));
const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

/** The package and everything it needs at run time, by name, from the project's hoisted node_modules. */
function closure(names) {
  const seen = new Set();
  const queue = [...names];
  while (queue.length) {
    const name = queue.shift();
    if (seen.has(name)) continue;
    const manifest = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue; // an optional peer nobody installed
    seen.add(name);
    const meta = JSON.parse(readFileSync(manifest, 'utf8'));
    queue.push(
      ...Object.keys({ ...meta.dependencies, ...meta.optionalDependencies, ...meta.peerDependencies }).filter(
        (dep) => !existsSync(join(root, 'node_modules', name, 'node_modules', dep)),
      ),
    );
  }
  return seen;
}

try {
  // 1. The tarball.
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
  );
  const files = new Set(packed.files.map((file) => file.path));
  const targets = new Set();
  const collect = (value) => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const field of ['exports', 'bin', 'main', 'module', 'types', 'typesVersions']) collect(pkg[field]);
  for (const target of targets) check(files.has(target), `the tarball lacks ${target}, named in package.json`);
  for (const wanted of ['custom-elements.json', 'openapi/Codat-Platform.json', 'xliff/fr.xlf', 'README.md']) {
    check(files.has(wanted), `the tarball lacks ${wanted}`);
  }
  const stray = [...files].filter((file) => /^(src|test|demo|scripts|build)\//.test(file));
  check(stray.length === 0, `the tarball holds files that are not for publishing: ${stray.slice(0, 5).join(', ')}`);

  // 2. An app with the package and only what it needs.
  const app = join(work, 'app');
  const modules = join(app, 'node_modules');
  const installed = join(modules, pkg.name);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', installed, '--strip-components=1']);
  for (const bin of Object.values(pkg.bin ?? {})) {
    const text = readFileSync(join(installed, bin), 'utf8');
    check(text.startsWith('#!/usr/bin/env node'), `${bin} does not start with a node shebang`);
  }
  const needed = closure([
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.peerDependencies ?? {}),
    'react-dom',
    '@types/react',
    '@types/node',
  ]);
  for (const name of needed) {
    mkdirSync(join(modules, name, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(modules, name), 'dir');
  }
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));

  // 3. A consumer of every entry, type-checked against the published declarations.
  writeFileSync(
    join(app, 'consumer.ts'),
    `import { CodatClient, CodatConnectionList, type Connection, type CodatEventMap } from '${pkg.name}';
import '${pkg.name}/define.js';
import { CodatConnections as SdkConnections, initCodatConnections } from '${pkg.name}/sdk';
import { CodatConnections, CodatIntegrationPicker } from '${pkg.name}/react';
import { createSandbox } from '${pkg.name}/sandbox';
import { startSandboxServer } from '${pkg.name}/sandbox/node';

const list: CodatConnectionList = document.createElement('codat-connection-list');
const token: string | undefined = document.querySelector('codat-connections')?.accessToken;
const picker = document.querySelector('codat-integration-picker');
picker?.addEventListener('codat-connect', (event) => event.detail.connectionId);
const detailId: string = ({} as CodatEventMap)['codat-disconnect'].detail.connectionId;
const connection: Connection | undefined = undefined;
export const used = [list, token, detailId, connection, CodatClient, SdkConnections, initCodatConnections,
  CodatConnections, CodatIntegrationPicker, createSandbox, startSandboxServer];
`,
  );
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const [module, moduleResolution] of [
    ['ESNext', 'bundler'],
    ['node16', 'node16'],
    ['ESNext', 'node10'],
  ]) {
    const config = {
      compilerOptions: {
        target: 'ES2022',
        module,
        moduleResolution,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: ['node'],
        // What projects still on the old resolution (Create React App, older Angular) set, for React's CommonJS types.
        esModuleInterop: moduleResolution === 'node10',
      },
      files: ['consumer.ts'],
    };
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(config));
    try {
      execFileSync(process.execPath, [tsc, '-p', app], { cwd: app, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      problems.push(`a consumer does not type-check (moduleResolution ${moduleResolution}):\n${error.stdout}`);
    }
  }

  // 4. The published sandbox, run from the app.
  writeFileSync(
    join(app, 'sandbox.mjs'),
    `import { startSandboxServer } from '${pkg.name}/sandbox/node';
import { GREENFIELD_ID } from '${pkg.name}/sandbox';
const server = await startSandboxServer({ port: 0 });
try {
  const token = await server.sandbox.issueAccessToken(GREENFIELD_ID);
  const response = await fetch(\`\${server.url}/companies/\${GREENFIELD_ID}/connections\`, {
    headers: { Authorization: \`Bearer \${token}\` },
  });
  const body = await response.json();
  if (response.status !== 200 || !(body.results?.length > 0)) throw new Error(\`HTTP \${response.status}\`);
  console.log(body.results.length);
} finally {
  await server.close();
}
`,
  );
  try {
    const count = execFileSync(process.execPath, ['sandbox.mjs'], { cwd: app, encoding: 'utf8', stdio: 'pipe' }).trim();
    check(Number(count) > 0, `the published sandbox listed ${count} connections`);
  } catch (error) {
    problems.push(`the published sandbox does not run from an app:\n${error.stderr || error.message}`);
  }

  // The codat-sandbox command, as `npx codat-sandbox` runs it: the curl line it prints for a company must work.
  const command = spawn(process.execPath, [join(installed, pkg.bin['codat-sandbox'])], {
    cwd: app,
    env: { ...process.env, SANDBOX_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const printed = await new Promise((resolvePrinted, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`no answer in 20 s:\n${out}${err}`)), 20_000);
      command.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('Press Ctrl+C to stop.')) {
          clearTimeout(timer);
          resolvePrinted(out);
        }
      });
      command.stderr.on('data', (chunk) => (err += chunk));
      command.on('exit', (code) => reject(new Error(`it exited (${code}):\n${out}${err}`)));
    });
    const curl = /curl -H "Authorization: Bearer ([^"]+)" (http:\/\/\S+\/connections)\n/.exec(printed);
    if (!curl) throw new Error(`no curl line for a company in what it printed:\n${printed}`);
    const response = await fetch(curl[2], { headers: { Authorization: `Bearer ${curl[1]}` } });
    const body = await response.json();
    check(response.status === 200 && body.results?.length > 0, `its curl line answered ${response.status}`);
  } catch (error) {
    problems.push(`the codat-sandbox command does not work from an app: ${error.message}`);
  } finally {
    command.kill('SIGTERM');
  }

  // Server rendering imports the browser entries in Node, where there is no DOM.
  writeFileSync(
    join(app, 'ssr.mjs'),
    `import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import '${pkg.name}';
import '${pkg.name}/define.js';
import '${pkg.name}/sdk';
import { CodatConnections, CodatIntegrationPicker } from '${pkg.name}/react';
console.log(renderToString(createElement('div', null, createElement(CodatConnections, { baseUrl: '/codat' }),
  createElement(CodatIntegrationPicker))));
`,
  );
  try {
    const html = execFileSync(process.execPath, ['ssr.mjs'], { cwd: app, encoding: 'utf8', stdio: 'pipe' }).trim();
    check(
      html ===
        '<div><codat-connections></codat-connections><codat-integration-picker></codat-integration-picker></div>',
      `the React components rendered on a server as ${html}`,
    );
  } catch (error) {
    problems.push(
      `the browser entries cannot be imported in Node (server rendering):\n${error.stderr || error.message}`,
    );
  }

  // 5. A host's bundler.
  writeFileSync(join(app, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>\n');
  writeFileSync(join(app, 'main.js'), `import '${pkg.name}/define.js';\n`);
  const output = await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir: 'out' } });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  const entry = chunks.find((chunk) => chunk.isEntry)?.code ?? '';
  // Every tag the published manifest documents.
  const manifest = JSON.parse(readFileSync(join(installed, 'custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
  check(tags.length >= 7, `the published manifest names ${tags.length} tags`);
  for (const tag of tags) {
    check(
      ['"', "'", '`'].some((q) => entry.includes(`${q}${tag}${q}`)),
      `a host's bundle of define.js lacks ${tag}`,
    );
  }
  check(entry.includes('customElements.define'), "a host's bundle of define.js registers nothing");
  check(!entry.includes('Lit is in dev mode'), "a host's production bundle has Lit's development build");
  check(!/mockServiceWorker|setupWorker|SandboxStore/.test(entry), "a host's bundle of define.js holds the sandbox");
  check(
    chunks.filter((chunk) => !chunk.isEntry).length >= 6,
    "a host's bundle inlined the other languages' catalogues",
  );

  if (problems.length) {
    console.error(`The package as published has problems:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  } else {
    console.log(
      `${packed.filename}: ${files.size} files; every export present; a consumer type-checks (bundler, node16, node10); the sandbox and codat-sandbox run; server rendering imports it; a host's bundle registers every tag`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
