/**
 * HTTP helpers shared by every sandbox route: CORS headers, the Codat
 * `ErrorMessage` body and JSON responses. Browser-safe (no Node imports).
 */
import type { components } from '../api/codat-platform.generated.js';

export type ErrorMessage = components['schemas']['ErrorMessage'];
export type ValidationItem = NonNullable<NonNullable<ErrorMessage['validation']>['errors']>[number];

/** The exact message the Codat API sends with 403 responses. */
export const FORBIDDEN_MESSAGE = 'You are using an outdated API key or a key not associated with that resource.';

/** CORS headers put on every sandbox response, errors and preflights included. */
export const CORS_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Idempotency-Key, X-CSRF-Token, X-Requested-With',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Retry-After, X-Correlation-Id',
  'Access-Control-Max-Age': '600',
});

/** Returns a fresh correlation id: 32 lowercase hex characters. */
export function newCorrelationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function headers(extra: Record<string, string>): Headers {
  return new Headers({ ...CORS_HEADERS, ...extra });
}

/** A JSON response with CORS headers and a correlation id header. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: headers({
      'Content-Type': 'application/json; charset=utf-8',
      'X-Correlation-Id': newCorrelationId(),
    }),
  });
}

/** An empty-bodied response (DELETE 200, preflight 204) with CORS headers. */
export function emptyResponse(status: number): Response {
  return new Response(null, { status, headers: headers({ 'X-Correlation-Id': newCorrelationId() }) });
}

/** A response with an arbitrary body and content type, with CORS headers. */
export function rawResponse(status: number, body: string, contentType: string): Response {
  return new Response(body, {
    status,
    headers: headers({ 'Content-Type': contentType, 'Cache-Control': 'public, max-age=3600' }),
  });
}

/**
 * An HTML page (the link pages) with a Content-Security-Policy, never cached or
 * sniffed, sending no referrer.
 */
export function htmlResponse(status: number, body: string, csp: string): Response {
  return new Response(body, {
    status,
    headers: headers({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    }),
  });
}

/** A `303 See Other` to `location` (after a form POST), not cached. */
export function seeOtherResponse(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: headers({ Location: location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }),
  });
}

/**
 * An error response in Codat's `ErrorMessage` shape. The `X-Correlation-Id`
 * header carries the same id as the body.
 */
export function errorResponse(status: number, error: string, validationErrors?: ValidationItem[]): Response {
  const correlationId = newCorrelationId();
  const body: ErrorMessage = {
    statusCode: status,
    service: 'PublicApi',
    error,
    correlationId,
    canBeRetried: 'Unknown',
    detailedErrorCode: 0,
  };
  if (validationErrors?.length) body.validation = { errors: validationErrors, warnings: [] };
  return new Response(JSON.stringify(body), {
    status,
    headers: headers({
      'Content-Type': 'application/json; charset=utf-8',
      'X-Correlation-Id': correlationId,
    }),
  });
}

/** Codat's 404 message for an unknown company. */
export const companyNotFound = (companyId: string): Response =>
  errorResponse(404, `No company was found with ID ${companyId}`);

/** Codat's 404 message for an unknown data connection. */
export const connectionNotFound = (connectionId: string): Response =>
  errorResponse(404, `Data connection ${connectionId} not found`);
