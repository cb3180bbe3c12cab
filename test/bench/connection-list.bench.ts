/**
 * How long <codat-connection-list> blocks the main thread at scale. Not part of `npm test`: run it with
 *
 *   npm run bench -- --files test/bench/connection-list.bench.ts
 *
 * For 100, 1,000 and 5,000 connections it mounts a list and prints the longest long task and long animation
 * frame (Chromium only; for the longest frame, also the scripts it ran), how many tasks were over 50 ms, the time
 * until the first and the last item were on the page, and how long taking the list off the page took, as the
 * median of a few runs with the best run in brackets (on a shared machine the best run is closest to the
 * element's own cost). Numbers are printed, never asserted: they depend on the machine.
 *
 * - "api": the client reads the list and branding from memory through its `fetch` option, as from a real API
 *   (JSON parsing, the store and the element), so the sandbox's own work is not counted; once more with
 *   `sort="name"`.
 * - "sandbox": the same through the msw sandbox, whose handlers run on the page's main thread.
 */
import { fixture, fixtureCleanup, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define.js';
import { CONNECTIONS_PAGE_SIZE } from '../../src/api/client.js';
import { CodatClient, type CodatConnectionList } from '../../src/index.js';
import type { Connection } from '../../src/api/types.js';
import { manyConnections, manySeed } from '../support/many.js';
import { BASE_URL, useSandboxWorker, waitUntil } from '../support/sandbox.js';

const SIZES = [100, 1000, 5000];
const RUNS = 5;

interface Sample {
  /** What the longest animation frame's scripts were, longest first. */
  culprits: string;
  longestTask: number;
  longestFrame: number;
  tasksOver50: number;
  firstItem: number;
  allItems: number;
  /** How long taking the list off the page took (one task). */
  removal: number;
}

const supported = (type: string) => PerformanceObserver.supportedEntryTypes?.includes(type) ?? false;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const idle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client that answers the list (paged as the API pages it) and branding from memory, serialized beforehand. */
function memoryClient(token: string, connections: Connection[]): CodatClient {
  const size = CONNECTIONS_PAGE_SIZE;
  const pages = Array.from({ length: Math.ceil(connections.length / size) }, (_, i) =>
    JSON.stringify({
      results: connections.slice(i * size, (i + 1) * size),
      pageNumber: i + 1,
      pageSize: size,
      totalResults: connections.length,
      _links: (i + 1) * size < connections.length ? { next: { href: `?page=${i + 2}` } } : {},
    }),
  );
  const fetch = async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    const headers = { 'Content-Type': 'application/json' };
    if (url.pathname.endsWith('/branding')) {
      const src = `${BASE_URL}/sandbox/logos/${url.pathname.split('/').at(-2)}.svg`;
      return new Response(JSON.stringify({ logo: { square: { image: { src, alt: '' } } } }), { headers });
    }
    return new Response(pages[Number(url.searchParams.get('page') ?? 1) - 1], { headers });
  };
  return new CodatClient({ baseUrl: BASE_URL, accessToken: token, fetch });
}

async function measure(client: CodatClient, count: number, sort?: string): Promise<Sample> {
  const tasks: number[] = [];
  const frames: PerformanceEntry[] = [];
  const record = (entries: PerformanceEntryList) => {
    for (const entry of entries) {
      if (entry.entryType === 'longtask') tasks.push(entry.duration);
      else frames.push(entry);
    }
  };
  const observers = ['longtask', 'long-animation-frame'].filter(supported).map((type) => {
    const observer = new PerformanceObserver((list) => record(list.getEntries()));
    observer.observe({ type });
    return observer;
  });
  await frame();
  const start = performance.now();
  let firstItem = NaN;
  const list = await fixture<CodatConnectionList>(
    html`<codat-connection-list .client=${client} sort=${ifDefined(sort)}></codat-connection-list>`,
  );
  // Cheap checks first: counting items walks the whole shadow tree, and this runs every frame.
  const root = list.shadowRoot!;
  await waitUntil(
    () => {
      if (Number.isNaN(firstItem) && root.querySelector('[part="item-button"]')) firstItem = performance.now() - start;
      if (Number.isNaN(firstItem) || root.querySelector('[part="base"]')?.hasAttribute('aria-busy') !== false) {
        return false;
      }
      return root.querySelectorAll('[part="item-button"]').length === count;
    },
    `${count} items`,
    120000,
  );
  const allItems = performance.now() - start;
  await frame();
  await frame();
  await idle(300);
  for (const observer of observers) {
    record(observer.takeRecords());
    observer.disconnect();
  }
  const removing = performance.now();
  fixtureCleanup();
  const removal = performance.now() - removing;
  // Let the frame that removed it end before the next run starts observing.
  await frame();
  await idle(300);
  const worst = frames.reduce<PerformanceEntry | undefined>(
    (a, b) => (a && a.duration >= b.duration ? a : b),
    undefined,
  );
  return {
    culprits: worst ? describeFrame(worst) : '',
    longestTask: Math.max(0, ...tasks),
    longestFrame: worst?.duration ?? 0,
    tasksOver50: tasks.filter((d) => d > 50).length,
    firstItem,
    allItems,
    removal,
  };
}

interface FrameScript {
  duration: number;
  invoker: string;
  sourceFunctionName: string;
  sourceURL: string;
}

/** The scripts of a long animation frame, and its style and layout time. */
function describeFrame(entry: PerformanceEntry): string {
  const frame = entry as PerformanceEntry & { scripts: FrameScript[]; styleAndLayoutStart: number };
  const scripts = [...frame.scripts]
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map(
      (s) =>
        `${s.invoker} ${s.sourceFunctionName || ''} ${s.sourceURL.split('/').pop()?.split('?')[0]} ${ms(s.duration)}`,
    );
  const styleAndLayout = frame.startTime + frame.duration - frame.styleAndLayoutStart;
  return `${scripts.join('; ')}; style and layout ${ms(styleAndLayout)}`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

function report(label: string, samples: Sample[]): void {
  const m = (key: Exclude<keyof Sample, 'culprits'>, format: (n: number) => string = ms) => {
    const values = samples.map((s) => s[key]);
    return `${format(median(values))} (${format(Math.min(...values))})`;
  };
  console.log(
    `${label}: longest task ${m('longestTask')}, longest frame ${m('longestFrame')}, ` +
      `tasks over 50 ms ${m('tasksOver50', String)}, first item ${m('firstItem')}, all items ${m('allItems')}, ` +
      `removal ${m('removal')}; ` +
      `longest task per run ${samples.map((s) => Math.round(s.longestTask)).join('/')} ms`,
  );
  const worst = samples.reduce((a, b) => (a.longestFrame >= b.longestFrame ? a : b));
  if (worst.longestFrame > 50) console.log(`  longest frame (${ms(worst.longestFrame)}): ${worst.culprits}`);
}

describe('codat-connection-list at scale (benchmark)', function () {
  this.timeout(0);
  const api = useSandboxWorker();

  before(() => {
    if (!supported('longtask')) console.log('This browser reports no long tasks; only times are printed.');
  });

  for (const count of SIZES) {
    it(`renders ${count} connections`, async () => {
      const connections = manyConnections(count);
      const fromApi: Sample[] = [];
      const sorted: Sample[] = [];
      const fromSandbox: Sample[] = [];
      for (let run = 0; run < RUNS; run++) {
        const { token } = await api.fresh({ seed: manySeed(count) });
        fromApi.push(await measure(memoryClient(token, connections), count));
        sorted.push(await measure(memoryClient(token, connections), count, 'name'));
        fromSandbox.push(await measure(new CodatClient({ baseUrl: BASE_URL, accessToken: token }), count));
      }
      report(`${count} api`, fromApi);
      report(`${count} api, sort="name"`, sorted);
      report(`${count} sandbox`, fromSandbox);
    });
  }
});
