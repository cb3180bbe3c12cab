/**
 * A host page's own element made with its own copy of Lit (the sources' `lit`, not the bundle's copy inside
 * dist/codat-connections.js), for the strict-CSP page's `?host-lit` variant (test/csp.test.ts): both copies create
 * the Trusted Types policy `lit-html`, which the page's `trusted-types` directive must allow twice.
 */
import { html, LitElement } from 'lit';

class HostGreeting extends LitElement {
  override render() {
    return html`<p>The host's own element, rendered by the host's own Lit.</p>`;
  }
}
customElements.define('host-greeting', HostGreeting);
document.body.append(document.createElement('host-greeting'));
