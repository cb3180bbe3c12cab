import { css, html, nothing, type PropertyValues } from 'lit';
import { Localized } from '../../localization/localized.js';
import { property, state } from 'lit/decorators.js';
import { msg } from '../../localization/localize.js';
import type { CodatConnectionDetail } from '../connection-detail/connection-detail.js';
import type { CodatConnectionList } from '../connection-list/connection-list.js';
import type { CodatConnectionsProvider } from '../connections-provider/connections-provider.js';
import { hasPendingConnect, type CodatIntegrationPicker } from '../integration-picker/integration-picker.js';
import { CodatCloseEvent } from '../../events/close.js';
import { CodatConnectionSelectEvent } from '../../events/connection-select.js';
import { CodatClientConfig } from '../connections-provider/client-config.js';
import { readTokenClaims } from '../../api/token.js';
import { sharedStyles } from '../../internal/shared-styles.js';

/**
 * An element's `@csspart` names, written as a `part` attribute writes them: separated by spaces
 * (test/composite.test.ts checks each list against the manifest).
 */
const partList = (names: string): readonly string[] => names.split(' ');

/** The parts of each inner element, forwarded with a prefix (`list-item-button`, `detail-refresh-button`, …). */
export const FORWARDED_PARTS: Record<'list' | 'detail' | 'confirm' | 'picker', readonly string[]> = {
  list: partList(
    'base group group-heading list item item-button logo name status badge badge-reconnect badge-error badge-paused badge-syncing dates loading empty no-matches error retry-button',
  ),
  detail: partList(
    'base header logo title status description facts refresh sync-progress refresh-button refresh-types refresh-type-button shared-data accounts accounts-list account controls control-base paused actions disconnect-button delete-button reconnect-button attention invite invite-copy-button invite-email-link invite-url empty loading history history-list history-item history-status history-error history-more-button not-found error retry-button',
  ),
  confirm: partList('dialog title body shared-data actions cancel-button confirm-button error'),
  picker: partList(
    'base search notice existing-button group group-heading list item item-button brand-button logo name badge no-matches loading error retry-button journey journey-title journey-status sync-progress continue-link check-button view-button back-button',
  ),
};

const exportParts = (prefix: keyof typeof FORWARDED_PARTS) =>
  FORWARDED_PARTS[prefix].map((name) => `${name}: ${prefix}-${name}`).join(', ');

/**
 * The whole connection-management experience in one tag, configured by attributes alone: the company's
 * connections, one connection's details with every action (refresh, disconnect, reconnect, delete, platform
 * settings), the confirmations, Add a connection (`<codat-integration-picker>`), and Back to the list. Laid out for the 460 × 840 px panel Codat recommends and
 * usable down to 320 px wide. Composed from `<codat-connections-provider>`, `<codat-connection-list>`,
 * `<codat-connection-detail>`, `<codat-disconnect-confirm>` and `<codat-integration-picker>`, so everything they
 * offer is here: their events bubble out of this element, their parts are forwarded with a `list-`, `detail-`,
 * `confirm-` or `picker-` prefix, and the `--codat-*` custom properties reach them. When the page is the Link
 * redirect back from a connection started here in the same window, it opens on the picker's outcome.
 *
 * It takes the provider's configuration (the same implementation): `base-url`, `company-id`, `access-token` (read
 * once and removed from the DOM; from JavaScript prefer `accessToken`), `tokenProvider`, `token-url`, `text`,
 * `link-hosts`.
 *
 * @tag codat-connections
 * @summary Connection management in one tag.
 *
 * @fires {CodatCloseEvent} codat-close - The person pressed Close (the Codat Connections SDK's `onClose`).
 * @fires {CodatConnectionSelectEvent} codat-connection-select - A connection was chosen; the details open unless cancelled. `detail: {connectionId}`.
 * @fires {CodatDisconnectEvent} codat-disconnect - From the inner elements: the API confirmed an unlink. `detail: {connectionId}`.
 * @fires {CodatReconnectEvent} codat-reconnect - From the inner elements: the person went to authorize again. `detail: {connectionId}`.
 * @fires {CodatConnectRequestEvent} codat-connect-request - From the picker: a platform was chosen. Cancelable. `detail: {platformKey, sourceType}`.
 * @fires {CodatConnectEvent} codat-connect - From the picker: a new connection is Linked. `detail: {connectionId, platformKey, sourceType}`.
 * @fires {CodatErrorEvent} codat-error - From the inner elements: an operation failed. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 * @fires {CodatTokenExpiredEvent} codat-token-expired - The token expired or was refused and no new one could be had; set a new token to carry on.
 *
 * @csspart base - The panel.
 * @csspart header - The title row with Back and Close.
 * @csspart heading - The panel's title.
 * @csspart back-button - Back to the list (shown with the details and the picker).
 * @csspart add-button - Add a connection (shown with the list).
 * @csspart close-button - Close (hidden with `hide-close`).
 * @csspart body - The scrolling area below the header.
 *
 * @cssprop [--codat-connections-width=460px] - The panel's width (it never exceeds its container).
 * @cssprop [--codat-connections-height=840px] - The panel's height, reserved from the start so the page does not move
 *   as data loads (at most the container's height when that is fixed).
 */
export class CodatConnectionsElement extends Localized(CodatClientConfig) {
  // The height is not min(840px, 100%): in a container of auto height that is auto, and the panel grew as data loaded.
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        inline-size: min(var(--codat-connections-width, 460px), 100%);
        block-size: var(--codat-connections-height, 840px);
        max-block-size: 100%;
        min-inline-size: min(320px, 100%);
      }
      .base {
        display: flex;
        flex-direction: column;
        block-size: 100%;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      .header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) / 2);
        padding: calc(var(--_space) / 2) var(--_space);
        border-block-end: 1px solid var(--_border);
      }
      .heading {
        flex: 1;
        margin: 0;
        font-size: 1.125rem;
        font-weight: 700;
      }
      .add {
        margin-block-end: var(--_space);
      }
      .body {
        flex: 1;
        overflow: auto;
        padding: var(--_space);
      }
      .arrow:dir(rtl) {
        display: inline-block;
        transform: scaleX(-1);
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  /** Where the reconnect link, and the sign-in of a new connection, open: `new-window` (default) or `same-window`. */
  @property({ attribute: 'reconnect-target' })
  reconnectTarget: 'new-window' | 'same-window' = 'new-window';

  /** Base of the hosted Link URL offered by "Ask someone who can". Default `https://link.codat.io`. */
  @property({ attribute: 'invite-link-base' })
  inviteLinkBase?: string;

  /** The panel's title. */
  @property()
  heading = '';

  /** Hides the Close control (for a page that embeds the panel permanently). */
  @property({ type: Boolean, attribute: 'hide-close' })
  hideClose = false;

  /** The connection whose details are shown, or none for the list. */
  @state() private shownConnectionId?: string;

  /** Whether the picker (Add a connection) is shown. */
  @state() private adding = false;

  private get provider() {
    return this.renderRoot.querySelector<CodatConnectionsProvider>('codat-connections-provider') ?? undefined;
  }
  private get list() {
    return this.renderRoot.querySelector<CodatConnectionList>('codat-connection-list') ?? undefined;
  }
  private get detail() {
    return this.renderRoot.querySelector<CodatConnectionDetail>('codat-connection-detail') ?? undefined;
  }
  private get picker() {
    return this.renderRoot.querySelector<CodatIntegrationPicker>('codat-integration-picker') ?? undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from the Link redirect of a connection started here: show how it went.
    if (hasPendingConnect()) this.adding = true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different company (set, or named by a new token) or API shows its list again.
    const company = (token?: string) => readTokenClaims(token ?? '')?.companyId;
    const otherToken = changed.has('accessToken') && company(changed.get('accessToken')) !== company(this.accessToken);
    if (this.hasUpdated && (changed.has('companyId') || changed.has('baseUrl') || otherToken)) {
      this.shownConnectionId = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The inner provider takes the configuration as it changes: every property of the class both share, so one
    // added there reaches it with no second list to keep in step.
    const provider = this.provider as unknown as Record<PropertyKey, unknown>;
    for (const key of CodatClientConfig.elementProperties.keys() as Iterable<keyof CodatClientConfig>) {
      if (changed.has(key)) provider[key] = this[key];
    }
  }

  override render() {
    const showing = this.shownConnectionId !== undefined;
    const adding = this.adding && !showing;
    // The body's tabindex -1: Firefox would make this scrolling area a tab stop of its own, one Chromium does not
    // have. The keyboard scrolls it from the controls inside (Tab brings each into view; arrows and Page keys scroll).
    return html`<div class="base" part="base">
      <div class="header" part="header">
        <button
          type="button"
          class="button button--small"
          part="back-button"
          ?hidden=${!showing && !adding}
          @click=${() => this.showList()}
        >
          <span class="arrow" aria-hidden="true">←</span>
          ${msg('All connections', { id: 'composite.back', desc: 'Button back to the list of connections' })}
        </button>
        <h2 class="heading" part="heading">
          ${this.heading || msg('Connected apps', { id: 'composite.heading', desc: 'Default title of the panel' })}
        </h2>
        ${
          this.hideClose
            ? nothing
            : html`<button
                type="button"
                class="button button--small"
                part="close-button"
                @click=${() => this.dispatchEvent(new CodatCloseEvent())}
              >
                ${msg('Close', { id: 'composite.close', desc: 'Button: closes the panel' })}
              </button>`
        }
      </div>
      <div class="body" part="body" tabindex="-1">
        <codat-connections-provider locale=${this.locale ?? nothing} @codat-connection-select=${this.#onSelect}>
          <button
            type="button"
            class="button button--primary add"
            part="add-button"
            ?hidden=${showing || adding}
            @click=${() => this.showPicker()}
          >
            ${msg('Add a connection', { id: 'composite.add', desc: 'Button above the list: opens the platforms, to connect a new one' })}
          </button>
          <codat-connection-list
            ?hidden=${showing || adding}
            heading-level="3"
            exportparts=${exportParts('list')}
          ></codat-connection-list>
          <codat-connection-detail
            ?hidden=${!showing}
            heading-level="3"
            invite-link-base=${this.inviteLinkBase ?? nothing}
            exportparts=${exportParts('detail')}
          ></codat-connection-detail>
          <codat-disconnect-confirm
            reconnect-target=${this.reconnectTarget}
            exportparts=${exportParts('confirm')}
          ></codat-disconnect-confirm>
          ${
            adding
              ? html`<codat-integration-picker
                  heading-level="3"
                  connect-target=${this.reconnectTarget}
                  exportparts=${exportParts('picker')}
                ></codat-integration-picker>`
              : nothing
          }
        </codat-connections-provider>
      </div>
    </div>`;
  }

  /** Shows the list again and returns focus to the connection that was shown (or to Add a connection). */
  async showList(): Promise<void> {
    const shown = this.shownConnectionId;
    const added = this.adding;
    this.shownConnectionId = undefined;
    this.adding = false;
    await this.updateComplete;
    if (added && !shown) {
      this.renderRoot.querySelector<HTMLElement>('[part="add-button"]')?.focus();
      return;
    }
    const list = this.list;
    if (!list) return;
    await list.updateComplete;
    const item = list.shadowRoot?.querySelector<HTMLElement>('[part~="item-button"][aria-current="true"]');
    if (shown && item) item.focus();
    else list.focus();
  }

  /** Shows the picker to add a connection, with focus in its search field. */
  async showPicker(): Promise<void> {
    this.shownConnectionId = undefined;
    this.adding = true;
    await this.updateComplete;
    await this.picker?.updateComplete;
    this.picker?.focus();
  }

  /** Opens the details of a connection, as choosing it in the list does. */
  async showConnection(connectionId: string): Promise<void> {
    if (this.provider) this.provider.selectedConnectionId = connectionId;
    this.adding = false;
    this.shownConnectionId = connectionId;
    await this.updateComplete;
    await this.detail?.updateComplete;
    this.detail?.focus();
  }

  #onSelect = (event: CodatConnectionSelectEvent): void => {
    // The provider shows the choice unless a listener cancels it; listeners up the page run after this one.
    queueMicrotask(() => {
      if (!event.defaultPrevented) void this.showConnection(event.detail.connectionId);
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'codat-connections': CodatConnectionsElement;
  }
}
