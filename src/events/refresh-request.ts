import type { DataType } from '../api/types.js';

/** Detail of {@link CodatRefreshRequestEvent}. */
export interface RefreshRequestDetail {
  connectionId: string;
  /** The one data type to read again; absent when every data type is to be read. */
  dataType?: DataType;
}

/**
 * `codat-refresh-request`: the person asked for fresh data, before anything is sent. Cancelable: a host that
 * calls `preventDefault()` handles it itself (for example through its backend) and the kit sends nothing.
 */
export class CodatRefreshRequestEvent extends Event {
  static readonly eventName = 'codat-refresh-request';
  readonly detail: RefreshRequestDetail;

  constructor(detail: RefreshRequestDetail) {
    super(CodatRefreshRequestEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
