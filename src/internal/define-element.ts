/**
 * Registers a custom element unless the tag is taken. A second copy of the kit, or a host that
 * already used the tag, would otherwise make `customElements.define` throw and stop the page's script.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === constructor) return;
  if (existing) {
    console.warn(`<${tag}> is already defined on this page (another copy of the kit?); keeping the first definition.`);
    return;
  }
  customElements.define(tag, constructor);
}
