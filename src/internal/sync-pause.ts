/**
 * The kit's convention for a paused connection (the sync pause route answers with it): `connectionInfo.syncsPausedAt`
 * says since when, and `connectionInfo.syncsPausedUntil`, when present, until when; absent means until resumed.
 */
import type { Connection } from '../api/types.js';

export interface SyncPause {
  pausedAt: Date | undefined;
  /** When the pause ends by itself; `null` when it lasts until resumed. */
  until: Date | null;
}

const date = (value: unknown): Date | undefined => {
  if (typeof value !== 'string') return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
};

/** The connection's pause if it is paused at `nowMs`, else `undefined` (never paused, resumed, or lapsed). */
export function syncPauseOf(connection: Connection, nowMs = Date.now()): SyncPause | undefined {
  const info = connection.connectionInfo;
  if (!info || typeof info !== 'object' || typeof info.syncsPausedAt !== 'string') return undefined;
  const until =
    info.syncsPausedUntil === undefined || info.syncsPausedUntil === null ? null : date(info.syncsPausedUntil);
  if (until === undefined) return undefined; // an unreadable end: do not claim a pause
  if (until && until.getTime() <= nowMs) return undefined;
  return { pausedAt: date(info.syncsPausedAt), until };
}

/** The `connectionInfo` keys of this convention, which views show as the pause rather than as raw facts. */
export const SYNC_PAUSE_KEYS: readonly string[] = ['syncsPausedAt', 'syncsPausedUntil'];
