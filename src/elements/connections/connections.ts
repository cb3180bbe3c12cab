import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import type { CodatConnectionDetail } from '../connection-detail/connection-detail.js';
import type { CodatConnectionList } from '../connection-list/connection-list.js';
import type { CodatConnectionsProvider } from '../connections-provider/connections-provider.js';
import { CodatCloseEvent } from '../../events/close.js';
import { CodatConnectionSelectEvent } from '../../events/connection-select.js';
import { parseTextAttribute, type TextOptions } from '../../internal/text-options.js';
import { sharedStyles } from '../../internal/shared-styles.js';

/** The parts of each inner element, forwarded with a prefix (`list-item-button`, `detail-refresh-button`, …). */
export const FORWARDED_PARTS = {
  list: [
    'base',
    'group',
    'group-heading',
    'list',
    'item',
    'item-button',
    'logo',
    'name',
    'status',
    'badge',
    'badge-reconnect',
    'badge-error',
    'badge-paused',
    'badge-syncing',
    'dates',
    'loading',
    'empty',
    'no-matches',
    'error',
    'retry-button',
  ],
  detail: [
    'base',
    'header',
    'logo',
    'title',
    'status',
    'description',
    'facts',
    'refresh',
    'sync-progress',
    'refresh-button',
    'refresh-types',
    'refresh-type-button',
    'shared-data',
    'accounts',
    'accounts-list',
    'account',
    'controls',
    'control-base',
    'paused',
    'actions',
    'disconnect-button',
    'delete-button',
    'reconnect-button',
    'attention',
    'invite',
    'invite-copy-button',
    'invite-email-link',
    'invite-url',
    'empty',
    'loading',
    'history',
    'history-list',
    'history-item',
    'history-status',
    'history-error',
    'history-more-button',
    'not-found',
    'error',
    'retry-button',
  ],
  confirm: ['dialog', 'title', 'body', 'shared-data', 'actions', 'cancel-button', 'confirm-button', 'error'],
} as const;

const exportParts = (prefix: keyof typeof FORWARDED_PARTS) =>
  FORWARDED_PARTS[prefix].map((name) => `${name}: ${prefix}-${name}`).join(', ');

/**
 * The whole connection-management experience in one tag, configured by attributes alone: the company's
 * connections, one connection's details with every action (refresh, disconnect, reconnect, delete, platform
 * settings), the confirmations, and Back to the list. Laid out for the 460 × 840 px panel Codat recommends and
 * usable down to 320 px wide. Composed from `<codat-connections-provider>`, `<codat-connection-list>`,
 * `<codat-connection-detail>` and `<codat-disconnect-confirm>`, so everything they offer is here: their events
 * bubble out of this element, their parts are forwarded with a `list-`, `detail-` or `confirm-` prefix, and the
 * `--codat-*` custom properties reach them.
 *
 * The `access-token` attribute is read once and removed from the DOM; from JavaScript prefer `accessToken`.
 *
 * @tag codat-connections
 * @summary Connection management in one tag.
 *
 * @fires {CodatCloseEvent} codat-close - The person pressed Close (the Codat Connections SDK's `onClose`).
 * @fires {CodatConnectionSelectEvent} codat-connection-select - A connection was chosen; the details open unless cancelled. `detail: {connectionId}`.
 * @fires {CodatDisconnectEvent} codat-disconnect - From the inner elements: the API confirmed an unlink. `detail: {connectionId}`.
 * @fires {CodatReconnectEvent} codat-reconnect - From the inner elements: the person went to authorize again. `detail: {connectionId}`.
 * @fires {CodatErrorEvent} codat-error - From the inner elements: an operation failed. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 *
 * @csspart base - The panel.
 * @csspart header - The title row with Back and Close.
 * @csspart heading - The panel's title.
 * @csspart back-button - Back to the list (shown with the details).
 * @csspart close-button - Close (hidden with `hide-close`).
 * @csspart body - The scrolling area below the header.
 *
 * @cssprop [--codat-connections-width=460px] - The panel's width (it never exceeds its container).
 * @cssprop [--codat-connections-height=840px] - The panel's height (at most the container's).
 * @cssprop [--codat-color-surface=#ffffff] - Panel background.
 * @cssprop [--codat-color-border=#c9cdd3] - Panel border.
 * @cssprop [--codat-radius=0.5rem] - Corner radius.
 * @cssprop [--codat-space=1rem] - Base spacing.
 */
export class CodatConnectionsElement extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        inline-size: min(var(--codat-connections-width, 460px), 100%);
        block-size: min(var(--codat-connections-height, 840px), 100%);
        min-inline-size: min(320px, 100%);
      }
      .base {
        display: flex;
        flex-direction: column;
        block-size: 100%;
        background: var(--codat-color-surface, #ffffff);
        border: 1px solid var(--codat-color-border, #c9cdd3);
        border-radius: var(--codat-radius, 0.5rem);
        overflow: hidden;
      }
      .header {
        display: flex;
        align-items: center;
        gap: calc(var(--codat-space, 1rem) / 2);
        padding: calc(var(--codat-space, 1rem) / 2) var(--codat-space, 1rem);
        border-block-end: 1px solid var(--codat-color-border, #c9cdd3);
      }
      .heading {
        flex: 1;
        margin: 0;
        font-size: 1.125rem;
        font-weight: 700;
      }
      .body {
        flex: 1;
        overflow: auto;
        padding: var(--codat-space, 1rem);
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  /** The API root, absolute or relative to the page; usually your backend's proxy path. Default `https://api.codat.io`. */
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

  /** Text options in the Codat Connections SDK's shape (JSON as an attribute); see `<codat-connections-provider>`. */
  @property({ attribute: 'text', converter: { fromAttribute: parseTextAttribute } })
  text?: TextOptions;

  /** Extra hosts a connection's sign-in link may point to, space- or comma-separated. */
  @property({ attribute: 'link-hosts' })
  linkHosts?: string;

  /** Where the reconnect link opens: `new-window` (default) or `same-window`. */
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

  @query('codat-connections-provider') private provider?: CodatConnectionsProvider;
  @query('codat-connection-list') private list?: CodatConnectionList;
  @query('codat-connection-detail') private detail?: CodatConnectionDetail;

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
    // A different company or API shows its list again.
    if (this.hasUpdated && (changed.has('companyId') || changed.has('baseUrl'))) this.shownConnectionId = undefined;
  }

  override render() {
    const showing = this.shownConnectionId !== undefined;
    return html`<div class="base" part="base">
      <div class="header" part="header">
        <button
          type="button"
          class="button button--small"
          part="back-button"
          ?hidden=${!showing}
          @click=${() => this.showList()}
        >
          <span aria-hidden="true">←</span> ${msg('All connections', { id: 'composite.back' })}
        </button>
        <h2 class="heading" part="heading">${this.heading || msg('Connected apps', { id: 'composite.heading' })}</h2>
        ${
          this.hideClose
            ? nothing
            : html`<button
                type="button"
                class="button button--small"
                part="close-button"
                @click=${() => this.dispatchEvent(new CodatCloseEvent())}
              >
                ${msg('Close', { id: 'composite.close' })}
              </button>`
        }
      </div>
      <div class="body" part="body">
        <codat-connections-provider
          base-url=${this.baseUrl ?? nothing}
          company-id=${this.companyId ?? nothing}
          link-hosts=${this.linkHosts ?? nothing}
          .accessToken=${this.accessToken}
          .headers=${this.headers}
          .credentials=${this.credentials}
          .text=${this.text}
          @codat-connection-select=${this.#onSelect}
        >
          <codat-connection-list
            ?hidden=${showing}
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
        </codat-connections-provider>
      </div>
    </div>`;
  }

  /** Shows the list again and returns focus to the connection that was shown. */
  async showList(): Promise<void> {
    const shown = this.shownConnectionId;
    this.shownConnectionId = undefined;
    await this.updateComplete;
    const list = this.list;
    if (!list) return;
    await list.updateComplete;
    const item = [...(list.shadowRoot?.querySelectorAll<HTMLElement>('[part~="item-button"]') ?? [])].find(
      (button) => button.getAttribute('aria-current') === 'true',
    );
    if (shown && item) item.focus();
    else list.focus();
  }

  /** Opens the details of a connection, as choosing it in the list does. */
  async showConnection(connectionId: string): Promise<void> {
    if (this.provider) this.provider.selectedConnectionId = connectionId;
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
