/**
 * msw request handlers for the sandbox routes. They translate HTTP into
 * `SandboxStore` calls and back; all state lives in the store passed in.
 */
import { http, type RequestHandler } from 'msw';
import { authorize, type AuthPolicy } from './auth.js';
import { BANKING_ACCOUNT_QUERY } from './banking.js';
import { brandingFor, findPlatform, INTEGRATION_QUERY, integrationFor, logoSvg } from './branding.js';
import {
  companyNotFound,
  connectionNotFound,
  emptyResponse,
  errorResponse,
  htmlResponse,
  jsonResponse,
  rawResponse,
  seeOtherResponse,
  type ValidationItem,
} from './errors.js';
import {
  donePageHtml,
  errorPageHtml,
  LINK_CSS,
  LINK_OUTCOMES,
  linkPageCsp,
  redirectUrlFor,
  startPageHtml,
  type LinkOutcome,
} from './link.js';
import { DATA_TYPES_BY_SOURCE, isDataType, toIso } from './pulls.js';
import { parseOrderBy, parseQuery, QueryError } from './query.js';
import { PLATFORMS, UUID_PATTERN, type Connection, type Platform } from './seed.js';
import { syncPauseOf, type SandboxStore } from './store.js';
import type { TokenIssuer } from './tokens.js';

/** What the handlers need from their sandbox. */
export interface HandlerContext {
  store: SandboxStore;
  tokens: TokenIssuer;
  /** Absolute URL or path prefix, without a trailing slash. */
  baseUrl: string;
  tokenLifetimeSeconds: number;
  /** The sandbox clock (pause dates are checked against it). */
  now: () => number;
  /**
   * Where the link pages live (absolute URL or path, no trailing slash). When
   * set, every served Connection's `linkUrl` points there; when undefined, the
   * seed's `linkUrl`s are served and there are no link pages.
   */
  linkBaseUrl?: string;
  /** Where the link page sends the customer afterwards; may hold `{companyId}` and `{connectionId}`. */
  redirectUrl?: string;
}

/** The QuickBooks Desktop key: the one platform whose syncs can be paused. */
export const PAUSABLE_INTEGRATION_KEY = 'pqsw';
/** How far ahead `pausedUntil` may be. */
export const MAX_SYNC_PAUSE_MS = 30 * 24 * 60 * 60 * 1000;

const CONNECTION_QUERY = ['id', 'status', 'sourceType', 'platformName', 'integrationKey', 'integrationId', 'sourceId'];
const CONNECTION_ORDER = [...CONNECTION_QUERY, 'created', 'lastSync'];
const PULL_QUERY = ['id', 'connectionId', 'dataType', 'status'];
const PULL_ORDER = [...PULL_QUERY, 'requested', 'completed'];
const COMPANY_QUERY = ['id', 'name'];
const COMPANY_ORDER = [...COMPANY_QUERY, 'created', 'lastSync'];
/** PagingInfo.pageSize has `maximum: 2000` in the document, though the parameter allows 5000. */
const MAX_RESPONSE_PAGE_SIZE = 2000;

type Params = Record<string, string | readonly string[] | undefined>;
type Route = (request: Request, params: Record<string, string>) => Promise<Response> | Response;

/** Builds the msw handlers for one sandbox. */
export function createHandlers(ctx: HandlerContext): RequestHandler[] {
  const { store, tokens, baseUrl: base } = ctx;

  const guarded =
    (policy: (p: Record<string, string>) => AuthPolicy, route: Route) =>
    async ({ request, params }: { request: Request; params: Params }) => {
      const p = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      try {
        return (await authorize(request, tokens, policy(p))) ?? (await route(request, p));
      } catch (error) {
        if (error instanceof QueryError) return errorResponse(400, error.message);
        return errorResponse(500, 'There is a problem with our server. Please try again later.');
      }
    };
  const apiKey = (): AuthPolicy => ({ kind: 'apiKey' });
  const company = (p: Record<string, string>): AuthPolicy => ({ kind: 'company', companyId: p.companyId! });
  const anyCompany = (): AuthPolicy => ({ kind: 'anyCompany' });
  const allConnections = () => store.listCompanies().flatMap((c) => c.dataConnections ?? []);
  const linkBase = ctx.linkBaseUrl;
  const linkUrl = (path: string, request: Request) => new URL(`${linkBase}${path}`, request.url).href;
  const connectionPath = (companyId: string, connectionId: string) =>
    `/companies/${encodeURIComponent(companyId)}/connections/${encodeURIComponent(connectionId)}`;
  /** The Connection as served: with `linkUrl` on the sandbox's link page when `linkBaseUrl` is set. */
  const present = (companyId: string, c: Connection, request: Request): Connection =>
    linkBase === undefined ? c : { ...c, linkUrl: linkUrl(`${connectionPath(companyId, c.id)}/start`, request) };
  /** The sandbox's own logo of a platform, as an absolute URL. */
  const logoUrl = (key: string, request: Request, variant: 'square' | 'full' = 'square') =>
    new URL(`${base}/sandbox/logos/${key}.svg${variant === 'full' ? '?variant=full' : ''}`, request.url).href;
  /** The 400 for a platform key that is not four lowercase letters. */
  const badPlatformKey = (itemId: string, validatorName: string) =>
    errorResponse(400, 'platformKey must be exactly four lowercase letters.', [
      { itemId, message: 'must match ^[a-z]{4}$', validatorName },
    ]);
  /** The company's connection, or the 404 Codat sends for an unknown company or connection. */
  const findConnection = (p: Record<string, string>): Connection | Response => {
    if (!store.hasCompany(p.companyId!)) return companyNotFound(p.companyId!);
    return store.getConnection(p.companyId!, p.connectionId!) ?? connectionNotFound(p.connectionId!);
  };

  return [
    http.options(`${base}/*`, () => emptyResponse(204)),

    http.get(
      `${base}/companies`,
      guarded(apiKey, (request) => {
        const url = new URL(request.url);
        const companies = store.listCompanies().map((company) => ({
          ...company,
          dataConnections: company.dataConnections?.map((c) => present(String(company.id), c, request)),
        }));
        return pagedResponse(url, '/companies', companies, COMPANY_QUERY, COMPANY_ORDER, 'Company');
      }),
    ),

    http.get(
      `${base}/companies/:companyId/accessToken`,
      guarded(apiKey, async (_request, p) => {
        if (!store.hasCompany(p.companyId!)) return companyNotFound(p.companyId!);
        const expiresIn = ctx.tokenLifetimeSeconds;
        const accessToken = await tokens.issue(p.companyId!, expiresIn);
        return jsonResponse(200, { accessToken, expiresIn, tokenType: 'Bearer' });
      }),
    ),

    http.get(
      `${base}/companies/:companyId/connections`,
      guarded(company, (request, p) => {
        const connections = store.listConnections(p.companyId!);
        if (!connections) return companyNotFound(p.companyId!);
        const self = `/companies/${p.companyId}/connections`;
        const served = connections.map((c) => present(p.companyId!, c, request));
        return pagedResponse(new URL(request.url), self, served, CONNECTION_QUERY, CONNECTION_ORDER, 'Connection');
      }),
    ),

    http.post(
      `${base}/companies/:companyId/connections`,
      guarded(company, async (request, p) => {
        if (!store.hasCompany(p.companyId!)) return companyNotFound(p.companyId!);
        const body = checkCreateConnectionBody(await request.text());
        if (typeof body !== 'string') return errorResponse(400, body.error, body.items);
        if (!/^[a-z]{4}$/.test(body)) return badPlatformKey('platformKey', 'CreateConnection');
        const platform = PLATFORMS.find((x) => x.key === body);
        if (!platform) return errorResponse(404, `Integration ${body} not found`);
        if (platform.enabled === false) {
          return errorResponse(400, `Integration ${body} (${platform.name}) is not enabled for your customers.`);
        }
        return jsonResponse(200, present(p.companyId!, store.createConnection(p.companyId!, platform)!, request));
      }),
    ),

    http.get(
      `${base}/companies/:companyId/connections/:connectionId`,
      guarded(company, (request, p) => {
        const connection = findConnection(p);
        return connection instanceof Response
          ? connection
          : jsonResponse(200, present(p.companyId!, connection, request));
      }),
    ),

    http.patch(
      `${base}/companies/:companyId/connections/:connectionId`,
      guarded(company, async (request, p) => {
        const connection = findConnection(p);
        if (connection instanceof Response) return connection;
        const problem = checkUnlinkBody(await request.text());
        if (problem) return errorResponse(400, problem.error, problem.items);
        return jsonResponse(
          200,
          present(p.companyId!, store.unlinkConnection(p.companyId!, p.connectionId!)!, request),
        );
      }),
    ),

    // Not part of Codat's API: the kit's integration control for pausing QuickBooks Desktop syncs.
    http.put(
      `${base}/companies/:companyId/connections/:connectionId/syncPause`,
      guarded(company, async (request, p) => {
        const connection = findConnection(p);
        if (connection instanceof Response) return connection;
        const refusal = syncPauseRefusal(connection, 'pause');
        if (refusal) return errorResponse(400, refusal);
        const body = checkSyncPauseBody(await request.text(), ctx.now());
        if ('error' in body) return errorResponse(400, body.error, body.items);
        const paused = store.pauseSyncs(p.companyId!, connection.id, body.untilMs)!;
        return jsonResponse(200, present(p.companyId!, paused, request));
      }),
    ),

    http.delete(
      `${base}/companies/:companyId/connections/:connectionId/syncPause`,
      guarded(company, (request, p) => {
        const connection = findConnection(p);
        if (connection instanceof Response) return connection;
        const refusal = syncPauseRefusal(connection, 'resume');
        if (refusal) return errorResponse(400, refusal);
        return jsonResponse(200, present(p.companyId!, store.resumeSyncs(p.companyId!, connection.id)!, request));
      }),
    ),

    http.get(
      `${base}/companies/:companyId/connections/:connectionId/data/banking-accounts`,
      guarded(company, (request, p) => {
        const connection = findConnection(p);
        if (connection instanceof Response) return connection;
        if (connection.sourceType !== 'Banking') {
          return errorResponse(
            404,
            `No data available for banking-accounts: data connection ${connection.id} is not a Banking connection (${connection.platformName} is ${connection.sourceType}).`,
          );
        }
        const accounts = store.listBankingAccounts(p.companyId!, connection.id)!;
        const self = `/companies/${p.companyId}/connections/${connection.id}/data/banking-accounts`;
        return pagedResponse(
          new URL(request.url),
          self,
          accounts,
          BANKING_ACCOUNT_QUERY,
          BANKING_ACCOUNT_QUERY,
          'Account',
        );
      }),
    ),

    http.delete(
      `${base}/companies/:companyId/connections/:connectionId`,
      guarded(company, (_request, p) => {
        if (!store.hasCompany(p.companyId!)) return companyNotFound(p.companyId!);
        return store.deleteConnection(p.companyId!, p.connectionId!)
          ? emptyResponse(200)
          : connectionNotFound(p.connectionId!);
      }),
    ),

    http.get(
      `${base}/companies/:companyId/data/history`,
      guarded(company, (request, p) => {
        // Newest `requested` first unless `orderBy` says otherwise.
        const pulls = store.listPullOperations(p.companyId!);
        if (!pulls) return companyNotFound(p.companyId!);
        const self = `/companies/${p.companyId}/data/history`;
        return pagedResponse(new URL(request.url), self, pulls, PULL_QUERY, PULL_ORDER, 'PullOperation');
      }),
    ),

    http.get(
      `${base}/companies/:companyId/data/history/:datasetId`,
      guarded(company, (_request, p) => {
        if (!store.hasCompany(p.companyId!)) return companyNotFound(p.companyId!);
        const pull = store.getPullOperation(p.companyId!, p.datasetId!);
        return pull
          ? jsonResponse(200, pull)
          : errorResponse(404, `No pull operation was found with ID ${p.datasetId}`);
      }),
    ),

    http.get(
      `${base}/companies/:companyId/dataStatus`,
      guarded(company, (_request, p) => {
        const statuses = store.dataStatuses(p.companyId!);
        return statuses ? jsonResponse(200, statuses) : companyNotFound(p.companyId!);
      }),
    ),

    http.post(
      `${base}/companies/:companyId/data/all`,
      guarded(company, (_request, p) => {
        // The document declares 204 without a body; the new operations appear in data/history.
        return store.refreshAll(p.companyId!) ? emptyResponse(204) : companyNotFound(p.companyId!);
      }),
    ),

    http.post(
      `${base}/companies/:companyId/data/queue/:dataType`,
      guarded(company, (request, p) => {
        const companyId = p.companyId!;
        const dataType = p.dataType!;
        if (!store.hasCompany(companyId)) return companyNotFound(companyId);
        if (!isDataType(dataType)) {
          const message = `dataType '${dataType}' is not a Codat data type, e.g. invoices or banking-accounts.`;
          return errorResponse(400, message, [{ itemId: 'dataType', message, validatorName: 'PathParameters' }]);
        }
        const connectionId = new URL(request.url).searchParams.get('connectionId');
        const offers = (c: { sourceType: keyof typeof DATA_TYPES_BY_SOURCE }) =>
          DATA_TYPES_BY_SOURCE[c.sourceType].includes(dataType);
        const connections = store.listConnections(companyId)!;
        if (connectionId === null || connectionId === '') {
          const first = connections.find((c) => c.status === 'Linked' && !syncPauseOf(c) && offers(c));
          if (!first) return errorResponse(400, `The company has no Linked data connection that provides ${dataType}.`);
          return jsonResponse(200, store.queuePull(companyId, first.id, dataType));
        }
        if (!UUID_PATTERN.test(connectionId)) {
          const message = 'connectionId must be a UUID.';
          return errorResponse(400, message, [{ itemId: 'connectionId', message, validatorName: 'QueryParameters' }]);
        }
        const connection = connections.find((c) => c.id === connectionId);
        if (!connection) return connectionNotFound(connectionId);
        if (connection.status !== 'Linked') {
          return errorResponse(
            400,
            `Data connection ${connectionId} is ${connection.status}; only Linked connections can be refreshed.`,
          );
        }
        const pause = syncPauseOf(connection);
        if (pause) {
          const until = pause.pausedUntil ?? 'they are resumed';
          return errorResponse(
            400,
            `Syncs are paused until ${until} for data connection ${connectionId} (${connection.platformName}).`,
          );
        }
        if (!offers(connection)) {
          return errorResponse(
            400,
            `Data type ${dataType} is not available from ${connection.sourceType} connection ${connectionId} (${connection.platformName}).`,
          );
        }
        return jsonResponse(200, store.queuePull(companyId, connectionId, dataType));
      }),
    ),

    http.get(
      `${base}/integrations`,
      guarded(anyCompany, (request) => {
        const integrations = PLATFORMS.map((x) => integrationFor(x, logoUrl(x.key, request)));
        const orderable = INTEGRATION_QUERY;
        return pagedResponse(new URL(request.url), '/integrations', integrations, orderable, orderable, 'Integration');
      }),
    ),

    http.get(
      `${base}/integrations/:platformKey`,
      guarded(anyCompany, (request, p) => {
        const key = p.platformKey!;
        if (!/^[a-z]{4}$/.test(key)) return badPlatformKey('platformKey', 'PathParameters');
        const platform: Platform | undefined = PLATFORMS.find((x) => x.key === key);
        return platform
          ? jsonResponse(200, integrationFor(platform, logoUrl(key, request)))
          : errorResponse(404, `Integration ${key} not found`);
      }),
    ),

    http.get(
      `${base}/integrations/:platformKey/branding`,
      guarded(anyCompany, (request, p) => {
        const key = p.platformKey!;
        if (!/^[a-z]{4}$/.test(key)) return badPlatformKey('platformKey', 'PathParameters');
        const platform = findPlatform(key, allConnections());
        if (!platform) return errorResponse(404, `Integration ${key} not found`);
        return jsonResponse(
          200,
          brandingFor(platform, (variant) => logoUrl(key, request, variant)),
        );
      }),
    ),

    http.get(`${base}/sandbox/logos/:file`, ({ request, params }) => {
      const match = /^([a-z]{4})\.svg$/.exec(String(params.file));
      const platform = match && findPlatform(match[1]!, allConnections());
      if (!platform) return errorResponse(404, `Logo ${String(params.file)} not found`);
      const variant = new URL(request.url).searchParams.get('variant') === 'full' ? 'full' : 'square';
      return rawResponse(200, logoSvg(platform, variant), 'image/svg+xml');
    }),

    ...(linkBase === undefined ? [] : linkHandlers(ctx, linkBase, present)),
  ];
}

/**
 * The link pages under `linkBase` (no auth: a customer's browser opens them):
 * the start page, the form's authorize route and the stylesheet.
 */
function linkHandlers(
  ctx: HandlerContext,
  linkBase: string,
  present: (companyId: string, c: Connection, request: Request) => Connection,
): RequestHandler[] {
  const { store } = ctx;
  const stylesheet = (request: Request) => new URL(`${linkBase}/link.css`, request.url).href;
  const params = (p: Record<string, string | readonly string[] | undefined>) => ({
    companyId: String(p.companyId),
    connectionId: String(p.connectionId),
  });
  /** The redirect URL for this connection and outcome, when one is configured. */
  const redirect = (request: Request, companyId: string, connectionId: string, outcome: LinkOutcome) =>
    ctx.redirectUrl === undefined
      ? undefined
      : redirectUrlFor(ctx.redirectUrl, request.url, companyId, connectionId, outcome);
  /** The page's CSP, allowing the redirect's origin as a form target when it is another one. */
  const csp = (request: Request, companyId: string, connectionId: string) => {
    const target = redirect(request, companyId, connectionId, 'authorize');
    return linkPageCsp(target && target.origin !== new URL(request.url).origin ? target.origin : undefined);
  };
  const notFound = (companyId: string, connectionId: string): string | undefined => {
    if (!store.hasCompany(companyId)) return `No company was found with ID ${companyId}`;
    if (!store.getConnection(companyId, connectionId)) return `Data connection ${connectionId} not found`;
    return undefined;
  };
  const failPage = (request: Request, status: number, message: string) =>
    htmlResponse(status, errorPageHtml(message, stylesheet(request)), linkPageCsp());
  const guard =
    (route: (request: Request, companyId: string, connectionId: string) => Promise<Response> | Response) =>
    async ({
      request,
      params: p,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      try {
        const { companyId, connectionId } = params(p);
        return await route(request, companyId, connectionId);
      } catch {
        return errorResponse(500, 'There is a problem with our server. Please try again later.');
      }
    };

  return [
    http.options(`${linkBase}/*`, () => emptyResponse(204)),

    http.get(`${linkBase}/link.css`, () => rawResponse(200, LINK_CSS, 'text/css; charset=utf-8')),

    http.get(
      `${linkBase}/companies/:companyId/connections/:connectionId/start`,
      guard((request, companyId, connectionId) => {
        const missing = notFound(companyId, connectionId);
        if (missing) return failPage(request, 404, missing);
        const connection = store.getConnection(companyId, connectionId)!;
        const html = startPageHtml({
          platformName: connection.platformName,
          companyName: store.getCompany(companyId)!.name,
          status: connection.status,
          action: new URL(`${linkBase}/companies/${companyId}/connections/${connectionId}/authorize`, request.url).href,
          stylesheetUrl: stylesheet(request),
        });
        return htmlResponse(200, html, csp(request, companyId, connectionId));
      }),
    ),

    http.post(
      `${linkBase}/companies/:companyId/connections/:connectionId/authorize`,
      guard(async (request, companyId, connectionId) => {
        const json = /^application\/json\b/i.test(request.headers.get('Content-Type') ?? '');
        const missing = notFound(companyId, connectionId);
        if (missing) return json ? errorResponse(404, missing) : failPage(request, 404, missing);
        const outcome = readOutcome(await request.text(), json);
        if (typeof outcome !== 'string') {
          return json ? errorResponse(400, outcome.error, outcome.items) : failPage(request, 400, outcome.error);
        }
        const connection =
          outcome === 'authorize'
            ? store.authorizeConnection(companyId, connectionId)!
            : store.getConnection(companyId, connectionId)!;
        if (json) return jsonResponse(200, present(companyId, connection, request));
        const target = redirect(request, companyId, connectionId, outcome);
        if (target) return seeOtherResponse(target.href);
        const html = donePageHtml(connection.platformName, outcome, stylesheet(request));
        return htmlResponse(200, html, linkPageCsp());
      }),
    ),
  ];
}

/** Reads `outcome` from a form (`outcome=authorize`) or JSON (`{"outcome":"authorize"}`) body. */
function readOutcome(text: string, json: boolean): LinkOutcome | { error: string; items: ValidationItem[] } {
  const item = (itemId: string, message: string) => ({
    error: message,
    items: [{ itemId, message, validatorName: 'LinkAuthorization' }],
  });
  let value: unknown;
  if (json) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return item('body', 'The request body is not valid JSON.');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return item('body', 'The request body must be a JSON object such as {"outcome":"authorize"}.');
    }
    const extra = Object.keys(body).filter((k) => k !== 'outcome');
    if (extra.length)
      return item(extra[0]!, `The request body has properties that are not allowed: ${extra.join(', ')}.`);
    value = (body as { outcome?: unknown }).outcome;
  } else {
    value = new URLSearchParams(text).get('outcome');
  }
  if (typeof value === 'string' && (LINK_OUTCOMES as readonly string[]).includes(value)) return value as LinkOutcome;
  return item('outcome', `outcome must be one of ${LINK_OUTCOMES.join(', ')}.`);
}

/** Why syncs of this connection cannot be paused (or resumed), or undefined when they can. */
function syncPauseRefusal(connection: Connection, action: 'pause' | 'resume'): string | undefined {
  if (connection.integrationKey !== PAUSABLE_INTEGRATION_KEY) {
    return `Pausing syncs is not available for ${connection.platformName}.`;
  }
  if (action === 'pause' && connection.status !== 'Linked') {
    return `Data connection ${connection.id} is ${connection.status}; only Linked connections can pause syncs.`;
  }
  return undefined;
}

/** `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: RFC 3339, the ISO 8601 profile JSON Schema's date-time uses. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/i;

/** Milliseconds since the epoch for an RFC 3339 date-time with a real calendar date, else undefined. */
export function parseDateTime(text: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (local.getUTCFullYear() !== year || local.getUTCMonth() !== month - 1 || local.getUTCDate() !== day) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

type BodyProblem = { error: string; items: ValidationItem[] };

/**
 * Reads a request body that must be a JSON object with no properties but `allowed`, or says what is wrong in Codat's
 * validation shape (`example` shows a valid body in the message).
 */
function readObjectBody(
  text: string,
  allowed: readonly string[],
  validatorName: string,
  example: string,
): { body: Record<string, unknown> } | BodyProblem {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return bodyProblem(validatorName, 'body', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return bodyProblem(validatorName, 'body', `The request body must be a JSON object such as ${example}.`);
  }
  const extra = Object.keys(body).filter((k) => !allowed.includes(k));
  if (extra.length) {
    return {
      error: `The request body has properties that are not allowed: ${extra.join(', ')}.`,
      items: extra.map((k) => ({ itemId: k, message: `Property '${k}' is not allowed.`, validatorName })),
    };
  }
  return { body: body as Record<string, unknown> };
}

function bodyProblem(validatorName: string, itemId: string, message: string): BodyProblem {
  return { error: message, items: [{ itemId, message, validatorName }] };
}

/**
 * Validates a sync pause body: exactly `{"pausedUntil": <RFC 3339 date-time>}`,
 * after now and at most 30 days ahead, or `{"pausedUntil": null}`.
 */
function checkSyncPauseBody(text: string, nowMs: number): { untilMs: number | null } | BodyProblem {
  const problem = (itemId: string, message: string) => bodyProblem('SyncPause', itemId, message);
  const read = readObjectBody(
    text,
    ['pausedUntil'],
    'SyncPause',
    '{"pausedUntil":"2026-04-08T09:00:00Z"} or {"pausedUntil":null}',
  );
  if ('error' in read) return read;
  const { body } = read;
  if (!('pausedUntil' in body)) {
    return problem('pausedUntil', 'pausedUntil is required: an ISO 8601 date-time, or null to pause until resumed.');
  }
  const value = body.pausedUntil;
  if (value === null) return { untilMs: null };
  const untilMs = typeof value === 'string' ? parseDateTime(value) : undefined;
  if (untilMs === undefined) {
    return problem(
      'pausedUntil',
      'pausedUntil must be an ISO 8601 date-time with a time zone, such as 2026-04-08T09:00:00Z, or null.',
    );
  }
  if (untilMs <= nowMs) return problem('pausedUntil', `pausedUntil must be in the future (it is now ${toIso(nowMs)}).`);
  if (untilMs > nowMs + MAX_SYNC_PAUSE_MS) {
    return problem(
      'pausedUntil',
      `pausedUntil must be at most 30 days ahead, no later than ${toIso(nowMs + MAX_SYNC_PAUSE_MS)}.`,
    );
  }
  return { untilMs };
}

function intParam(url: URL, name: string, fallback: number, max: number): number | Response {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (value >= 1 && value <= max) return value;
  const message =
    max === Infinity
      ? `${name} must be an integer greater than or equal to 1.`
      : `${name} must be an integer between 1 and ${max}.`;
  return errorResponse(400, message, [{ itemId: name, message, validatorName: 'QueryParameters' }]);
}

/** Filters, orders and pages `items` into a Codat paged body with `_links`. */
function pagedResponse<T extends object>(
  url: URL,
  self: string,
  items: T[],
  queryable: string[],
  orderable: string[],
  entity: string,
): Response {
  const page = intParam(url, 'page', 1, Infinity);
  if (page instanceof Response) return page;
  const requested = intParam(url, 'pageSize', 100, 5000);
  if (requested instanceof Response) return requested;
  const pageSize = Math.min(requested, MAX_RESPONSE_PAGE_SIZE);
  const query = url.searchParams.get('query');
  const orderBy = url.searchParams.get('orderBy');
  let results = query !== null ? items.filter(parseQuery<T>(query, queryable, entity)) : items;
  if (orderBy) results = [...results].sort(parseOrderBy<T>(orderBy, orderable, entity));
  const totalResults = results.length;
  const href = (n: number) => {
    const search = new URLSearchParams({ page: String(n), pageSize: String(pageSize) });
    if (query !== null) search.set('query', query);
    if (orderBy) search.set('orderBy', orderBy);
    return { href: `${self}?${search}` };
  };
  const _links: Record<string, { href: string }> = { self: { href: self }, current: href(page) };
  if (page * pageSize < totalResults) _links.next = href(page + 1);
  if (page > 1) _links.previous = href(page - 1);
  return jsonResponse(200, {
    results: results.slice((page - 1) * pageSize, page * pageSize),
    pageNumber: page,
    pageSize,
    totalResults,
    _links,
  });
}

/** Reads the platform key from a create-connection body: exactly `{"platformKey": "<string>"}`. */
function checkCreateConnectionBody(text: string): string | BodyProblem {
  const read = readObjectBody(text, ['platformKey'], 'CreateConnection', '{"platformKey":"gbol"}');
  if ('error' in read) return read;
  const { body } = read;
  const key = body.platformKey;
  if (typeof key !== 'string') {
    return bodyProblem('CreateConnection', 'platformKey', 'platformKey is required: a four-letter platform key.');
  }
  return key;
}

/** Validates an UpdateConnectionStatus body; only `{"status":"Unlinked"}` passes. */
function checkUnlinkBody(text: string): BodyProblem | undefined {
  const read = readObjectBody(text, ['status'], 'UpdateConnectionStatus', '{"status":"Unlinked"}');
  if ('error' in read) return read;
  const { body } = read;
  if (body.status !== 'Unlinked') {
    const message = "status must be 'Unlinked': connections can only be unlinked through this endpoint.";
    return bodyProblem('UpdateConnectionStatus', 'status', message);
  }
  return undefined;
}
