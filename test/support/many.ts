/** A seed with many connections for one company, for tests and the benchmark of the list at scale. */
import { GREENFIELD_ID, PLATFORMS, type Connection, type SandboxSeed } from '../../src/sandbox/index.js';

const STATUSES = ['Linked', 'Linked', 'Unlinked', 'Deauthorized', 'PendingAuth'] as const;
const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z');

/** A deterministic connection id: `5e1d0c0e-0002-4c0a-8b0a-` and `n` in 12 hex digits. */
export const manyId = (n: number): string => `5e1d0c0e-0002-4c0a-8b0a-${n.toString(16).padStart(12, '0')}`;

/**
 * `count` connections of Greenfield Bakery cycling through every sandbox platform (so one branding read each)
 * and every status; every seventh has never synced.
 */
export function manyConnections(count: number): Connection[] {
  return Array.from({ length: count }, (_, i) => {
    const p = PLATFORMS[i % PLATFORMS.length]!;
    const id = manyId(i + 1);
    const connection: Connection = {
      id,
      integrationId: p.integrationId,
      integrationKey: p.key,
      sourceId: p.sourceId,
      platformName: `${p.name} ${i + 1}`,
      linkUrl: `https://link-api.codat.io/companies/${GREENFIELD_ID}/connections/${id}/start`,
      status: STATUSES[i % STATUSES.length]!,
      created: new Date(START + ((i * 7919) % 700) * DAY).toISOString(),
      sourceType: p.sourceType,
    };
    if (i % 7 !== 0) connection.lastSync = new Date(START + (700 + ((i * 104729) % 60)) * DAY).toISOString();
    return connection;
  });
}

/** A seed whose only company is Greenfield Bakery with `count` connections. */
export function manySeed(count: number): SandboxSeed {
  return { companies: [{ id: GREENFIELD_ID, name: 'Greenfield Bakery Ltd', connections: manyConnections(count) }] };
}
