/** Lit's development build warns about misuse (for example class fields shadowing reactive properties). */
import { expect, fixture, html } from '@open-wc/testing';
import { BASE_URL, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { parts } from './support/dom.js';

describe('Lit development mode', () => {
  const api = useSandboxWorker();

  it('prints no warnings while the elements define, render and cooperate', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await import('../src/define.js');
      const { token } = await api.fresh();
      const provider = await fixture(html`
        <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
          <codat-connection-list></codat-connection-list>
          <codat-connection-detail></codat-connection-detail>
          <codat-disconnect-confirm></codat-disconnect-confirm>
          <codat-integration-picker></codat-integration-picker>
        </codat-connections-provider>
      `);
      const list = provider.querySelector('codat-connection-list')!;
      await waitUntil(() => parts(list, 'item-button').length === 8, 'list rendered');
      parts(list, 'item-button')[0]!.click();
      const detail = provider.querySelector('codat-connection-detail')!;
      await waitUntil(() => parts(detail, 'title').length === 1, 'detail rendered');
      const picker = provider.querySelector('codat-integration-picker')!;
      await waitUntil(() => parts(picker, 'item-button').length === 10, 'picker rendered');
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => !w.includes('Lit is in dev mode'))).to.deep.equal([]);
  });
});
