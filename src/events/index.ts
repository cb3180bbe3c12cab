import { CodatCloseEvent } from './close.js';
import { CodatConnectEvent } from './connect.js';
import { CodatConnectRequestEvent } from './connect-request.js';
import { CodatConnectionSelectEvent } from './connection-select.js';
import { CodatDeleteEvent } from './delete.js';
import { CodatDeleteRequestEvent } from './delete-request.js';
import { CodatDisconnectEvent } from './disconnect.js';
import { CodatDisconnectRequestEvent } from './disconnect-request.js';
import { CodatErrorEvent } from './error.js';
import { CodatReconnectEvent } from './reconnect.js';
import { CodatReconnectRequestEvent } from './reconnect-request.js';
import { CodatRefreshEvent } from './refresh.js';
import { CodatRefreshRequestEvent } from './refresh-request.js';
import { CodatSyncPauseEvent } from './sync-pause.js';
import { CodatSyncResumeEvent } from './sync-resume.js';
import { CodatTokenExpiredEvent } from './token-expired.js';

export { CodatCloseEvent } from './close.js';
export { CodatConnectEvent, type ConnectDetail } from './connect.js';
export { CodatConnectRequestEvent, type ConnectRequestDetail } from './connect-request.js';
export { CodatConnectionSelectEvent, type ConnectionSelectDetail } from './connection-select.js';
export { CodatDeleteEvent, type DeleteDetail } from './delete.js';
export { CodatDeleteRequestEvent, type DeleteRequestDetail } from './delete-request.js';
export { CodatDisconnectEvent, type DisconnectDetail } from './disconnect.js';
export { CodatDisconnectRequestEvent, type DisconnectRequestDetail } from './disconnect-request.js';
export { CodatErrorEvent, type ErrorDetail } from './error.js';
export { CodatReconnectEvent, type ReconnectDetail } from './reconnect.js';
export { CodatReconnectRequestEvent, type ReconnectRequestDetail } from './reconnect-request.js';
export { CodatRefreshEvent, type RefreshDetail } from './refresh.js';
export { CodatRefreshRequestEvent, type RefreshRequestDetail } from './refresh-request.js';
export { CodatSyncPauseEvent, type SyncPauseDetail } from './sync-pause.js';
export { CodatSyncResumeEvent, type SyncResumeDetail } from './sync-resume.js';
export { CodatTokenExpiredEvent } from './token-expired.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'codat-close': CodatCloseEvent;
    'codat-connect-request': CodatConnectRequestEvent;
    'codat-connect': CodatConnectEvent;
    'codat-connection-select': CodatConnectionSelectEvent;
    'codat-disconnect-request': CodatDisconnectRequestEvent;
    'codat-disconnect': CodatDisconnectEvent;
    'codat-delete-request': CodatDeleteRequestEvent;
    'codat-delete': CodatDeleteEvent;
    'codat-error': CodatErrorEvent;
    'codat-refresh-request': CodatRefreshRequestEvent;
    'codat-refresh': CodatRefreshEvent;
    'codat-reconnect-request': CodatReconnectRequestEvent;
    'codat-reconnect': CodatReconnectEvent;
    'codat-sync-pause': CodatSyncPauseEvent;
    'codat-sync-resume': CodatSyncResumeEvent;
    'codat-token-expired': CodatTokenExpiredEvent;
  }
}

/** Every kit event by its name, as in `GlobalEventHandlersEventMap` (`'codat-disconnect'` → `CodatDisconnectEvent`). */
export type CodatEventMap = {
  [K in keyof GlobalEventHandlersEventMap as K extends `codat-${string}` ? K : never]: GlobalEventHandlersEventMap[K];
};
