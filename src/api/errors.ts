/**
 * One error type for every failure the client can meet, so elements and hosts handle
 * them in one place. It never carries the access token.
 */
import { msg, str } from '../localization/localize.js';
import type { ErrorMessage } from './types.js';

/** The client operations, named so a host can tell which one failed. */
export type CodatOperation =
  | 'configure'
  | 'listConnections'
  | 'getConnection'
  | 'unlinkConnection'
  | 'deleteConnection'
  | 'listPullOperations'
  | 'getDataStatus'
  | 'refreshAllData'
  | 'refreshDataType'
  | 'pauseSyncs'
  | 'resumeSyncs'
  | 'listBankingAccounts'
  | 'reconnect'
  | 'getBranding'
  | 'listIntegrations'
  | 'createConnection'
  | 'connect';

/**
 * What went wrong, coarsely: `http` (the API answered with an error status), `network` (no answer),
 * `timeout`, `invalid-response` (an answer the kit cannot read) or `configuration` (the kit was set up
 * with a missing or invalid base URL, company id or token, so no request was sent).
 */
export type CodatErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response' | 'configuration';

export interface CodatApiErrorInit {
  kind: CodatErrorKind;
  operation: CodatOperation;
  /** Omitted: the kit's own words for the kind and status, in the page's language (see `errorText`). */
  message?: string | undefined;
  status?: number | null;
  correlationId?: string | null;
  canBeRetried?: boolean;
  detailedErrorCode?: number | null;
  cause?: unknown;
}

/** Statuses after which the same request may succeed later. */
const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** A failed client operation. */
export class CodatApiError extends Error {
  override readonly name = 'CodatApiError';
  /** What went wrong, coarsely. */
  readonly kind: CodatErrorKind;
  /** Which client operation failed. */
  readonly operation: CodatOperation;
  /** The HTTP status, or `null` when no response arrived. */
  readonly status: number | null;
  /** The API's `correlationId` for support requests, when it sent one. */
  readonly correlationId: string | null;
  /**
   * Whether sending the same request again may succeed: the API's own `canBeRetried` verdict
   * when it gave one ("True"/"False"), otherwise true for network failures, timeouts and
   * 408, 429 and 5xx responses.
   */
  readonly canBeRetried: boolean;
  /** Whether the person using the UI can fix this by trying again (the "Try again" button helps). */
  readonly userRecoverable: boolean;
  /** The API's machine-readable `detailedErrorCode`, when it sent one. */
  readonly detailedErrorCode: number | null;

  constructor(init: CodatApiErrorInit) {
    super(
      init.message ?? kitMessage(init.kind, init.status ?? null),
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    if (init.message === undefined) kitWorded.set(this, () => kitMessage(this.kind, this.status));
    this.kind = init.kind;
    this.operation = init.operation;
    this.status = init.status ?? null;
    this.correlationId = init.correlationId ?? null;
    this.detailedErrorCode = init.detailedErrorCode ?? null;
    const transient =
      init.kind === 'network' ||
      init.kind === 'timeout' ||
      (this.status !== null && TRANSIENT_STATUSES.has(this.status));
    this.canBeRetried = init.canBeRetried ?? transient;
    this.userRecoverable = transient || this.canBeRetried;
  }

  /** The HTTP status as the Codat Connections SDK's `errorCode`, or `null` when there was no response. */
  get errorCode(): number | null {
    return this.status;
  }
}

/** Reads the API's `canBeRetried` string ("True", "False", "Unknown") as a verdict, if it is one. */
function readCanBeRetried(value: unknown): boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

/** Errors whose message is the kit's own (no message from the API or the caller), with their words for any locale. */
const kitWorded = new WeakMap<CodatApiError, () => string>();

/** An error in the kit's own words (`words`, in the page's language now and the element's when shown). */
function worded(words: (() => string) | undefined, init: CodatApiErrorInit): CodatApiError {
  const error = new CodatApiError({ ...init, message: words?.() });
  if (words) kitWorded.set(error, words);
  return error;
}

/** Plain-language fallbacks when the API sends no readable message. */
function kitMessage(kind: CodatErrorKind, status: number | null): string {
  if (kind === 'network') {
    return msg('Could not reach the connections service. Check your internet connection and try again.', {
      id: 'error.network',
      desc: 'No answer from the API (offline, DNS, CORS)',
    });
  }
  if (kind === 'timeout') {
    return msg('The connections service took too long to answer. Try again.', {
      id: 'error.timeout',
      desc: 'The API did not answer in time',
    });
  }
  if (kind !== 'http' || status === null) {
    return msg('The connections service sent a response that could not be read. Try again in a moment.', {
      id: 'error.invalidResponse',
      desc: 'The API answered with something the kit cannot read',
    });
  }
  if (status === 401) {
    return msg('Your session has expired or is not valid. Reload the page to sign in again.', {
      id: 'error.http401',
      desc: 'HTTP 401 from the API without a message of its own',
    });
  }
  if (status === 403) {
    return msg('You do not have access to these connections.', { id: 'error.http403', desc: 'HTTP 403 from the API' });
  }
  if (status === 404) {
    return msg('The requested connection or company was not found.', {
      id: 'error.http404',
      desc: 'HTTP 404 from the API',
    });
  }
  if (status === 429) {
    return msg('Too many requests. Wait a moment and try again.', {
      id: 'error.http429',
      desc: 'HTTP 429 from the API',
    });
  }
  if (status >= 500) {
    return msg('The connections service is having a problem. Try again in a moment.', {
      id: 'error.http5xx',
      desc: 'HTTP 5xx from the API',
    });
  }
  return msg(str`The connections service refused the request (HTTP ${status}).`, {
    id: 'error.http',
    desc: 'Another HTTP error status from the API; {0} is the status number',
  });
}

/**
 * The error in words for the locale being rendered: the API's (or caller's) own message as it came, or else the
 * kit's words for its kind and status, translated.
 */
export function errorText(error: CodatApiError): string {
  return kitWorded.get(error)?.() ?? error.message;
}

/**
 * Builds the error for an HTTP error response, reading the API's ErrorMessage body if it has one. A message or
 * correlation id that contains `secret` (the access token, echoed by a misbehaving proxy) is not used.
 */
export async function errorFromResponse(
  response: Response,
  operation: CodatOperation,
  secret?: string,
): Promise<CodatApiError> {
  let body: Partial<ErrorMessage> | undefined;
  try {
    const parsed: unknown = JSON.parse(await response.text());
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Partial<ErrorMessage>;
  } catch {
    // No body, or not JSON: the error has the kit's own words.
  }
  const clean = (value: unknown) =>
    typeof value === 'string' && value.trim() && !(secret && value.includes(secret)) ? value.trim() : undefined;
  return new CodatApiError({
    kind: 'http',
    operation,
    status: response.status,
    message: clean(body?.error),
    correlationId: clean(body?.correlationId) ?? clean(response.headers.get('X-Correlation-Id')),
    canBeRetried: readCanBeRetried(body?.canBeRetried),
    detailedErrorCode: typeof body?.detailedErrorCode === 'number' ? body.detailedErrorCode : null,
  });
}

/** A response the kit cannot use (not JSON, not the shape the API document promises, or too large). */
export function invalidResponseError(
  operation: CodatOperation,
  status: number,
  cause?: unknown,
  words?: () => string,
): CodatApiError {
  return worded(words, { kind: 'invalid-response', operation, status, canBeRetried: true, cause });
}

/**
 * The access token expired (or was refused) and no new one could be had: `kind: 'http'`, status 401. `hadToken`
 * tells whether a token was ever held, for the wording.
 */
export function tokenExpiredError(operation: CodatOperation, hadToken: boolean): CodatApiError {
  const words = () =>
    hadToken
      ? msg('Your session has expired. Sign in again to carry on.', {
          id: 'error.sessionExpired',
          desc: 'The access token expired or was refused and no new one could be had',
        })
      : msg('Could not sign in to the connections service. Try again in a moment.', {
          id: 'error.signInFailed',
          desc: 'No access token could be had at all',
        });
  return worded(words, { kind: 'http', operation, status: 401, canBeRetried: false });
}

/**
 * A setup problem found before any request was sent (a configuration error is never retried: `canBeRetried` is
 * false for its kind). `operation` is the call given the bad input, or `configure` for the client's own settings.
 */
export function configurationError(message: string, operation: CodatOperation = 'configure'): CodatApiError {
  return new CodatApiError({ kind: 'configuration', operation, message });
}

/** Whether the error is a setup problem that trying again cannot fix. */
export function isConfigurationError(error: unknown): boolean {
  return error instanceof CodatApiError && error.kind === 'configuration';
}
