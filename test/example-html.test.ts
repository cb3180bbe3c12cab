/**
 * The plain HTML example of demo/examples/html/, loaded as a page (an iframe) with the real bundle and its own
 * in-page sandbox, driven as a person does.
 */
import { expect } from '@open-wc/testing';
import { SEED, waitUntil } from './support/sandbox.js';
import { part, parts, text } from './support/dom.js';

describe('Plain HTML example (demo/examples/html)', () => {
  it('lists the connections, disconnects Xero, and the page’s own script hears the event', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'Plain HTML example';
    frame.width = '600';
    frame.height = '1000';
    frame.src = '/demo/examples/html/index.html';
    document.body.append(frame);
    try {
      await waitUntil(() => frame.contentDocument?.querySelector('codat-connections') != null, 'tag inserted', 15000);
      const doc = frame.contentDocument!;
      const el = doc.querySelector('codat-connections')!;
      await waitUntil(() => el.shadowRoot?.querySelector('codat-connection-list') != null, 'defined by the bundle');
      const list = el.shadowRoot!.querySelector('codat-connection-list')!;
      await waitUntil(() => parts(list, 'item-button').length === 8, 'eight connections listed');
      expect(el.hasAttribute('access-token')).to.equal(false);
      parts(list, 'item-button')
        .find((b) => text(b.querySelector('[part="name"]')) === 'Xero')!
        .click();
      const detail = el.shadowRoot!.querySelector('codat-connection-detail')!;
      await waitUntil(() => !!part(detail, 'disconnect-button'), 'Xero details');
      part(detail, 'disconnect-button')!.click();
      const confirm = el.shadowRoot!.querySelector('codat-disconnect-confirm')!;
      await waitUntil(() => confirm.shadowRoot!.querySelector('dialog')?.open === true, 'confirm open');
      part(confirm, 'confirm-button')!.click();
      await waitUntil(() => text(doc.querySelector('#log')) === `Disconnected ${SEED.xero}`, 'page script heard it');
    } finally {
      frame.remove();
    }
  });
});
