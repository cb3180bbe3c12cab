/**
 * `npm run sandbox`: serves the sandbox on 127.0.0.1 (SANDBOX_PORT, default
 * 4010), seeded from SANDBOX_SEED (a JSON file) or the default seed, with link
 * pages under /sandbox/link that send the customer to SANDBOX_REDIRECT_URL
 * afterwards (if set), and prints each company with a freshly minted access
 * token and a curl example.
 */
import { checkUrlOption } from './link.js';
import { DEFAULT_LINK_PATH, loadSeedFile, startSandboxServer } from './node.js';
import { defaultSeed, SeedError, type SandboxSeed } from './seed.js';

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const portText = process.env.SANDBOX_PORT ?? '4010';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) fail(`SANDBOX_PORT must be a port number (0-65535), got "${portText}"`);

  const seedPath = process.env.SANDBOX_SEED;
  let seed: SandboxSeed = defaultSeed();
  if (seedPath) {
    try {
      seed = await loadSeedFile(seedPath);
    } catch (error) {
      if (error instanceof SeedError) fail(`invalid seed file ${seedPath}: ${error.message}`);
      throw error;
    }
  }

  const redirectUrl = process.env.SANDBOX_REDIRECT_URL || undefined;
  if (redirectUrl !== undefined) {
    try {
      checkUrlOption('SANDBOX_REDIRECT_URL', redirectUrl);
    } catch (error) {
      fail((error as Error).message);
    }
  }

  const server = await startSandboxServer({ port, seed, redirectUrl }).catch((error: NodeJS.ErrnoException) =>
    fail(`cannot listen on 127.0.0.1:${port} (${error.code ?? error.message})`),
  );

  const out: string[] = [`Codat sandbox listening on ${server.url}`, `Seed: ${seedPath ?? 'default'}`];
  out.push(
    `Link pages (each connection's linkUrl): ${server.url}${DEFAULT_LINK_PATH}/companies/{companyId}/connections/{connectionId}/start`,
  );
  out.push(`Redirect after the link page: ${redirectUrl ?? 'none (set SANDBOX_REDIRECT_URL); the page says Done'}`, '');
  out.push(`API key routes take any Basic credential, e.g.`);
  out.push(`  curl -H "Authorization: Basic c2FuZGJveDo=" ${server.url}/companies`, '');
  for (const company of server.sandbox.store.listCompanies()) {
    const token = await server.sandbox.issueAccessToken(String(company.id));
    out.push(`Company ${company.id}  ${company.name}`);
    out.push(`  access token (Bearer, ${company.dataConnections?.length ?? 0} connections): ${token}`);
    out.push(`  curl -H "Authorization: Bearer ${token}" ${server.url}/companies/${company.id}/connections`, '');
  }
  out.push('Press Ctrl+C to stop.');
  process.stdout.write(`${out.join('\n')}\n`);

  const stop = () => void server.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
