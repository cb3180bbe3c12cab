import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';

/**
 * Real browsers from Debian packages only: no tool here downloads its own.
 * Override with CHROMIUM_PATH / FIREFOX_PATH; choose with BROWSERS=chromium,firefox.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
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

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  browsers,
  concurrency: 1,
  concurrentBrowsers: 2,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [mockServiceWorker()],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
  ],
};
