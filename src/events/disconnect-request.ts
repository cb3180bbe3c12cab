/** Detail of {@link CodatDisconnectRequestEvent}. */
export interface DisconnectRequestDetail {
  connectionId: string;
}

/**
 * `codat-disconnect-request`: the person asked to disconnect a connection, before anything is sent.
 * Cancelable: a host that calls `preventDefault()` handles it itself and no confirmation opens.
 */
export class CodatDisconnectRequestEvent extends Event {
  static readonly eventName = 'codat-disconnect-request';
  readonly detail: DisconnectRequestDetail;

  constructor(detail: DisconnectRequestDetail) {
    super(CodatDisconnectRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
