/**
 * `registerElements()` defines every tag of the kit (guarded: a second copy of the kit, or a
 * host that took a tag, keeps its definition). Importing this file defines nothing; `define.ts` and the SDK call it.
 */
import { CodatConnectionDetail } from './elements/connection-detail/connection-detail.js';
import { CodatConnectionList } from './elements/connection-list/connection-list.js';
import { CodatConnectionsElement } from './elements/connections/connections.js';
import { CodatConnectionsProvider } from './elements/connections-provider/connections-provider.js';
import { CodatDisconnectConfirm } from './elements/disconnect-confirm/disconnect-confirm.js';
import { CodatIntegrationPicker } from './elements/integration-picker/integration-picker.js';
import { CodatSyncPause } from './elements/sync-pause/sync-pause.js';
import { defineElement, warnTaken } from './internal/define-element.js';

/** Every tag of the kit and its class. */
export const ELEMENTS: readonly (readonly [string, CustomElementConstructor])[] = [
  ['codat-connections-provider', CodatConnectionsProvider],
  ['codat-connection-list', CodatConnectionList],
  ['codat-connection-detail', CodatConnectionDetail],
  ['codat-disconnect-confirm', CodatDisconnectConfirm],
  ['codat-sync-pause', CodatSyncPause],
  ['codat-integration-picker', CodatIntegrationPicker],
  ['codat-connections', CodatConnectionsElement],
];

/**
 * Defines every tag of the kit. Tags another definition holds (a second copy of the kit, loaded twice by a CMS) are
 * kept, with one console warning naming them all.
 */
export function registerElements(): void {
  const taken = ELEMENTS.filter(([tag, constructor]) => !defineElement(tag, constructor, true)).map(([tag]) => tag);
  if (taken.length > 0) warnTaken(taken);
}
