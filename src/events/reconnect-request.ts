/** Detail of {@link CodatReconnectRequestEvent}. */
export interface ReconnectRequestDetail {
  connectionId: string;
}

/**
 * `codat-reconnect-request`: the person asked to reconnect (authorize again), before anything happens.
 * Cancelable: a host that calls `preventDefault()` runs its own Link flow and the kit opens nothing.
 */
export class CodatReconnectRequestEvent extends Event {
  static readonly eventName = 'codat-reconnect-request';
  readonly detail: ReconnectRequestDetail;

  constructor(detail: ReconnectRequestDetail) {
    super(CodatReconnectRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
