/**
 * A host app that uses @lit/localize itself, in runtime mode, on the same page as the kit (each test file is its own
 * page, and `configureLocalization` may be called once per page). The kit never configures it, so the host's call
 * works; the host's own strings translate; kit ids the host merged into its catalogue win for the host's locale;
 * everything else comes from the kit's catalogues.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { configureLocalization, msg, str, type LocaleModule } from '@lit/localize';
import '../src/define.js';
import type { CodatConnectionList } from '../src/index.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';

/** The host's French catalogue: its own string, and one kit id it chose to word differently. */
const hostFrench: LocaleModule = {
  templates: {
    'host.greeting': str`Bonjour ${0}`,
    'status.linked': 'Active (hôte)',
  },
};

/** A host element translated with the host's own msg(). */
class HostGreeting extends LitElement {
  static override properties = { name: {} };
  declare name: string;
  override render() {
    return msg(str`Hello ${this.name}`, { id: 'host.greeting' });
  }
}
customElements.define('host-greeting', HostGreeting);

describe('a host that configures @lit/localize itself', () => {
  const api = useSandboxWorker();
  let setLocale: (locale: string) => Promise<void>;

  before(() => {
    // Throws if anything (the kit included) configured @lit/localize before.
    ({ setLocale } = configureLocalization({
      sourceLocale: 'en',
      targetLocales: ['fr'],
      loadLocale: async () => hostFrench,
    }));
  });

  after(() => setLocale('en'));

  it('keeps working, its strings translate, and its catalogue wins for the kit ids it has', async () => {
    const { token } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="fr">
        <host-greeting .name=${'Ada'}></host-greeting>
        <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      </div>
    `);
    const greeting = wrapper.querySelector<HostGreeting>('host-greeting')!;
    const list = wrapper.querySelector<CodatConnectionList>('codat-connection-list')!;
    await waitUntil(() => parts(list, 'group-heading').length > 0, 'list loaded');
    const status = () =>
      text(
        parts(list, 'item-button')
          .find((button) => text(button.querySelector('[part="name"]')) === 'Xero')!
          .querySelector('[part="status"]'),
      );
    expect(greeting.shadowRoot!.textContent).to.equal('Hello Ada');
    // Before the host switched, the kit speaks French from its own catalogue.
    await waitUntil(() => status() === 'Connectée', "the kit's French");

    await setLocale('fr');
    greeting.requestUpdate();
    await greeting.updateComplete;
    expect(greeting.shadowRoot!.textContent).to.equal('Bonjour Ada');
    await waitUntil(() => status() === 'Active (hôte)', "the host's wording for a kit id");
    expect(text(parts(list, 'group-heading')[0]), 'ids the host lacks: the kit').to.equal('Comptabilité');

    // A kit element in another language than the host's keeps the kit's words.
    list.locale = 'de';
    await waitUntil(() => status() === 'Verbunden', 'German');
    await expect(list).to.be.accessible();
  });

  it('shows a detail in the host page locale with no configuration from the kit', async () => {
    const { token } = await api.fresh();
    const wrapper = await fixture<HTMLDivElement>(html`
      <div lang="fr">
        <codat-connections-provider base-url=${BASE_URL} access-token=${token} selected-connection-id=${SEED.xero}>
          <codat-connection-detail></codat-connection-detail>
        </codat-connections-provider>
      </div>
    `);
    const detail = wrapper.querySelector('codat-connection-detail')!;
    await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'detail shown');
    expect(text(part(detail, 'refresh-button'))).to.equal('Actualiser les données');
  });
});
