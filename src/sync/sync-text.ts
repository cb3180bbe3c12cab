/** Words for what the sync monitor saw start and finish, as a screen reader hears them. */
import { msg, str } from '@lit/localize';
import type { ConnectionStore } from '../store/connection-store.js';
import type { SyncChange } from './sync-monitor.js';

/** One sentence per change of a connection the page knows, naming the platform; empty when there is none. */
export function syncAnnouncement(changes: readonly SyncChange[], connections: ConnectionStore | undefined): string {
  // Connections this page has not read are not named (a company-wide refresh also reads the others).
  return changes
    .filter(({ connectionId }) => connections?.get(connectionId))
    .map(({ connectionId, kind }) => {
      const name = connections!.get(connectionId)!.platformName;
      if (kind === 'started') return msg(str`${name}: syncing data.`, { id: 'sync.started' });
      if (kind === 'failed')
        return msg(str`${name}: sync finished, but some data could not be read.`, { id: 'sync.failed' });
      return msg(str`${name}: sync finished. The data is up to date.`, { id: 'sync.finished' });
    })
    .join(' ');
}
