/**
 * `npm run analyze` writes custom-elements.json from the element classes' JSDoc (tag, slots, events, parts,
 * custom properties). `npm run analyze:check` (scripts/check-manifest.mjs) fails when the committed file is stale.
 */
/**
 * The analyzer records every `dispatchEvent(new SomeEvent())` as an event without a name, beside the
 * named one the class's JSDoc `@fires` declares. The JSDoc is the source of truth: keep only named events.
 */
function namedEventsOnly() {
  return {
    name: 'codat:named-events-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
        }
      }
    },
  };
}

export default {
  plugins: [namedEventsOnly()],
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts', 'src/elements/**/define.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json already names custom-elements.json; the analyzer must not rewrite package.json.
  packagejson: false,
};
