/** Banking accounts: the seeded accounts, paging and query, non-Banking connections, and seeds that carry accounts. */
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
  SEED_BANKING_ACCOUNT_IDS as ACCOUNT,
  SEED_CONNECTION_IDS as SEED,
  SeedError,
  validateSeed,
  type BankingAccount,
  type Sandbox,
} from '../../src/sandbox/index.js';
import { bankingAccountSchemaValidator, loadSeedFile } from '../../src/sandbox/node.js';

const BASE = 'https://api.codat.io';
const BASIC = 'Basic ' + btoa('anything:');
const accountsPath = (companyId: string, connectionId: string) =>
  `/companies/${companyId}/connections/${connectionId}/data/banking-accounts`;
const HSBC = accountsPath(GREENFIELD_ID, SEED.hsbc);

async function call(sandbox: Sandbox, path: string, auth: string | null = BASIC) {
  const headers = new Headers();
  if (auth) headers.set('Authorization', auth);
  const response = await getResponse(sandbox.handlers, new Request(BASE + path, { headers }));
  assert.ok(response, `no handler for ${path}`);
  const text = await response.text();
  // Loosely typed on purpose; the conformance test checks schemas.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}
const ids = (body: { results: { id: string }[] }) => body.results.map((a) => a.id);

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 must be 1. */
function ibanIsValid(iban: string): boolean {
  const compact = iban.replace(/ /g, '');
  const digits = (compact.slice(4) + compact.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}

describe('GET .../data/banking-accounts', () => {
  it("serves Greenfield's HSBC accounts as seeded: a GBP current and a GBP savings account", async () => {
    const { status, body } = await call(createSandbox(), HSBC);
    assert.equal(status, 200);
    assert.deepEqual([body.pageNumber, body.pageSize, body.totalResults], [1, 100, 2]);
    assert.deepEqual(body._links, { self: { href: HSBC }, current: { href: `${HSBC}?page=1&pageSize=100` } });
    assert.deepEqual(ids(body), [ACCOUNT.hsbcCurrent, ACCOUNT.hsbcSavings]);
    const seeded = defaultSeed().companies[0]!.bankingAccounts![SEED.hsbc]!;
    assert.deepEqual(body.results, seeded);
    const [current, savings] = body.results as BankingAccount[];
    assert.deepEqual(
      [current!.identifiers.subtype, savings!.identifiers.subtype, current!.currency, savings!.currency],
      ['current', 'savings', 'GBP', 'GBP'],
    );
  });

  it('seeds realistic UK identifiers, balances, institutions and dates', () => {
    const all = defaultSeed().companies.flatMap((c) => Object.values(c.bankingAccounts ?? {}).flat());
    assert.equal(all.length, 3);
    for (const a of all) {
      assert.match(a.identifiers.number!, /^\d{8}$/, 'full 8-digit account number');
      assert.match(a.identifiers.bankCode!, /^\d{6}$/, 'sort code');
      assert.ok(ibanIsValid(a.identifiers.iban!), a.identifiers.iban!);
      assert.ok(a.identifiers.iban!.replace(/ /g, '').endsWith(a.identifiers.bankCode! + a.identifiers.number!));
      assert.equal(typeof a.balance.current, 'number');
      assert.ok(a.institution.name);
      assert.match(a.modifiedDate!, /^2026-.*Z$/);
      assert.ok(a.sourceModifiedDate! <= a.modifiedDate!);
    }
  });

  it("serves Harbour's one Barclays account to Harbour's own token only", async () => {
    const s = createSandbox();
    const path = accountsPath(HARBOUR_ID, SEED.harbourBarclays);
    const harbour = await call(s, path, `Bearer ${await s.issueAccessToken(HARBOUR_ID)}`);
    assert.deepEqual(ids(harbour.body), [ACCOUNT.harbourBarclaysCurrent]);
    assert.equal(harbour.body.results[0].institution.name, 'Barclays Business');
    assert.equal((await call(s, path, `Bearer ${await s.issueAccessToken(GREENFIELD_ID)}`)).status, 403);
    assert.equal((await call(s, path, null)).status, 401);
  });

  it('pages, filters and orders like the other lists', async () => {
    const s = createSandbox();
    const second = await call(s, `${HSBC}?page=2&pageSize=1`);
    assert.deepEqual(ids(second.body), [ACCOUNT.hsbcSavings]);
    assert.deepEqual(second.body._links.previous, { href: `${HSBC}?page=1&pageSize=1` });
    const q = (query: string, rest = '') => call(s, `${HSBC}?query=${encodeURIComponent(query)}${rest}`);
    assert.deepEqual(ids((await q('name=business money manager')).body), [ACCOUNT.hsbcSavings]);
    assert.deepEqual(ids((await q('type=Debit&&currency=GBP', '&orderBy=-name')).body), [
      ACCOUNT.hsbcSavings,
      ACCOUNT.hsbcCurrent,
    ]);
    assert.equal((await q('informalName=Shops takings')).body.totalResults, 1);
    const unknown = await q('balance=1');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error, 'Error parsing query - Could not resolve property balance on Account');
    assert.equal((await call(s, `${HSBC}?orderBy=colour`)).status, 400);
  });

  it('answers an empty page for a Banking connection without accounts', async () => {
    const { status, body } = await call(createSandbox(), accountsPath(GREENFIELD_ID, SEED.lloyds));
    assert.equal(status, 200);
    assert.deepEqual([body.results, body.totalResults], [[], 0]);
  });

  it('answers 404 naming the reason for a connection that is not a Banking one', async () => {
    const s = createSandbox();
    for (const [id, platform, type] of [
      [SEED.xero, 'Xero', 'Accounting'],
      [SEED.shopify, 'Shopify', 'Commerce'],
    ]) {
      const r = await call(s, accountsPath(GREENFIELD_ID, id!));
      assert.equal(r.status, 404);
      assert.equal(
        r.body.error,
        `No data available for banking-accounts: data connection ${id} is not a Banking connection (${platform} is ${type}).`,
      );
    }
  });

  it("uses the existing 404s for unknown companies and connections, including another company's", async () => {
    const s = createSandbox();
    const other = await call(s, accountsPath(GREENFIELD_ID, SEED.harbourBarclays));
    assert.deepEqual([other.status, other.body.error], [404, `Data connection ${SEED.harbourBarclays} not found`]);
    const company = '00000000-0000-4000-8000-000000000000';
    const none = await call(s, accountsPath(company, SEED.hsbc));
    assert.deepEqual([none.status, none.body.error], [404, `No company was found with ID ${company}`]);
  });

  it('deleting the connection deletes its accounts', async () => {
    const s = createSandbox();
    const hsbc = s.store.getConnection(GREENFIELD_ID, SEED.hsbc)!;
    assert.equal(s.store.listBankingAccounts(GREENFIELD_ID, SEED.hsbc)?.length, 2);
    s.store.deleteConnection(GREENFIELD_ID, SEED.hsbc);
    assert.equal(s.store.listBankingAccounts(GREENFIELD_ID, SEED.hsbc), undefined);
    assert.equal((await call(s, HSBC)).status, 404);
    s.store.putConnection(GREENFIELD_ID, hsbc);
    assert.deepEqual((await call(s, HSBC)).body.results, []);
    s.store.reset();
    assert.equal((await call(s, HSBC)).body.totalResults, 2);
  });
});

describe('seeded bankingAccounts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-banking-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const file = (content: unknown) => {
    const path = join(dir, `seed-${n++}.json`);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const withAccounts = (accounts: unknown, connectionId: string = SEED.hsbc) => {
    const seed = defaultSeed();
    (seed.companies[0] as { bankingAccounts: unknown }).bankingAccounts = { [connectionId]: accounts };
    return seed;
  };
  const hsbc = () => defaultSeed().companies[0]!.bankingAccounts![SEED.hsbc]!;
  const at = `companies[0].bankingAccounts["${SEED.hsbc}"]`;
  const strict = (seed: unknown) => loadSeedFile(file(seed));
  const refusedBoth = async (seed: unknown, message: string) => {
    assert.throws(() => validateSeed(seed), { name: 'SeedError', message });
    await assert.rejects(strict(seed), { name: 'SeedError', message });
  };

  it('the default seed passes the Banking document’s Account schema', async () => {
    const check = bankingAccountSchemaValidator();
    for (const account of defaultSeed().companies.flatMap((c) => Object.values(c.bankingAccounts ?? {}).flat())) {
      assert.equal(check(account), undefined, account.id);
    }
    await assert.doesNotReject(strict(defaultSeed()));
  });

  it('serves accounts from a custom seed file', async () => {
    const account: BankingAccount = {
      id: 'acc-1',
      name: 'Everyday',
      type: 'Debit',
      balance: { current: 12.5 },
      identifiers: { type: 'Account', number: '12345678', bankCode: '601613' },
      currency: 'GBP',
      institution: { name: 'NatWest' },
    };
    const s = createSandbox({ seed: await strict(withAccounts([account])) });
    assert.deepEqual((await call(s, HSBC)).body.results, [account]);
  });

  it('refuses keys that are not Banking connections of the company', async () => {
    await refusedBoth(
      withAccounts(hsbc(), SEED.harbourBarclays),
      `companies[0].bankingAccounts["${SEED.harbourBarclays}"] must be keyed by the id of one of the company's connections`,
    );
    await refusedBoth(
      withAccounts(hsbc(), SEED.xero),
      `companies[0].bankingAccounts["${SEED.xero}"] must belong to a Banking connection (Xero is Accounting)`,
    );
    const seed = defaultSeed();
    (seed.companies[1] as { bankingAccounts: unknown }).bankingAccounts = [];
    await refusedBoth(seed, 'companies[1].bankingAccounts must be an object keyed by connection id');
  });

  it('refuses bad and duplicate accounts, naming the field', async () => {
    await refusedBoth(withAccounts({}), `${at} must be an array`);
    await refusedBoth(
      withAccounts([hsbc()[0], { ...hsbc()[1]!, id: ACCOUNT.hsbcCurrent }]),
      `${at}[1].id duplicates ${at}[0].id (${ACCOUNT.hsbcCurrent})`,
    );
    await refusedBoth(
      withAccounts([{ ...hsbc()[0]!, type: 'Savings' }]),
      `${at}[0].type must be one of Unknown, Credit, Debit`,
    );
    const noCurrency: Record<string, unknown> = { ...hsbc()[0]! };
    delete noCurrency.currency;
    assert.throws(() => validateSeed(withAccounts([noCurrency])), {
      message: `${at}[0] must have required property 'currency'`,
    });
    await assert.rejects(strict(withAccounts([noCurrency])), { message: `${at}[0].currency is required` });
  });

  it('the Node loader also applies the schema’s finer rules', async () => {
    const first = hsbc()[0]!;
    const refused = (account: unknown, message: string) =>
      assert.rejects(strict(withAccounts([account])), (e: unknown) => e instanceof SeedError && e.message === message);
    await refused(
      { ...first, identifiers: { ...first.identifiers, sortCode: '401162' } },
      `${at}[0].identifiers.sortCode is not an allowed property`,
    );
    await refused({ ...first, balance: { current: '18102.37' } }, `${at}[0].balance.current must be number`);
    await refused({ ...first, name: '' }, `${at}[0].name must NOT have fewer than 1 characters`);
    assert.doesNotThrow(
      () => validateSeed(withAccounts([{ ...first, balance: { current: '1' } }])),
      'basic check is lenient',
    );
  });
});
