import { expect } from '@open-wc/testing';
import type { Connection } from '../src/api/types.js';
import { attentionOf } from '../src/internal/attention.js';
import { attentionLabel } from '../src/internal/connection-text.js';

const NOW = Date.parse('2026-03-02T12:00:00Z');

function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: '5e1d0c0e-0001-4c0a-8b0a-000000000001',
    integrationId: '1a7e0000-0000-4000-8000-000000000001',
    integrationKey: 'gbol',
    sourceId: '50c0e000-0000-4000-8000-000000000001',
    platformName: 'Xero',
    linkUrl: 'https://link-api.codat.io/start',
    status: 'Linked',
    created: '2026-01-05T09:30:00Z',
    sourceType: 'Accounting',
    ...overrides,
  };
}

type ErrorEntry = NonNullable<Connection['dataConnectionErrors']>[number];
const error = (statusCode: string, status: ErrorEntry['status'] = 'Active'): ErrorEntry => ({
  statusCode,
  statusText: 'Something',
  errorMessage: 'It went wrong.',
  erroredOnUtc: '2026-03-01T06:00:00Z',
  status,
});
const paused = (info: Record<string, unknown>) => connection({ connectionInfo: info });

describe('attentionOf', () => {
  describe('reconnect', () => {
    it('flags a Deauthorized connection, with or without errors', () => {
      expect(attentionOf(connection({ status: 'Deauthorized' }), NOW)).to.deep.equal(['reconnect']);
      expect(
        attentionOf(connection({ status: 'Deauthorized', dataConnectionErrors: [error('401')] }), NOW),
      ).to.deep.equal(['reconnect']);
    });

    it('flags a Linked connection whose platform refuses access with an Active 401 or 403', () => {
      expect(attentionOf(connection({ dataConnectionErrors: [error('401')] }), NOW)).to.deep.equal(['reconnect']);
      expect(attentionOf(connection({ dataConnectionErrors: [error('403')] }), NOW)).to.deep.equal(['reconnect']);
      // The document types statusCode as a string; a number from a looser API reads the same.
      const numeric = { ...error('401'), statusCode: 401 as unknown as string };
      expect(attentionOf(connection({ dataConnectionErrors: [numeric] }), NOW)).to.deep.equal(['reconnect']);
    });

    it('does not flag a Linked connection whose 401 was Resolved or is not transient (null status)', () => {
      expect(attentionOf(connection({ dataConnectionErrors: [error('401', 'Resolved')] }), NOW)).to.deep.equal([]);
      expect(attentionOf(connection({ dataConnectionErrors: [error('401', null)] }), NOW)).to.deep.equal([]);
    });

    it('reads only Linked 401/403 as reconnect: other statuses with an Active 401 are an error', () => {
      for (const status of ['Unlinked', 'PendingAuth'] as const) {
        expect(attentionOf(connection({ status, dataConnectionErrors: [error('401')] }), NOW), status).to.deep.equal([
          'error',
        ]);
      }
    });
  });

  describe('error', () => {
    it('flags any other Active error', () => {
      expect(attentionOf(connection({ dataConnectionErrors: [error('500')] }), NOW)).to.deep.equal(['error']);
      expect(attentionOf(connection({ dataConnectionErrors: [error('')] }), NOW)).to.deep.equal(['error']);
    });

    it('is not added to a connection already flagged reconnect', () => {
      expect(attentionOf(connection({ dataConnectionErrors: [error('401'), error('500')] }), NOW)).to.deep.equal([
        'reconnect',
      ]);
      expect(
        attentionOf(connection({ status: 'Deauthorized', dataConnectionErrors: [error('500')] }), NOW),
      ).to.deep.equal(['reconnect']);
    });

    it('ignores Resolved and null-status errors', () => {
      expect(
        attentionOf(connection({ dataConnectionErrors: [error('500', 'Resolved'), error('502', null)] }), NOW),
      ).to.deep.equal([]);
    });

    it('reports nothing for null, empty or malformed error arrays and entries', () => {
      expect(attentionOf(connection({ dataConnectionErrors: null }), NOW)).to.deep.equal([]);
      expect(attentionOf(connection({ dataConnectionErrors: [] }), NOW)).to.deep.equal([]);
      expect(attentionOf(connection(), NOW)).to.deep.equal([]);
      const malformed = [null, 'Active', 42] as unknown as ErrorEntry[];
      expect(attentionOf(connection({ dataConnectionErrors: malformed }), NOW)).to.deep.equal([]);
      const notAnArray = { status: 'Active' } as unknown as ErrorEntry[];
      expect(attentionOf(connection({ dataConnectionErrors: notAnArray }), NOW)).to.deep.equal([]);
    });
  });

  describe('paused', () => {
    it('flags a pause with no end (absent or null syncsPausedUntil)', () => {
      expect(attentionOf(paused({ syncsPausedAt: '2026-03-01T00:00:00Z' }), NOW)).to.deep.equal(['paused']);
      expect(attentionOf(paused({ syncsPausedAt: '2026-03-01T00:00:00Z', syncsPausedUntil: null }), NOW)).to.deep.equal(
        ['paused'],
      );
    });

    it('flags a pause that ends after now, and not one that has lapsed or ends exactly now', () => {
      const at = '2026-03-01T00:00:00Z';
      expect(attentionOf(paused({ syncsPausedAt: at, syncsPausedUntil: '2026-03-02T12:00:01Z' }), NOW)).to.deep.equal([
        'paused',
      ]);
      expect(attentionOf(paused({ syncsPausedAt: at, syncsPausedUntil: '2026-03-02T11:59:59Z' }), NOW)).to.deep.equal(
        [],
      );
      expect(attentionOf(paused({ syncsPausedAt: at, syncsPausedUntil: '2026-03-02T12:00:00Z' }), NOW)).to.deep.equal(
        [],
      );
    });

    it('takes an unreadable or non-string end as no pause, and needs syncsPausedAt to be a string', () => {
      const at = '2026-03-01T00:00:00Z';
      expect(attentionOf(paused({ syncsPausedAt: at, syncsPausedUntil: 'next Tuesday' }), NOW)).to.deep.equal([]);
      expect(attentionOf(paused({ syncsPausedAt: at, syncsPausedUntil: '' }), NOW)).to.deep.equal([]);
      expect(attentionOf(paused({ syncsPausedAt: at, syncsPausedUntil: NOW + 60_000 }), NOW)).to.deep.equal([]);
      expect(attentionOf(paused({ syncsPausedAt: NOW }), NOW)).to.deep.equal([]);
      expect(attentionOf(paused({ syncsPausedAt: null }), NOW)).to.deep.equal([]);
      expect(attentionOf(paused({ syncsPausedUntil: '2999-01-01T00:00:00Z' }), NOW)).to.deep.equal([]);
      expect(attentionOf(connection({ connectionInfo: null }), NOW)).to.deep.equal([]);
    });

    it('uses the clock it is given', () => {
      const c = paused({ syncsPausedAt: '2026-03-01T00:00:00Z', syncsPausedUntil: '2026-03-05T00:00:00Z' });
      expect(attentionOf(c, Date.parse('2026-03-04T23:59:59Z'))).to.deep.equal(['paused']);
      expect(attentionOf(c, Date.parse('2026-03-05T00:00:01Z'))).to.deep.equal([]);
    });
  });

  describe('syncing and combinations', () => {
    it('adds syncing only for ids in the set the kit passes', () => {
      const c = connection();
      expect(attentionOf(c, NOW, { syncing: new Set([c.id]) })).to.deep.equal(['syncing']);
      expect(attentionOf(c, NOW, { syncing: new Set(['5e1d0c0e-0001-4c0a-8b0a-000000000002']) })).to.deep.equal([]);
      expect(attentionOf(c, NOW, { syncing: new Set() })).to.deep.equal([]);
    });

    it('lists every kind that applies, in a fixed order, each once', () => {
      const c = connection({
        status: 'Deauthorized',
        dataConnectionErrors: [error('401'), error('403'), error('500')],
        connectionInfo: { syncsPausedAt: '2026-03-01T00:00:00Z' },
      });
      expect(attentionOf(c, NOW, { syncing: new Set([c.id]) })).to.deep.equal(['reconnect', 'paused', 'syncing']);
      const erroring = connection({
        dataConnectionErrors: [error('500'), error('502')],
        connectionInfo: { syncsPausedAt: '2026-03-01T00:00:00Z' },
      });
      expect(attentionOf(erroring, NOW)).to.deep.equal(['error', 'paused']);
    });
  });

  it('has words for every kind', () => {
    expect((['reconnect', 'error', 'paused', 'syncing'] as const).map(attentionLabel)).to.deep.equal([
      'Needs reconnecting',
      'Error',
      'Syncs paused',
      'Syncing…',
    ]);
  });
});
