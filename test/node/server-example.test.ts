/**
 * The server-rendered example (demo/server/): its proxy's rules over real HTTP against the sandbox server as
 * "Codat", then the page itself in headless Chromium and Firefox ESR (puppeteer-core, Debian's browsers): the kit
 * lists, opens and disconnects a connection through the proxy under the page's strict CSP.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GREENFIELD_ID, HARBOUR_ID, SEED_CONNECTION_IDS } from '../../src/sandbox/index.js';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { startExampleServer, type ExampleServer } from '../../demo/server/server.js';
import { KIT_ROUTES } from '../../demo/server/proxy.js';

const root = new URL('../../', import.meta.url);
const XERO = SEED_CONNECTION_IDS.xero;

let codat: SandboxServer;
let server: ExampleServer;
let bundleDir: string;

/** A signed-in browser session as the page has it: the cookie, and the tokens the page was rendered with. */
async function signIn() {
  const response = await fetch(`${server.url}/`);
  assert.equal(response.status, 200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const html = await response.text();
  const pageToken = /access-token="([^"]+)"/.exec(html)![1]!;
  const csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(html)![1]!;
  const call = (method: string, path: string, init: { headers?: Record<string, string>; body?: string } = {}) =>
    fetch(`${server.url}/codat/${path}`, {
      method,
      headers: { Cookie: cookie, Authorization: `Bearer ${pageToken}`, ...init.headers },
      body: init.body,
    });
  return { response, html, cookie, pageToken, csrf, call };
}

before(async () => {
  // The page loads the real bundle; build it into a temporary folder (npm test builds dist/ only after test:node).
  bundleDir = mkdtempSync(join(tmpdir(), 'codat-bundle-'));
  execFileSync(
    process.execPath,
    [
      new URL('node_modules/vite/bin/vite.js', root).pathname,
      'build',
      '--mode',
      'bundle',
      '--outDir',
      bundleDir,
      '--logLevel',
      'error',
    ],
    { cwd: root, stdio: 'pipe' },
  );
  codat = await startSandboxServer({ port: 0 });
  server = await startExampleServer({
    codatUrl: codat.url,
    apiKey: 'test-api-key',
    companyId: GREENFIELD_ID,
    companyName: 'Greenfield Bakery Ltd',
    bundlePath: join(bundleDir, 'codat-connections.js'),
  });
});

after(async () => {
  await server?.close();
  await codat?.close();
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('the server-rendered page', () => {
  test('renders the tag with the company, a page token and a CSRF token; no Codat token or API key', async () => {
    const { response, html, pageToken } = await signIn();
    assert.match(response.headers.get('set-cookie')!, /HttpOnly; SameSite=Strict/);
    assert.match(response.headers.get('content-security-policy')!, /script-src 'self'; style-src 'self'/);
    assert.match(html, new RegExp(`company-id="${GREENFIELD_ID}"`));
    assert.match(html, /base-url="\/codat"/);
    assert.doesNotMatch(pageToken, /\./, 'the page token is opaque, not a JWT');
    assert.doesNotMatch(html, /test-api-key|dGVzdC1hcGkta2V5/);
    const codatToken = await codat.sandbox.issueAccessToken(GREENFIELD_ID);
    assert.doesNotMatch(html, new RegExp(codatToken.split('.')[0]!), 'no Codat token header in the page');
  });
});

describe('the proxy', () => {
  test('forwards the kit’s list with the server’s Codat token in place of the page token', async () => {
    const { call } = await signIn();
    const before = server.forwarded.length;
    const response = await call('GET', `companies/${GREENFIELD_ID}/connections?page=1&pageSize=2000`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { results: { id: string }[] };
    assert.equal(body.results.length, 8);
    assert.deepEqual(server.forwarded.slice(before), [`GET /companies/${GREENFIELD_ID}/connections`]);
  });

  test('refuses another company’s connections with 403, and forwards nothing', async () => {
    const { call } = await signIn();
    const before = server.forwarded.length;
    for (const path of [
      `companies/${HARBOUR_ID}/connections`,
      `companies/${GREENFIELD_ID}/../${HARBOUR_ID}/connections`.replace('/../', '/%2e%2e/'),
    ]) {
      const response = await call('GET', path);
      assert.equal(response.status, 403, path);
      assert.match(((await response.json()) as { error: string }).error, /your own company/);
    }
    assert.equal(server.forwarded.length, before);
  });

  test('refuses routes the kit does not use with 404: companies, tokens, other methods, encoded slashes', async () => {
    const { call, csrf } = await signIn();
    const before = server.forwarded.length;
    const cases: [string, string][] = [
      ['GET', 'companies'],
      ['GET', `companies/${GREENFIELD_ID}/accessToken`],
      ['GET', `companies/${GREENFIELD_ID}`],
      ['DELETE', `companies/${GREENFIELD_ID}`],
      ['POST', `companies/${GREENFIELD_ID}/connections`],
      ['GET', `companies/${GREENFIELD_ID}%2Fconnections`],
      ['GET', `companies/${GREENFIELD_ID}/connections/${XERO}%2F..%2F..`],
    ];
    for (const [method, path] of cases) {
      const response = await call(method, path, { headers: { 'X-CSRF-Token': csrf } });
      assert.equal(response.status, 404, `${method} ${path}`);
    }
    assert.equal(server.forwarded.length, before);
  });

  test('lets the kit’s own routes through: every one is listed, with its method', () => {
    assert.deepEqual(
      KIT_ROUTES.map((r) => `${r.method} ${r.path}`),
      [
        'GET companies/{company}/connections',
        'GET companies/{company}/connections/{connection}',
        'PATCH companies/{company}/connections/{connection}',
        'DELETE companies/{company}/connections/{connection}',
        'GET companies/{company}/data/history',
        'GET companies/{company}/dataStatus',
        'POST companies/{company}/data/all',
        'POST companies/{company}/data/queue/{dataType}',
        'PUT companies/{company}/connections/{connection}/syncPause',
        'DELETE companies/{company}/connections/{connection}/syncPause',
        'GET companies/{company}/connections/{connection}/data/banking-accounts',
        'GET integrations/{platform}/branding',
      ],
    );
  });

  test('needs the session cookie and the page token: 401 without either', async () => {
    const { cookie, pageToken } = await signIn();
    const path = `${server.url}/codat/companies/${GREENFIELD_ID}/connections`;
    const noCookie = await fetch(path, { headers: { Authorization: `Bearer ${pageToken}` } });
    const noToken = await fetch(path, { headers: { Cookie: cookie } });
    const otherToken = await fetch(path, { headers: { Cookie: cookie, Authorization: `Bearer ${pageToken}x` } });
    const codatToken = await fetch(path, {
      headers: { Cookie: cookie, Authorization: `Bearer ${await codat.sandbox.issueAccessToken(GREENFIELD_ID)}` },
    });
    assert.deepEqual([noCookie.status, noToken.status, otherToken.status, codatToken.status], [401, 401, 401, 401]);
  });

  test('needs the CSRF header on changes, and only ever unlinks with PATCH', async () => {
    const { call, csrf } = await signIn();
    const path = `companies/${GREENFIELD_ID}/connections/${XERO}`;
    const json = { 'Content-Type': 'application/json' };
    const noCsrf = await call('PATCH', path, { headers: json, body: '{"status":"Unlinked"}' });
    assert.equal(noCsrf.status, 403);
    assert.match(((await noCsrf.json()) as { error: string }).error, /CSRF/);
    const wrongCsrf = await call('POST', `companies/${GREENFIELD_ID}/data/all`, { headers: { 'X-CSRF-Token': 'x' } });
    assert.equal(wrongCsrf.status, 403);
    const relink = await call('PATCH', path, {
      headers: { ...json, 'X-CSRF-Token': csrf },
      body: '{"status":"Linked"}',
    });
    assert.equal(relink.status, 400);
    assert.equal(codat.sandbox.store.getConnection(GREENFIELD_ID, XERO)!.status, 'Linked', 'nothing changed yet');
    const unlink = await call('PATCH', path, {
      headers: { ...json, 'X-CSRF-Token': csrf },
      body: '{"status":"Unlinked"}',
    });
    assert.equal(unlink.status, 200);
    assert.equal(codat.sandbox.store.getConnection(GREENFIELD_ID, XERO)!.status, 'Unlinked');
    codat.sandbox.store.setConnectionStatus(GREENFIELD_ID, XERO, 'Linked');
  });

  test('refuses query parameters the kit does not send', async () => {
    const { call } = await signIn();
    const response = await call('GET', `companies/${GREENFIELD_ID}/connections?query=${encodeURIComponent('id!=x')}`);
    assert.equal(response.status, 400);
  });
});

const browsers = [
  { name: 'Chromium', browser: 'chrome' as const, executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  {
    name: 'Firefox ESR',
    browser: 'firefox' as const,
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  },
];

/**
 * Waits until `predicate` returns something truthy in the page. puppeteer's waitForFunction evaluates strings in
 * the page, which the page's CSP (no 'unsafe-eval') rightly blocks in Firefox; page.evaluate is not affected.
 */
async function waitFor<T>(page: Page, predicate: () => T, timeout = 20_000): Promise<{ jsonValue(): Promise<T> }> {
  const start = Date.now();
  for (;;) {
    const value = await page.evaluate(predicate);
    if (value) return { jsonValue: async () => value as T };
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${predicate.toString().slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

for (const { name, browser: product, executablePath } of browsers) {
  describe(`the page in ${name}`, () => {
    let browser: Browser;
    let page: Page;
    const problems: string[] = [];

    before(async () => {
      browser = await puppeteer.launch({
        browser: product,
        executablePath,
        headless: true,
        // No viewport emulation: Firefox ESR 140 refuses puppeteer's screen-orientation command.
        defaultViewport: null,
        args: product === 'chrome' ? ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] : [],
      });
      page = await browser.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || /Content.Security.Policy|CSP/i.test(message.text())) {
          problems.push(message.text());
        }
      });
      page.on('pageerror', (error) => problems.push(String(error)));
    });
    after(async () => {
      await browser?.close();
    });

    test('lists, opens and disconnects Xero through the proxy, under the page’s strict CSP', async () => {
      codat.sandbox.store.setConnectionStatus(GREENFIELD_ID, XERO, 'Linked');
      const before = server.forwarded.length;
      await page.goto(`${server.url}/`);
      const names = await waitFor(page, () => {
        const list = document.querySelector('codat-connections')?.shadowRoot?.querySelector('codat-connection-list');
        const found = [...(list?.shadowRoot?.querySelectorAll('[part="name"]') ?? [])].map((n) =>
          n.textContent!.trim(),
        );
        return found.length === 8 ? found : false;
      });
      assert.ok(((await names.jsonValue()) as string[]).includes('Xero'));
      assert.equal(await page.$eval('codat-connections', (el) => el.hasAttribute('access-token')), false);

      await page.evaluate(() => {
        const list = document.querySelector('codat-connections')!.shadowRoot!.querySelector('codat-connection-list')!;
        const xero = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[part="item-button"]')].find(
          (b) => b.querySelector('[part="name"]')!.textContent!.trim() === 'Xero',
        )!;
        xero.focus();
      });
      await page.keyboard.press('Enter');
      await waitFor(page, () => {
        const detail = document
          .querySelector('codat-connections')!
          .shadowRoot!.querySelector('codat-connection-detail')!;
        return !!detail.shadowRoot!.querySelector('[part="disconnect-button"]');
      });
      await page.evaluate(() => {
        const detail = document
          .querySelector('codat-connections')!
          .shadowRoot!.querySelector('codat-connection-detail')!;
        detail.shadowRoot!.querySelector<HTMLElement>('[part="disconnect-button"]')!.focus();
      });
      await page.keyboard.press('Enter');
      await waitFor(
        page,
        () =>
          document
            .querySelector('codat-connections')!
            .shadowRoot!.querySelector('codat-disconnect-confirm')!
            .shadowRoot!.querySelector('dialog')?.open === true,
      );
      await page.evaluate(() => {
        const confirm = document
          .querySelector('codat-connections')!
          .shadowRoot!.querySelector('codat-disconnect-confirm')!;
        confirm.shadowRoot!.querySelector<HTMLElement>('[part="confirm-button"]')!.click();
      });
      await waitFor(page, () => {
        const detail = document
          .querySelector('codat-connections')!
          .shadowRoot!.querySelector('codat-connection-detail')!;
        return detail.shadowRoot!.querySelector('[part="status"]')?.textContent?.trim() === 'Unlinked';
      });
      assert.equal(codat.sandbox.store.getConnection(GREENFIELD_ID, XERO)!.status, 'Unlinked', 'Codat has it unlinked');
      const sent = server.forwarded.slice(before);
      assert.ok(sent.includes(`PATCH /companies/${GREENFIELD_ID}/connections/${XERO}`), sent.join('\n'));
      assert.ok(sent.every((line) => !line.includes(HARBOUR_ID)));
      assert.deepEqual(problems, []);
    });
  });
}

test('the example page is the template docs/EMBEDDING.md shows', () => {
  const doc = readFileSync(new URL('docs/EMBEDDING.md', root), 'utf8');
  const snippet = /<!-- snippet: server-page -->\s*```html\n([\s\S]*?)\n```/.exec(doc)?.[1];
  assert.ok(snippet, 'docs/EMBEDDING.md has the server-page snippet');
  assert.equal(snippet, readFileSync(new URL('demo/server/page.html', root), 'utf8').trimEnd());
});
