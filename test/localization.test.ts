/**
 * Languages on a host page that does not use @lit/localize itself (test/localization-host.test.ts covers one that
 * does): the shipped catalogues, the locale order, right-to-left Arabic, switching at run time, the `text` option
 * for any id, and the client's own error messages.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../src/define.js';
import type { CodatConnectionDetail, CodatConnectionList, CodatConnectionsProvider } from '../src/index.js';
import { defaultSeed } from '../src/sandbox/index.js';
import { BASE_URL, SEED, requestsTo, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { norm, part, parts, text } from './support/dom.js';
import { readingText } from '../src/elements/connection-detail/refresh-controls.js';
import { inScope, loadCatalogue } from '../src/localization/localize.js';
import { dataTypeLabel } from '../src/internal/connection-text.js';
import { sendKeys } from '@web/test-runner-commands';

interface Page {
  provider: CodatConnectionsProvider;
  list: CodatConnectionList;
  detail: CodatConnectionDetail;
}

/** A provider with a list and a detail inside `<div lang=…>`, the detail showing Xero once the list has loaded. */
async function mountPage(
  token: string,
  options: { locale?: string; lang?: string; dir?: string; text?: string; listLocale?: string } = {},
): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'en-GB'} dir=${options.dir ?? 'ltr'}>
      <codat-connections-provider
        base-url=${BASE_URL}
        access-token=${token}
        locale=${options.locale ?? ''}
        text=${options.text ?? ''}
      >
        <codat-connection-list locale=${options.listLocale ?? ''}></codat-connection-list>
        <codat-connection-detail></codat-connection-detail>
      </codat-connections-provider>
    </div>
  `);
  const provider = wrapper.querySelector<CodatConnectionsProvider>('codat-connections-provider')!;
  const list = wrapper.querySelector<CodatConnectionList>('codat-connection-list')!;
  const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
  await waitUntil(() => parts(list, 'name').length > 0, 'list loaded');
  provider.selectedConnectionId = SEED.xero;
  await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'detail shows Xero');
  return { provider, list, detail };
}

const headings = (list: Element) => parts(list, 'group-heading').map(text);
const xeroItem = (list: Element) =>
  parts(list, 'item-button').find((button) => text(button.querySelector('[part="name"]')) === 'Xero')!;
const xero = () => defaultSeed().companies[0]!.connections.find((c) => c.id === SEED.xero)!;

/** A few known strings per shipped locale: group headings, the Linked status, a detail fact label and a button. */
const EXPECTED: Record<string, { groups: string[]; linked: string; lastSync: string; refresh: string }> = {
  fr: {
    groups: ['Comptabilité', 'Banque', 'Commerce'],
    linked: 'Connectée',
    lastSync: 'Dernière synchronisation',
    refresh: 'Actualiser les données',
  },
  de: {
    groups: ['Buchhaltung', 'Banken', 'Handel'],
    linked: 'Verbunden',
    lastSync: 'Zuletzt synchronisiert',
    refresh: 'Daten aktualisieren',
  },
  es: {
    groups: ['Contabilidad', 'Bancos', 'Comercio'],
    linked: 'Conectada',
    lastSync: 'Última sincronización',
    refresh: 'Actualizar datos',
  },
  nl: {
    groups: ['Boekhouding', 'Bankieren', 'Handel'],
    linked: 'Gekoppeld',
    lastSync: 'Laatst gesynchroniseerd',
    refresh: 'Gegevens vernieuwen',
  },
  pt: {
    groups: ['Contabilidade', 'Bancos', 'Comércio'],
    linked: 'Conectada',
    lastSync: 'Última sincronização',
    refresh: 'Atualizar dados',
  },
  ar: {
    groups: ['المحاسبة', 'الخدمات المصرفية', 'التجارة'],
    linked: 'متصل',
    lastSync: 'آخر مزامنة',
    refresh: 'تحديث البيانات',
  },
};

function captureWarnings() {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  return { warnings, restore: () => (console.warn = warn) };
}

describe('localization', () => {
  const api = useSandboxWorker();

  describe('shipped locales', () => {
    for (const [locale, expected] of Object.entries(EXPECTED)) {
      it(`renders the list and the detail in ${locale}, with dates from Intl in ${locale}`, async () => {
        const { token } = await api.fresh();
        const { list, detail } = await mountPage(token, { locale });
        await waitUntil(() => headings(list)[0] === expected.groups[0], `${locale} group headings`);
        expect(headings(list)).to.deep.equal(expected.groups);
        expect(text(xeroItem(list).querySelector('[part="status"]'))).to.equal(expected.linked);
        const facts = [...part(detail, 'facts')!.querySelectorAll('dt')].map(text);
        expect(facts).to.include(expected.lastSync);
        expect(text(part(detail, 'refresh-button'))).to.equal(expected.refresh);
        const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
        expect(text(xeroItem(list).querySelector('[part="dates"]'))).to.contain(
          norm(dates.format(new Date(xero().lastSync!))),
        );
      });
    }

    it('shows English, with Intl dates in the locale, for a language the kit does not ship', async () => {
      const { token } = await api.fresh();
      const { list } = await mountPage(token, { locale: 'sv-SE' });
      expect(headings(list)).to.deep.equal(['Accounting', 'Banking', 'Commerce']);
      const dates = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' });
      expect(text(xeroItem(list).querySelector('[part="dates"]'))).to.contain(
        norm(dates.format(new Date(xero().created))),
      );
    });

    it('uses the language of a regional tag (pt-BR, fr-CA)', async () => {
      const { token } = await api.fresh();
      const { list } = await mountPage(token, { locale: 'pt-BR' });
      await waitUntil(() => headings(list)[0] === 'Contabilidade', 'Portuguese');
      list.locale = 'fr-CA';
      await waitUntil(() => headings(list)[0] === 'Comptabilité', 'French');
    });
  });

  describe('data types', () => {
    const historyTypes = (detail: Element) =>
      [...detail.shadowRoot!.querySelectorAll('[part="history-item"] .history-type')].map(text);

    it('names the data types in French in the sync history and the refresh buttons, and passes axe', async () => {
      const { token } = await api.fresh();
      const { provider, detail } = await mountPage(token, { locale: 'fr' });
      await waitUntil(() => historyTypes(detail).length > 0, 'history shown');
      expect(historyTypes(detail)).to.include.members([
        'Entreprise',
        'Plan comptable',
        'Clients',
        'Fournisseurs',
        'Factures clients',
        'Factures fournisseurs',
        'Comptes bancaires',
      ]);
      const disclosure = part(detail, 'refresh-types') as HTMLDetailsElement;
      disclosure.querySelector('summary')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(disclosure.open).to.equal(true);
      const buttons = parts(detail, 'refresh-type-button').map(text);
      expect(buttons).to.include.members(['Actualiser : Plan comptable', 'Actualiser : Factures fournisseurs']);
      const names = buttons.map((label) => label.replace('Actualiser : ', ''));
      expect(names, 'in French alphabetical order').to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'fr')));
      await expect(detail).to.be.accessible();

      provider.selectedConnectionId = SEED.hsbc;
      await waitUntil(() => text(part(detail, 'title')) === 'HSBC', 'detail shows HSBC');
      await waitUntil(() => historyTypes(detail).length > 0, 'HSBC history shown');
      expect(historyTypes(detail)).to.include.members(['Comptes', 'Soldes des comptes', 'Opérations']);
      await expect(detail).to.be.accessible();
    });

    it('says a known key in the element language and an unknown one humanized, in every language', async () => {
      await loadCatalogue('de');
      await loadCatalogue('ar');
      expect(inScope({ locale: 'de' }, () => dataTypeLabel('balanceSheet'))).to.equal('Bilanz');
      expect(inScope({ locale: 'ar' }, () => dataTypeLabel('banking-accounts'))).to.equal('الحسابات');
      expect(inScope({ locale: 'en' }, () => dataTypeLabel('commerce-productCategories'))).to.equal(
        'Product categories',
      );
      expect(inScope({ locale: 'de' }, () => dataTypeLabel('commerce-giftCards'))).to.equal('Gift cards');
      expect(inScope({ locale: 'fr' }, () => dataTypeLabel('toString'))).to.equal('To string');
    });
  });

  describe('choosing the locale', () => {
    it('follows the element, then the provider, then the nearest lang, then the document', async () => {
      const { token } = await api.fresh();
      const { provider, list, detail } = await mountPage(token, { lang: 'es', locale: 'de', listLocale: 'fr' });
      await waitUntil(() => headings(list)[0] === 'Comptabilité', 'the list: its own locale');
      await waitUntil(() => text(part(detail, 'refresh-button')) === 'Daten aktualisieren', 'detail: provider');
      provider.locale = undefined;
      await waitUntil(() => text(part(detail, 'refresh-button')) === 'Actualizar datos', 'detail: the lang');
      expect(headings(list)[0]).to.equal('Comptabilité');
      provider.parentElement!.removeAttribute('lang');
      const html = document.documentElement;
      const before = html.getAttribute('lang');
      html.setAttribute('lang', 'nl');
      try {
        await waitUntil(() => text(part(detail, 'refresh-button')) === 'Gegevens vernieuwen', 'detail: the document');
      } finally {
        if (before === null) html.removeAttribute('lang');
        else html.setAttribute('lang', before);
      }
    });

    it('renders again, without remounting or reading again, when the locale or an ancestor lang changes', async () => {
      const { token } = await api.fresh();
      const { list, detail } = await mountPage(token, { lang: 'en-GB' });
      const firstItem = xeroItem(list);
      expect(headings(list)[0]).to.equal('Accounting');
      list.locale = 'fr';
      await waitUntil(() => headings(list)[0] === 'Comptabilité', 'French after locale');
      list.setAttribute('locale', 'de');
      await waitUntil(() => headings(list)[0] === 'Buchhaltung', 'German after the attribute');
      list.removeAttribute('locale');
      await waitUntil(() => headings(list)[0] === 'Accounting', 'the lang again');
      list.closest('div')!.setAttribute('lang', 'es');
      await waitUntil(() => headings(list)[0] === 'Contabilidad', 'Spanish after lang changed');
      await waitUntil(() => text(part(detail, 'refresh-button')) === 'Actualizar datos', 'the detail too');
      expect(xeroItem(list), 'the same item, rendered again').to.equal(firstItem);
      expect(requestsTo(api.requests, 'GET', '/connections')).to.have.length(1);
    });

    it('marks its content with the lang it chose, and leaves a host lang alone', async () => {
      const { token } = await api.fresh();
      const { provider, list, detail } = await mountPage(token, { lang: 'en-GB', locale: 'fr' });
      expect(provider.getAttribute('lang')).to.equal('fr');
      expect(detail.hasAttribute('lang')).to.equal(false);
      list.locale = 'de';
      await waitUntil(() => list.getAttribute('lang') === 'de', 'the list says it speaks German');
      list.locale = undefined;
      await waitUntil(() => !list.hasAttribute('lang'), 'and stops when its locale goes');
      provider.locale = undefined;
      await waitUntil(() => !provider.hasAttribute('lang'), 'the provider too');
      expect(provider.parentElement!.getAttribute('lang')).to.equal('en-GB');
    });
  });

  describe('right to left', () => {
    /** Whether the logo (the start of an item) is on the right of the platform name. */
    const logoOnRight = (list: Element) => {
      const button = xeroItem(list);
      const logo = button.querySelector('[part="logo"]')!.getBoundingClientRect();
      const name = button.querySelector('[part="name"]')!.getBoundingClientRect();
      return logo.left >= name.right;
    };

    it('sets dir="rtl" where it owns the language, mirrors the layout, and passes axe in Arabic', async () => {
      const { token } = await api.fresh();
      const { provider, list, detail } = await mountPage(token, { lang: 'en-GB', locale: 'ar' });
      await waitUntil(() => headings(list)[0] === 'المحاسبة', 'Arabic');
      expect(provider.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(list).direction).to.equal('rtl');
      expect(logoOnRight(list), 'the start edge is on the right').to.equal(true);
      const actions = part(detail, 'actions')!.getBoundingClientRect();
      const first = part(detail, 'actions')!.querySelector('button')!.getBoundingClientRect();
      expect(actions.right - first.right, 'the first action starts at the right').to.be.lessThan(
        first.left - actions.left,
      );
      await expect(list).to.be.accessible();
      await expect(detail).to.be.accessible();
      provider.locale = 'en';
      await waitUntil(() => headings(list)[0] === 'Accounting', 'English again');
      expect(provider.getAttribute('dir')).to.equal('ltr');
      expect(logoOnRight(list)).to.equal(false);
    });

    it('follows the host page direction when the page chose Arabic, and keeps a dir the host set', async () => {
      const { token } = await api.fresh();
      const rtl = await mountPage(token, { lang: 'ar', dir: 'rtl' });
      await waitUntil(() => headings(rtl.list)[0] === 'المحاسبة', 'Arabic from the page');
      expect(rtl.provider.hasAttribute('dir')).to.equal(false);
      expect(logoOnRight(rtl.list)).to.equal(true);

      const ltr = await mountPage(token, { lang: 'ar', dir: 'ltr' });
      await waitUntil(() => headings(ltr.list)[0] === 'المحاسبة', 'Arabic from the page');
      expect(logoOnRight(ltr.list), 'the host asked for ltr').to.equal(false);

      ltr.list.setAttribute('dir', 'ltr');
      ltr.list.locale = 'ar';
      await ltr.list.updateComplete;
      expect(ltr.list.getAttribute('dir'), "the host's own dir stays").to.equal('ltr');
      expect(ltr.list.getAttribute('lang')).to.equal('ar');
    });

    it('uses Arabic plural forms and Intl digits for the count of data types being read', async () => {
      const { token } = await api.fresh();
      const { detail } = await mountPage(token, { locale: 'ar' });
      part(detail, 'refresh-button')!.click();
      await waitUntil(() => !!part(detail, 'sync-progress'), 'progress shown');
      const progress = text(part(detail, 'sync-progress'));
      const digits = progress.match(/[0-9٠-٩]+/)?.[0];
      const count = digits ? Number(digits.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))) : undefined;
      if (count === undefined) {
        expect(progress).to.match(/نوع واحد|نوعين/); // one and two are said in words
      } else {
        expect(digits).to.equal(new Intl.NumberFormat('ar').format(count));
        const forms: Record<string, string> = { few: 'أنواع من', many: 'نوعًا من', other: 'نوع من' };
        const form = forms[new Intl.PluralRules('ar').select(count)];
        expect(progress).to.contain(`جارٍ قراءة ${digits} ${form} البيانات`);
      }
      await expect(detail).to.be.accessible();
    });
  });

  describe('Arabic, everywhere', () => {
    it('words the disconnect confirmation in Arabic and passes axe with it open', async () => {
      const { token } = await api.fresh();
      const wrapper = await fixture<HTMLDivElement>(html`
        <codat-connections-provider
          base-url=${BASE_URL}
          access-token=${token}
          locale="ar"
          selected-connection-id=${SEED.xero}
        >
          <codat-connection-detail></codat-connection-detail>
          <codat-disconnect-confirm></codat-disconnect-confirm>
        </codat-connections-provider>
      `);
      const detail = wrapper.querySelector<CodatConnectionDetail>('codat-connection-detail')!;
      const confirm = wrapper.querySelector('codat-disconnect-confirm')!;
      await waitUntil(() => !!part(detail, 'disconnect-button'), 'detail shown');
      expect(text(part(detail, 'disconnect-button'))).to.equal('قطع الاتصال بـ Xero');
      part(detail, 'disconnect-button')!.click();
      await waitUntil(() => confirm.open, 'confirm open');
      await confirm.updateComplete;
      expect(text(part(confirm, 'title'))).to.equal('هل تريد قطع الاتصال بـ Xero؟');
      expect(text(part(confirm, 'cancel-button'))).to.equal('إلغاء');
      expect(getComputedStyle(part(confirm, 'dialog')!).direction).to.equal('rtl');
      await expect(confirm).to.be.accessible();
      confirm.close();
    });

    it('lays out <codat-connections> right to left, Back arrow mirrored, and passes axe', async () => {
      const { token } = await api.fresh();
      const composite = await fixture<HTMLElement & { showConnection(id: string): Promise<void> }>(html`
        <codat-connections base-url=${BASE_URL} access-token=${token} locale="ar"></codat-connections>
      `);
      await waitUntil(() => text(part(composite, 'heading')) === 'التطبيقات المتصلة', 'Arabic heading');
      expect(composite.getAttribute('dir')).to.equal('rtl');
      const header = part(composite, 'header')!.getBoundingClientRect();
      const heading = part(composite, 'heading')!.getBoundingClientRect();
      const close = part(composite, 'close-button')!.getBoundingClientRect();
      expect(close.left, 'Close sits at the end: the left').to.be.lessThan(heading.left);
      expect(header.right - heading.right).to.be.lessThan(heading.left - header.left);
      await composite.showConnection(SEED.xero);
      const back = part(composite, 'back-button')!;
      expect(text(back)).to.contain('كل الاتصالات');
      expect(getComputedStyle(back.querySelector('.arrow')!).transform).to.not.equal('none');
      await expect(composite).to.be.accessible();
    });
  });

  describe('plurals', () => {
    it('says every Arabic plural form, and one and other in the other locales', async () => {
      await loadCatalogue('ar');
      await loadCatalogue('fr');
      const ar = (n: number) => inScope({ locale: 'ar' }, () => readingText(n));
      expect(ar(1)).to.equal('جارٍ قراءة نوع واحد من البيانات…');
      expect(ar(2)).to.equal('جارٍ قراءة نوعين من البيانات…');
      expect(ar(3)).to.equal(`جارٍ قراءة ${new Intl.NumberFormat('ar').format(3)} أنواع من البيانات…`);
      expect(ar(11)).to.equal(`جارٍ قراءة ${new Intl.NumberFormat('ar').format(11)} نوعًا من البيانات…`);
      expect(ar(100)).to.equal(`جارٍ قراءة ${new Intl.NumberFormat('ar').format(100)} نوع من البيانات…`);
      expect(inScope({ locale: 'fr' }, () => readingText(1))).to.equal('Lecture d’un type de données…');
      expect(inScope({ locale: 'fr' }, () => readingText(2))).to.equal('Lecture de 2 types de données…');
      expect(inScope({ locale: 'en' }, () => readingText(1))).to.equal('Reading 1 type of data…');
      expect(inScope({ locale: 'en' }, () => readingText(1200))).to.equal('Reading 1,200 types of data…');
    });
  });

  describe('the integration picker', () => {
    it('speaks its locale: the search label, the badge, the count found and no matches', async () => {
      const { token } = await api.fresh();
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="en-GB">
          <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
            <codat-integration-picker locale="fr"></codat-integration-picker>
          </codat-connections-provider>
        </div>
      `);
      const picker = wrapper.querySelector('codat-integration-picker')!;
      await waitUntil(() => parts(picker, 'item-button').length > 0, 'platforms listed');
      expect(picker.getAttribute('lang')).to.equal('fr');
      expect(text(picker.shadowRoot!.querySelector('label'))).to.equal('Rechercher une plateforme');
      expect(parts(picker, 'badge').map(text)).to.include('Connectée');
      const search = part(picker, 'search') as HTMLInputElement;
      const type = async (value: string) => {
        search.value = value;
        search.dispatchEvent(new Event('input'));
        await picker.updateComplete;
      };
      const live = () => text(picker.shadowRoot!.querySelector('.visually-hidden[role="status"]'));
      await type('QUICK');
      expect(live()).to.equal('2 plateformes trouvées.');
      await type('QUICKzz');
      expect(text(part(picker, 'no-matches'))).to.equal('Aucune plateforme ne correspond à « QUICKzz ».');
      // French counts 0 as "one"; the text still says 0.
      expect(live()).to.equal('0 plateformes trouvées.');
    });
  });

  describe('the text option', () => {
    it('replaces any text by its id, with {0} filled in, and follows a change', async () => {
      const { token } = await api.fresh();
      const { provider, list, detail } = await mountPage(token, {
        locale: 'fr',
        text: JSON.stringify({ 'status.linked': 'Partage actif', 'refresh.type': 'Relire {0}' }),
      });
      await waitUntil(() => text(xeroItem(list).querySelector('[part="status"]')) === 'Partage actif', 'list');
      expect(text(part(detail, 'status'))).to.equal('Partage actif');
      expect(headings(list)[0], 'other texts keep the catalogue').to.equal('Comptabilité');
      const type = parts(detail, 'refresh-type-button')[0];
      if (type) expect(text(type)).to.match(/^Relire \S/);
      provider.text = { 'status.linked': 'Sharing' };
      await waitUntil(() => text(part(detail, 'status')) === 'Sharing', 'the new text');
    });

    it('warns about keys that are no text id, once the list of ids has loaded, and keeps working', async () => {
      const { token } = await api.fresh();
      const capture = captureWarnings();
      try {
        const { list } = await mountPage(token, {
          text: JSON.stringify({ 'nope.text': 'x', 'status.linked': 'Sharing' }),
        });
        await waitUntil(() => capture.warnings.some((w) => w.includes('unknown key "nope.text"')), 'warned');
        expect(capture.warnings.some((w) => w.includes('"status.linked"'))).to.equal(false);
        expect(text(xeroItem(list).querySelector('[part="status"]'))).to.equal('Sharing');
      } finally {
        capture.restore();
      }
    });
  });

  describe("the client's own messages", () => {
    it('says a network failure in the element language, and again in another after a switch', async () => {
      const { token } = await api.fresh();
      api.use(http.get(`${BASE_URL}/companies/:companyId/connections`, () => HttpResponse.error()));
      const wrapper = await fixture<HTMLDivElement>(html`
        <div lang="de">
          <codat-connections-provider base-url=${BASE_URL} access-token=${token}>
            <codat-connection-list></codat-connection-list>
          </codat-connections-provider>
        </div>
      `);
      const list = wrapper.querySelector<CodatConnectionList>('codat-connection-list')!;
      await waitUntil(() => !!part(list, 'error'), 'error shown', 15000);
      expect(text(part(list, 'error'))).to.contain('Der Verbindungsdienst ist nicht erreichbar.');
      expect(text(part(list, 'retry-button'))).to.equal('Erneut versuchen');
      list.locale = 'es';
      await waitUntil(
        () => text(part(list, 'error')).includes('No se pudo contactar con el servicio de conexiones.'),
        'Spanish',
      );
    });

    it('keeps the API message as it came, and words a bare status in the locale', async () => {
      const { token } = await api.fresh();
      api.use(http.get(`${BASE_URL}/companies/:companyId/connections`, () => new HttpResponse(null, { status: 403 })));
      const wrapper = await fixture<HTMLDivElement>(html`
        <codat-connections-provider base-url=${BASE_URL} access-token=${token} locale="nl">
          <codat-connection-list></codat-connection-list>
        </codat-connections-provider>
      `);
      const list = wrapper.querySelector<CodatConnectionList>('codat-connection-list')!;
      await waitUntil(() => !!part(list, 'error'), 'error shown');
      expect(text(part(list, 'error'))).to.contain('U hebt geen toegang tot deze koppelingen.');
      await expect(list).to.be.accessible();
    });
  });
});
