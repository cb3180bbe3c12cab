/** Detail of {@link CodatDeleteEvent}. */
export interface DeleteDetail {
  connectionId: string;
}

/** `codat-delete`: the API confirmed that the connection is deleted. */
export class CodatDeleteEvent extends Event {
  static readonly eventName = 'codat-delete';
  readonly detail: DeleteDetail;

  constructor(detail: DeleteDetail) {
    super(CodatDeleteEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
