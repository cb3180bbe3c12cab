/**
 * Fault injection: rules that slow down or break the sandbox's answers, to test how a client copes. Given in the
 * seed (`faults`), in `createSandbox({ faults })`, in `SANDBOX_FAULTS` for the server, or added per test with
 * `sandbox.faults.add(rule)`. Random choices (`rate`, latency ranges) come from a seeded generator, so a run repeats.
 * Browser-safe.
 */
import { HttpResponse } from 'msw';
import { CORS_HEADERS, errorResponse } from './errors.js';
import { SeedError } from './seed.js';

/** The broken bodies a rule can answer with. */
export const FAULT_BODIES = ['malformed-json', 'html', 'empty', 'huge'] as const;
export type FaultBody = (typeof FAULT_BODIES)[number];

/** Where a rule's latency is (see `FaultRule.latencyOn`). */
export const LATENCY_ON = ['request', 'response'] as const;
export type LatencyOn = (typeof LATENCY_ON)[number];

/** Bytes of a `huge` body: more than the kit reads (16 MiB). */
export const HUGE_BODY_BYTES = 17 * 1024 * 1024;

/** One fault rule. Every field is optional; a rule with only `latencyMs` slows requests down and lets them through. */
export interface FaultRule {
  /** Only requests with this method (any case). */
  method?: string;
  /** Only requests whose path matches this regular expression, e.g. `"/connections$"`. */
  path?: string;
  /** Skip the first `after` matching requests (a 401 after N calls). */
  after?: number;
  /** Apply to this many matching requests, then stop. */
  times?: number;
  /** The chance (0 to 1) that a matching request is affected. Default 1. */
  rate?: number;
  /** Wait this long (milliseconds), or a random time in `[min, max]`, before answering. */
  latencyMs?: number | [number, number];
  /**
   * Where the latency is: `request` (default) waits, then lets the route answer, so the answer describes the state
   * after the wait; `response` lets the route answer at once and holds its answer, so it describes the state when
   * the request arrived, however much changed meanwhile (a slow way back). A `response` rule ends the rules: the
   * ones after it are not tried. With `network`, `status` or `body` the two are the same.
   */
  latencyOn?: LatencyOn;
  /** The request fails as if the network were down (no response at all). */
  network?: boolean;
  /** Answer with this status: a Codat `ErrorMessage` body unless `body` says otherwise. */
  status?: number;
  /** Answer with a broken body: malformed JSON, an HTML error page, nothing, or a huge body. Status 200 (html: 502) unless `status` is set. */
  body?: FaultBody;
  /** Extra response headers, e.g. `{"Retry-After": "2"}` or `{"X-Rate-Limit-Reset": "86399"}`. */
  headers?: Record<string, string>;
}

interface LiveRule {
  rule: FaultRule;
  pattern: RegExp | undefined;
  seen: number;
  applied: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The sandbox's fault rules; `apply` is called for every API request before its route. */
export class SandboxFaults {
  #rules: LiveRule[] = [];
  #random: () => number;

  constructor(rules: readonly FaultRule[] = [], seed = 1) {
    this.#random = seeded(seed);
    for (const rule of rules) this.add(rule);
  }

  /** The rules in force, in the order they are tried. */
  get rules(): FaultRule[] {
    return this.#rules.map((live) => live.rule);
  }

  /** Adds a rule (checked: a bad one throws `SeedError`); returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const [checked] = validateFaults([rule], 'fault');
    const live: LiveRule = {
      rule: checked!,
      pattern: checked!.path ? new RegExp(checked!.path) : undefined,
      seen: 0,
      applied: 0,
    };
    this.#rules.push(live);
    return () => (this.#rules = this.#rules.filter((r) => r !== live));
  }

  /** Removes every rule. */
  clear(): void {
    this.#rules = [];
  }

  /**
   * Waits and answers as the matching rules say; `undefined` lets the route answer. `route` answers the request as
   * the routes would, for a rule whose latency is on the `response`; without it, such a rule waits first.
   */
  async apply(
    request: Request,
    route?: (request: Request) => Promise<Response | undefined>,
  ): Promise<Response | undefined> {
    if (request.method === 'OPTIONS') return undefined;
    const path = new URL(request.url).pathname;
    for (const live of this.#rules) {
      const { rule } = live;
      if (rule.method && rule.method.toUpperCase() !== request.method) continue;
      if (live.pattern && !live.pattern.test(path)) continue;
      live.seen++;
      if (live.seen <= (rule.after ?? 0)) continue;
      if (rule.times !== undefined && live.applied >= rule.times) continue;
      if (rule.rate !== undefined && this.#random() >= rule.rate) continue;
      live.applied++;
      const latency = Array.isArray(rule.latencyMs)
        ? rule.latencyMs[0] + this.#random() * (rule.latencyMs[1] - rule.latencyMs[0])
        : rule.latencyMs;
      let response = respond(rule);
      if (!response && rule.latencyOn === 'response' && route) {
        // The route answers now, as things are; the answer arrives after the latency.
        response = await route(request);
        if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
        return response;
      }
      if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
      if (response) return response;
    }
    return undefined;
  }
}

function respond(rule: FaultRule): Response | undefined {
  if (rule.network) return HttpResponse.error();
  if (rule.status === undefined && rule.body === undefined) return undefined;
  let response: Response;
  if (rule.body === undefined) {
    response = errorResponse(
      rule.status!,
      rule.status === 429 ? 'Rate limit exceeded.' : 'Fault injected by the sandbox.',
    );
  } else {
    const [text, type] =
      rule.body === 'html'
        ? ['<!doctype html><title>502 Bad Gateway</title><h1>502 Bad Gateway</h1>', 'text/html']
        : rule.body === 'malformed-json'
          ? ['{"results": [{"id": "', 'application/json']
          : rule.body === 'huge'
            ? [`{"padding":"${'x'.repeat(HUGE_BODY_BYTES)}"}`, 'application/json']
            : ['', 'application/json'];
    response = new Response(text || null, {
      status: rule.status ?? (rule.body === 'html' ? 502 : 200),
      headers: { ...CORS_HEADERS, 'Content-Type': type },
    });
  }
  for (const [name, value] of Object.entries(rule.headers ?? {})) response.headers.set(name, value);
  return response;
}

const RULE_KEYS = new Set([
  'method',
  'path',
  'after',
  'times',
  'rate',
  'latencyMs',
  'latencyOn',
  'network',
  'status',
  'body',
  'headers',
]);

/**
 * Checks fault rules (from a seed, `SANDBOX_FAULTS` or a test).
 * @throws SeedError naming the bad field, e.g. `faults[0].rate`.
 */
export function validateFaults(value: unknown, at = 'faults'): FaultRule[] {
  if (!Array.isArray(value)) throw new SeedError(at, 'must be an array of fault rules');
  return value.map((rule: unknown, i) => {
    const r = `${at}[${i}]`;
    if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw new SeedError(r, 'must be an object');
    const f = rule as Record<string, unknown>;
    for (const key of Object.keys(f))
      if (!RULE_KEYS.has(key)) throw new SeedError(`${r}.${key}`, 'is not a fault field');
    const count = (key: string) => {
      if (key in f && !(Number.isInteger(f[key]) && (f[key] as number) >= 0)) {
        throw new SeedError(`${r}.${key}`, 'must be a whole number, 0 or more');
      }
    };
    count('after');
    count('times');
    if ('method' in f && typeof f.method !== 'string') throw new SeedError(`${r}.method`, 'must be a string');
    if ('path' in f) {
      try {
        new RegExp(f.path as string);
        if (typeof f.path !== 'string') throw new Error();
      } catch {
        throw new SeedError(`${r}.path`, 'must be a regular expression as a string');
      }
    }
    if ('rate' in f && !(typeof f.rate === 'number' && f.rate >= 0 && f.rate <= 1)) {
      throw new SeedError(`${r}.rate`, 'must be a number from 0 to 1');
    }
    const ms = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 600_000;
    if (
      'latencyMs' in f &&
      !(ms(f.latencyMs) || (Array.isArray(f.latencyMs) && f.latencyMs.length === 2 && f.latencyMs.every(ms)))
    ) {
      throw new SeedError(`${r}.latencyMs`, 'must be milliseconds (0 to 600000) or [min, max]');
    }
    if ('latencyOn' in f && !LATENCY_ON.includes(f.latencyOn as LatencyOn)) {
      throw new SeedError(`${r}.latencyOn`, `must be one of ${LATENCY_ON.join(', ')}`);
    }
    if ('network' in f && typeof f.network !== 'boolean') throw new SeedError(`${r}.network`, 'must be true or false');
    if ('status' in f && !(Number.isInteger(f.status) && (f.status as number) >= 200 && (f.status as number) <= 599)) {
      throw new SeedError(`${r}.status`, 'must be an HTTP status from 200 to 599');
    }
    if ('body' in f && !FAULT_BODIES.includes(f.body as FaultBody)) {
      throw new SeedError(`${r}.body`, `must be one of ${FAULT_BODIES.join(', ')}`);
    }
    if (
      'headers' in f &&
      !(
        f.headers &&
        typeof f.headers === 'object' &&
        !Array.isArray(f.headers) &&
        Object.values(f.headers).every((v) => typeof v === 'string')
      )
    ) {
      throw new SeedError(`${r}.headers`, 'must be an object of header names to strings');
    }
    return f as FaultRule;
  });
}
