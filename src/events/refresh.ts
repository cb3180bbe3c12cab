import type { DataType } from '../api/types.js';

/** Detail of {@link CodatRefreshEvent}. */
export interface RefreshDetail {
  connectionId: string;
  /** The one data type queued; absent when every data type was. */
  dataType?: DataType;
}

/** `codat-refresh`: the API accepted the refresh and queued the reads (they then run; the kit shows their progress). */
export class CodatRefreshEvent extends Event {
  static readonly eventName = 'codat-refresh';
  readonly detail: RefreshDetail;

  constructor(detail: RefreshDetail) {
    super(CodatRefreshEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
