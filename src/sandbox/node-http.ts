/**
 * Node's HTTP messages to and from Fetch's, for serving the sandbox's msw handlers over real HTTP (the node entry's
 * server and the strict-CSP demo's).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const SKIPPED_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'expect',
  'upgrade',
]);

/** A Node request as a Fetch `Request` on `origin` (hop-by-hop headers dropped), for msw's `getResponse`. */
export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

/** Writes a Fetch `Response` to a Node response, with its exact length and any `extra` headers. */
export async function writeResponse(
  res: ServerResponse,
  response: Response,
  extra: Record<string, string> = {},
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, ...extra, 'content-length': String(body.length) });
  res.end(body);
}
