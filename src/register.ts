/**
 * `registerElements()` defines every tag of the kit (guarded: a second copy of the kit, or a
 * host that took a tag, keeps its definition). Importing this file defines nothing; `define.ts` and the SDK call it.
 */
import { CodatConnectionDetail } from './elements/connection-detail/connection-detail.js';
import { CodatConnectionList } from './elements/connection-list/connection-list.js';
import { CodatConnectionsElement } from './elements/connections/connections.js';
import { CodatConnectionsProvider } from './elements/connections-provider/connections-provider.js';
import { CodatDisconnectConfirm } from './elements/disconnect-confirm/disconnect-confirm.js';
import { CodatSyncPause } from './elements/sync-pause/sync-pause.js';
import { defineElement } from './internal/define-element.js';

/** Every tag of the kit and its class. */
export const ELEMENTS: readonly (readonly [string, CustomElementConstructor])[] = [
  ['codat-connections-provider', CodatConnectionsProvider],
  ['codat-connection-list', CodatConnectionList],
  ['codat-connection-detail', CodatConnectionDetail],
  ['codat-disconnect-confirm', CodatDisconnectConfirm],
  ['codat-sync-pause', CodatSyncPause],
  ['codat-connections', CodatConnectionsElement],
];

/** Defines every tag of the kit; a tag another definition holds is kept, with a console warning. */
export function registerElements(): void {
  for (const [tag, constructor] of ELEMENTS) defineElement(tag, constructor);
}
