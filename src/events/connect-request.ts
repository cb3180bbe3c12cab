/** Detail of {@link CodatConnectRequestEvent}. */
export interface ConnectRequestDetail {
  platformKey: string;
  sourceType: string;
}

/**
 * `codat-connect-request`: the person chose a platform to connect, before anything happens.
 * Cancelable: a host that calls `preventDefault()` runs its own Link flow and the kit creates nothing.
 */
export class CodatConnectRequestEvent extends Event {
  static readonly eventName = 'codat-connect-request';
  readonly detail: ConnectRequestDetail;

  constructor(detail: ConnectRequestDetail) {
    super(CodatConnectRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
