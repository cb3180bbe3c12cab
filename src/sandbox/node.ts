/**
 * Node-only entry: serves the sandbox's msw handlers over real HTTP through
 * `getResponse` (no second implementation), link pages included, and loads
 * seed files with the OpenAPI schemas (Connection, PullOperation, Banking Account).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createSandbox, type Sandbox, type SandboxOptions } from './index.js';
import { errorResponse } from './errors.js';
import { checkUrlOption } from './link.js';
import {
  bankingAccountSchemaValidator,
  connectionSchemaValidator,
  pullOperationSchemaValidator,
} from './openapi-schema.js';
import { toFetchRequest, writeResponse } from './node-http.js';
import { SeedError, validateSeed, type SandboxSeed } from './seed.js';

export {
  bankingAccountSchemaValidator,
  connectionSchemaValidator,
  pullOperationSchemaValidator,
} from './openapi-schema.js';

/** The path, under the server's origin, of the link pages unless `linkBaseUrl` says otherwise. */
export const DEFAULT_LINK_PATH = '/sandbox/link';

/** Options of `startSandboxServer`. */
export interface SandboxServerOptions extends Omit<SandboxOptions, 'baseUrl'> {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Default: the server's own origin + `/sandbox/link` (see `SandboxOptions.linkBaseUrl`). */
  linkBaseUrl?: string;
}

/** A running sandbox server. */
export interface SandboxServer {
  /** Base URL, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

/**
 * Starts a real HTTP server for a fresh sandbox whose `baseUrl` is the
 * server's own URL, and whose link pages are under `/sandbox/link` there
 * unless `linkBaseUrl` is given.
 * @throws TypeError for a bad `linkBaseUrl` or `redirectUrl`, before listening.
 */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const { port, host = '127.0.0.1', ...sandboxOptions } = options;
  if (sandboxOptions.linkBaseUrl !== undefined) checkUrlOption('linkBaseUrl', sandboxOptions.linkBaseUrl);
  if (sandboxOptions.redirectUrl !== undefined) checkUrlOption('redirectUrl', sandboxOptions.redirectUrl);
  // Filled in once the server listens and its port (hence the base URL) is known.
  const state: { sandbox?: Sandbox; origin: string } = { origin: '' };
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await toFetchRequest(req, state.origin);
        const response =
          (await getResponse(state.sandbox!.handlers, request)) ??
          errorResponse(404, `No sandbox route for ${request.method} ${new URL(request.url).pathname}`);
        // A `network` fault: drop the connection, as a failing network would.
        if (response.type === 'error') res.destroy();
        else await writeResponse(res, response);
      } catch {
        if (!res.headersSent)
          await writeResponse(res, errorResponse(500, 'There is a problem with our server. Please try again later.'));
        else res.destroy();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  const sandbox = createSandbox({
    ...sandboxOptions,
    baseUrl: origin,
    linkBaseUrl: sandboxOptions.linkBaseUrl ?? `${origin}${DEFAULT_LINK_PATH}`,
  });
  Object.assign(state, { origin, sandbox });
  return {
    url: origin,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Reads and validates a seed file (shape, UUIDs, duplicates, and each
 * connection, pull operation and bank account against the Platform document's
 * Connection and PullOperation schemas and the Banking document's Account schema).
 * @throws SeedError whose message names the bad field (`seed` for file-level problems).
 */
export async function loadSeedFile(path: string): Promise<SandboxSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SeedError('seed file', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SeedError('seed file', `is not valid JSON (${(error as Error).message})`);
  }
  return validateSeed(
    value,
    connectionSchemaValidator(),
    pullOperationSchemaValidator(),
    bankingAccountSchemaValidator(),
  );
}
