/** Detail of {@link CodatConnectionSelectEvent}. */
export interface ConnectionSelectDetail {
  connectionId: string;
}

/**
 * `codat-connection-select`: the person chose a connection in a list. Cancelable: a host that calls
 * `preventDefault()` takes over navigation, and the provider does not show it in the detail.
 */
export class CodatConnectionSelectEvent extends Event {
  static readonly eventName = 'codat-connection-select';
  readonly detail: ConnectionSelectDetail;

  constructor(detail: ConnectionSelectDetail) {
    super(CodatConnectionSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
