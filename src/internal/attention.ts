/**
 * What about a connection needs the customer's attention, derived from the connection alone (plus the
 * clock and, later, the kit's sync tracking). Pure: no elements, no requests. The words are
 * `attentionLabel()` in `connection-text.ts`.
 */
import type { Connection } from '../api/types.js';
import { activeErrors, hasAuthorizationError } from './authorization.js';
import { syncPauseOf } from './sync-pause.js';

/**
 * - `reconnect`: access is gone and the customer must link the connection again.
 * - `error`: the platform reports another active error.
 * - `paused`: syncs are paused (QuickBooks Desktop's pause control).
 * - `syncing`: the kit is reading data from the connection right now.
 */
export type Attention = 'reconnect' | 'error' | 'paused' | 'syncing';

export interface AttentionOptions {
  /**
   * Ids of the connections the kit is syncing now. The place for sync-progress tracking to plug in:
   * a connection whose id is here gets `syncing`.
   */
  syncing?: ReadonlySet<string>;
}

/**
 * The attention a connection needs at `nowMs`, in this order and no kind twice:
 *
 * - `reconnect` when the status is `Deauthorized`, or `Linked` with an Active error whose `statusCode` is 401 or 403;
 * - `error` when any other Active error is present and the connection is not already `reconnect`;
 * - `paused` when `connectionInfo.syncsPausedAt` is a string and `connectionInfo.syncsPausedUntil` is absent
 *   (or null) or a date-time later than `nowMs` (an unreadable one is not later: the pause is taken as over);
 * - `syncing` when `options.syncing` holds the connection's id.
 *
 * Only errors whose `status` is exactly `'Active'` count: `Resolved` and `null` (not transient) do not.
 * Missing, `null` or malformed `dataConnectionErrors` and `connectionInfo` mean nothing to report.
 */
export function attentionOf(connection: Connection, nowMs: number, options: AttentionOptions = {}): Attention[] {
  const result: Attention[] = [];
  const refused = connection.status === 'Linked' && hasAuthorizationError(connection);
  if (connection.status === 'Deauthorized' || refused) result.push('reconnect');
  else if (activeErrors(connection).length > 0) result.push('error');
  if (syncPauseOf(connection, nowMs)) result.push('paused');
  if (options.syncing?.has(connection.id)) result.push('syncing');
  return result;
}
