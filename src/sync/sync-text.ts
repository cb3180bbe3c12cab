/** Words for what the sync monitor saw start and finish, as a screen reader hears them. */
import { currentLocale, msg, str } from '../localization/localize.js';
import { isolate } from '../internal/connection-text.js';
import { formatNumber, pluralOf } from '../internal/locale.js';
import type { ConnectionStore } from '../store/connection-store.js';
import type { SyncChange } from './sync-monitor.js';

/** One sentence per change of a connection the page knows, naming the platform; empty when there is none. */
export function syncAnnouncement(changes: readonly SyncChange[], connections: ConnectionStore | undefined): string {
  // Connections this page has not read are not named (a company-wide refresh also reads the others).
  return changes
    .filter(({ connectionId }) => connections?.get(connectionId))
    .map(({ connectionId, kind }) => {
      const name = connections!.get(connectionId)!.platformName;
      if (kind === 'started')
        return msg(str`${isolate(name)}: syncing data.`, {
          id: 'sync.started',
          desc: 'Announced when reads start; {0} is the platform name',
        });
      if (kind === 'failed')
        return msg(str`${isolate(name)}: sync finished, but some data could not be read.`, {
          id: 'sync.failed',
          desc: 'Announced when reads finish with errors; {0} is the platform name',
        });
      return msg(str`${isolate(name)}: sync finished. The data is up to date.`, {
        id: 'sync.finished',
        desc: 'Announced when reads finish; {0} is the platform name',
      });
    })
    .join(' ');
}

/** "Reading 3 types of data…", with the plural form the locale uses for the count (Arabic has five). */
export function readingText(count: number): string {
  const locale = currentLocale();
  const n = formatNumber(count, locale);
  switch (pluralOf(count, locale)) {
    case 'one':
      return msg('Reading 1 type of data…', {
        id: 'sync.reading.one',
        desc: 'Progress while reads run: exactly one type of data (plural form "one")',
      });
    case 'two':
      return msg('Reading 2 types of data…', {
        id: 'sync.reading.two',
        desc: 'Progress while reads run: exactly two types of data (plural form "two", Arabic)',
      });
    case 'few':
      return msg(str`Reading ${n} types of data…`, {
        id: 'sync.reading.few',
        desc: 'Progress while reads run; {0} is how many types of data (plural form "few")',
      });
    case 'many':
      return msg(str`Reading ${n} types of data…`, {
        id: 'sync.reading.many',
        desc: 'Progress while reads run; {0} is how many types of data (plural form "many")',
      });
    default:
      return msg(str`Reading ${n} types of data…`, {
        id: 'sync.reading.other',
        desc: 'Progress while reads run; {0} is how many types of data (plural form "other")',
      });
  }
}
