/**
 * One config, three jobs:
 * - `vite` (npm start): serves the demo in demo/, with msw's worker script from public/ at the origin root.
 * - `vite build` (npm run build:lib): the npm entries as ES modules in dist/; runtime dependencies stay
 *   imports for the host's bundler to resolve. Type declarations come from tsc (tsconfig.build.json).
 * - `vite build --mode bundle` (npm run build:bundle): dist/codat-connections.js, one self-contained,
 *   minified ES module that registers every element, for a plain <script type="module"> or a CDN.
 *   Lit (production build), ky and every other dependency are inside; the sandbox and msw never are.
 * Decorators: tsconfig.json's `experimentalDecorators` + `useDefineForClassFields: false` are applied
 * by Vite's transformer; scripts/check-size.mjs proves no raw decorator syntax reaches dist/.
 */
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

/** The npm entries, by output path under dist/ (without `.js`). package.json `exports` points at these. */
const libraryEntries = {
  index: 'src/index.ts',
  define: 'src/define.ts',
  sdk: 'src/sdk.ts',
  'sandbox/index': 'src/sandbox/index.ts',
  'sandbox/node': 'src/sandbox/node.ts',
  'sandbox/cli': 'src/sandbox/cli.ts',
};

/** Runtime dependencies the library imports instead of inlining (subpaths included). */
const externalPackages = ['lit', 'lit-html', 'lit-element', '@lit', 'ky', 'msw', 'ajv', 'ajv-formats'];
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
 * Every define.ts under src/ registers elements and exports nothing: without this, the bundler trusts
 * package.json `sideEffects` (written for dist/) and silently drops the `customElements.define` calls.
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
      const kept = code.replace(newUrl, (match) => `${match}/* @vite-ignore */ `);
      return kept === code ? null : { code: kept, map: null };
    },
  };
}

/** The CLI must start with a shebang to work as the `codat-sandbox` bin; add it unless the source has one. */
function cliShebang(): Plugin {
  return {
    name: 'codat:cli-shebang',
    renderChunk(code, chunk) {
      if (chunk.isEntry && chunk.name === 'sandbox/cli' && !code.startsWith('#!')) {
        return { code: `#!/usr/bin/env node\n${code}`, map: null };
      }
      return null;
    },
  };
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

const demo: UserConfig = {
  root: 'demo',
  // Relative to root: public/mockServiceWorker.js is served at /mockServiceWorker.js.
  publicDir: '../public',
  plugins: [sandboxLinkPage()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
};

function library(): UserConfig {
  assertEntriesExist(Object.values(libraryEntries));
  return {
    // The mock worker lives in public/ for the demo and tests; it must never ship.
    publicDir: false,
    plugins: [keepDefineSideEffects(), keepImportMetaUrls(), cliShebang()],
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
    plugins: [keepDefineSideEffects(), forbidSandbox()],
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
        // One file: translations loaded with import() are inlined too. Library mode leaves ES output's white
        // space and comments in place (for the host's bundler); this file goes to browsers as is, so minify it fully.
        output: { entryFileNames: '[name].js', codeSplitting: false, minify: true },
      },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return demo;
  return mode === 'bundle' ? bundle() : library();
});
