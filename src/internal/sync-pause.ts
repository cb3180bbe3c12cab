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
  const pausedAt = info && typeof info === 'object' ? info[SYNC_PAUSE_KEYS.pausedAt] : undefined;
  if (typeof pausedAt !== 'string') return undefined;
  const end: unknown = info![SYNC_PAUSE_KEYS.pausedUntil];
  const until = end === undefined || end === null ? null : date(end);
  if (until === undefined) return undefined; // an unreadable end: do not claim a pause
  if (until && until.getTime() <= nowMs) return undefined;
  return { pausedAt: date(pausedAt), until };
}

/** The `connectionInfo` keys of this convention (the sandbox writes them; views show them as the pause, not as facts). */
export const SYNC_PAUSE_KEYS = Object.freeze({ pausedAt: 'syncsPausedAt', pausedUntil: 'syncsPausedUntil' } as const);
