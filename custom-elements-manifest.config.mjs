import { readFileSync } from 'node:fs';

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

/** One argument of `light-dark(a, b)`: anything but commas and parentheses, or one level of `( … )`. */
const arg = String.raw`(?:[^(),]|\([^()]*\))+`;
const lightDark = new RegExp(String.raw`light-dark\((${arg}),\s*(${arg})\)`, 'g');

/**
 * The design tokens, read from the one place that defines them: each `/* description *\/` followed by a
 * declaration `…: var(--codat-…, default);` in src/internal/shared-styles.ts. A `light-dark(light, dark)` default
 * is documented as the light value, with the dark one in the description.
 */
export function readTokens(source) {
  const declaration = /\/\* ([^*]+?) \*\/\s*(--_[\w-]+|[a-z-]+): var\((--codat-[\w-]+),\s*([\s\S]+?)\);/g;
  const found = [...source.matchAll(declaration)];
  const publicName = new Map(found.map(([, , local, name]) => [local, name]));
  return found.map(([, description, , name, value]) => {
    const plain = value
      .replace(/\s+/g, ' ')
      .replace(/var\((--_[\w-]+)\)/g, (m, local) => `var(${publicName.get(local) ?? local})`);
    const light = plain.replace(lightDark, '$1');
    const dark = plain.replace(lightDark, '$2');
    return {
      description: dark === light ? description : `${description} Dark theme: \`${dark}\`.`,
      name,
      default: light,
    };
  });
}

/**
 * Every kit element reads the shared tokens and takes the `theme` attribute (both from src/internal/shared-styles.ts),
 * so they are documented once and added to each element here; an element's own JSDoc documents only its own hooks
 * (`--codat-<element>-…`). The provider takes `theme` only.
 */
function sharedTheming() {
  const tokens = readTokens(readFileSync(new URL('./src/internal/shared-styles.ts', import.meta.url), 'utf8'));
  const tokenNames = new Set(tokens.map((token) => token.name));
  const theme = {
    name: 'theme',
    type: { text: "'light' | 'dark' | 'auto'" },
    description:
      "The colour theme of this element and the kit elements inside it: `light`, `dark`, or `auto` (follows the person's `prefers-color-scheme`). Without it the element follows the `color-scheme` of the page around it, light unless the page declares otherwise. CSS only: set it as an attribute.",
  };
  return {
    name: 'codat:shared-theming',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.tagName?.startsWith('codat-')) continue;
          declaration.attributes = [...(declaration.attributes ?? []).filter((a) => a.name !== 'theme'), theme];
          if (declaration.tagName === 'codat-connections-provider') continue;
          const own = (declaration.cssProperties ?? []).filter((p) => !tokenNames.has(p.name));
          declaration.cssProperties = [...own, ...tokens];
        }
      }
    },
  };
}

/** The names src/index.ts exports: the package's public API besides the elements. */
function publicNames() {
  const index = readFileSync(new URL('./src/index.ts', import.meta.url), 'utf8');
  const names = new Set();
  for (const [, list] of index.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)) {
    for (const item of list.split(',')) {
      const name = item
        .replace(/^\s*type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        .trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * The manifest describes what a person embedding the kit can use, so internal refactors leave it alone: each
 * element, the mixin it takes `locale` from and what src/index.ts exports, with their public and protected members.
 * Private members (`private` or `#name`) and the elements' helper modules (controllers and render functions) are
 * left out, and a module left with nothing is dropped.
 */
function publicApiOnly() {
  return {
    name: 'codat:public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      const exported = publicNames();
      const kept = (d) => d.customElement || d.kind === 'mixin' || exported.has(d.name);
      const isPrivate = (m) => m.privacy === 'private' || m.name.startsWith('#');
      customElementsManifest.modules = (customElementsManifest.modules ?? []).filter((module) => {
        module.declarations = (module.declarations ?? []).filter(kept);
        for (const declaration of module.declarations) {
          if (declaration.members) declaration.members = declaration.members.filter((m) => !isPrivate(m));
        }
        const names = new Set(module.declarations.map((d) => d.name));
        module.exports = (module.exports ?? []).filter(
          (e) => e.kind !== 'js' || names.has(e.declaration?.name ?? e.name),
        );
        return module.declarations.length > 0;
      });
    },
  };
}

export default {
  plugins: [namedEventsOnly(), sharedTheming(), publicApiOnly()],
  // The Localized mixin adds `locale` to every element.
  globs: ['src/elements/**/*.ts', 'src/localization/localized.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // package.json already names custom-elements.json; the analyzer must not rewrite package.json.
  packagejson: false,
};
