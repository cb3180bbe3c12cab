/**
 * Snippets of docs/EMBEDDING.md that tests run, so the doc cannot drift: each is the fenced block right after a
 * `<!-- snippet: name -->` marker.
 */
let doc: Promise<string> | undefined;

/** The fenced block after `<!-- snippet: name -->` in docs/EMBEDDING.md (fails the test when it is missing). */
export async function snippet(name: string): Promise<string> {
  doc ??= fetch('/docs/EMBEDDING.md').then((r) => r.text());
  const match = new RegExp(`<!-- snippet: ${name} -->\\s*\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(await doc);
  if (!match) throw new Error(`docs/EMBEDDING.md has no snippet "${name}"`);
  return match[1]!;
}
