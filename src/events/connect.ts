/** Detail of {@link CodatConnectEvent}. */
export interface ConnectDetail {
  connectionId: string;
  platformKey: string;
  sourceType: string;
}

/** `codat-connect`: a new connection is Linked, as the API confirmed after the customer authorized it. */
export class CodatConnectEvent extends Event {
  static readonly eventName = 'codat-connect';
  readonly detail: ConnectDetail;

  constructor(detail: ConnectDetail) {
    super(CodatConnectEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
