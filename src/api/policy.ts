/**
 * The client's HTTP policy, every number in one place: the client, the README's Reliability table and the tests
 * read these values.
 */
export const HTTP_POLICY = {
  /** Each attempt is abandoned after this long (ky's `timeout`). */
  attemptTimeoutMs: 15_000,
  /** One call, every attempt and wait included, is abandoned after this long. */
  totalTimeoutMs: 40_000,
  /** Retries after the first attempt. */
  retries: 2,
  /** The first backoff; doubled for each further retry, then jittered (half fixed, half random). */
  backoffMs: 500,
  /** The longest backoff. */
  backoffMaxMs: 4_000,
  /** The longest `Retry-After` waited for; a longer one is cut to this. Codat's `X-Rate-Limit-Reset` is never read. */
  retryAfterMaxMs: 10_000,
  /** Statuses after which GET and DELETE are retried (as are network failures and timeouts); POST, PUT and PATCH only after 429 or a network failure. */
  retryStatuses: [408, 429, 500, 502, 503, 504] as readonly number[],
  /** Larger response bodies are refused rather than parsed. */
  maxBodyBytes: 16 * 1024 * 1024,
  /** A token is renewed this long before it expires (at most half its lifetime before). */
  tokenRenewMs: 60_000,
};

export type HttpPolicy = typeof HTTP_POLICY;

/**
 * How long to wait before retry number `retry` (1 for the first): the server's `Retry-After` (seconds or an
 * HTTP date) up to `retryAfterMaxMs` when it sent one, otherwise capped exponential backoff with jitter.
 */
export function retryDelay(
  retry: number,
  retryAfter: string | null,
  policy: HttpPolicy = HTTP_POLICY,
  random: () => number = Math.random,
): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    const ms = Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000;
    if (ms >= 0) return Math.min(ms, policy.retryAfterMaxMs);
  }
  const backoff = Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** (retry - 1));
  return backoff / 2 + (random() * backoff) / 2;
}
