/** Detail of {@link CodatDisconnectEvent}; the same payload as the Codat Connections SDK's `onDisconnect`. */
export interface DisconnectDetail {
  connectionId: string;
}

/** `codat-disconnect`: the API confirmed that the connection is unlinked. */
export class CodatDisconnectEvent extends Event {
  static readonly eventName = 'codat-disconnect';
  readonly detail: DisconnectDetail;

  constructor(detail: DisconnectDetail) {
    super(CodatDisconnectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
