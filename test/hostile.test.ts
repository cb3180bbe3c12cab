/**
 * Hostile data: every string of `support/hostile-corpus.ts` in every field the kit shows from the API, and in every
 * host text option, rendered in every view at 320 px. Nothing runs (the sentinel stays undefined), nothing but the
 * kit's own elements appears in any shadow root, the text is shown as text, and nothing is wider than its box.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import type {
  CodatConnectionDetail,
  CodatConnectionList,
  CodatConnectionsElement,
  CodatConnectionsProvider,
  CodatDisconnectConfirm,
  CodatIntegrationPicker,
} from '../src/index.js';
import {
  defaultSeed,
  GREENFIELD_ID,
  PLATFORMS,
  type Connection,
  type PullOperation,
  type SandboxSeed,
} from '../src/sandbox/index.js';
import { ids as TEXT_IDS } from '../src/locales/ids.js';
import { isolate } from '../src/internal/connection-text.js';
import { checkLinkUrl, safeImageUrl } from '../src/internal/safe-url.js';
import { inviteMailto, wellFormed } from '../src/elements/connection-detail/invite.js';
import { initials } from '../src/internal/platform-logo.js';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, spokenText } from './support/dom.js';
import { CORPUS, FOREIGN_SELECTOR, LONG_WORD, SENTINEL, URLS, pwned } from './support/hostile-corpus.js';

/** The narrowest panel the kit supports. */
const WIDTH = '320px';
const N = CORPUS.length;
const ENABLED = PLATFORMS.filter((p) => p.enabled !== false);
const STATUSES = ['Linked', 'Deauthorized', 'PendingAuth', 'Unlinked'] as const;
const hostileId = (i: number) => `5e1d0c0e-00ff-4c0a-8b0a-${String(i).padStart(12, '0')}`;
const pullId = (i: number) => `da7a0000-00ff-4000-8000-${String(i).padStart(12, '0')}`;
const accountId = (i: number, n: number) => `ac000000-00ff-4000-8000-${String(i * 10 + n).padStart(12, '0')}`;
const ISOLATES = /[\u2068\u2069]/g;
const hasSurrogate = (value: string) => /[\uD800-\uDFFF]/.test(value);
/** Every kind of URL the API could send as a link: the corpus's, and a trusted one every other time. */
const linkFor = (i: number) =>
  i % 2
    ? URLS[i % URLS.length]!.value
    : `https://link-api.codat.io/companies/${GREENFIELD_ID}/connections/${hostileId(i)}/start`;

/**
 * Greenfield Bakery with one connection per corpus string: the string as its platform name, its platform error's
 * message and status text, its failed read's message, and (banking) its bank accounts' names; its `linkUrl` one of
 * the corpus's URLs or a trusted one.
 */
function hostileSeed(): SandboxSeed {
  const seed = defaultSeed();
  const company = seed.companies[0]!;
  const connections: Connection[] = [];
  const pulls: PullOperation[] = [];
  const accounts: NonNullable<typeof company.bankingAccounts> = {};
  CORPUS.forEach(({ value }, i) => {
    const p = ENABLED[i % ENABLED.length]!;
    const id = hostileId(i);
    // A lone surrogate once blanked the detail through the invite's mailto: such names get the invite.
    const status = hasSurrogate(value) ? 'Deauthorized' : STATUSES[i % STATUSES.length]!;
    const connection: Connection = {
      id,
      integrationId: p.integrationId,
      integrationKey: p.key,
      sourceId: p.sourceId,
      platformName: value,
      linkUrl: linkFor(i),
      status,
      created: '2026-01-05T09:30:00Z',
      lastSync: '2026-03-02T08:15:00Z',
      sourceType: p.sourceType,
      dataConnectionErrors: [
        // 401 (an authorization error: Reconnect) every other time, so Linked ones also offer Disconnect.
        {
          statusCode: i % 2 ? '401' : '500',
          statusText: value,
          errorMessage: value,
          erroredOnUtc: '2026-02-15T06:00:00Z',
          status: 'Active',
        },
        { statusCode: '500', statusText: value, erroredOnUtc: '2026-02-16T06:00:00Z', status: 'Active' },
      ],
    };
    connections.push(connection);
    pulls.push({
      id: pullId(i),
      companyId: GREENFIELD_ID,
      connectionId: id,
      dataType:
        p.sourceType === 'Banking' ? 'banking-accounts' : p.sourceType === 'Commerce' ? 'commerce-orders' : 'invoices',
      status: 'AuthError',
      statusDescription: value,
      errorMessage: value,
      requested: '2026-02-15T05:59:30Z',
      progress: 100,
      isCompleted: false,
      isErrored: true,
    });
    if (p.sourceType === 'Banking') {
      const account = (n: number, name: string, informalName: string | null) => ({
        id: accountId(i, n),
        name,
        informalName,
        holder: value,
        type: 'Debit' as const,
        balance: { available: 1, current: 1, limit: null },
        identifiers: { type: 'Depository' as const, number: '41256789' },
        currency: 'GBP',
        institution: { id: 'hostile', name: value },
        modifiedDate: '2026-03-02T06:00:00Z',
        sourceModifiedDate: '2026-03-01T17:42:10Z',
      });
      accounts[id] = [account(1, value, null), account(2, 'Current', value)];
    }
  });
  company.connections = connections;
  company.pullOperations = pulls;
  company.bankingAccounts = accounts as typeof company.bankingAccounts;
  return seed;
}

/** Every shadow root under `root`, nested ones included. */
function shadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        found.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    found.push(root.shadowRoot);
    visit(root.shadowRoot);
  }
  visit(root);
  return found;
}

/** The text of `host` and of every shadow root in it, as the DOM holds it (no folding). */
const rawText = (host: Element) =>
  [host.textContent ?? '', ...shadowRoots(host).map((r) => r.textContent ?? '')].join('\n');

/** Elements no hostile string may create, in `host`'s light DOM and every shadow root under it. */
function foreign(host: Element): string[] {
  return [host, ...shadowRoots(host)].flatMap((root) =>
    [...root.querySelectorAll(FOREIGN_SELECTOR)].map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** Elements of `host`'s shadow roots that stick out of its box sideways (1 px for rounding). */
function overflowing(host: HTMLElement): string[] {
  const box = host.getBoundingClientRect();
  const out: string[] = [];
  if (host.scrollWidth > host.clientWidth) {
    out.push(`${host.localName}: scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
    for (const root of shadowRoots(host))
      for (const el of root.querySelectorAll<HTMLElement>('*'))
        if (el.scrollWidth > el.clientWidth && el.clientWidth)
          out.push(`  ${el.localName}.${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
  }
  for (const root of shadowRoots(host)) {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('dialog')) continue; // the dialog is in the top layer: measured on its own
      const rect = el.getBoundingClientRect();
      if (!rect.width && !rect.height) continue;
      if (rect.right > box.right + 1 || rect.left < box.left - 1) {
        out.push(`${el.localName}.${el.className} [${Math.round(rect.left)}, ${Math.round(rect.right)}]`);
      }
    }
  }
  return out;
}

/** A dialog's content must not be wider than the dialog. */
function dialogOverflow(dialog: HTMLDialogElement): string[] {
  const out: string[] = [];
  if (dialog.scrollWidth > dialog.clientWidth)
    out.push(`dialog: scrollWidth ${dialog.scrollWidth} > ${dialog.clientWidth}`);
  const box = dialog.getBoundingClientRect();
  if (box.right > innerWidth + 1) out.push(`dialog wider than the window: ${box.right} > ${innerWidth}`);
  return out;
}

/** Names shown on their own are isolated and may break anywhere. */
function expectIsolatedName(el: HTMLElement | null, label: string) {
  expect(el, label).to.not.equal(null);
  const style = getComputedStyle(el!);
  expect(style.unicodeBidi, `${label}: unicode-bidi`).to.equal('isolate');
  expect(style.overflowWrap, `${label}: overflow-wrap`).to.equal('anywhere');
  expect(el!.scrollWidth, `${label}: fits its box`).to.be.at.most(el!.clientWidth);
}

/** Proves nothing ran and nothing foreign was rendered under `host`. */
function expectInert(host: Element, label: string) {
  expect(pwned(), `${label}: no payload ran`).to.equal(undefined);
  expect(foreign(host), `${label}: no foreign elements`).to.deep.equal([]);
}

/** Clicks a link, the way a person would, without leaving the test page. */
function holdNavigation() {
  const prevent = (event: Event) => {
    if ((event.composedPath()[0] as Element).closest?.('a[href]')) event.preventDefault();
  };
  document.addEventListener('click', prevent);
  return () => document.removeEventListener('click', prevent);
}

/** Counts what the tests proved, for the README's numbers (logged once per browser). */
const proved = { placements: 0 };

async function mountProvider(token: string, content: ReturnType<typeof html>, text?: string) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang="en-GB" style="width: ${WIDTH}">
      <codat-connections-provider base-url=${BASE_URL} .accessToken=${token} text=${text ?? ''}>
        ${content}
      </codat-connections-provider>
    </div>`,
  );
  return wrapper.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
}

/** A provider with a detail and a confirm, and the confirm's dialog. */
async function mountDetailAndConfirm(token: string) {
  const provider = await mountProvider(
    token,
    html`<codat-connection-detail></codat-connection-detail><codat-disconnect-confirm></codat-disconnect-confirm>`,
  );
  const confirm = provider.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
  return {
    provider,
    detail: provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!,
    confirm,
    dialog: confirm.shadowRoot!.querySelector('dialog')!,
  };
}

describe('hostile data', () => {
  const api = useSandboxWorker();

  beforeEach(() => {
    delete (window as unknown as Record<string, unknown>)[SENTINEL];
  });
  afterEach(() => {
    expect(pwned(), 'no payload ran').to.equal(undefined);
  });
  after(() => console.log(`hostile data: ${N} strings, ${proved.placements} placements checked`));

  describe('the corpus', () => {
    it('holds at least 40 distinct strings, and its payloads would run if parsed as HTML', async () => {
      expect(N).to.be.at.least(40);
      expect(new Set(CORPUS.map((c) => c.value)).size).to.equal(N);
      // The test can fail: the same markup through innerHTML does run.
      const probe = document.createElement('div');
      document.body.append(probe);
      try {
        probe.innerHTML = CORPUS[0]!.value;
        await waitUntil(() => pwned() !== undefined, 'the img onerror payload runs through innerHTML');
        expect(foreign(probe)).to.have.length.greaterThan(0);
      } finally {
        probe.remove();
        delete (window as unknown as Record<string, unknown>)[SENTINEL];
      }
    });
  });

  describe('URL checks', () => {
    const hosts = ['link.codat.io', 'link-api.codat.io'];

    it('refuses relative and protocol-relative sign-in links: the API sends absolute ones', () => {
      expect(checkLinkUrl('/evil/start', hosts)).to.deep.equal({ reason: 'invalid' });
      expect(checkLinkUrl('start', hosts)).to.deep.equal({ reason: 'invalid' });
      expect(checkLinkUrl('//evil.example/start', hosts)).to.deep.equal({ reason: 'invalid' });
      expect(checkLinkUrl('//link.codat.io/start', hosts)).to.deep.equal({ reason: 'invalid' });
      expect(checkLinkUrl(`${location.origin}/own/start`, hosts)).to.deep.equal({
        url: `${location.origin}/own/start`,
      });
      expect(checkLinkUrl('https://link.codat.io/x', hosts)).to.deep.equal({ url: 'https://link.codat.io/x' });
    });

    it('never counts an opaque ("null") origin as the same origin', () => {
      const opaque = { href: 'about:srcdoc', origin: 'null' };
      for (const url of URLS.map((u) => u.value).concat('javascript:void 0', 'data:,x', 'blob:null/1')) {
        const result = checkLinkUrl(url, hosts, 'null', opaque);
        expect(result, url).to.not.have.property('url');
        expect(checkLinkUrl(url, hosts, 'null'), `${url} with an opaque API origin`).to.not.have.property('url');
        expect(safeImageUrl(url, opaque), url).to.equal(undefined);
      }
      expect(safeImageUrl('https://cdn.example/logo.png', opaque)).to.equal('https://cdn.example/logo.png');
      expect(safeImageUrl('http://cdn.example/logo.png', opaque)).to.equal(undefined);
      expect(safeImageUrl(`${location.origin}/logo.png`)).to.equal(`${location.origin}/logo.png`);
    });

    it('on a page whose origin is opaque (a sandboxed iframe), refuses javascript: and data: links and images', async () => {
      // The module as the browser runs it (it imports nothing), inside an iframe sandboxed without allow-same-origin:
      // there location.origin is 'null', as is a javascript: or data: URL's origin.
      const code = await (await fetch(new URL('../src/internal/safe-url.ts', import.meta.url))).text();
      const probe = `
        const hosts = ['link.codat.io'];
        const urls = ['javascript:parent.__pwned=41', 'data:text/html,x', 'JaVaScRiPt:parent.__pwned=42'];
        parent.postMessage({
          origin: location.origin,
          links: urls.map((url) => checkLinkUrl(url, hosts, location.origin)),
          images: urls.map((url) => safeImageUrl(url) ?? null),
          https: checkLinkUrl('https://link.codat.io/x', hosts),
        }, '*');`;
      const frame = document.createElement('iframe');
      frame.sandbox.add('allow-scripts');
      frame.srcdoc = `<script type="module">${code}\n${probe}</script>`;
      const answer = new Promise<{ origin: string; links: object[]; images: unknown[]; https: object }>((resolve) => {
        const listen = (event: MessageEvent) => {
          if (event.source !== frame.contentWindow) return;
          removeEventListener('message', listen);
          resolve(event.data);
        };
        addEventListener('message', listen);
      });
      document.body.append(frame);
      try {
        const { origin, links, images, https } = await answer;
        expect(origin, 'the page is opaque').to.equal('null');
        for (const link of links) expect(link).to.not.have.property('url');
        expect(images).to.deep.equal([null, null, null]);
        expect(https).to.deep.equal({ url: 'https://link.codat.io/x' });
      } finally {
        frame.remove();
      }
    });

    it('refuses every hostile URL of the corpus as a sign-in link and as an image', () => {
      for (const { kind, value } of URLS) {
        expect(checkLinkUrl(value, hosts), kind).to.not.have.property('url');
        const image = safeImageUrl(value);
        // Relative image URLs resolve on the page's own origin (a host proxy may serve logos), which is allowed.
        expect(
          image === undefined || image.startsWith('https:') || image.startsWith(`${location.origin}/`),
          kind,
        ).to.equal(true);
      }
    });
  });

  describe('text helpers', () => {
    it('builds the invite email for any name, lone surrogates included (U+FFFD in their place)', () => {
      for (const { kind, value } of CORPUS) {
        const mailto = inviteMailto(value, 'https://link.codat.io/companies/x');
        expect(mailto.startsWith('mailto:?subject='), kind).to.equal(true);
      }
      expect(wellFormed('a\uD800b\uDFFFc\uD83D\uDE00')).to.equal('a\uFFFDb\uFFFDc\uD83D\uDE00');
      expect(decodeURIComponent(inviteMailto('Bank \uD800 plc', 'https://x.example'))).to.contain('Bank \uFFFD plc');
    });

    it('gives every name clean initials: no control, format or combining character, no half of a surrogate pair', () => {
      for (const { kind, value } of CORPUS) {
        const letters = initials(value);
        expect([...letters].length, kind).to.be.at.most(4); // 2, or a little more after upper-casing (ß → SS)
        expect(/[\p{C}\p{M}]/u.test(letters), `${kind}: ${JSON.stringify(letters)}`).to.equal(false);
      }
      expect(initials('👩🏽‍💻👨‍👩‍👧‍👦🏳️‍🌈 Bank')).to.equal('👩B');
      expect(initials('Bank \uD800 plc')).to.equal('BP');
      expect(initials('\u2066\u2067\u2068Xero')).to.equal('XE');
      expect(initials('Quick Books Online')).to.equal('QB');
    });

    it('isolates a name, balancing the isolates it carries so it cannot end or leave open the isolation', () => {
      expect(isolate('Xero')).to.equal('\u2068Xero\u2069');
      expect(isolate('\u2069 Sage')).to.equal('\u2068 Sage\u2069');
      expect(isolate('Sage \u2068')).to.equal('\u2068Sage \u2068\u2069\u2069');
      expect(isolate('a\u2067b\u2069c')).to.equal('\u2068a\u2067b\u2069c\u2069');
    });
  });

  describe('API data', () => {
    it(`shows ${N} hostile names in the list as text, isolated, within 320 px`, async () => {
      const { token } = await api.fresh({ seed: hostileSeed() });
      const provider = await mountProvider(token, html`<codat-connection-list></codat-connection-list>`);
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      await waitUntil(() => parts(list, 'name').length === N, `all ${N} connections listed`, 15000);
      const names = parts(list, 'name');
      const shown = new Set(names.map((el) => el.textContent));
      for (const { kind, value } of CORPUS) expect(shown.has(value), `${kind} shown as text`).to.equal(true);
      proved.placements += N;
      expectIsolatedName(
        names.find((el) => el.textContent === LONG_WORD)!,
        'the long name',
      );
      expect(overflowing(list), 'nothing sticks out of the list').to.deep.equal([]);
      expectInert(provider, 'list');
      await expect(list).to.be.accessible();
    });

    it(`shows every hostile field of ${N} connections in the detail and its confirm, within 320 px`, async function () {
      this.timeout(240_000);
      const { token } = await api.fresh({ seed: hostileSeed() });
      const { provider, detail, confirm, dialog } = await mountDetailAndConfirm(token);
      const release = holdNavigation();
      try {
        for (const [i, { kind, value }] of CORPUS.entries()) {
          const id = hostileId(i);
          provider.selectedConnectionId = id;
          await waitUntil(
            () => detail.connectionId === id && !!part(detail, 'title')?.textContent?.includes(value),
            `${kind}: detail shown`,
          );
          await waitUntil(() => !!part(detail, 'history-error'), `${kind}: history read`);
          const p = ENABLED[i % ENABLED.length]!;
          if (p.sourceType === 'Banking') {
            const summary = part(detail, 'accounts')!.querySelector('summary')!;
            summary.focus();
            await sendKeys({ press: 'Enter' });
            await waitUntil(() => parts(detail, 'account').length === 2, `${kind}: accounts shown`);
            expect(parts(detail, 'account').map((a) => a.querySelector('.account-name')!.textContent)).to.deep.equal([
              value,
              value,
            ]);
            proved.placements += 2;
          }
          const shown = rawText(detail);
          expect(part(detail, 'title')!.textContent, `${kind}: name`).to.contain(value);
          expect(part(detail, 'attention')!.textContent, `${kind}: the error's message`).to.contain(value);
          expect(part(detail, 'history-error')!.textContent, `${kind}: the failed read's message`).to.equal(value);
          expect(shown, `${kind}: the name in a sentence, isolated`).to.contain(isolate(value));
          proved.placements += 5;
          expectIsolatedName(part(detail, 'title'), `${kind}: title`);
          expect(overflowing(detail), `${kind}: nothing sticks out of the detail`).to.deep.equal([]);
          expectInert(provider, `${kind}: detail`);
          if (i % 8 === 0 || value === LONG_WORD) await expect(detail).to.be.accessible();

          // The confirm this connection offers: reconnect, disconnect or delete.
          const button =
            part(detail, 'reconnect-button') ?? part(detail, 'disconnect-button') ?? part(detail, 'delete-button')!;
          button.focus();
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => dialog.open, `${kind}: confirm open`);
          await confirm.updateComplete;
          expect(part(confirm, 'title')!.textContent, `${kind}: confirm title`).to.contain(isolate(value));
          expect(norm(spokenText(part(confirm, 'title')).replace(ISOLATES, '')), `${kind}: read as written`).to.contain(
            norm(value.replace(ISOLATES, '')),
          );
          proved.placements += 1;
          expect(dialogOverflow(dialog), `${kind}: nothing sticks out of the dialog`).to.deep.equal([]);
          const link = confirm.shadowRoot!.querySelector<HTMLAnchorElement>('a[href]');
          if (link) expect(link.href, `${kind}: only a trusted link`).to.match(/^https:\/\/link-api\.codat\.io\//);
          expectInert(confirm, `${kind}: confirm`);
          if (i % 8 === 1) await expect(confirm).to.be.accessible();
          await sendKeys({ press: 'Escape' });
          await waitUntil(() => !dialog.open, `${kind}: confirm closed`);
        }
      } finally {
        release();
      }
    });

    it('runs the reconnect journey for hostile names: confirm, the trusted link, back, and Linked announced', async () => {
      const kinds = ['RLO override', 'mixed RTL with override', 'Arabic name', 'long word', 'iframe srcdoc breakout'];
      const seed = hostileSeed();
      const chosen = kinds.map((kind) => CORPUS.findIndex((c) => c.kind === kind));
      for (const i of chosen) {
        const c = seed.companies[0]!.connections[i]!;
        Object.assign(c, { status: 'Deauthorized', linkUrl: linkFor(0).replace(hostileId(0), c.id) });
      }
      const { token, sandbox, companyId } = await api.fresh({ seed });
      const { provider, detail, confirm, dialog } = await mountDetailAndConfirm(token);
      const release = holdNavigation();
      try {
        for (const i of chosen) {
          const { kind, value } = CORPUS[i]!;
          const id = hostileId(i);
          provider.selectedConnectionId = id;
          await waitUntil(() => detail.connectionId === id && !!part(detail, 'reconnect-button'), `${kind}: detail`);
          part(detail, 'reconnect-button')!.focus();
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => dialog.open, `${kind}: confirm open`);
          await confirm.updateComplete;
          const link = part(confirm, 'confirm-button') as HTMLAnchorElement;
          expect(link.localName, `${kind}: a link`).to.equal('a');
          expect(link.href).to.equal(sandbox.store.getConnection(companyId, id)!.linkUrl);
          expect(link.textContent, `${kind}: named in the link`).to.contain(isolate(value));
          expectInert(confirm, `${kind}: confirm`);
          await sendKeys({ press: 'Tab' });
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => !dialog.open, `${kind}: confirm closed`);
          sandbox.store.authorizeConnection(companyId, id);
          await new Promise((resolve) => setTimeout(resolve)); // the return is watched from the next task
          window.dispatchEvent(new Event('focus'));
          const live = detail.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
          await waitUntil(() => !!live.textContent?.includes(`${isolate(value)} is now Linked.`), `${kind}: announced`);
          proved.placements += 2;
          expect(overflowing(detail), `${kind}: fits`).to.deep.equal([]);
          expectInert(provider, `${kind}: after the journey`);
        }
        await expect(detail).to.be.accessible();
      } finally {
        release();
      }
    });

    it('shows hostile integration names and brand-button texts, and refuses hostile logo URLs, in the picker', async () => {
      // A company with no connection: every platform can be chosen, and Xero and QuickBooks show their own buttons.
      const seed = defaultSeed();
      Object.assign(seed.companies[0]!, { connections: [], pullOperations: [], bankingAccounts: {} });
      const { token } = await api.fresh({ seed });
      const logo = (i: number) => (i % 3 === 2 ? `https://cdn.example/${i}.png` : URLS[i % URLS.length]!.value);
      const integrations = CORPUS.map(({ value }, i) => {
        const p = ENABLED[i % ENABLED.length]!;
        const key = `z${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}${'abc'[i % 3]}`;
        return {
          key,
          logoUrl: logo(i),
          name: value,
          enabled: true,
          sourceId: p.sourceId,
          sourceType: p.sourceType,
          integrationId: p.integrationId,
          isOfflineConnector: false,
          isBeta: false,
          dataProvidedBy: value,
        };
      });
      // Xero's button image is https: (shown, with the hostile name as its text alternative); QuickBooks' is not.
      const brand = (key: string, i: number, logoUrl: string) => ({
        ...integrations[i]!,
        key,
        logoUrl,
        sourceType: 'Accounting' as const,
      });
      integrations.push(brand('gbol', 2, 'https://cdn.example/xero.png'), brand('qhyg', 3, URLS[0]!.value));
      const image = (src: string, alt: string) => ({ image: { src, alt } });
      api.use(
        http.get(`${BASE_URL}/integrations`, () =>
          HttpResponse.json({
            results: integrations,
            pageNumber: 1,
            pageSize: 500,
            totalResults: integrations.length,
            _links: { self: { href: '/integrations' }, current: { href: '/integrations?page=1' } },
          }),
        ),
        http.get(`${BASE_URL}/integrations/:key/branding`, ({ params }) => {
          const i = Math.max(
            0,
            integrations.findIndex((x) => x.key === params.key),
          );
          const hostile = integrations[i]!.name;
          const src = integrations[i]!.logoUrl;
          return HttpResponse.json({
            logo: { full: image(src, hostile), square: image(src, hostile) },
            button: { default: image(src, hostile), hover: image(src, hostile) },
            sourceId: integrations[i]!.sourceId,
          });
        }),
      );
      const provider = await mountProvider(
        token,
        html`<codat-integration-picker source-types="Accounting Banking Commerce"></codat-integration-picker>`,
      );
      const picker = provider.querySelector<CodatIntegrationPicker>('codat-integration-picker')!;
      // Every logo read and settled: N logos (Xero's button replaces its logo once read; QuickBooks' is refused).
      await waitUntil(
        () => !!part(picker, 'brand-button') && parts(picker, 'name').length === N + 1,
        `all ${N + 2} platforms listed, Xero as its button`,
        15000,
      );
      // The logos that may be shown: https:, or on this page's http origin (relative ones resolve there).
      const allowed = integrations.filter(({ key, logoUrl }) => {
        if (key === 'gbol') return false; // its button replaces the logo
        const url = new URL(logoUrl, location.href);
        if (url.username || url.password) return false;
        return url.protocol === 'https:' || url.origin === location.origin;
      });
      await waitUntil(
        () => parts(picker, 'logo').filter((el) => el.localName === 'img').length === allowed.length,
        `the ${allowed.length} allowed logos shown`,
        15000,
      ).catch((e: Error) => {
        throw new Error(
          `${e.message}: ${parts(picker, 'logo')
            .map((el) => el.getAttribute('src') ?? el.textContent)
            .join(' | ')}`,
        );
      });
      const names = new Set(parts(picker, 'name').map((el) => el.textContent));
      for (const { kind, value } of CORPUS) expect(names.has(value), `${kind} shown as text`).to.equal(true);
      expect(part(picker, 'brand-button')!.getAttribute('alt'), 'the button named by its alt text').to.equal(
        CORPUS[2]!.value,
      );
      proved.placements += N + 2;
      for (const logo of parts(picker, 'logo').filter((el) => el.localName !== 'img')) {
        expect(/[\p{C}\p{M}]/u.test(logo.textContent!), `initials ${JSON.stringify(logo.textContent)}`).to.equal(false);
      }
      for (const img of picker.shadowRoot!.querySelectorAll('img')) {
        const src = img.getAttribute('src')!;
        expect(
          src.startsWith('https://') || src.startsWith(`${location.origin}/`),
          `${src}: https: or this origin`,
        ).to.equal(true);
      }
      proved.placements += N + 2;
      expectIsolatedName(
        parts(picker, 'name').find((el) => el.textContent === LONG_WORD)!,
        'the long name',
      );
      expect(overflowing(picker), 'nothing sticks out of the picker').to.deep.equal([]);
      expectInert(provider, 'picker');
      await expect(picker).to.be.accessible();

      // The search says what was typed, as text.
      const search = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"], input')!;
      search.focus();
      await sendKeys({ type: '<img src=x onerror="window.__pwned=99">' });
      await waitUntil(() => rawText(picker).includes('<img src=x onerror="window.__pwned=99">'), 'search echoed');
      expectInert(provider, 'picker search');
      await expect(picker).to.be.accessible();
    });

    it('names a new connection with a hostile name and a hostile link in the connect journey', async () => {
      const { token } = await api.fresh();
      const hostile = CORPUS.find((c) => c.kind === 'iframe srcdoc breakout')!.value;
      api.use(
        http.post(`${BASE_URL}/companies/:companyId/connections`, () =>
          HttpResponse.json({
            id: hostileId(999),
            integrationId: ENABLED[4]!.integrationId,
            integrationKey: 'hbuk',
            sourceId: ENABLED[4]!.sourceId,
            platformName: hostile,
            linkUrl: 'javascript:window.__pwned=40',
            status: 'PendingAuth',
            created: '2026-03-02T08:00:00Z',
            sourceType: 'Banking',
          }),
        ),
      );
      const provider = await mountProvider(
        token,
        html`<codat-integration-picker source-types="Banking"></codat-integration-picker>`,
      );
      const picker = provider.querySelector<CodatIntegrationPicker>('codat-integration-picker')!;
      await waitUntil(() => parts(picker, 'item-button').length > 0, 'platforms listed');
      const hsbc = parts(picker, 'item-button').find((b) => b.textContent?.includes('HSBC'))!;
      hsbc.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!part(picker, 'journey'), 'journey shown');
      await waitUntil(() => rawText(picker).includes(isolate(hostile)), 'the name in the journey');
      expect(picker.shadowRoot!.querySelector('a[href]'), 'the javascript: link is never bound').to.equal(null);
      proved.placements += 2;
      expect(overflowing(picker)).to.deep.equal([]);
      expectInert(provider, 'journey');
      await expect(picker).to.be.accessible();
    });

    it('shows a hostile Link redirect (error message, status text, remembered name) as text', async () => {
      const PENDING_KEY = 'codat-connect-pending';
      const before = location.href;
      const entries = CORPUS.filter((_, i) => i % 4 === 0);
      try {
        for (const { kind, value } of entries) {
          const { token, sandbox, companyId } = await api.fresh();
          const created = sandbox.store.createConnection(
            companyId,
            PLATFORMS.find((p) => p.key === 'hbuk')!,
          )!;
          const pending = { connectionId: created.id, platformKey: 'hbuk', sourceType: 'Banking', platformName: value };
          sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
          const url = new URL(before);
          url.search = new URLSearchParams({
            statusCode: '400',
            statusText: value,
            errorMessage: value,
            connectionId: created.id,
          }).toString();
          history.replaceState(null, '', url);
          const provider = await mountProvider(
            token,
            html`<codat-integration-picker connect-target="same-window"></codat-integration-picker>`,
          );
          const picker = provider.querySelector<CodatIntegrationPicker>('codat-integration-picker')!;
          await waitUntil(() => !!part(picker, 'error'), `${kind}: the redirect's error shown`);
          // A URL carries text as UTF-8, where a lone surrogate has become U+FFFD.
          expect(part(picker, 'error')!.textContent, `${kind}: Codat's message as text`).to.contain(wellFormed(value));
          expect(part(picker, 'journey-title')!.textContent, `${kind}: the remembered name`).to.contain(isolate(value));
          proved.placements += 2;
          expect(overflowing(picker), `${kind}: fits`).to.deep.equal([]);
          expectInert(provider, `${kind}: redirect`);
          if (value === LONG_WORD) await expect(picker).to.be.accessible();
          fixtureCleanup();
        }
      } finally {
        sessionStorage.removeItem(PENDING_KEY);
        history.replaceState(null, '', before);
      }
    });

    it('shows a hostile API error message and correlation id as text', async () => {
      const { token } = await api.fresh();
      const entries = CORPUS.filter((_, i) => i % 5 === 0);
      for (const { kind, value } of entries) {
        // Answers this mount's first read only (a late read of an earlier mount, with its own token, passes by).
        let served = false;
        api.use(
          http.get(`${BASE_URL}/companies/:companyId/connections`, ({ request }) => {
            if (served || request.headers.get('Authorization') !== `Bearer ${token}`) return undefined;
            served = true;
            const body = { statusCode: 400, service: 'PublicApi', error: value, correlationId: value };
            return HttpResponse.json({ ...body, canBeRetried: 'Unknown', detailedErrorCode: 0 }, { status: 400 });
          }),
        );
        const provider = await mountProvider(token, html`<codat-connection-list></codat-connection-list>`);
        const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
        await waitUntil(() => !!part(list, 'error'), `${kind}: error shown`);
        expect(part(list, 'error')!.textContent, `${kind}: message as text`).to.contain(value);
        expect(part(list, 'error')!.textContent, `${kind}: correlation id as text`).to.contain(isolate(value));
        proved.placements += 2;
        expect(overflowing(list), `${kind}: fits`).to.deep.equal([]);
        expectInert(provider, `${kind}: error`);
        if (value === LONG_WORD) await expect(list).to.be.accessible();
        fixtureCleanup();
      }
    });

    it('shows an API outside its schema (hostile status, source type, dates and key) as text', async () => {
      const { token } = await api.fresh();
      const entries = CORPUS.filter((_, i) => i % 3 === 0);
      const results = entries.map(({ value }, n) => ({
        id: hostileId(500 + n),
        integrationId: ENABLED[0]!.integrationId,
        integrationKey: value,
        sourceId: ENABLED[0]!.sourceId,
        platformName: value,
        linkUrl: value,
        status: value,
        created: value,
        lastSync: value,
        sourceType: value,
      }));
      api.use(
        http.get(`${BASE_URL}/companies/:companyId/connections`, () =>
          HttpResponse.json({ results, pageNumber: 1, pageSize: 100, totalResults: results.length, _links: {} }),
        ),
      );
      const provider = await mountProvider(
        token,
        html`<codat-connection-list></codat-connection-list><codat-connection-detail></codat-connection-detail>`,
      );
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await waitUntil(() => parts(list, 'item-button').length === entries.length, 'all listed');
      for (const [n, { kind, value }] of entries.entries()) {
        const item = parts(list, 'item-button').find((b) => b.querySelector('[part="name"]')!.textContent === value);
        expect(item, `${kind}: listed by name`).to.not.equal(undefined);
        expect(item!.querySelector('[part="status"]')!.textContent, `${kind}: the status as sent`).to.contain(value);
        item!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => detail.connectionId === hostileId(500 + n) && !!part(detail, 'title'), `${kind}: detail`);
        expect(part(detail, 'title')!.textContent, `${kind}: name`).to.contain(value);
        proved.placements += 3;
        expect(overflowing(detail), `${kind}: detail fits`).to.deep.equal([]);
        expectInert(provider, `${kind}: outside the schema`);
      }
      expect(overflowing(list), 'list fits').to.deep.equal([]);
      await expect(list).to.be.accessible();
      await expect(detail).to.be.accessible();
    });

    it('runs the whole composite at 320 px on hostile data: list, detail, confirm and back', async () => {
      const { token } = await api.fresh({ seed: hostileSeed() });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div lang="en-GB" style="width: ${WIDTH}; height: 840px">
          <codat-connections base-url=${BASE_URL} .accessToken=${token}></codat-connections>
        </div>`,
      );
      const el = wrapper.querySelector<CodatConnectionsElement>('codat-connections')!;
      const list = el.shadowRoot!.querySelector<CodatConnectionList>('codat-connection-list')!;
      const detail = el.shadowRoot!.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      await waitUntil(() => parts(list, 'name').length === N, 'all listed', 15000);
      expect(overflowing(el), 'the list fits').to.deep.equal([]);
      const long = parts(list, 'item-button').find((b) => b.querySelector('[part="name"]')!.textContent === LONG_WORD)!;
      long.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !detail.hidden && !!part(detail, 'title')?.textContent?.includes(LONG_WORD), 'detail');
      await waitUntil(() => !!part(detail, 'history-error'), 'history read');
      expect(overflowing(el), 'the detail fits').to.deep.equal([]);
      expectInert(el, 'composite');
      await expect(el).to.be.accessible();
      proved.placements += 2;
    });
  });

  describe('host text options', () => {
    const valueOf = (id: string) => CORPUS[TEXT_IDS.indexOf(id) % N]!.value;
    /** Texts shown only for a moment, which one pass may see and the next not. */
    const passing = /(loading|busy|sending|creating|checking|copied|copyFailed)/i;

    /**
     * Mounts the list, the picker, the detail and the confirm with `text`, and calls `visit` for the list, the picker,
     * and 10 connections' detail and the confirm each offers, once each is shown.
     */
    async function tour(text: string, visit: (view: string, host: HTMLElement) => Promise<void> | void) {
      const { token } = await api.fresh({ seed: hostileSeed() });
      const provider = await mountProvider(
        token,
        html`<codat-connection-list></codat-connection-list>
          <codat-integration-picker></codat-integration-picker>
          <codat-connection-detail></codat-connection-detail>
          <codat-disconnect-confirm></codat-disconnect-confirm>`,
        text,
      );
      const list = provider.querySelector<CodatConnectionList>('codat-connection-list')!;
      const picker = provider.querySelector<CodatIntegrationPicker>('codat-integration-picker')!;
      const detail = provider.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      const confirm = provider.querySelector<CodatDisconnectConfirm>('codat-disconnect-confirm')!;
      const dialog = confirm.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => parts(list, 'name').length === N, 'all listed', 15000);
      await waitUntil(() => parts(picker, 'item-button').length > 0, 'platforms listed');
      await visit('list', list);
      await visit('picker', picker);
      const release = holdNavigation();
      try {
        for (let i = 0; i < 10; i++) {
          const id = hostileId(i);
          provider.selectedConnectionId = id;
          await waitUntil(
            () => detail.connectionId === id && !!part(detail, 'title')?.textContent?.includes(CORPUS[i]!.value),
            'detail',
          );
          await waitUntil(() => !!part(detail, 'history-error'), 'history read');
          await visit(`detail ${i}`, detail);
          const button =
            part(detail, 'reconnect-button') ?? part(detail, 'disconnect-button') ?? part(detail, 'delete-button')!;
          button.focus();
          await sendKeys({ press: 'Enter' });
          await waitUntil(() => dialog.open, 'confirm open');
          await confirm.updateComplete;
          await visit(`confirm ${i}`, confirm);
          await sendKeys({ press: 'Escape' });
          await waitUntil(() => !dialog.open, 'confirm closed');
        }
      } finally {
        release();
      }
    }

    it(`puts a hostile string in each of the ${TEXT_IDS.length} texts and 3 Markdown lists, in every view`, async function () {
      this.timeout(180_000);
      const lists = {
        'accounting.connectionDetails.dataTypes': CORPUS.slice(0, 50).map((c) => c.value),
        'banking.connectionDetails.dataTypes': CORPUS.slice(N - 50).map((c) => c.value),
        'commerce.connectionDetails.dataTypes': CORPUS.slice(7, 57).map((c) => c.value),
      };
      // First pass: each text a marker naming its id, to learn which texts each view shows as text.
      const marker = (id: string) => `[[${id}]]`;
      const shownIds = new Map<string, string[]>();
      await tour(
        JSON.stringify({ ...Object.fromEntries(TEXT_IDS.map((id) => [id, marker(id)])), ...lists }),
        (view, host) => {
          const shown = rawText(host);
          shownIds.set(
            view,
            TEXT_IDS.filter((id) => !passing.test(id) && shown.includes(marker(id))),
          );
        },
      );
      const distinct = new Set([...shownIds.values()].flat());
      expect(distinct.size, 'texts seen across the views').to.be.greaterThan(40);

      // Second pass: each text a hostile string; every text a view showed is shown again, as text.
      const hostile = { ...Object.fromEntries(TEXT_IDS.map((id) => [id, valueOf(id)])), ...lists };
      await tour(JSON.stringify(hostile), async (view, host) => {
        const shown = rawText(host);
        for (const id of shownIds.get(view)!) {
          const value = valueOf(id);
          // `{0}`, `{1}` … are filled with the text's values; the rest of the string is shown as given.
          const expected = value.split(/\{\d+\}/).reduce((a, b) => (a.length >= b.length ? a : b));
          expect(shown.includes(expected), `${view}: ${id} shown as text`).to.equal(true);
          proved.placements++;
        }
        if (view.startsWith('detail')) {
          const shared = part(host, 'shared-data');
          expect(shared, `${view}: the Markdown list`).to.not.equal(null);
          for (const a of shared!.querySelectorAll('a')) expect(a.href, view).to.match(/^(https|mailto):/);
          expect(shared!.querySelectorAll('li').length).to.equal(50);
          proved.placements += 50;
        }
        if (view.startsWith('confirm')) {
          expect(dialogOverflow(host.shadowRoot!.querySelector('dialog')!), `${view} fits`).to.deep.equal([]);
        } else {
          expect(overflowing(host), `${view} fits`).to.deep.equal([]);
        }
        expectInert(host, view);
        if (['list', 'picker', 'detail 0', 'confirm 1'].includes(view)) await expect(host).to.be.accessible();
      });
      console.log(`host text options: ${distinct.size} texts seen as text across the views`);
    });
  });
});

/** White space folded (the `text()` helper's rule), for comparing what is read with what was given. */
function norm(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
