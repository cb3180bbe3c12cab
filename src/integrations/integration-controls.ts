/**
 * Integration controls: extra controls a detail shows for connections of one platform, keyed by the
 * connection's `integrationKey` (for example `pqsw`, QuickBooks Desktop). A control is a custom element: the
 * detail creates it and sets its `connection` and `client` properties whenever they change; it talks to the
 * API through that client and tells the page what it did with events, like every kit element.
 *
 * Built in: `pqsw` → `<codat-sync-pause>` (pause QuickBooks Desktop syncs for a while, or until resumed).
 * The registry lives on `globalThis` under a `Symbol.for` key, so two copies of the kit on a page share it.
 */

interface Registry {
  controls: Map<string, string[]>;
  listeners: Set<() => void>;
}

const KEY = Symbol.for('codat-connections-kit/integration-controls');
const TAG = /^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/;
const INTEGRATION_KEY = /^[a-z]{4}$/;

function registry(): Registry {
  const scope = globalThis as typeof globalThis & { [KEY]?: Registry };
  scope[KEY] ??= { controls: new Map([['pqsw', ['codat-sync-pause']]]), listeners: new Set() };
  return scope[KEY];
}

/**
 * Adds a control (a custom element tag name) to the details of connections whose `integrationKey` is
 * `integrationKey`. With `replace`, it replaces the controls registered so far for that key, the built-in
 * ones included. Details already on the page show the change at once.
 * @throws TypeError for a key that is not four lowercase letters or a name that is not a custom element name.
 */
export function registerIntegrationControl(
  integrationKey: string,
  tagName: string,
  options: { replace?: boolean } = {},
): void {
  if (!INTEGRATION_KEY.test(integrationKey)) {
    throw new TypeError(
      `registerIntegrationControl: "${integrationKey}" is not an integration key (four lowercase letters, e.g. pqsw).`,
    );
  }
  const tag = tagName.toLowerCase();
  if (!TAG.test(tag)) {
    throw new TypeError(`registerIntegrationControl: "${tagName}" is not a custom element name (it needs a hyphen).`);
  }
  const { controls, listeners } = registry();
  const current = options.replace ? [] : (controls.get(integrationKey) ?? []);
  controls.set(integrationKey, current.includes(tag) ? current : [...current, tag]);
  for (const listener of [...listeners]) listener();
}

/** Removes every control registered for `integrationKey`, the built-in ones included. */
export function clearIntegrationControls(integrationKey: string): void {
  const { controls, listeners } = registry();
  controls.delete(integrationKey);
  for (const listener of [...listeners]) listener();
}

/** The tag names registered for an integration key, in the order they were added. */
export function integrationControlsFor(integrationKey: string | undefined): readonly string[] {
  return (integrationKey && registry().controls.get(integrationKey)) || [];
}

/** Calls `listener` when the registry changes; returns the unsubscribe function. */
export function onIntegrationControlsChange(listener: () => void): () => void {
  const { listeners } = registry();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
