/**
 * `npm run demo:csp`: the strict-CSP demo page (demo/csp/index.html) with the built bundle and the sandbox, from one
 * origin, on http://127.0.0.1:4030/csp/ (CSP_DEMO_PORT). Build the bundle first: `npm run build:bundle`.
 */
import { existsSync } from 'node:fs';
import { STRICT_CSP, startCspDemoServer } from './server.js';

if (!existsSync(new URL('../../dist/codat-connections.js', import.meta.url))) {
  process.stderr.write('demo:csp: dist/codat-connections.js is missing: run npm run build:bundle first\n');
  process.exit(1);
}
const server = await startCspDemoServer({ port: Number(process.env.CSP_DEMO_PORT ?? 4030) });
process.stdout.write(
  `The strict-CSP demo: ${server.url}/csp/\nServed with Content-Security-Policy: ${STRICT_CSP}\nPress Ctrl+C to stop.\n`,
);
const stop = () => void server.close().finally(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
