/** Detail of {@link CodatSyncPauseEvent}. */
export interface SyncPauseDetail {
  connectionId: string;
  /** When the pause ends (ISO 8601), or `null` when it lasts until resumed. */
  pausedUntil: string | null;
}

/** `codat-sync-pause`: the API confirmed that the connection's syncs are paused. */
export class CodatSyncPauseEvent extends Event {
  static readonly eventName = 'codat-sync-pause';
  readonly detail: SyncPauseDetail;

  constructor(detail: SyncPauseDetail) {
    super(CodatSyncPauseEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
