/**
 * The README's first command: `npm start` serves the demo (Vite's dev server), whose in-browser sandbox answers every
 * request. This starts that server, opens the page in Debian's Chromium and uses it by keyboard as a newcomer would:
 * the list shows the sandbox's connections, choosing Xero shows its details and logs the event, and the language
 * picker switches the kit to French; and its strict-CSP page, /csp/, works there with no violation. Nothing else tests
 * demo/index.html and demo/main.ts under `npm start`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
// @ts-expect-error: a plain .mjs config without types
import { chromiumArgs } from '../../web-test-runner.config.mjs';

const WAIT = { timeout: 30_000 };

describe('the demo (npm start)', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error', clearScreen: false });
    await server.listen();
    browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.resolvedUrls!.local[0]!, { waitUntil: 'load' });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The text of the list's items, as a person reads them. */
  const itemNames = () =>
    page.$$eval('codat-connection-list >>> [part="item-button"] [part="name"]', (names) =>
      names.map((name) => name.textContent!.trim()),
    );

  test('shows the sandbox company’s connections', async () => {
    // Deep selectors find shadow content but do not wait for it: wait with a function that looks inside.
    await page.waitForFunction(
      () =>
        (document.querySelector('codat-connection-list')?.shadowRoot?.querySelectorAll('[part="item-button"]').length ??
          0) > 0,
      WAIT,
    );
    const names = await itemNames();
    assert.equal(names.length, 8, `the seeded connections: ${names.join(', ')}`);
    assert.ok(names.includes('Xero') && names.includes('HSBC'), names.join(', '));
  });

  test('opens Xero in the detail by keyboard and logs the event', async () => {
    const buttons = await page.$$('codat-connection-list >>> [part="item-button"]');
    const names = await Promise.all(
      buttons.map((b) => b.evaluate((el) => el.querySelector('[part="name"]')?.textContent?.trim())),
    );
    const xero = buttons[names.indexOf('Xero')];
    assert.ok(xero, 'a Xero item');
    await xero.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.querySelector('#event-log')?.textContent?.includes('codat-connection-select'),
      WAIT,
    );
    await page.waitForFunction(
      () =>
        document
          .querySelector('codat-connection-detail')
          ?.shadowRoot?.querySelector('[part="title"]')
          ?.textContent?.trim() === 'Xero',
      WAIT,
    );
  });

  test('switches the kit to French from the language picker, with no error or failed request on the way', async () => {
    await page.select('#locale', 'fr');
    await page.waitForFunction(
      () => document.querySelector('codat-connection-list')?.shadowRoot?.textContent?.includes('Connectée'),
      WAIT,
    );
    assert.deepEqual(problems, [], 'no errors, no failed requests');
  });

  test('serves the strict-CSP page at /csp/, where the kit from source shows the list with no violation', async () => {
    await page.goto(new URL('csp/?kit=source', server.resolvedUrls!.local[0]!).href, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        (document.querySelector('codat-connection-list')?.shadowRoot?.querySelectorAll('[part="item-button"]').length ??
          0) > 0,
      WAIT,
    );
    const violations = await page.evaluate(
      () => (window as unknown as { codatCspViolations: unknown[] }).codatCspViolations,
    );
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(problems, [], 'no errors, no failed requests (the icon included)');
  });
});
