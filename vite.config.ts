/**
 * One config, three jobs:
 * - `vite` (npm start): serves the demo in demo/, with msw's worker script from public/ at the origin root.
 * - `vite build` (npm run build:lib): the npm entries as ES modules in dist/; runtime dependencies stay
 *   imports for the host's bundler to resolve. Type declarations come from tsc (tsconfig.build.json).
 * - `vite build --mode bundle` (npm run build:bundle): dist/codat-connections.js, one self-contained,
 *   minified ES module that registers every element, for a plain <script type="module"> or a CDN, and
 *   dist/locales/*.js beside it, the catalogues other than English, which it loads on demand.
 *   Lit (production build), ky and every other dependency are inside; the sandbox and msw never are.
 * - `vite build --mode examples` (npm run build:examples): the React, Vue and Svelte examples of demo/examples/ as
 *   modules in build/examples/ (each exporting `mount`), with their framework inside, for the browser tests.
 * Decorators: tsconfig.json's `experimentalDecorators` + `useDefineForClassFields: false` are applied
 * by Vite's transformer; scripts/check-size.mjs proves no raw decorator syntax reaches dist/.
 */
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** The npm entries, by output path under dist/ (without `.js`). package.json `exports` points at these. */
const libraryEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  sdk: 'src/sdk.ts',
  react: 'src/react.ts',
  'sandbox/index': 'src/sandbox/index.ts',
  'sandbox/node': 'src/sandbox/node.ts',
  'sandbox/cli': 'src/sandbox/cli.ts',
};

/** Runtime dependencies the library imports instead of inlining (subpaths included). */
const externalPackages = ['lit', 'lit-html', 'lit-element', '@lit', 'ky', 'msw', 'ajv', 'ajv-formats', 'react'];
const nodeBuiltins = new Set(builtinModules);

function isExternal(id: string): boolean {
  if (id.startsWith('node:') || nodeBuiltins.has(id)) return true;
  return externalPackages.some((name) => id === name || id.startsWith(`${name}/`));
}

function assertEntriesExist(files: string[]): void {
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`vite build: missing entry files: ${missing.join(', ')}`);
}

/**
 * src/define.ts registers the elements (`registerElements()`): without this, the bundler trusts package.json
 * `sideEffects` (written for dist/) and may silently drop the `customElements.define` calls.
 */
function keepDefineSideEffects(): Plugin {
  const defineFile = /[\\/]src[\\/](?:.+[\\/])?define\.ts$/;
  return {
    name: 'codat:keep-define-side-effects',
    transform(_code, id) {
      return defineFile.test(id) ? { moduleSideEffects: true } : null;
    },
  };
}

/**
 * Leaves `new URL('…', import.meta.url)` as written. Vite would inline the file as a data: URL, which node:fs
 * cannot read (the sandbox reads openapi/Codat-Platform.json this way). The package ships openapi/, and
 * dist/sandbox/ and dist/chunks/ sit two levels below the package root as src/sandbox/ does, so the relative
 * path still holds.
 */
function keepImportMetaUrls(): Plugin {
  const newUrl = /\bnew\s+URL\s*\(\s*(?=['"`])/g;
  return {
    name: 'codat:keep-import-meta-urls',
    enforce: 'pre',
    transform(code) {
      if (!code.includes('import.meta.url')) return null;
      const kept = new MagicString(code).replaceAll(newUrl, (match) => `${match}/* @vite-ignore */ `);
      return kept.hasChanged() ? { code: kept.toString(), map: kept.generateMap({ hires: 'boundary' }) } : null;
    },
  };
}

/**
 * Drops the `desc` of every `msg(…, { id, desc })`: descriptions are for translators (lit-localize writes them into
 * the XLIFF) and would otherwise ship to every browser. Every `desc:` under src/ is a message option.
 */
function stripMessageDescriptions(): Plugin {
  const desc = /\bdesc:\s*(['"])(?:\\.|(?!\1)[^\\])*\1\s*,?/g;
  return {
    name: 'codat:strip-message-descriptions',
    transform(code, id) {
      if (!/[\\/]src[\\/].+\.ts$/.test(id) || !code.includes('desc:')) return null;
      const stripped = new MagicString(code).replaceAll(desc, '');
      return { code: stripped.toString(), map: stripped.generateMap({ hires: 'boundary' }) };
    },
  };
}

/** The CLI must start with a shebang to work as the `codat-sandbox` bin; add it unless the source has one. */
function cliShebang(): Plugin {
  return {
    name: 'codat:cli-shebang',
    renderChunk(code, chunk) {
      if (chunk.isEntry && chunk.name === 'sandbox/cli' && !code.startsWith('#!')) {
        const withShebang = new MagicString(code).prepend('#!/usr/bin/env node\n');
        return { code: withShebang.toString(), map: withShebang.generateMap({ hires: 'boundary' }) };
      }
      return null;
    },
  };
}

/**
 * The text of a `css` template between interpolations, minified for the CDN bundle (foldTemplateWhiteSpace): comments are
 * dropped and white space folded where CSS ignores it (never before a `:`, which would turn a descendant
 * `* :focus` into `*:focus`).
 */
function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** Fails the bundle build if src/define.ts reaches anything under src/sandbox/ or msw. */
function forbidSandbox(): Plugin {
  const forbidden = /(^|[\\/])src[\\/]sandbox[\\/]|^msw(\/|$)|[\\/]node_modules[\\/]msw[\\/]/;
  return {
    name: 'codat:forbid-sandbox',
    enforce: 'pre',
    resolveId(source, importer) {
      if (forbidden.test(source) || (importer !== undefined && forbidden.test(importer))) {
        this.error(`the CDN bundle must not contain the sandbox or msw: ${importer ?? '(entry)'} imports ${source}`);
      }
      return null;
    },
  };
}

/**
 * In the CDN bundle, folds the white space of Lit's `html`, `css` and `svg` templates (the indentation of every
 * line): each run that holds a line break becomes one space, which renders the same (no template uses `<pre>` or
 * `white-space: pre`); in CSS, comments and the spaces around braces, semicolons and commas and after colons go too. About
 * 0.7 KB min+gzip. Only the templates' literal text changes, never `${…}` expressions.
 */
function foldTemplateWhiteSpace(): Plugin {
  const tags = new Set(['html', 'css', 'svg']);
  return {
    name: 'codat:fold-template-white-space',
    enforce: 'post',
    transform(code, id) {
      if (!/\.[cm]?[jt]s$/.test(id.split('?')[0]!) || !/\b(?:html|css|svg)`/.test(code)) return null;
      const edits: [number, number, string][] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        const n = node as { type?: string; tag?: { type: string; name?: string }; quasi?: unknown };
        if (n.type === 'TaggedTemplateExpression' && n.tag?.type === 'Identifier' && tags.has(n.tag.name!)) {
          const quasi = n.quasi as { quasis: { start: number; end: number }[] };
          for (const q of quasi.quasis) {
            const raw = code.slice(q.start, q.end);
            let folded = raw.replace(/\s*\n\s*/g, ' ');
            // CSS also needs no comments, nor space where CSS ignores it.
            if (n.tag.name === 'css') folded = minifyCss(folded);
            if (folded !== raw) edits.push([q.start, q.end, folded]);
          }
        }
        for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
      };
      visit(this.parse(code));
      if (!edits.length) return null;
      const out = new MagicString(code);
      for (const [start, end, text] of edits) out.overwrite(start, end, text);
      return { code: out.toString(), map: out.generateMap({ hires: 'boundary' }) };
    },
  };
}

/**
 * The demo's sandbox links connections to /sandbox-link/companies/{id}/connections/{id}/start (its stand-in for
 * Codat's Link). The service worker does not serve page navigations, so the dev server answers them with
 * demo/sandbox-link.html, which talks to the demo tab.
 */
function sandboxLinkPage(): Plugin {
  return {
    name: 'codat:demo-sandbox-link',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/sandbox-link/')) req.url = '/sandbox-link.html';
        next();
      });
    },
  };
}

/**
 * `npm start` also serves the strict-CSP demo at /csp/ (demo/csp/server.ts): its page with the Content-Security-Policy
 * header (Vite's `server.headers` would set it on every page), the sandbox from this origin, and the kit from the
 * sources through Vite (`?kit=source`, the default here) or from dist/ (`?kit=bundle`, after `npm run build:bundle`).
 */
function strictCspDemo(): Plugin {
  return {
    name: 'codat:demo-strict-csp',
    async configureServer(server) {
      const { createCspDemo } = await import('./demo/csp/server.js');
      const demo = createCspDemo({
        kits: { source: `/@fs${fromRoot('./src/define.ts')}`, bundle: '/csp/dist/codat-connections.js' },
      });
      server.middlewares.use((req, res, next) => {
        void demo.handle(req, res).then((handled) => handled || next(), next);
      });
    },
  };
}

/** Compiles `.svelte` files with svelte/compiler (the examples' Svelte component). */
function svelte(): Plugin {
  return {
    name: 'codat:svelte',
    async transform(code, id) {
      if (!id.endsWith('.svelte')) return null;
      const { compile } = await import('svelte/compiler');
      const { js } = compile(code, { filename: id, generate: 'client', css: 'external' });
      return { code: js.code, map: js.map };
    },
  };
}

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The examples import the kit by its package names, as an app does; here those names are the sources. Vue's full
 * build compiles the examples' in-browser templates. In the demo, the plain HTML example's
 * `<script src="/dist/codat-connections.js">` is served from src/define.ts.
 */
const exampleAliases = [
  { find: /^codat-connections-kit\/react$/, replacement: fromRoot('./src/react.ts') },
  { find: /^codat-connections-kit\/define\.js$/, replacement: fromRoot('./src/define.ts') },
  { find: /^codat-connections-kit$/, replacement: fromRoot('./src/index.ts') },
  { find: /^vue$/, replacement: 'vue/dist/vue.esm-bundler.js' },
  { find: /^\/dist\/codat-connections\.js$/, replacement: fromRoot('./src/define.ts') },
];

/** Vue's esm-bundler build expects its feature flags from the bundler. */
const vueFlags = {
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

const demo: UserConfig = {
  root: 'demo',
  // Relative to root: public/mockServiceWorker.js is served at /mockServiceWorker.js.
  publicDir: '../public',
  plugins: [sandboxLinkPage(), strictCspDemo(), svelte()],
  resolve: { alias: exampleAliases },
  define: vueFlags,
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
};

function examples(): UserConfig {
  const entries = {
    react: 'demo/examples/react/app.tsx',
    vue: 'demo/examples/vue/app.ts',
    svelte: 'demo/examples/svelte/app.ts',
  };
  assertEntriesExist(Object.values(entries));
  return {
    publicDir: false,
    plugins: [keepDefineSideEffects(), svelte()],
    resolve: { alias: exampleAliases },
    define: { 'process.env.NODE_ENV': '"production"', ...vueFlags },
    build: {
      outDir: 'build/examples',
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'es2022',
      minify: false,
      lib: { entry: entries, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
}

function library(): UserConfig {
  assertEntriesExist(Object.values(libraryEntries));
  return {
    // The mock worker lives in public/ for the demo and tests; it must never ship.
    publicDir: false,
    plugins: [keepDefineSideEffects(), keepImportMetaUrls(), stripMessageDescriptions(), cliShebang()],
    build: {
      outDir: 'dist',
      // dist/ is cleaned by `npm run build`; dist/types/ (tsc) must survive this step.
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: libraryEntries, formats: ['es'] },
      rolldownOptions: {
        external: isExternal,
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
}

function bundle(): UserConfig {
  assertEntriesExist(['src/define.ts']);
  return {
    publicDir: false,
    plugins: [keepDefineSideEffects(), forbidSandbox(), stripMessageDescriptions(), foldTemplateWhiteSpace()],
    // Lit picks its production build without the `development` export condition (the build default);
    // the define removes any dependency's dev-only branches.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: true,
      lib: { entry: { 'codat-connections': 'src/define.ts' }, formats: ['es'] },
      rolldownOptions: {
        // One file for the code; each language's texts but English in its own file under dist/locales/, loaded
        // with import() relative to the bundle's own URL only when an element speaks that language. Library mode
        // leaves ES output's white space and comments in place (for the host's bundler); these files go to
        // browsers as they are, so minify them fully.
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'locales/[name]-[hash].js',
          minify: true,
          // Pure annotations guide a host's bundler; these files go to browsers and are not bundled again.
          comments: { annotation: false },
        },
      },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return demo;
  if (mode === 'examples') return examples();
  return mode === 'bundle' ? bundle() : library();
});
