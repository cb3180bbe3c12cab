/** `npm run example:server`: the sandbox as "Codat", and the server-rendered page in front of it. */
import { existsSync } from 'node:fs';
import { GREENFIELD_ID } from '../../src/sandbox/index.js';
import { startSandboxServer } from '../../src/sandbox/node.js';
import { startExampleServer } from './server.js';

if (!existsSync(new URL('../../dist/codat-connections.js', import.meta.url))) {
  process.stderr.write('example:server: dist/codat-connections.js is missing: run npm run build first\n');
  process.exit(1);
}
const codat = await startSandboxServer({ port: 0 });
const page = await startExampleServer({
  codatUrl: codat.url,
  apiKey: 'sandbox-api-key',
  companyId: GREENFIELD_ID,
  companyName: 'Greenfield Bakery Ltd',
  port: Number(process.env.EXAMPLE_PORT ?? 4020),
});
process.stdout.write(`"Codat" (the sandbox): ${codat.url}\nThe server-rendered page: ${page.url}/\n`);
const stop = () => void Promise.all([page.close(), codat.close()]).finally(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
