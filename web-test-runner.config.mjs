import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { tsImport } from 'tsx/esm/api';

/**
 * Real browsers from Debian packages only: no tool here downloads its own.
 * Override with CHROMIUM_PATH / FIREFOX_PATH; choose with BROWSERS=chromium,firefox.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

/** Headless Chromium in a container, quiet: no sandbox (root), no GPU, no background traffic. The bench adds its own. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  );
}
/**
 * Puppeteer 24.43 sets a viewport in Firefox with two WebDriver BiDi commands, the second of which
 * (`emulation.setScreenOrientationOverride`) Firefox ESR 140 does not know: every test file then fails before it
 * runs. The viewport itself is set by the first command, so that one error is ignored.
 */
async function firefoxPage({ context }) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (!String(error?.message).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
    });
  return page;
}

if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
      createPage: firefoxPage,
    }),
  );
}

/** Serves msw's worker script from public/ so the worker controls the whole test origin. */
function mockServiceWorker() {
  return async (context, next) => {
    if (context.path === '/mockServiceWorker.js') {
      context.type = 'application/javascript';
      context.set('Service-Worker-Allowed', '/');
      context.body = await readFile(new URL('./public/mockServiceWorker.js', import.meta.url), 'utf8');
      return;
    }
    return next();
  };
}

/**
 * The strict-CSP demo (demo/csp/server.ts) under /csp/: its page with the Content-Security-Policy header, the
 * sandbox's API and link pages from this origin, the built bundle (`/csp/`) or the sources through the esbuild
 * plugin below (`/csp/?kit=source`, Lit's development build), and axe-core, which checks the page from inside it. test/csp.test.ts loads it in an iframe, whose document
 * gets the policy from its own response; the test page itself has none.
 */
function cspDemo() {
  let demo;
  return async (context, next) => {
    if (context.path !== '/csp' && !context.path.startsWith('/csp/')) return next();
    demo ??= tsImport('./demo/csp/server.ts', import.meta.url).then(({ createCspDemo }) =>
      createCspDemo({
        kits: { bundle: '/csp/dist/codat-connections.js', source: '/src/define.ts' },
        extraScripts: ['/node_modules/axe-core/axe.min.js'],
        hostLit: '/test/support/host-lit.ts',
      }),
    );
    context.respond = false;
    await (await demo).handle(context.req, context.res);
  };
}

/**
 * `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])` emulates CSS media
 * features through Chromium's DevTools protocol, forced-colors included (puppeteer's emulateMediaFeatures accepts
 * only prefers-color-scheme, prefers-reduced-motion and color-gamut). Each call replaces the previous features; an
 * empty list clears them. Answers false in Firefox, which has no such protocol, so a test can say so.
 */
function emulateMediaFeatures() {
  const sessions = new WeakMap();
  return {
    name: 'codat:emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-media-features') return undefined;
      const page = session.browser.getPage(session.id);
      if (page.browser().protocol !== 'cdp') return false;
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      await sessions.get(page).send('Emulation.setEmulatedMedia', { features: payload ?? [] });
      return true;
    },
  };
}

/**
 * `executeServerCommand('collect-garbage')` runs a full garbage collection in Chromium over its DevTools protocol
 * (`HeapProfiler.collectGarbage`), while the page waits for the answer with no script on its stack, so nothing
 * unreachable survives it. Answers false in Firefox, which has no such protocol. For test/retention.test.ts.
 */
function collectGarbage() {
  const sessions = new WeakMap();
  return {
    name: 'codat:collect-garbage',
    async executeCommand({ command, session }) {
      if (command !== 'collect-garbage') return undefined;
      const page = session.browser.getPage(session.id);
      if (page.browser().protocol !== 'cdp') return false;
      if (!sessions.has(page)) sessions.set(page, await page.createCDPSession());
      // One collection sometimes leaves a removed element that nothing holds (a heap snapshot taken next finds
      // none); three have not, in 42 mounts of <codat-connections>.
      for (let i = 0; i < 3; i++) await sessions.get(page).send('HeapProfiler.collectGarbage');
      return true;
    },
  };
}

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  browsers,
  concurrency: 1,
  concurrentBrowsers: 2,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [mockServiceWorker(), cspDemo()],
  plugins: [
    emulateMediaFeatures(),
    collectGarbage(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
};
