/** Detail of {@link CodatReconnectEvent}. */
export interface ReconnectDetail {
  connectionId: string;
}

/**
 * `codat-reconnect`: the person was sent to the connection's Link page to authorize it again (the Codat
 * Connections SDK's `onReconnect`). When they come back, the kit reads the connection again and shows its status.
 */
export class CodatReconnectEvent extends Event {
  static readonly eventName = 'codat-reconnect';
  readonly detail: ReconnectDetail;

  constructor(detail: ReconnectDetail) {
    super(CodatReconnectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
