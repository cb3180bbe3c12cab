/**
 * One error type for every failure the client can meet, so elements and hosts handle
 * them in one place. It never carries the access token.
 */
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
  | 'getBranding';

/**
 * What went wrong, coarsely: `http` (the API answered with an error status), `network` (no answer),
 * `timeout`, `invalid-response` (an answer the kit cannot read) or `configuration` (the kit was set up
 * with a missing or invalid base URL, company id or token, so no request was sent).
 */
export type CodatErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response' | 'configuration';

export interface CodatApiErrorInit {
  kind: CodatErrorKind;
  operation: CodatOperation;
  message: string;
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
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
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

/** Plain-language fallbacks when the API sends no readable message. */
function defaultMessage(status: number): string {
  if (status === 401) return 'Your session has expired or is not valid. Reload the page to sign in again.';
  if (status === 403) return 'You do not have access to these connections.';
  if (status === 404) return 'The requested connection or company was not found.';
  if (status === 429) return 'Too many requests. Wait a moment and try again.';
  if (status >= 500) return 'The connections service is having a problem. Try again in a moment.';
  return `The connections service refused the request (HTTP ${status}).`;
}

/** Builds the error for an HTTP error response, reading the API's ErrorMessage body if it has one. */
export async function errorFromResponse(response: Response, operation: CodatOperation): Promise<CodatApiError> {
  let body: Partial<ErrorMessage> | undefined;
  try {
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Partial<ErrorMessage>;
  } catch {
    body = undefined;
  }
  const apiMessage = typeof body?.error === 'string' && body.error.trim() ? body.error.trim() : undefined;
  return new CodatApiError({
    kind: 'http',
    operation,
    status: response.status,
    message: apiMessage ?? defaultMessage(response.status),
    correlationId:
      (typeof body?.correlationId === 'string' && body.correlationId) || response.headers.get('X-Correlation-Id'),
    canBeRetried: readCanBeRetried(body?.canBeRetried),
    detailedErrorCode: typeof body?.detailedErrorCode === 'number' ? body.detailedErrorCode : null,
  });
}

/** A response the kit cannot use (not JSON, or not the shape the API document promises). */
export function invalidResponseError(operation: CodatOperation, status: number, cause?: unknown): CodatApiError {
  return new CodatApiError({
    kind: 'invalid-response',
    operation,
    status,
    message: 'The connections service sent a response that could not be read. Try again in a moment.',
    canBeRetried: true,
    cause,
  });
}

/** A setup problem found before any request was sent. */
export function configurationError(message: string): CodatApiError {
  return new CodatApiError({ kind: 'configuration', operation: 'configure', message, canBeRetried: false });
}

/** Whether the error is a setup problem that trying again cannot fix. */
export function isConfigurationError(error: unknown): boolean {
  return error instanceof CodatApiError && error.kind === 'configuration';
}
