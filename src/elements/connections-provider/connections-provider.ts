import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { localeContext, Localized } from '../../localization/localized.js';
import { property, state } from 'lit/decorators.js';
import { CodatClient } from '../../api/client.js';
import { readTokenClaims, tokenFromUrl } from '../../api/token.js';
import { clientContext } from '../../context/client-context.js';
import { textContext } from '../../context/text-context.js';
import { cleanTextOptions, type TextOptions } from '../../internal/text-options.js';
import { CodatClientConfig } from './client-config.js';
import { CodatTokenExpiredEvent } from '../../events/token-expired.js';
import { DEFAULT_LINK_HOSTS } from '../../internal/safe-url.js';
import { themeStyles } from '../../internal/shared-styles.js';
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
 * The token comes from the `access-token` attribute (read once and removed from the DOM, so it does not stay in
 * the page's markup), the `accessToken` property, a `tokenProvider` function or a `token-url` endpoint; with the
 * last two it is renewed before it expires and after a 401, without losing what is shown.
 *
 * @tag codat-connections-provider
 * @summary Shares one Codat client with the kit elements inside it.
 *
 * @fires {CodatTokenExpiredEvent} codat-token-expired - The token expired or was refused and no new one could be had; set a new token to carry on.
 *
 * @slot - The kit elements (and any other content) that use this provider's client.
 */
export class CodatConnectionsProvider extends Localized(CodatClientConfig) {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  /** The checked text options shared with the elements inside. */
  @state()
  protected providedText?: TextOptions;

  /** The `locale` shared with the elements inside (they may set their own). */
  @state()
  protected providedLocale?: string;

  /** The connection chosen in a list and shown in the details. */
  @property({ attribute: 'selected-connection-id' })
  selectedConnectionId?: string;

  /** The client shared with the elements inside; replaced when the configuration changes. */
  @state()
  client?: CodatClient;

  /** What the elements inside receive by context: the three properties above, as willUpdate leaves them. */
  readonly #contexts = {
    text: new ContextProvider(this, { context: textContext }),
    locale: new ContextProvider(this, { context: localeContext }),
    client: new ContextProvider(this, { context: clientContext }),
  };

  #unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow();
    this.addEventListener(CodatConnectionSelectEvent.eventName, this.#onSelect);
    this.addEventListener(CodatDisconnectRequestEvent.eventName, this.#onDisconnectRequest);
    this.addEventListener(CodatDeleteRequestEvent.eventName, this.#onDeleteRequest);
    this.addEventListener(CodatReconnectRequestEvent.eventName, this.#onReconnectRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.removeEventListener(CodatConnectionSelectEvent.eventName, this.#onSelect);
    this.removeEventListener(CodatDisconnectRequestEvent.eventName, this.#onDisconnectRequest);
    this.removeEventListener(CodatDeleteRequestEvent.eventName, this.#onDeleteRequest);
    this.removeEventListener(CodatReconnectRequestEvent.eventName, this.#onReconnectRequest);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.providedText = cleanTextOptions(this.text);
    if (changed.has('locale')) this.providedLocale = this.locale?.trim() || undefined;
    const configuration = [
      'baseUrl',
      'companyId',
      'tokenProvider',
      'tokenUrl',
      'headers',
      'credentials',
      'linkHosts',
    ] as const;
    const token = this.accessToken?.trim();
    let renew = !this.client || configuration.some((key) => changed.has(key));
    if (!renew && changed.has('accessToken')) {
      // Another token for the same company keeps the client (and what is shown); another company starts afresh.
      const company = this.companyId?.trim() || readTokenClaims(token ?? '')?.companyId;
      if (token && company && company === this.client!.companyId) this.client!.setAccessToken(token);
      else renew = true;
    }
    if (renew) {
      this.client?.close();
      this.client = new CodatClient({
        baseUrl: this.baseUrl,
        companyId: this.companyId,
        accessToken: token,
        tokenProvider: this.tokenProvider ?? (this.tokenUrl ? tokenFromUrl(this.tokenUrl) : undefined),
        headers: this.headers,
        credentials: this.credentials,
        allowedLinkHosts: [...DEFAULT_LINK_HOSTS, ...(this.linkHosts?.split(/[\s,]+/).filter(Boolean) ?? [])],
      });
      if (this.hasUpdated) this.selectedConnectionId = undefined;
      this.#follow();
    }
    this.#contexts.text.setValue(this.providedText);
    this.#contexts.locale.setValue(this.providedLocale);
    this.#contexts.client.setValue(this.client);
  }

  /** Listens to the current client for an expired token, which it announces with `codat-token-expired`. */
  #follow(): void {
    this.#unsubscribe?.();
    const client = this.client;
    this.#unsubscribe =
      this.isConnected && client
        ? client.subscribe(() => {
            if (client.tokenExpired) this.dispatchEvent(new CodatTokenExpiredEvent());
          })
        : undefined;
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

declare global {
  interface HTMLElementTagNameMap {
    'codat-connections-provider': CodatConnectionsProvider;
  }
}
