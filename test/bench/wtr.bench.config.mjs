/**
 * `npm run bench`: the benchmark in headless Chromium only, on the test runner's middleware and plugins, but with
 * Lit's production build (no `development` export condition), as a host page would load it.
 *
 * - Chromium gets `--enable-precise-memory-info` (exact `performance.memory`) and `--js-flags=--expose-gc` (`gc()`).
 * - Server commands for the page (`executeServerCommand`): `bench-options` (the settings below), `bench-metrics`
 *   (Chromium's `Performance.getMetrics` over CDP, with `threadTicks` so durations are CPU time) and `bench-write`
 *   (writes the results, with this machine's CPU count and load, to BENCH_OUT).
 *
 * Settings, from the environment: BENCH_SIZES (default 10,100,1000,5000), BENCH_RUNS (default 5), BENCH_CYCLES
 * (mount and unmount cycles of the leak check, default 200), BENCH_OUT (default bench-results/latest.json).
 * `npm run bench` runs test/bench/views.bench.ts; `npm run bench -- --files test/bench/connection-list.bench.ts`
 * runs the list's detailed profile (long animation frames and their scripts, sort, removal).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import process from 'node:process';
import { chromeLauncher } from '@web/test-runner-chrome';
import config, { chromiumArgs } from '../../web-test-runner.config.mjs';

const numbers = (value, fallback) =>
  value
    ? value
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
    : fallback;
const options = {
  sizes: numbers(process.env.BENCH_SIZES, [10, 100, 1000, 5000]),
  runs: Number(process.env.BENCH_RUNS ?? 5),
  cycles: Number(process.env.BENCH_CYCLES ?? 200),
};
const out = resolve(import.meta.dirname, '../..', process.env.BENCH_OUT ?? 'bench-results/latest.json');

function benchCommands() {
  const cdpSessions = new Map();
  return {
    name: 'codat-bench',
    async executeCommand({ command, payload, session }) {
      if (command === 'bench-options') return options;
      if (command === 'bench-metrics') {
        if (session.browser.type !== 'puppeteer') return null;
        let cdp = cdpSessions.get(session.id);
        if (!cdp) {
          cdp = await session.browser.getPage(session.id).createCDPSession();
          await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
          cdpSessions.set(session.id, cdp);
        }
        const { metrics } = await cdp.send('Performance.getMetrics');
        return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
      }
      if (command === 'bench-write') {
        const machine = {
          cpus: availableParallelism(),
          cpuModel: cpus()[0]?.model ?? '',
          loadAverage: loadavg(),
          node: process.version,
        };
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, `${JSON.stringify({ machine, ...payload }, null, 2)}\n`);
        return out;
      }
      return undefined;
    },
  };
}

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default {
  ...config,
  files: ['test/bench/views.bench.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
      },
    }),
  ],
  plugins: [...config.plugins, benchCommands()],
  testFramework: { config: { timeout: 0 } },
  testsFinishTimeout: 3600000,
};
