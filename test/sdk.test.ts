/**
 * The drop-in for Codat's Connections SDK, used the way Codat's documentation shows:
 * a target div of the recommended size, `initCodatConnections(target, props)` or `new CodatConnections({ target, props })`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { CodatConnections, initCodatConnections } from '../src/sdk.js';
import { BASE_URL, SEED, useSandboxWorker, waitUntil } from './support/sandbox.js';
import { errorBody, part, parts, text } from './support/dom.js';

async function target() {
  return fixture<HTMLDivElement>(html`<div id="codat" style="width: 460px; height: 840px; max-height: 95%"></div>`);
}

const shadow = (sdk: CodatConnections, tag: string) => sdk.element.shadowRoot!.querySelector<HTMLElement>(tag)!;

describe('Codat Connections SDK drop-in', () => {
  const api = useSandboxWorker();

  it('initCodatConnections(target, props) renders into the target and calls the callbacks with Codat’s payloads', async () => {
    const { token } = await api.fresh();
    const calls: [string, unknown][] = [];
    const sdk = initCodatConnections(await target(), {
      accessToken: token,
      baseUrl: BASE_URL,
      onClose: () => calls.push(['onClose', undefined]),
      onError: (error) => calls.push(['onError', error]),
      onDisconnect: (connection) => calls.push(['onDisconnect', connection]),
      onReconnect: (connection) => calls.push(['onReconnect', connection]),
      options: { text: { 'accounting.connectionDetails.dataTypes': ['Invoices'] } },
    });
    expect(sdk.element.parentElement!.id).to.equal('codat');
    await sdk.element.updateComplete;
    const list = shadow(sdk, 'codat-connection-list');
    await waitUntil(() => parts(list, 'item-button').length > 0, 'list');

    await sdk.element.showConnection(SEED.xero);
    const detail = shadow(sdk, 'codat-connection-detail');
    await waitUntil(() => text(part(detail, 'title')) === 'Xero', 'Xero');
    expect(text(part(detail, 'shared-data'))).to.contain('Invoices');
    part(detail, 'disconnect-button')!.click();
    const confirm = shadow(sdk, 'codat-disconnect-confirm');
    await waitUntil(() => confirm.shadowRoot!.querySelector('dialog')!.open, 'confirm');
    part(confirm, 'confirm-button')!.click();
    await waitUntil(() => calls.some(([name]) => name === 'onDisconnect'), 'onDisconnect');
    expect(calls.find(([name]) => name === 'onDisconnect')![1]).to.deep.equal({ connectionId: SEED.xero });

    api.use(
      http.get(
        `${BASE_URL}/companies/:companyId/connections/:connectionId/data/banking-accounts`,
        () => HttpResponse.json(errorBody('Bank data is unavailable.', 'corr-sdk', 400), { status: 400 }),
        { once: true },
      ),
    );
    await sdk.element.showConnection(SEED.hsbc);
    await waitUntil(() => text(part(detail, 'title')) === 'HSBC', 'HSBC');
    const accounts = part(detail, 'accounts') as HTMLDetailsElement;
    accounts.open = true;
    await waitUntil(() => calls.some(([name]) => name === 'onError'), 'onError');
    expect(calls.find(([name]) => name === 'onError')![1]).to.deep.include({
      correlationId: 'corr-sdk',
      message: 'Bank data is unavailable.',
      errorCode: 400,
      userRecoverable: false,
    });

    part(sdk.element, 'close-button')!.click();
    expect(calls.filter(([name]) => name === 'onClose')).to.have.length(1);
    sdk.destroy();
    expect(sdk.element.isConnected).to.equal(false);
    part(sdk.element, 'close-button')!.click();
    expect(
      calls.filter(([name]) => name === 'onClose'),
      'no callback after destroy()',
    ).to.have.length(1);
  });

  it('new CodatConnections({ target, props }) works the same, reading the company from the token', async () => {
    const { token } = await api.fresh();
    const sdk = new CodatConnections({ target: await target(), props: { accessToken: token, baseUrl: BASE_URL } });
    await sdk.element.updateComplete;
    await waitUntil(() => parts(shadow(sdk, 'codat-connection-list'), 'item-button').length === 8, 'eight connections');
    sdk.destroy();
  });

  it('throws clear errors for programming mistakes and warns about unknown props and options', async () => {
    const { token } = await api.fresh();
    const div = await target();
    expect(() => initCodatConnections(null as unknown as Element, { accessToken: token })).to.throw(
      TypeError,
      'CodatConnections: target must be a DOM element',
    );
    expect(() => initCodatConnections(div, undefined as never)).to.throw(TypeError, 'props must be an object');
    expect(() => initCodatConnections(div, { accessToken: '' })).to.throw(TypeError, 'props.accessToken is required');
    expect(() => initCodatConnections(div, { accessToken: token, onClose: 'close' as never })).to.throw(
      TypeError,
      'props.onClose must be a function',
    );
    expect(div.children, 'nothing rendered after a mistake').to.have.length(0);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const sdk = initCodatConnections(div, {
        accessToken: token,
        baseUrl: BASE_URL,
        colour: 'red',
        options: { theme: 'dark', text: { 'nope.key': ['x'] } },
      } as never);
      sdk.destroy();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.include('CodatConnections: unknown prop "colour" was ignored.');
    expect(warnings).to.include('CodatConnections: unknown option "theme" was ignored.');
    expect(warnings.some((w) => w.includes('unknown key "nope.key"'))).to.equal(true);
  });

  it('shows a runtime failure in the UI and sends it to onError (an invalid token)', async () => {
    await api.fresh();
    const errors: unknown[] = [];
    const sdk = initCodatConnections(await target(), {
      accessToken: 'not-a-token',
      baseUrl: BASE_URL,
      companyId: '8c6b1f52-3d4e-4a7b-9c10-2f5e6a7b8c01',
      onError: (error) => errors.push(error),
    });
    await sdk.element.updateComplete;
    const list = shadow(sdk, 'codat-connection-list');
    await waitUntil(() => !!part(list, 'error'), 'error shown');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.deep.include({ errorCode: 401 });
    sdk.destroy();
  });
});
