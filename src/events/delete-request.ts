/** Detail of {@link CodatDeleteRequestEvent}. */
export interface DeleteRequestDetail {
  connectionId: string;
}

/**
 * `codat-delete-request`: the person asked to delete a connection, before anything is sent.
 * Cancelable: a host that calls `preventDefault()` handles it itself and no confirmation opens.
 */
export class CodatDeleteRequestEvent extends Event {
  static readonly eventName = 'codat-delete-request';
  readonly detail: DeleteRequestDetail;

  constructor(detail: DeleteRequestDetail) {
    super(CodatDeleteRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
