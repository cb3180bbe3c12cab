/**
 * Reconnect, attention states and "ask someone who can", through the provider with the three elements,
 * against the sandbox. Following the Link page is a real link click; navigation is prevented by the test
 * (the real Link page is Codat's), and coming back is the window's focus event.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { CodatConnectionDetail, CodatConnectionsProvider, CodatDisconnectConfirm } from '../src/index.js';
import { defaultSeed, type SandboxSeed } from '../src/sandbox/index.js';
import type { ErrorDetail } from '../src/events/index.js';
import { BASE_URL, SEED, deepActive, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { collectEvents, norm, part, parts, text } from './support/dom.js';

interface Page {
  provider: CodatConnectionsProvider;
  detail: CodatConnectionDetail;
  confirm: CodatDisconnectConfirm;
  dialog: HTMLDialogElement;
}

async function mountPage(token: string, connectionId: string, attrs: { linkHosts?: string; target?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB">
      <codat-connections-provider
        base-url=${BASE_URL}
        .accessToken=${token}
        selected-connection-id=${connectionId}
        link-hosts=${attrs.linkHosts ?? ''}
      >
        <codat-connection-list></codat-connection-list>
        <codat-connection-detail></codat-connection-detail>
        <codat-disconnect-confirm reconnect-target=${attrs.target ?? 'new-window'}></codat-disconnect-confirm>
      </codat-connections-provider>
    </div>`,
  );
  const provider = wrapper.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  const confirm = wrapper.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
  await waitUntil(() => !!part(detail, 'title'), 'detail shown');
  return { provider, detail, confirm, dialog: confirm.shadowRoot!.querySelector('dialog')! } satisfies Page;
}

/** Prevents link navigation for the test's duration (the kit's own click handling still runs). */
function holdNavigation() {
  const prevent = (event: Event) => {
    if ((event.composedPath()[0] as Element).closest?.('a[href]')) event.preventDefault();
  };
  document.addEventListener('click', prevent);
  return () => document.removeEventListener('click', prevent);
}

const seedWith = (edit: (seed: SandboxSeed) => void): SandboxSeed => {
  const seed = defaultSeed();
  edit(seed);
  return seed;
};
const greenfield = (seed: SandboxSeed, id: string) => seed.companies[0]!.connections.find((c) => c.id === id)!;

describe('reconnect', () => {
  const api = useSandboxWorker();

  it('a deauthorized connection shows its error, and Reconnect leads to the Link page and back to Linked', async () => {
    const { token, sandbox, companyId } = await api.fresh();
    const page = await mountPage(token, SEED.square);
    const attention = part(page.detail, 'attention')!;
    expect(text(attention)).to.match(
      /^Square needs attention The access token for Square was revoked by the user\. Since .+2026/,
    );
    const reconnect = part(page.detail, 'reconnect-button')!;
    expect(text(reconnect)).to.equal('Reconnect Square');
    await expect(page.detail).to.be.accessible();

    const requests = collectEvents<unknown>('codat-reconnect-request');
    const reconnected = collectEvents<unknown>('codat-reconnect');
    const release = holdNavigation();
    try {
      reconnect.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => page.dialog.open, 'confirm open');
      expect(requests.seen).to.deep.equal([{ connectionId: SEED.square }]);
      expect(text(part(page.confirm, 'title'))).to.equal('Reconnect Square?');
      expect(text(part(page.confirm, 'body'))).to.contain('You will go to Square to sign in and allow access again.');
      expect(deepActive()?.getAttribute('part')).to.equal('cancel-button');
      const link = part(page.confirm, 'confirm-button') as HTMLAnchorElement;
      expect(link.tagName).to.equal('A');
      expect(link.href).to.equal(sandbox.store.getConnection(companyId, SEED.square)!.linkUrl);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(text(link)).to.equal('Continue to Square (opens in a new window)');
      await expect(page.confirm).to.be.accessible();

      await sendKeys({ press: 'Tab' });
      expect(deepActive()).to.equal(link);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !page.dialog.open, 'confirm closed');
      expect(reconnected.seen).to.deep.equal([{ connectionId: SEED.square }]);
      expect(deepActive()?.getAttribute('part'), 'focus back on Reconnect').to.equal('reconnect-button');

      // The person authorizes on the Link page, then comes back to this window.
      sandbox.store.authorizeConnection(companyId, SEED.square);
      await new Promise((resolve) => setTimeout(resolve, 20));
      window.dispatchEvent(new Event('focus'));
      await waitUntil(() => text(part(page.detail, 'status')) === 'Linked', 'detail shows Linked');
      const list = page.provider.querySelector('codat-connection-list')!;
      await waitUntil(
        () =>
          parts(list, 'item-button').some(
            (b) =>
              text(b.querySelector('[part="name"]')) === 'Square' &&
              text(b.querySelector('[part="status"]')) === 'Linked',
          ),
        'list shows Linked',
      );
      const live = page.detail.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
      expect(text(live)).to.equal('Square is now Linked.');
      expect(part(page.detail, 'attention'), 'the error was resolved').to.equal(null);
      expect(part(page.detail, 'reconnect-button')).to.equal(null);
    } finally {
      release();
      requests.stop();
      reconnected.stop();
    }
  });

  it('offers Reconnect for Unlinked, Deauthorized and Linked-with-authorization-error; Finish connecting for Pending', async () => {
    const seed = seedWith((s) => {
      greenfield(s, SEED.xero).dataConnectionErrors = [
        {
          statusCode: '403',
          errorMessage: 'Xero refused access.',
          erroredOnUtc: '2026-03-01T10:00:00Z',
          status: 'Active',
        },
      ];
      greenfield(s, SEED.shopify).dataConnectionErrors = [
        { statusCode: '401', errorMessage: 'Old problem.', erroredOnUtc: '2026-01-01T10:00:00Z', status: 'Resolved' },
      ];
    });
    const { token } = await api.fresh({ seed });
    const page = await mountPage(token, SEED.xero);
    const label = () => text(part(page.detail, 'reconnect-button'));
    expect(label()).to.equal('Reconnect Xero');
    expect(text(part(page.detail, 'attention'))).to.contain('Xero refused access.');
    expect(part(page.detail, 'disconnect-button'), 'still linked, so it can be disconnected').to.not.equal(null);
    await expect(page.detail).to.be.accessible();

    for (const [id, name, expected] of [
      [SEED.quickbooksOnline, 'QuickBooks Online', 'Reconnect QuickBooks Online'],
      [SEED.quickbooksDesktop, 'QuickBooks Desktop', 'Reconnect QuickBooks Desktop'],
      [SEED.lloyds, 'Lloyds', 'Finish connecting Lloyds'],
    ] as const) {
      page.provider.selectedConnectionId = id;
      await waitUntil(() => text(part(page.detail, 'title')) === name, name);
      expect(label(), name).to.equal(expected);
      expect(part(page.detail, 'attention'), `${name} has no active error`).to.equal(null);
    }
    for (const [id, name] of [
      [SEED.shopify, 'Shopify'],
      [SEED.hsbc, 'HSBC'],
    ] as const) {
      page.provider.selectedConnectionId = id;
      await waitUntil(() => text(part(page.detail, 'title')) === name, name);
      expect(part(page.detail, 'reconnect-button'), `${name} needs no reconnect`).to.equal(null);
      expect(part(page.detail, 'invite'), `${name} needs no invite`).to.equal(null);
    }
  });

  it('never opens a link that is not https: on an allowed host: the dialog says why and codat-error fires', async () => {
    const seed = seedWith((s) => {
      greenfield(s, SEED.quickbooksDesktop).linkUrl = 'https://link.evil.example/companies/x/start';
      greenfield(s, SEED.quickbooksOnline).linkUrl = 'http://link.codat.io/start';
      greenfield(s, SEED.lloyds).linkUrl = 'javascript:alert(document.domain)';
    });
    const { token } = await api.fresh({ seed });
    const page = await mountPage(token, SEED.quickbooksDesktop);
    const errors = collectEvents<ErrorDetail>('codat-error');
    try {
      for (const [id, name, message] of [
        [
          SEED.quickbooksDesktop,
          'QuickBooks Desktop',
          'The sign-in link for QuickBooks Desktop was not opened because it does not point to a trusted address (link.evil.example).',
        ],
        [
          SEED.quickbooksOnline,
          'QuickBooks Online',
          'The sign-in link for QuickBooks Online was not opened because it does not point to a trusted address (link.codat.io).',
        ],
        [
          SEED.lloyds,
          'Lloyds',
          'The sign-in link for Lloyds was not opened because it does not point to a trusted address ().',
        ],
      ] as const) {
        page.provider.selectedConnectionId = id;
        await waitUntil(() => text(part(page.detail, 'title')) === name, name);
        part(page.detail, 'reconnect-button')!.click();
        await waitUntil(() => page.dialog.open, 'dialog open');
        await waitUntil(() => !!part(page.confirm, 'error'), 'reason shown');
        expect(text(part(page.confirm, 'error'))).to.equal(message);
        expect(part(page.confirm, 'error')!.getAttribute('role')).to.equal('alert');
        expect(page.confirm.shadowRoot!.querySelector('a[href]'), 'no link rendered').to.equal(null);
        await expect(page.confirm).to.be.accessible();
        part(page.confirm, 'cancel-button')!.click();
        await waitUntil(() => !page.dialog.open, 'closed');
      }
      expect(errors.seen.map((e) => [e.operation, e.errorCode, e.userRecoverable])).to.deep.equal([
        ['reconnect', null, false],
        ['reconnect', null, false],
        ['reconnect', null, false],
      ]);
    } finally {
      errors.stop();
    }
  });

  it('opens links on hosts the provider allows with link-hosts, and in the same window when asked', async () => {
    const seed = seedWith((s) => {
      greenfield(s, SEED.quickbooksDesktop).linkUrl = 'https://connect.lender.example/codat/qbd';
    });
    const { token } = await api.fresh({ seed });
    const page = await mountPage(token, SEED.quickbooksDesktop, {
      linkHosts: 'connect.lender.example',
      target: 'same-window',
    });
    part(page.detail, 'reconnect-button')!.click();
    await waitUntil(() => page.dialog.open, 'dialog open');
    const link = part(page.confirm, 'confirm-button') as HTMLAnchorElement;
    expect(link.href).to.equal('https://connect.lender.example/codat/qbd');
    expect(link.target).to.equal('_self');
    expect(text(link)).to.equal('Continue to QuickBooks Desktop');
    expect(part(page.confirm, 'error')).to.equal(null);
  });

  it('lets a host run its own Link flow by cancelling codat-reconnect-request', async () => {
    const { token } = await api.fresh();
    const page = await mountPage(token, SEED.square);
    const cancel = (e: Event) => e.preventDefault();
    document.addEventListener('codat-reconnect-request', cancel);
    try {
      expect(page.detail.requestReconnect()).to.equal(false);
      part(page.detail, 'reconnect-button')!.click();
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(page.dialog.open).to.equal(false);
    } finally {
      document.removeEventListener('codat-reconnect-request', cancel);
    }
  });
});

describe('ask someone who can', () => {
  const api = useSandboxWorker();

  it('offers the hosted Link URL to copy and a prefilled email for a connection that needs authorizing', async () => {
    const { token, companyId } = await api.fresh();
    const page = await mountPage(token, SEED.quickbooksDesktop);
    const invite = part(page.detail, 'invite')!;
    expect(text(invite)).to.contain('Can’t sign in? Ask someone who can');
    const url = `https://link.codat.io/companies/${companyId}`;
    const input = part(page.detail, 'invite-url') as HTMLInputElement;
    expect(input.value).to.equal(url);
    expect(input.readOnly).to.equal(true);
    const mail = new URL((part(page.detail, 'invite-email-link') as HTMLAnchorElement).href);
    expect(mail.protocol).to.equal('mailto:');
    expect(norm(mail.searchParams.get('subject')!)).to.equal('Could you reconnect QuickBooks Desktop for us?');
    expect(norm(mail.searchParams.get('body')!)).to.contain(url);
    expect(norm(mail.searchParams.get('body')!)).to.contain('sign in to QuickBooks Desktop');
    await expect(page.detail).to.be.accessible();

    part(page.detail, 'invite-copy-button')!.focus();
    await sendKeys({ press: 'Enter' });
    const status = () => text(invite.querySelector('[role="status"]'));
    await waitUntil(() => status() !== '', 'copy outcome said');
    if (status() === 'Link copied.') {
      expect(await navigator.clipboard.readText().catch(() => url)).to.equal(url);
    } else {
      // The browser refused the clipboard: the link is selected for a manual copy, and the person is told.
      expect(status()).to.equal('Could not copy the link. It is selected: press Ctrl+C (or ⌘C) to copy it.');
      expect(page.detail.shadowRoot!.activeElement).to.equal(input);
      expect(input.selectionStart).to.equal(0);
      expect(input.selectionEnd).to.equal(url.length);
    }
    await expect(page.detail).to.be.accessible();
  });

  it('uses invite-link-base for a white-labelled Link, and refuses a base that is not https:', async () => {
    const { token, companyId } = await api.fresh();
    const page = await mountPage(token, SEED.quickbooksDesktop);
    page.detail.setAttribute('invite-link-base', 'https://connect.lender.example/link/');
    await page.detail.updateComplete;
    expect((part(page.detail, 'invite-url') as HTMLInputElement).value).to.equal(
      `https://connect.lender.example/link/companies/${companyId}`,
    );
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      page.detail.setAttribute('invite-link-base', 'javascript:alert(1)');
      await page.detail.updateComplete;
      expect((part(page.detail, 'invite-url') as HTMLInputElement).value).to.equal(
        `https://link.codat.io/companies/${companyId}`,
      );
      expect(String(warnings[0])).to.contain('is not an https: URL');
    } finally {
      console.warn = warn;
    }
  });

  it('lets the host replace every text of the invite through the text option, with {platform} and {url}', async () => {
    const { token, companyId } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en-GB">
        <codat-connections-provider
          base-url=${BASE_URL}
          .accessToken=${token}
          selected-connection-id=${SEED.quickbooksDesktop}
          text=${JSON.stringify({
            'invite.heading': 'Ask your bookkeeper',
            'invite.text': 'They sign in to {platform} for you.',
            'invite.copy': 'Copy',
            'invite.email': 'Email them',
            'invite.subject': '{platform} needs you',
            'invite.body': 'Please open {url}',
          })}
        >
          <codat-connection-detail></codat-connection-detail>
        </codat-connections-provider>
      </div>`,
    );
    const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
    await waitUntil(() => !!part(detail, 'invite'), 'invite shown');
    const url = `https://link.codat.io/companies/${companyId}`;
    expect(text(part(detail, 'invite'))).to.equal(
      'Ask your bookkeeper They sign in to QuickBooks Desktop for you. Link to share Copy Email them',
    );
    const mail = new URL((part(detail, 'invite-email-link') as HTMLAnchorElement).href);
    expect(mail.searchParams.get('subject')).to.equal('QuickBooks Desktop needs you');
    expect(mail.searchParams.get('body')).to.equal(`Please open ${url}`);
    await expect(detail).to.be.accessible();
  });
});
