/**
 * The rules of the example server's proxy, as plain functions (no I/O), so the Node tests can check each one.
 * The proxy exposes Codat to the page under `/codat/`, forwarding only the routes the kit calls (read from
 * src/api/client.ts) and only for the signed-in customer's company.
 */

/** One route the kit calls, relative to its `base-url`. `{company}` must be the session's company. */
export interface KitRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path with `{company}`, `{connection}`, `{dataType}` and `{platform}` placeholders. */
  path: string;
  /** Which query parameters the kit sends; any other is refused. */
  query: readonly string[];
}

/** Every request src/api/client.ts makes, and no other. */
export const KIT_ROUTES: readonly KitRoute[] = [
  { method: 'GET', path: 'companies/{company}/connections', query: ['page', 'pageSize'] },
  { method: 'GET', path: 'companies/{company}/connections/{connection}', query: [] },
  // Unlink: the kit only ever sends {"status":"Unlinked"} (see UNLINK_BODY).
  { method: 'PATCH', path: 'companies/{company}/connections/{connection}', query: [] },
  { method: 'DELETE', path: 'companies/{company}/connections/{connection}', query: [] },
  { method: 'GET', path: 'companies/{company}/data/history', query: ['page', 'pageSize', 'query', 'orderBy'] },
  { method: 'GET', path: 'companies/{company}/dataStatus', query: [] },
  { method: 'POST', path: 'companies/{company}/data/all', query: [] },
  { method: 'POST', path: 'companies/{company}/data/queue/{dataType}', query: ['connectionId'] },
  // The kit's own sync pause route (no Codat endpoint): forwarded to the sandbox, which implements it.
  { method: 'PUT', path: 'companies/{company}/connections/{connection}/syncPause', query: [] },
  { method: 'DELETE', path: 'companies/{company}/connections/{connection}/syncPause', query: [] },
  {
    method: 'GET',
    path: 'companies/{company}/connections/{connection}/data/banking-accounts',
    query: ['page', 'pageSize'],
  },
  // Branding is the same for every company: logos and colours of a platform.
  { method: 'GET', path: 'integrations/{platform}/branding', query: [] },
];

/** The only body the kit sends with PATCH. */
export const UNLINK_BODY = '{"status":"Unlinked"}';

/** Methods that change something: they need the session's CSRF token in `X-CSRF-Token`. */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLACEHOLDERS: Record<string, string> = {
  company: `(${UUID})`,
  connection: UUID,
  dataType: '[a-z]+(?:-[a-zA-Z]+)?',
  platform: '[a-z]{4}',
};
const compiled = KIT_ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => PLACEHOLDERS[name]!)}$`, 'i'),
}));

/** What the signed-in customer's session holds. */
export interface ProxySession {
  companyId: string;
  /** The per-session credential the page was given as `access-token` (never Codat's token). */
  pageToken: string;
  csrfToken: string;
}

/** A request reaching the proxy: method, the path after `/codat/` (still percent-encoded), query and headers. */
export interface ProxyRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  csrfToken: string | undefined;
  body: string;
}

export type ProxyDecision = { forward: true } | { forward: false; status: number; message: string };

const refuse = (status: number, message: string): ProxyDecision => ({ forward: false, status, message });

/** Compares two secrets in time independent of where they differ. */
export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Decides whether the proxy forwards a request, and if not, which error the page gets. */
export function decide(request: ProxyRequest, session: ProxySession | undefined): ProxyDecision {
  if (!session) return refuse(401, 'Sign in again to manage your connections.');
  if (!sameSecret(request.authorization, `Bearer ${session.pageToken}`)) {
    return refuse(401, 'Sign in again to manage your connections.');
  }
  const method = request.method.toUpperCase();
  const match = compiled.find(({ route, pattern }) => route.method === method && pattern.test(request.path));
  if (!match) return refuse(404, `${method} /${request.path} is not a route this page uses.`);
  const companyId = match.pattern.exec(request.path)![1];
  if (companyId !== undefined && companyId.toLowerCase() !== session.companyId.toLowerCase()) {
    return refuse(403, 'You can only manage your own company’s connections.');
  }
  for (const name of request.query.keys()) {
    if (!match.route.query.includes(name)) return refuse(400, `The query parameter "${name}" is not allowed here.`);
  }
  if (UNSAFE_METHODS.has(method) && !sameSecret(request.csrfToken, session.csrfToken)) {
    return refuse(403, 'The request did not carry this page’s CSRF token. Reload the page and try again.');
  }
  if (method === 'PATCH' && request.body.replace(/\s/g, '') !== UNLINK_BODY) {
    return refuse(400, 'Only disconnecting ({"status":"Unlinked"}) is allowed.');
  }
  return { forward: true };
}
