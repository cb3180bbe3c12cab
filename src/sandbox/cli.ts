/**
 * `npm run sandbox`: serves the sandbox on 127.0.0.1 (SANDBOX_PORT, default
 * 4010), seeded from SANDBOX_SEED (a JSON file) or the default seed, with link
 * pages under /sandbox/link that send the customer to SANDBOX_REDIRECT_URL
 * afterwards (if set), the fault rules of SANDBOX_FAULTS (a JSON array, after
 * the seed's own; SANDBOX_FAULT_SEED seeds their randomness), and prints each company with a freshly minted access
 * token and a curl example.
 */
import { checkUrlOption } from './link.js';
import { DEFAULT_LINK_PATH, loadSeedFile, startSandboxServer } from './node.js';
import { validateFaults, type FaultRule } from './faults.js';
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

  let faults: FaultRule[] | undefined;
  if (process.env.SANDBOX_FAULTS) {
    try {
      faults = validateFaults(JSON.parse(process.env.SANDBOX_FAULTS), 'SANDBOX_FAULTS');
    } catch (error) {
      fail(`invalid SANDBOX_FAULTS: ${error instanceof SeedError ? error.message : 'not valid JSON'}`);
    }
  }
  const faultSeedText = process.env.SANDBOX_FAULT_SEED ?? '1';
  if (!/^\d+$/.test(faultSeedText)) fail(`SANDBOX_FAULT_SEED must be a whole number, got "${faultSeedText}"`);

  const server = await startSandboxServer({ port, seed, redirectUrl, faults, faultSeed: Number(faultSeedText) }).catch(
    (error: NodeJS.ErrnoException) => fail(`cannot listen on 127.0.0.1:${port} (${error.code ?? error.message})`),
  );

  const out: string[] = [`Codat sandbox listening on ${server.url}`, `Seed: ${seedPath ?? 'default'}`];
  const rules = server.sandbox.faults.rules;
  if (rules.length) out.push(`Fault rules (${rules.length}): ${JSON.stringify(rules)}`);
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
