import { CodatConnectionSelectEvent } from './connection-select.js';
import { CodatDisconnectEvent } from './disconnect.js';
import { CodatDisconnectRequestEvent } from './disconnect-request.js';
import { CodatErrorEvent } from './error.js';

export { CodatConnectionSelectEvent, type ConnectionSelectDetail } from './connection-select.js';
export { CodatDisconnectEvent, type DisconnectDetail } from './disconnect.js';
export { CodatDisconnectRequestEvent, type DisconnectRequestDetail } from './disconnect-request.js';
export { CodatErrorEvent, type ErrorDetail } from './error.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'codat-connection-select': CodatConnectionSelectEvent;
    'codat-disconnect-request': CodatDisconnectRequestEvent;
    'codat-disconnect': CodatDisconnectEvent;
    'codat-error': CodatErrorEvent;
  }
}
