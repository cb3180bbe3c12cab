/**
 * `npm run analyze` writes custom-elements.json from the element classes' JSDoc (tag, slots, events, parts,
 * custom properties). `npm run analyze:check` (scripts/check-manifest.mjs) fails when the committed file is stale.
 */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json already names custom-elements.json; the analyzer must not rewrite package.json.
  packagejson: false,
};
