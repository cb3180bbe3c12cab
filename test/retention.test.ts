/**
 * A removed element lets go of its client, its store and every connection it showed: nothing page-wide keeps it.
 * Chromium only (a full collection through `collect-garbage`, the test runner's DevTools command); Firefox skips.
 *
 * This file must stay the first kit element on its page (its own test file, the list first): a page-wide watcher
 * installed on first use, as the language watcher was, held the first element that used it and no other.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import { CodatClient } from '../src/index.js';
import { manyConnections, manySeed } from './support/many.js';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';

const N = 200;

/** Collects garbage; false where the browser cannot (the test then skips). */
const collect = async () => (await executeServerCommand('collect-garbage')) === true;

/**
 * Mounts what `make` makes, runs `use` on it, removes it, and answers weak references to what it names. A function of its own,
 * so that nothing it made stays in the test's frame.
 */
async function mountUseRemove(
  make: () => HTMLElement,
  use: (el: HTMLElement) => Promise<Record<string, object>>,
): Promise<Record<string, WeakRef<object>>> {
  const el = make();
  document.body.append(el);
  const watched = { element: el, ...(await use(el)) };
  el.remove();
  return Object.fromEntries(Object.entries(watched).map(([what, value]) => [what, new WeakRef(value)]));
}

const alive = (refs: Record<string, WeakRef<object>>) =>
  Object.entries(refs)
    .filter(([, ref]) => ref.deref() !== undefined)
    .map(([what]) => what);

describe('removed elements are collected', () => {
  const api = useSandboxWorker();

  before(async function () {
    if (!(await collect())) this.skip();
  });

  it('a removed <codat-connection-list>, the first on the page, lets go of its client and connections', async () => {
    const { token } = await api.fresh({ seed: manySeed(N) });
    const refs = await mountUseRemove(
      () => document.createElement('codat-connection-list'),
      async (el) => {
        const client = new CodatClient({ baseUrl: BASE_URL, accessToken: token });
        (el as HTMLElementTagNameMap['codat-connection-list']).client = client;
        await waitUntil(() => parts(el, 'item-button').length === N, `${N} items`);
        return { client, connection: client.connections.get(manyConnections(1)[0]!.id)! };
      },
    );
    await api.fresh();
    await collect();
    expect(alive(refs)).to.deep.equal([]);
  });

  it('a removed <codat-connections> with a connection open lets go of its list, detail and client', async () => {
    const { token } = await api.fresh({ seed: manySeed(N) });
    const make = () => {
      const el = document.createElement('codat-connections');
      el.setAttribute('base-url', BASE_URL);
      el.setAttribute('access-token', token);
      return el;
    };
    const refs = await mountUseRemove(make, async (el) => {
      const list = () => el.shadowRoot?.querySelector('codat-connection-list');
      await waitUntil(() => parts(list() ?? el, 'item-button').length === N, `${N} items`);
      const first = parts(list()!, 'item-button')[0]!;
      const name = text(first.querySelector('[part="name"]'));
      first.focus();
      await sendKeys({ press: 'Enter' });
      const detail = () => el.shadowRoot?.querySelector('codat-connection-detail');
      await waitUntil(() => !!detail() && text(part(detail()!, 'title')) === name, `${name} details`);
      const client = list()!.client;
      if (!client) throw new Error('The inner list has no client');
      return { list: list()!, detail: detail()!, client };
    });
    await api.fresh();
    await collect();
    expect(alive(refs)).to.deep.equal([]);
  });
});
