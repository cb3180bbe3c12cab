/**
 * The strict-CSP demo server (demo/csp/server.ts): the page carries the policy, every asset and API answer comes
 * from its own origin, and nothing outside dist/ can be fetched through it. test/csp.test.ts runs the flows in
 * browsers; this checks the server's own rules.
 */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { STRICT_CSP, STRICT_CSP_WITH_HOST_LIT, startCspDemoServer } from '../../demo/csp/server.js';
import { GREENFIELD_ID } from '../../src/sandbox/index.js';

describe('the strict-CSP demo server', () => {
  let server: Awaited<ReturnType<typeof startCspDemoServer>>;
  let dist: string;

  before(async () => {
    dist = await mkdtemp(join(tmpdir(), 'csp-dist-'));
    await mkdir(join(dist, 'locales'));
    await writeFile(join(dist, 'codat-connections.js'), 'export {};\n');
    await writeFile(join(dist, 'locales', 'fr-abc123.js'), 'export const templates = {};\n');
    server = await startCspDemoServer({ distDir: pathToFileURL(`${dist}/`) });
  });
  after(async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  });

  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: 'manual', ...init });

  test('serves the page with the issue’s policy, the bundle script and no inline script or style', async () => {
    assert.equal(
      STRICT_CSP,
      "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html",
    );
    const response = await get('/csp/');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), STRICT_CSP);
    const html = await response.text();
    assert.match(html, /<script type="module" src="\/csp\/page\.js"><\/script>/);
    assert.match(html, /<script type="module" src="\/csp\/dist\/codat-connections\.js"><\/script>/);
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/, 'every script is a file');
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, 'no inline style or handler');
    assert.doesNotMatch(html, /\{\{/, 'every placeholder filled');
  });

  test('offers allow-duplicates only when asked, and refuses variants it cannot serve', async () => {
    const duplicates = await get('/csp/?trusted-types=allow-duplicates');
    assert.equal(duplicates.headers.get('content-security-policy'), STRICT_CSP_WITH_HOST_LIT);
    assert.match(STRICT_CSP_WITH_HOST_LIT, /trusted-types lit-html 'allow-duplicates'$/);
    assert.equal((await get('/csp/?kit=source')).status, 404, 'no sources without an esbuild or Vite server');
    assert.equal((await get('/csp/?host-lit')).status, 404);
    assert.equal((await get('/')).headers.get('location'), '/csp/');
  });

  test('serves dist/ files by plain name only', async () => {
    assert.equal(
      (await get('/csp/dist/codat-connections.js')).headers.get('content-type'),
      'text/javascript; charset=utf-8',
    );
    assert.equal((await get('/csp/dist/locales/fr-abc123.js')).status, 200);
    for (const path of ['/csp/dist/../package.json', '/csp/dist/%2e%2e/package.json', '/csp/dist/locales/../../x.js']) {
      assert.equal((await get(path)).status, 404, path);
    }
    assert.equal((await get('/csp/dist/missing.js')).status, 404);
  });

  test('the sandbox answers from the same origin, one per visitor: token-url, the connections, reset', async () => {
    const visit = async () => {
      const response = await get('/csp/token');
      const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
      assert.match(cookie, /^codat-csp-sandbox=[\w-]+$/);
      const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
      assert.equal(expiresIn, 3600);
      return { cookie, accessToken };
    };
    const list = (cookie: string, token: string) =>
      get(`/csp/api/companies/${GREENFIELD_ID}/connections`, { headers: { Authorization: `Bearer ${token}`, cookie } });

    const one = await visit();
    const answer = await list(one.cookie, one.accessToken);
    assert.equal(answer.status, 200);
    const body = (await answer.json()) as { results: { linkUrl: string }[] };
    assert.ok(body.results.length > 0);
    for (const c of body.results) assert.ok(c.linkUrl.startsWith(`${server.url}/csp/link/`), c.linkUrl);

    const two = await visit();
    assert.notEqual(two.cookie, one.cookie);
    assert.equal((await list(two.cookie, one.accessToken)).status, 401, 'another visitor, another sandbox');

    const reset = await get('/csp/reset', { method: 'POST', headers: { cookie: one.cookie } });
    assert.equal(reset.status, 204);
    const fresh = reset.headers.get('set-cookie')!.split(';')[0]!;
    assert.notEqual(fresh, one.cookie);
    assert.equal((await list(one.cookie, one.accessToken)).status, 401, 'the old sandbox is gone');
  });
});
