/** Seed files: a valid custom seed loads; each kind of bad seed is refused precisely. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { getResponse } from 'msw';
import {
  createSandbox,
  defaultSeed,
  GREENFIELD_ID,
  HARBOUR_ID,
  OAKRIDGE_ID,
  SEED_CONNECTION_IDS,
  SeedError,
  validateSeed,
} from '../../src/sandbox/index.js';
import { connectionSchemaValidator, loadSeedFile } from '../../src/sandbox/node.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-seed-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: unknown): string {
  const path = join(dir, `seed-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const COMPANY = 'a0000000-0000-4000-8000-000000000001';
const connection = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  integrationId: 'b0000000-0000-4000-8000-000000000001',
  integrationKey: 'gbol',
  sourceId: 'c0000000-0000-4000-8000-000000000001',
  platformName: 'Xero',
  linkUrl: `https://link-api.codat.io/companies/${COMPANY}/connections/${id}/start`,
  status: 'Linked',
  created: '2026-04-01T10:00:00Z',
  sourceType: 'Accounting',
  ...extra,
});
const seedWith = (...connections: unknown[]) => ({ companies: [{ id: COMPANY, name: 'Custom Co', connections }] });
const C1 = 'd0000000-0000-4000-8000-000000000001';
const C2 = 'd0000000-0000-4000-8000-000000000002';
const C3 = 'd0000000-0000-4000-8000-000000000003';

async function refused(content: unknown, message: string | RegExp, field?: string) {
  const path = file(content);
  await assert.rejects(loadSeedFile(path), (error: unknown) => {
    assert.ok(error instanceof SeedError, String(error));
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    if (field) assert.equal(error.field, field);
    return true;
  });
}

describe('seed files', () => {
  it('the default seed passes the OpenAPI Connection schema and is deterministic', () => {
    assert.doesNotThrow(() => validateSeed(defaultSeed(), connectionSchemaValidator()));
    assert.deepEqual(defaultSeed(), defaultSeed());
    const [greenfield, harbour] = defaultSeed().companies;
    assert.equal(greenfield!.name, 'Greenfield Bakery Ltd');
    assert.equal(harbour!.name, 'Harbour Freight Co');
    const statuses = new Set(greenfield!.connections.map((c) => c.status));
    assert.deepEqual([...statuses].sort(), ['Deauthorized', 'Linked', 'PendingAuth', 'Unlinked']);
    const linkedAccounting = greenfield!.connections.filter(
      (c) => c.sourceType === 'Accounting' && c.status === 'Linked',
    );
    assert.deepEqual(
      linkedAccounting.map((c) => c.platformName),
      ['Xero'],
    );
    for (const c of defaultSeed().companies.flatMap((x) => x.connections)) {
      assert.match(c.integrationKey!, /^[a-z]{4}$/);
      assert.match(c.created, /^2026-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok(!('lastSync' in c) || /^2026-.*Z$/.test(c.lastSync!));
    }
    assert.ok(!('lastSync' in greenfield!.connections.find((c) => c.platformName === 'Lloyds')!));
  });

  it('exports every company and connection id of the default seed, each once', () => {
    const seed = defaultSeed();
    assert.deepEqual(
      seed.companies.map((c) => [c.id, c.name]),
      [
        [GREENFIELD_ID, 'Greenfield Bakery Ltd'],
        [HARBOUR_ID, 'Harbour Freight Co'],
        [OAKRIDGE_ID, 'Oakridge Joinery Ltd'],
      ],
    );
    const seeded = seed.companies.flatMap((c) => c.connections.map((x) => x.id)).sort();
    assert.deepEqual(Object.values(SEED_CONNECTION_IDS).sort(), seeded);
  });

  it('has one Linked QuickBooks Desktop connection to pause, on Oakridge, and keeps the others as they were', () => {
    const seed = defaultSeed();
    const all = seed.companies.flatMap((c) => c.connections.map((x) => ({ ...x, companyId: c.id })));
    const pausable = all.filter((c) => c.integrationKey === 'pqsw' && c.status === 'Linked');
    assert.deepEqual(
      pausable.map((c) => [c.companyId, c.id, c.platformName, c.sourceType]),
      [[OAKRIDGE_ID, SEED_CONNECTION_IDS.oakridgeQuickbooksDesktop, 'QuickBooks Desktop', 'Accounting']],
    );
    const oakridge = seed.companies[2]!;
    assert.equal(oakridge.connections.length, 1);
    assert.equal(oakridge.pullOperations!.length, 14, 'two completed rounds of seven Accounting data types');
    const byId = (id: string) => all.find((c) => c.id === id)!;
    assert.equal(byId(SEED_CONNECTION_IDS.quickbooksDesktop).status, 'Deauthorized');
    const square = byId(SEED_CONNECTION_IDS.square);
    assert.equal(square.status, 'Deauthorized');
    assert.deepEqual(
      square.dataConnectionErrors!.map((e) => e.status),
      ['Active'],
    );
    assert.equal(seed.companies[0]!.connections.length, 8);
    assert.equal(seed.companies[1]!.connections.length, 3);
  });

  it('loads a valid custom seed and serves it', async () => {
    const seed = await loadSeedFile(
      file(seedWith(connection(C1), connection(C2, { status: 'PendingAuth', lastSync: null }))),
    );
    const sandbox = createSandbox({ seed });
    const response = await getResponse(
      sandbox.handlers,
      new Request(`https://api.codat.io/companies/${COMPANY}/connections`, {
        headers: { Authorization: 'Basic eDo=' },
      }),
    );
    const body = (await response!.json()) as { totalResults: number; results: { id: string }[] };
    assert.equal(body.totalResults, 2);
    assert.deepEqual(
      body.results.map((c) => c.id),
      [C1, C2],
    );
  });

  it('refuses an unreadable file', async () => {
    await assert.rejects(loadSeedFile(join(dir, 'missing.json')), /^SeedError: seed file cannot be read \(ENOENT\)$/);
  });

  it('refuses bad JSON', () => refused('{"companies": [', /^seed file is not valid JSON \(/, 'seed file'));

  it('refuses wrong shapes', async () => {
    await refused([], 'seed must be a JSON object', 'seed');
    await refused({}, 'companies is required', 'companies');
    await refused({ companies: {} }, 'companies must be an array');
    await refused({ companies: [{ id: COMPANY, connections: [] }] }, 'companies[0].name must be a non-empty string');
    await refused({ companies: [{ id: COMPANY, name: 'x' }] }, 'companies[0].connections must be an array');
    await refused(
      { companies: [{ id: COMPANY, name: 'x', connections: [], colour: 'red' }] },
      'companies[0].colour is not an allowed property',
    );
  });

  it('refuses a bad status enum, naming the field', () =>
    refused(
      seedWith(connection(C1), connection(C2), connection(C3, { status: 'Active' })),
      'companies[0].connections[2].status must be one of PendingAuth, Linked, Unlinked, Deauthorized',
      'companies[0].connections[2].status',
    ));

  it('refuses non-UUID ids', async () => {
    await refused({ companies: [{ id: 'company-1', name: 'x', connections: [] }] }, 'companies[0].id must be a UUID');
    await refused(seedWith(connection('conn-1')), 'companies[0].connections[0].id must be a UUID');
  });

  it('refuses duplicate ids', async () => {
    await refused(
      seedWith(connection(C1), connection(C1)),
      `companies[0].connections[1].id duplicates companies[0].connections[0].id (${C1})`,
    );
    const twice = {
      companies: [
        { id: COMPANY, name: 'a', connections: [] },
        { id: COMPANY, name: 'b', connections: [] },
      ],
    };
    await refused(twice, `companies[1].id duplicates companies[0].id (${COMPANY})`);
  });

  it('refuses connections that break the Connection schema', async () => {
    const missing: Record<string, unknown> = connection(C1);
    delete missing.platformName;
    await refused(seedWith(missing), 'companies[0].connections[0].platformName is required');
    await refused(seedWith(connection(C1, { foo: 1 })), 'companies[0].connections[0].foo is not an allowed property');
    await refused(
      seedWith(connection(C1, { linkUrl: 'not a url' })),
      'companies[0].connections[0].linkUrl must be a URI',
    );
    await refused(
      seedWith(connection(C1, { sourceType: 'Payroll' })),
      /^companies\[0\]\.connections\[0\]\.sourceType must be one of Accounting, /,
    );
  });

  it('the browser-safe validateSeed checks the same shape without Ajv', () => {
    assert.throws(() => validateSeed(seedWith(connection(C1, { status: 'Active' }))), {
      message: 'companies[0].connections[0].status must be one of PendingAuth, Linked, Unlinked, Deauthorized',
    });
    assert.throws(() => createSandbox({ seed: seedWith(connection(C1), connection(C1)) as never }), SeedError);
  });
});
