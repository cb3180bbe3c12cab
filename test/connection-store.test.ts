/** ConnectionStore: ordered writes, so a read that started before a later write cannot undo it. */
import { expect } from '@open-wc/testing';
import { ConnectionStore, type Connection } from '../src/index.js';
import { defaultSeed, SEED_CONNECTION_IDS as SEED } from '../src/sandbox/index.js';

const seeded = () => structuredClone(defaultSeed().companies[0]!.connections) as Connection[];
const one = (id: string, change: Partial<Connection> = {}): Connection => ({
  ...seeded().find((c) => c.id === id)!,
  ...change,
});

describe('ConnectionStore', () => {
  it('writes without a mark as they come: the last write wins', () => {
    const store = new ConnectionStore();
    store.replaceAll(seeded());
    expect(store.upsert(one(SEED.xero, { status: 'Unlinked' }))).to.equal(true);
    expect(store.upsert(one(SEED.xero))).to.equal(true);
    expect(store.get(SEED.xero)!.status).to.equal('Linked');
  });

  it('keeps a write made after a read started when the read comes back later', () => {
    const store = new ConnectionStore();
    store.replaceAll(seeded());
    let notified = 0;
    store.subscribe(() => notified++);
    const read = store.startRead();
    store.upsert(one(SEED.xero, { status: 'Unlinked' })); // confirmed by the API
    expect(store.upsert(one(SEED.xero), read), 'the older read is not written').to.equal(false);
    expect(store.get(SEED.xero)!.status).to.equal('Unlinked');
    expect(notified, 'and nobody is told of a change').to.equal(1);
    // A read that started after the write is written.
    expect(store.upsert(one(SEED.xero, { status: 'Deauthorized' }), store.startRead())).to.equal(true);
    expect(store.get(SEED.xero)!.status).to.equal('Deauthorized');
  });

  it('keeps the newer of two reads, whichever comes back last', () => {
    const store = new ConnectionStore();
    const older = store.startRead();
    const newer = store.startRead();
    expect(store.upsert(one(SEED.xero, { status: 'Unlinked' }), newer)).to.equal(true);
    expect(store.upsert(one(SEED.xero), older)).to.equal(false);
    expect(store.get(SEED.xero)!.status).to.equal('Unlinked');
  });

  it('a list read keeps what changed since it started, what was removed, and what was created', () => {
    const store = new ConnectionStore();
    store.replaceAll(seeded());
    const read = store.startRead();
    store.upsert(one(SEED.xero, { status: 'Unlinked' }));
    store.remove(SEED.lloyds);
    const created = one(SEED.hsbc, { id: '0b1d0000-0000-4000-8000-00000000abcd', platformName: 'Monzo' });
    store.upsert(created);
    const listed = seeded().map((c) => (c.id === SEED.hsbc ? { ...c, platformName: 'HSBC UK' } : c));
    store.replaceAll(listed, read);
    expect(store.get(SEED.xero)!.status, 'the unlink stays').to.equal('Unlinked');
    expect(store.get(SEED.lloyds), 'the removed one stays removed').to.equal(undefined);
    expect(store.wasRemoved(SEED.lloyds)).to.equal(true);
    expect(store.get(created.id), 'the created one stays').to.deep.equal(created);
    expect(store.get(SEED.hsbc)!.platformName, 'the rest is written').to.equal('HSBC UK');
    expect(store.all().map((c) => c.id)).to.deep.equal([
      ...listed.map((c) => c.id).filter((id) => id !== SEED.lloyds),
      created.id,
    ]);
  });

  it('a read that found a connection gone does not remove one written since it started', () => {
    const store = new ConnectionStore();
    const read = store.startRead();
    store.upsert(one(SEED.xero));
    store.remove(SEED.xero, read);
    expect(store.get(SEED.xero)).to.not.equal(undefined);
    store.remove(SEED.xero, store.startRead());
    expect(store.get(SEED.xero)).to.equal(undefined);
    expect(store.upsert(one(SEED.xero), read), 'nor is it brought back by an older read').to.equal(false);
  });
});
