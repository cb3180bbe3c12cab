import { provide } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CodatClient } from '../../api/client.js';
import { clientContext } from '../../context/client-context.js';
import { textContext } from '../../context/text-context.js';
import { cleanTextOptions, parseTextAttribute, type TextOptions } from '../../internal/text-options.js';
import { DEFAULT_LINK_HOSTS } from '../../internal/safe-url.js';
import type { ConfirmAction } from '../disconnect-confirm/disconnect-confirm.js';
import { CodatConnectionSelectEvent } from '../../events/connection-select.js';
import { CodatDeleteRequestEvent } from '../../events/delete-request.js';
import { CodatDisconnectRequestEvent } from '../../events/disconnect-request.js';
import { CodatReconnectRequestEvent } from '../../events/reconnect-request.js';

/**
 * Creates one client from its attributes and shares it, by context, with every kit element inside it.
 * Inside one provider the elements cooperate with no host JavaScript: choosing in a
 * `<codat-connection-list>` shows that connection in every `<codat-connection-detail>`, and a detail's
 * Disconnect, Delete and Reconnect open the `<codat-disconnect-confirm>`. A host that cancels
 * `codat-connection-select`, `codat-disconnect-request`, `codat-delete-request` or `codat-reconnect-request` takes
 * over that step.
 *
 * The `access-token` attribute is read once and removed from the DOM, so the token does not stay in
 * the page's markup; prefer setting the `accessToken` property from JavaScript.
 *
 * @tag codat-connections-provider
 * @summary Shares one Codat client with the kit elements inside it.
 *
 * @slot - The kit elements (and any other content) that use this provider's client.
 */
export class CodatConnectionsProvider extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  /** The API root, absolute or relative to the page; commonly your backend's proxy path. Default `https://api.codat.io`. */
  @property({ attribute: 'base-url' })
  baseUrl?: string;

  /** The company whose connections are shown. Read from the token's `companyId` claim when not set. */
  @property({ attribute: 'company-id' })
  companyId?: string;

  /** The company access token. The attribute is read once and then removed; it is never reflected. */
  @property({ attribute: 'access-token' })
  accessToken?: string;

  /** Extra request headers, for example a CSRF header for your proxy. */
  @property({ attribute: false })
  headers?: Record<string, string>;

  /** Fetch credentials mode, for example `include` when your proxy authenticates with cookies. */
  @property({ attribute: false })
  credentials?: RequestCredentials;

  /**
   * Extra hosts a connection's sign-in link (`linkUrl`) may point to, space- or comma-separated (`*.example.com`
   * for subdomains), besides Codat's Link hosts, the page's origin and the API's origin. For example your own
   * white-labelled Link domain.
   */
  @property({ attribute: 'link-hosts' })
  linkHosts?: string;

  /**
   * Text options, shaped like the Codat Connections SDK's `options.text`: as an attribute, JSON such as
   * `{"accounting.connectionDetails.dataTypes": ["**Invoices** and bills", "Your chart of accounts"]}`. The
   * `…connectionDetails.dataTypes` lists (accounting, banking, commerce) say what a connection shares; they are
   * shown in the detail and in the disconnect and reconnect confirmations, rendered as a safe Markdown subset.
   * Invalid JSON and unknown keys are ignored with a console warning.
   */
  @property({ attribute: 'text', converter: { fromAttribute: parseTextAttribute } })
  text?: TextOptions;

  /** The checked text options shared with the elements inside. */
  @provide({ context: textContext })
  @state()
  protected providedText?: TextOptions;

  /** The connection chosen in a list and shown in the details. */
  @property({ attribute: 'selected-connection-id' })
  selectedConnectionId?: string;

  /** The client shared with the elements inside; replaced when the configuration changes. */
  @provide({ context: clientContext })
  @state()
  client?: CodatClient;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener(CodatConnectionSelectEvent.eventName, this.#onSelect);
    this.addEventListener(CodatDisconnectRequestEvent.eventName, this.#onDisconnectRequest);
    this.addEventListener(CodatDeleteRequestEvent.eventName, this.#onDeleteRequest);
    this.addEventListener(CodatReconnectRequestEvent.eventName, this.#onReconnectRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener(CodatConnectionSelectEvent.eventName, this.#onSelect);
    this.removeEventListener(CodatDisconnectRequestEvent.eventName, this.#onDisconnectRequest);
    this.removeEventListener(CodatDeleteRequestEvent.eventName, this.#onDeleteRequest);
    this.removeEventListener(CodatReconnectRequestEvent.eventName, this.#onReconnectRequest);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'access-token') {
      // Keep the token out of the markup: take it, then remove the attribute (the removal is ignored).
      if (value !== null) {
        this.accessToken = value;
        this.removeAttribute(name);
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.providedText = cleanTextOptions(this.text);
    const configuration = ['baseUrl', 'companyId', 'accessToken', 'headers', 'credentials', 'linkHosts'] as const;
    if (!this.client || configuration.some((key) => changed.has(key))) {
      this.client = new CodatClient({
        baseUrl: this.baseUrl,
        companyId: this.companyId,
        accessToken: this.accessToken,
        headers: this.headers,
        credentials: this.credentials,
        allowedLinkHosts: [...DEFAULT_LINK_HOSTS, ...(this.linkHosts?.split(/[\s,]+/).filter(Boolean) ?? [])],
      });
      if (this.hasUpdated) this.selectedConnectionId = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selectedConnectionId')) this.#showSelection();
  }

  override render() {
    return html`<slot @slotchange=${this.#showSelection}></slot>`;
  }

  /** Shows the chosen connection in every list and detail inside this provider. */
  #showSelection(): void {
    for (const list of this.querySelectorAll('codat-connection-list')) {
      (list as HTMLElement & { selectedConnectionId?: string }).selectedConnectionId = this.selectedConnectionId;
    }
    for (const detail of this.querySelectorAll('codat-connection-detail')) {
      (detail as HTMLElement & { connectionId?: string }).connectionId = this.selectedConnectionId;
    }
  }

  // Hosts may cancel these events from listeners anywhere up the page, which run after this one;
  // the default action therefore waits until the dispatch has finished.
  #onSelect = (event: CodatConnectionSelectEvent): void => {
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.selectedConnectionId = event.detail.connectionId;
    });
  };

  #onDisconnectRequest = (event: CodatDisconnectRequestEvent): void => this.#confirm(event, 'disconnect');

  #onDeleteRequest = (event: CodatDeleteRequestEvent): void => this.#confirm(event, 'delete');

  #onReconnectRequest = (event: CodatReconnectRequestEvent): void => this.#confirm(event, 'reconnect');

  /** Opens the confirm inside this provider for the action, unless a listener cancelled the request. */
  #confirm(
    event: CodatDisconnectRequestEvent | CodatDeleteRequestEvent | CodatReconnectRequestEvent,
    action: ConfirmAction,
  ): void {
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      this.querySelector('codat-disconnect-confirm')?.show(event.detail.connectionId, action);
    });
  }
}
