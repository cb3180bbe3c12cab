/**
 * Registers a custom element unless the tag is taken. A second copy of the kit, or a host that
 * already used the tag, would otherwise make `customElements.define` throw and stop the page's script.
 * Returns `false` when another definition holds the tag (it is kept), after a console warning unless `quiet`.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor, quiet = false): boolean {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, constructor);
  else if (existing !== constructor) {
    if (!quiet) warnTaken([tag]);
    return false;
  }
  return true;
}

/** The one warning for tags another definition holds (another copy of the kit, or the host's own). */
export function warnTaken(tags: readonly string[]): void {
  console.warn(
    `codat-connections-kit: ${tags.map((tag) => `<${tag}>`).join(', ')} already defined on this page ` +
      '(the kit loaded twice?); keeping the first definitions.',
  );
}
