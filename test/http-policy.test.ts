/**
 * The HTTP policy, against the sandbox's fault rules: which requests are retried after what, with which waits and
 * keys; timeouts and the total budget; aborts; shared reads; and 50 seeded interleavings of company switches.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import {
  CodatClient,
  HTTP_POLICY,
  retryDelay,
  type CodatClientOptions,
  type CodatConnectionList,
  type CodatConnectionsProvider,
} from '../src/index.js';
import { GREENFIELD_ID, HARBOUR_ID, OAKRIDGE_ID, type FaultRule } from '../src/sandbox/index.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { text } from './support/dom.js';
import { failureOf } from './support/errors.js';
// The sandbox's own seeded generator (mulberry32), so the interleavings repeat.
import { seeded } from '../src/sandbox/faults.js';

describe('HTTP policy', () => {
  const api = useSandboxWorker();
  /** The waits the client chose, in order: `{retry, delayMs, status}`. */
  let retries: { retry: number; delayMs: number; status: number | null }[];
  /** This test's token: late requests of an earlier test carry another. */
  let token = '';
  const sent = (method: string, suffix: string) =>
    requestsTo(api.requests, method, suffix).filter((r) => r.headers.get('Authorization') === `Bearer ${token}`);

  async function setup(rules: FaultRule[] = [], options: Partial<CodatClientOptions> = {}) {
    const fresh = await api.fresh();
    for (const rule of rules) fresh.sandbox.faults.add(rule);
    retries = [];
    token = fresh.token;
    const client = new CodatClient({
      baseUrl: BASE_URL,
      accessToken: fresh.token,
      onRetry: ({ retry, delayMs, status }) => retries.push({ retry, delayMs, status }),
      ...options,
      policy: { backoffMs: 2, backoffMaxMs: 8, ...options.policy },
    });
    return { ...fresh, client };
  }

  const CONNECTIONS = '/connections$';
  const XERO = `/connections/${SEED.xero}$`;

  describe('the numbers', () => {
    it('are one exported constant', () => {
      expect(HTTP_POLICY).to.deep.equal({
        attemptTimeoutMs: 15000,
        totalTimeoutMs: 40000,
        retries: 2,
        backoffMs: 500,
        backoffMaxMs: 4000,
        retryAfterMaxMs: 10000,
        retryStatuses: [408, 429, 500, 502, 503, 504],
        maxBodyBytes: 16 * 1024 * 1024,
        tokenRenewMs: 60000,
      });
    });

    it("are the ones the README's Reliability table shows", async () => {
      const readme = await (await fetch('/README.md')).text();
      const section = readme.slice(readme.indexOf('## Reliability'));
      const rows = new Map(
        [...section.matchAll(/^\| `(\w+)` +\| ([^|]+?) +\|/gm)].map(([, key, value]) => [
          key!,
          value!.replace(/(\d) (?=\d{3}\b)/g, '$1'),
        ]),
      );
      const p = HTTP_POLICY;
      expect(Object.fromEntries(rows)).to.deep.equal({
        attemptTimeoutMs: String(p.attemptTimeoutMs),
        totalTimeoutMs: String(p.totalTimeoutMs),
        retries: String(p.retries),
        backoffMs: `${p.backoffMs}, doubling, capped at \`backoffMaxMs\` ${p.backoffMaxMs}`,
        retryAfterMaxMs: String(p.retryAfterMaxMs),
        retryStatuses: p.retryStatuses.join(', '),
        maxBodyBytes: `${p.maxBodyBytes / 1024 / 1024} MiB`,
        tokenRenewMs: String(p.tokenRenewMs),
      });
    });

    it('backs off exponentially, capped, with half the wait random', () => {
      expect(retryDelay(1, null, HTTP_POLICY, () => 0)).to.equal(250);
      expect(retryDelay(1, null, HTTP_POLICY, () => 1)).to.equal(500);
      expect(retryDelay(2, null, HTTP_POLICY, () => 1)).to.equal(1000);
      expect(retryDelay(3, null, HTTP_POLICY, () => 0.5)).to.equal(1500);
      expect(retryDelay(9, null, HTTP_POLICY, () => 1)).to.equal(4000);
      expect(retryDelay(9, null, HTTP_POLICY, () => 0)).to.equal(2000);
    });

    it('honours Retry-After (seconds or a date) up to 10 s', () => {
      expect(retryDelay(1, '2')).to.equal(2000);
      expect(retryDelay(1, '3600')).to.equal(10000);
      expect(retryDelay(1, new Date(Date.now() + 3_600_000).toUTCString())).to.equal(10000);
      // Not a usable value: the backoff.
      expect(retryDelay(1, 'soon', HTTP_POLICY, () => 1)).to.equal(500);
    });
  });

  describe('GET and DELETE', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      it(`retries a GET after ${status}`, async () => {
        const { client } = await setup([{ path: CONNECTIONS, status, times: 1 }]);
        expect(await client.listConnections()).to.have.length(8);
        expect(sent('GET', '/connections')).to.have.length(2);
        expect(retries.map((r) => r.status)).to.deep.equal([status]);
      });
    }

    it('retries a GET after a network failure, at most twice', async () => {
      const { client } = await setup([{ path: CONNECTIONS, network: true }]);
      const error = await failureOf(client.listConnections());
      expect(error.kind).to.equal('network');
      expect(error.message).to.equal(
        'Could not reach the connections service. Check your internet connection and try again.',
      );
      expect(sent('GET', '/connections')).to.have.length(3);
      expect(retries.map((r) => r.retry)).to.deep.equal([1, 2]);
    });

    it('does not retry a GET after 400, 403 or 404', async () => {
      for (const status of [400, 403, 404]) {
        const { client } = await setup([{ path: CONNECTIONS, status, times: 1 }]);
        expect((await failureOf(client.listConnections())).status).to.equal(status);
        expect(sent('GET', '/connections')).to.have.length(1);
      }
    });

    it('retries a DELETE after 503 and after a network failure', async () => {
      const { client } = await setup([
        { method: 'DELETE', path: XERO, status: 503, times: 1 },
        { method: 'DELETE', path: XERO, network: true, times: 1 },
      ]);
      await client.deleteConnection(SEED.xero);
      expect(sent('DELETE', SEED.xero)).to.have.length(3);
      expect(retries.map((r) => r.status)).to.deep.equal([503, null]);
    });

    it('waits Retry-After up to its cap, and never X-Rate-Limit-Reset', async () => {
      const { client } = await setup(
        [
          { path: CONNECTIONS, status: 429, times: 1, headers: { 'Retry-After': '3600' } },
          { path: CONNECTIONS, status: 429, times: 1, headers: { 'X-Rate-Limit-Reset': '86399' } },
        ],
        // A cap small enough to wait for, and a backoff far below it: a wait on X-Rate-Limit-Reset would show.
        { policy: { ...HTTP_POLICY, backoffMs: 4, backoffMaxMs: 8, retryAfterMaxMs: 30 } },
      );
      expect(await client.listConnections()).to.have.length(8);
      expect(sent('GET', '/connections')).to.have.length(3);
      expect(retries[0]).to.deep.equal({ retry: 1, delayMs: 30, status: 429 });
      expect(retries[1]!.delayMs).to.be.within(4, 8);
    });

    it('retries an attempt that timed out, and gives up when the total budget is spent', async () => {
      // The second attempt has no latency, but a loaded machine can take a few hundred ms to answer it: its
      // timeout is far above that and far below the first attempt's 5 s.
      const { client } = await setup([{ path: CONNECTIONS, latencyMs: 5000, times: 1 }], {
        policy: { ...HTTP_POLICY, backoffMs: 2, attemptTimeoutMs: 1500 },
      });
      expect(await client.listConnections()).to.have.length(8);
      expect(sent('GET', '/connections')).to.have.length(2);

      const slow = await setup([{ path: CONNECTIONS, latencyMs: 3000 }], {
        policy: { ...HTTP_POLICY, backoffMs: 2, attemptTimeoutMs: 200, totalTimeoutMs: 300, retries: 5 },
      });
      const error = await failureOf(slow.client.listConnections());
      expect(error.kind).to.equal('timeout');
      expect(error.message).to.equal('The connections service took too long to answer. Try again.');
      expect(sent('GET', '/connections').length).to.be.within(1, 2);
    });
  });

  describe('POST and PATCH', () => {
    const keys = async (method: string, suffix: string) =>
      sent(method, suffix).map((r) => r.headers.get('Idempotency-Key'));

    it('retries a PATCH after a 429 and after a network failure, with the same key', async () => {
      const { client } = await setup([
        { method: 'PATCH', status: 429, times: 1, headers: { 'Retry-After': '0' } },
        { method: 'PATCH', network: true, times: 1 },
      ]);
      const updated = await client.unlinkConnection(SEED.xero);
      expect(updated.status).to.equal('Unlinked');
      const sent = await keys('PATCH', SEED.xero);
      expect(sent).to.have.length(3);
      expect(new Set(sent).size).to.equal(1);
      expect(sent[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    for (const status of [408, 500, 502, 503, 504]) {
      it(`does not retry a POST or a PATCH after ${status}, and changes nothing shown`, async () => {
        const { client, sandbox } = await setup([
          { method: 'POST', status, times: 1 },
          { method: 'PATCH', status, times: 1 },
        ]);
        await client.listConnections();
        expect((await failureOf(client.refreshAllData())).status).to.equal(status);
        expect((await failureOf(client.unlinkConnection(SEED.xero))).status).to.equal(status);
        expect(sent('POST', '/data/all')).to.have.length(1);
        expect(sent('PATCH', SEED.xero)).to.have.length(1);
        expect(retries).to.deep.equal([]);
        expect(client.connections.get(SEED.xero)!.status).to.equal('Linked');
        expect(sandbox.store.getConnection(GREENFIELD_ID, SEED.xero)!.status).to.equal('Linked');
      });
    }

    it('does not retry a POST whose attempt timed out', async () => {
      const { client } = await setup([{ method: 'POST', latencyMs: 3000, times: 1 }], {
        policy: { ...HTTP_POLICY, attemptTimeoutMs: 200 },
      });
      expect((await failureOf(client.refreshAllData())).kind).to.equal('timeout');
      expect(sent('POST', '/data/all')).to.have.length(1);
    });

    it('retries a POST after a 429, with the same key, and uses a new key for each action', async () => {
      const { client } = await setup([{ method: 'POST', status: 429, times: 1 }]);
      await client.refreshAllData();
      await client.refreshAllData();
      const sent = await keys('POST', '/data/all');
      expect(sent).to.have.length(3);
      expect(sent[0]).to.equal(sent[1]);
      expect(sent[2]).not.to.equal(sent[1]);
    });

    it('never sends an Idempotency-Key on GET or DELETE', async () => {
      const { client } = await setup();
      await client.listConnections();
      await client.deleteConnection(SEED.hsbc);
      const both = [...sent('GET', '/connections'), ...sent('DELETE', SEED.hsbc)];
      expect(both.map((r) => r.headers.get('Idempotency-Key'))).to.deep.equal([null, null]);
    });
  });

  describe('aborts and shared reads', () => {
    /** A client whose fetch records the signal of each request. */
    async function recording(rules: FaultRule[]) {
      const signals: AbortSignal[] = [];
      // What the client sent, in the order it sent it (msw's request events can arrive out of order in Firefox).
      const authorizations: (string | null)[] = [];
      const made = await setup(rules, {
        fetch: (input, init) => {
          signals.push((input as Request).signal);
          authorizations.push((input as Request).headers.get('Authorization'));
          return fetch(input, init);
        },
      });
      return { ...made, signals, authorizations };
    }

    it('makes identical concurrent reads once', async () => {
      const { client } = await setup();
      const lists = await Promise.all([client.listConnections(), client.listConnections(), client.listConnections()]);
      expect(lists.map((l) => l.length)).to.deep.equal([8, 8, 8]);
      expect(sent('GET', '/connections')).to.have.length(1);
    });

    it('aborts a shared read when its last caller aborts, not before', async () => {
      const { client, signals } = await recording([{ path: CONNECTIONS, latencyMs: 400 }]);
      const a = new AbortController();
      const b = new AbortController();
      const first = client.listConnections({ signal: a.signal }).catch((e: unknown) => e);
      const second = client.listConnections({ signal: b.signal });
      await waitUntil(() => signals.length === 1, 'one request');
      a.abort();
      expect(((await first) as DOMException).name).to.equal('AbortError');
      expect(signals[0]!.aborted).to.equal(false);
      expect(await second).to.have.length(8);

      const c = new AbortController();
      const third = client.listConnections({ signal: c.signal }).catch((e: unknown) => e);
      await waitUntil(() => signals.length === 2, 'a second request');
      c.abort();
      expect(((await third) as DOMException).name).to.equal('AbortError');
      expect(signals[1]!.aborted).to.equal(true);
    });

    it('aborts the list read when the list is removed', async () => {
      const { client, signals } = await recording([{ path: CONNECTIONS, latencyMs: 2000 }]);
      const list = await fixture<CodatConnectionList>(
        html`<codat-connection-list .client=${client}></codat-connection-list>`,
      );
      await waitUntil(() => signals.length === 1, 'the list asked');
      list.remove();
      await waitUntil(() => signals[0]!.aborted, 'the request aborted');
    });

    it('aborts the read under way and reads again when the host gives another token', async () => {
      const { client, signals, authorizations, sandbox } = await recording([
        { path: CONNECTIONS, latencyMs: 2000, times: 1 },
      ]);
      const list = await fixture<CodatConnectionList>(
        html`<codat-connection-list .client=${client}></codat-connection-list>`,
      );
      await waitUntil(() => signals.length === 1, 'the list asked');
      // Another expiry, so another token (two minted in the same second would be the same).
      const second = await sandbox.issueAccessToken(GREENFIELD_ID, { expiresIn: 3601 });
      client.setAccessToken(second);
      await waitUntil(() => signals[0]!.aborted, 'the first read aborted');
      await waitUntil(() => !!list.shadowRoot!.querySelector('[part="item-button"]'), 'listed with the new token');
      expect(authorizations.at(-1)).to.equal(`Bearer ${second}`);
      expect(signals.at(-1)!.aborted).to.equal(false);
    });

    it('aborts what the old client had under way when the token names another company', async () => {
      const { sandbox, token } = await api.fresh();
      sandbox.faults.add({ path: CONNECTIONS, latencyMs: 2000, times: 1 });
      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} .accessToken=${token}>
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const old = provider.client!;
      const pending = failureOf(old.listConnections()).catch((e: unknown) => e);
      await waitUntil(() => requestsTo(api.requests, 'GET', '/connections').length >= 1, 'asked');
      provider.accessToken = await sandbox.issueAccessToken(HARBOUR_ID);
      await provider.updateComplete;
      expect(provider.client).not.to.equal(old);
      expect(((await pending) as DOMException).name).to.equal('AbortError');
    });
  });

  describe('company switches', () => {
    it('renders nothing stale in 50 seeded interleavings of switching company mid-request', async () => {
      const random = seeded(20261202);
      const { sandbox } = await api.fresh();
      // Every request waits a random 0-60 ms (seeded too), so answers overtake one another.
      sandbox.faults.add({ latencyMs: [0, 60] });
      const companies = [GREENFIELD_ID, HARBOUR_ID, OAKRIDGE_ID];
      const tokens = await Promise.all(companies.map((id) => sandbox.issueAccessToken(id)));
      const expected = companies.map((id) =>
        sandbox.store
          .listConnections(id)!
          .map((c) => c.platformName)
          .sort()
          .join('|'),
      );
      expect(new Set(expected).size).to.equal(3);

      const provider = await fixture<CodatConnectionsProvider>(html`
        <codat-connections-provider base-url=${BASE_URL} .accessToken=${tokens[0]}>
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      let current = 0;
      let renders = 0;
      const stale: string[] = [];
      const shown = () =>
        [...list.shadowRoot!.querySelectorAll('[part="item-button"] [part="name"]')]
          .map((n) => text(n))
          .sort()
          .join('|');
      const observer = new MutationObserver(() => {
        const now = shown();
        if (!now) return;
        renders++;
        if (now !== expected[current]) stale.push(`${companies[current]}: ${now}`);
      });
      observer.observe(list.shadowRoot!, { subtree: true, childList: true, characterData: true });
      try {
        for (let i = 0; i < 50; i++) {
          current = (current + 1 + Math.floor(random() * 2)) % 3;
          provider.accessToken = tokens[current];
          await provider.updateComplete;
          // Switch again before, while or after the answer arrives; every fifth time only once it is shown, so at
          // least ten answers are rendered however busy the machine is.
          if (i % 5 === 4) await waitUntil(() => shown() === expected[current], `company ${current} shown`);
          else await new Promise((resolve) => setTimeout(resolve, random() * 100));
        }
        await waitUntil(() => shown() === expected[current], 'the last company shown');
      } finally {
        observer.disconnect();
      }
      expect(stale).to.deep.equal([]);
      expect(renders).to.be.greaterThan(10);
    });
  });
});
