/** Detail of {@link CodatSyncResumeEvent}. */
export interface SyncResumeDetail {
  connectionId: string;
}

/** `codat-sync-resume`: the API confirmed that the connection's syncs run as scheduled again. */
export class CodatSyncResumeEvent extends Event {
  static readonly eventName = 'codat-sync-resume';
  readonly detail: SyncResumeDetail;

  constructor(detail: SyncResumeDetail) {
    super(CodatSyncResumeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
