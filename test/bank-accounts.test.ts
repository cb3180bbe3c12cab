/** The bank accounts of a Banking connection in the detail, read from the sandbox when the disclosure opens. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import { CodatClient, type CodatConnectionDetail } from '../src/index.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil, type RecordedRequest } from './support/sandbox.js';
import { collectErrors, errorBody, part, parts, text } from './support/dom.js';

async function mountDetail(token: string, connectionId: string) {
  const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token, retryLimit: 0 });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connection-detail .client=${client} connection-id=${connectionId}></codat-connection-detail>
    </div>`,
  );
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  await waitUntil(() => !!part(detail, 'title'), 'detail shown');
  return detail;
}

const accountReads = (requests: RecordedRequest[], token: string) =>
  requests.filter(
    (r) => r.url.pathname.endsWith('/data/banking-accounts') && r.headers.get('Authorization') === `Bearer ${token}`,
  );

async function open(detail: CodatConnectionDetail) {
  const summary = part(detail, 'accounts')!.querySelector('summary')!;
  summary.focus();
  await sendKeys({ press: 'Enter' });
}

describe('bank accounts', () => {
  const api = useSandboxWorker();

  it('keeps the accounts shown when the page moves the detail, and finishes a read the move interrupted', async () => {
    const { token, sandbox } = await api.fresh();
    const detail = await mountDetail(token, SEED.hsbc);
    const wrapper = detail.parentElement!;
    const elsewhere = document.createElement('section');
    wrapper.append(elsewhere);
    await open(detail);
    await waitUntil(() => parts(detail, 'account').length > 0, 'accounts shown');
    const shown = parts(detail, 'account').map((item) => text(item));

    // As a framework moving a node does: removed and inserted elsewhere in one go.
    elsewhere.append(detail);
    await detail.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      parts(detail, 'account').map((item) => text(item)),
      'still shown after the move',
    ).to.deep.equal(shown);
    expect(accountReads(api.requests, token), 'nothing read again').to.have.length(1);

    // Moved while the read is on its way: the read stops and is sent again once the detail is back.
    await open(detail);
    await open(detail);
    const reopened = await mountDetail(token, SEED.hsbc);
    sandbox.faults.add({ path: '/data/banking-accounts$', latencyMs: 300, times: 1 });
    await open(reopened);
    await waitUntil(() => accountReads(api.requests, token).length === 2, 'the second read sent');
    elsewhere.append(reopened);
    await waitUntil(() => parts(reopened, 'account').length === shown.length, 'accounts shown after the move');
    expect(accountReads(api.requests, token), 'read again after the move').to.have.length(3);
    await expect(reopened).to.be.accessible();
  });

  it('lists the accounts behind HSBC with name, currency and a masked number, read only when opened', async () => {
    const { token, sandbox, companyId } = await api.fresh();
    const detail = await mountDetail(token, SEED.hsbc);
    expect(accountReads(api.requests, token), 'nothing read before opening').to.have.length(0);
    await open(detail);
    await waitUntil(() => parts(detail, 'account').length > 0, 'accounts shown');
    const seeded = sandbox.store.listBankingAccounts(companyId, SEED.hsbc)!;
    expect(parts(detail, 'account').map((item) => text(item))).to.deep.equal(
      seeded.map((a) => {
        const last = a.identifiers.number!.slice(-4);
        return `${a.informalName || a.name} ${a.currency} · •••• ${last}, account ending ${last}`;
      }),
    );
    const page = parts(detail, 'account')
      .map((item) => item.textContent ?? '')
      .join(' ');
    for (const account of seeded) expect(page, 'never the full number').to.not.contain(account.identifiers.number!);
    expect(accountReads(api.requests, token)).to.have.length(1);
    await expect(detail).to.be.accessible();

    // Closing and opening again reads nothing more.
    await open(detail);
    await open(detail);
    expect(accountReads(api.requests, token)).to.have.length(1);
  });

  it('says when a bank has no accounts yet, and shows no accounts for other source types', async () => {
    const { token } = await api.fresh();
    const detail = await mountDetail(token, SEED.lloyds);
    await open(detail);
    await waitUntil(() => text(part(detail, 'accounts')).includes('No accounts'), 'empty');
    expect(text(part(detail, 'accounts'))).to.equal(
      'Bank accounts shared No accounts have been read from this bank yet.',
    );
    await expect(detail).to.be.accessible();
    detail.connectionId = SEED.xero;
    await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'Xero');
    expect(part(detail, 'accounts')).to.equal(null);
  });

  it('shows a failure with Try again and fires codat-error, then recovers', async () => {
    const { token } = await api.fresh();
    api.use(
      http.get(
        `${BASE_URL}/companies/:companyId/connections/:connectionId/data/banking-accounts`,
        () => HttpResponse.json(errorBody('Bank data is unavailable.', 'corr-accounts', 503), { status: 503 }),
        { once: true },
      ),
    );
    const errors = collectErrors();
    try {
      const detail = await mountDetail(token, SEED.hsbc);
      await open(detail);
      await waitUntil(() => !!part(detail, 'error'), 'error shown');
      expect(text(part(detail, 'error'))).to.contain('Bank data is unavailable.');
      expect(errors.errors.map((e) => [e.operation, e.errorCode])).to.deep.equal([['listBankingAccounts', 503]]);
      await expect(detail).to.be.accessible();
      part(detail, 'retry-button')!.click();
      await waitUntil(() => parts(detail, 'account').length === 2, 'accounts after retry');
      expect(part(detail, 'error')).to.equal(null);
    } finally {
      errors.stop();
    }
  });
});
