// A host page's own Lit component, on the Lit the host installed from npm (served from node_modules).
import { LitElement, html } from 'lit';

class HostGreeting extends LitElement {
  static properties = { name: {} };
  constructor() {
    super();
    this.name = 'the host';
  }
  render() {
    return html`<p>Hello from ${this.name}</p>`;
  }
}
customElements.define('host-greeting', HostGreeting);
