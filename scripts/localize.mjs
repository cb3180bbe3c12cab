/**
 * `npm run localize`: the kit's catalogues, from source to modules.
 * 1. `lit-localize extract` finds every `msg()` call (the kit's own `msg`, typed as @lit/localize's) and updates
 *    xliff/<locale>.xlf: new ids get a <source> to translate, translations already there are kept.
 * 2. `lit-localize build` writes src/locales/<locale>.ts (runtime mode) from the XLIFF translations; an id with no
 *    translation gets the English text and a warning.
 * 3. src/locales/ids.ts lists every id, for the check of the host's `text` keys (loaded only when a host sets one),
 *    and docs/texts.md lists each with its English text and description, for hosts.
 * Then Prettier formats what was written. Translate in xliff/*.xlf (a <target> per <trans-unit>), never in src/locales/.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
run('npx', ['lit-localize', 'extract']);
run('npx', ['lit-localize', 'build']);

const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));

// Each module stands alone: its own three-line `str` tag instead of an import of @lit/localize, so a bundler keeps
// the module a file of its own that imports nothing (no chunk shared with the bundle).
const strImport = "import {str} from '@lit/localize';";
const ownStr =
  "/** @lit/localize's str tag, in the shape the kit's msg() reads. */\n" +
  'const str = (strings: TemplateStringsArray, ...values: number[]) => ({ strTag: true as const, strings, values });';
for (const locale of config.targetLocales) {
  const path = `src/locales/${locale}.ts`;
  const code = readFileSync(path, 'utf8');
  if (code.includes(strImport)) writeFileSync(path, code.replace(strImport, ownStr));
}
const xliff = readFileSync(`xliff/${config.targetLocales[0]}.xlf`, 'utf8');
const ids = [...xliff.matchAll(/<trans-unit id="([^"]+)"/g)].map((match) => match[1]).sort();
writeFileSync(
  'src/locales/ids.ts',
  `// Do not modify this file by hand! Re-generate it with npm run localize.\n\n/** Every id of the kit's texts. */\nexport const ids: readonly string[] = ${JSON.stringify(ids)};\n`,
);
// docs/texts.md: every id with its English text and description, for hosts writing `text` options.
const unescape = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const cell = (text) => unescape(text).replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const rows = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)]
  .map(([, id, body]) => {
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)[1].replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}');
    const note = /<note[^>]*>([\s\S]*?)<\/note>/.exec(body)?.[1] ?? '';
    return [id, `| \`${id}\` | ${cell(source)} | ${cell(note)} |`];
  })
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([, row]) => row);
writeFileSync(
  'docs/texts.md',
  `<!-- Written by npm run localize from the source: do not edit by hand. -->\n\n# The kit's texts\n\n` +
    `Every text the kit shows, by id: give any of them your own words with the \`text\` option (README, "Languages"). ` +
    `\`{0}\`, \`{1}\` … stand for the values the text carries, as the description says. ` +
    `Translations live in \`xliff/<locale>.xlf\`.\n\n| id | English | description |\n| --- | --- | --- |\n${rows.join('\n')}\n`,
);
run('npx', ['prettier', '--log-level', 'warn', '--write', 'src/locales/', 'docs/texts.md']);
