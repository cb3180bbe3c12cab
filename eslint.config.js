// Flat config. Type-aware rules are off on purpose: `npm run typecheck` already runs tsc, and the
// syntax-only rules keep `npm run lint` fast. Prettier owns formatting; nothing here formats.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in the browser: the kit, its browser tests and the demo. */
const browserFiles = ['src/**/*.ts', 'test/**/*.{ts,js}', 'demo/**/*.{ts,js}'];
/** Code that runs in Node only. */
const nodeFiles = [
  '*.{js,mjs,ts}',
  'scripts/**/*.{js,mjs}',
  'test/node/**/*.ts',
  'src/sandbox/node.ts',
  'src/sandbox/cli.ts',
  'demo/server/*.ts',
  'demo/csp/*.ts',
];

export default defineConfig(
  globalIgnores([
    'dist/',
    'build/',
    'coverage/',
    'src/api/codat-platform.generated.ts',
    // Written by npm run localize (lit-localize build) from xliff/.
    'src/locales/',
    'public/mockServiceWorker.js',
    '**/*.generated.*',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: browserFiles,
    ignores: ['test/node/**'],
    extends: [lit.configs['flat/recommended'], wc.configs['flat/best-practice'], litA11y.configs.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    files: nodeFiles,
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
