import { consume } from '@lit/context';
import { msg, str } from '../../localization/localize.js';
import { Task } from '@lit/task';
import { LitElement, html, nothing } from 'lit';
import { inScopeOf, Localized } from '../../localization/localized.js';
import { property, state } from 'lit/decorators.js';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError, isConfigurationError } from '../../api/errors.js';
import type { Connection, DataType } from '../../api/types.js';
import { clientContext } from '../../context/client-context.js';
import { textContext } from '../../context/text-context.js';
import { markdownStyles } from '../../internal/markdown.js';
import { renderSharedData } from '../../internal/shared-data.js';
import type { TextOptions } from '../../internal/text-options.js';
import { CodatDeleteRequestEvent } from '../../events/delete-request.js';
import { CodatDisconnectRequestEvent } from '../../events/disconnect-request.js';
import { CodatErrorEvent } from '../../events/error.js';
import { CodatReconnectRequestEvent } from '../../events/reconnect-request.js';
import { activeErrors, canReauthorize, reauthorizeLabel } from '../../internal/authorization.js';
import { renderInvite } from './invite.js';
import { BankAccountsController, renderBankAccounts } from './bank-accounts.js';
import { integrationControlsFor, onIntegrationControlsChange } from '../../integrations/integration-controls.js';
import { syncPauseOf, SYNC_PAUSE_KEYS, type SyncPause } from '../../internal/sync-pause.js';
import { ClientStoreController } from '../../internal/client-controller.js';
import {
  humanizeKey,
  isolate,
  sourceTypeLabel,
  statusDescription,
  statusLabel,
} from '../../internal/connection-text.js';
import { formatDateTime, resolveLocale } from '../../internal/locale.js';
import { platformLogo } from '../../internal/platform-logo.js';
import { renderError } from '../../internal/render-error.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { ariaHeadingLevel } from '../../internal/heading-level.js';
import { connectionDetailStyles } from './connection-detail.styles.js';
import { SyncController } from '../../sync/sync-controller.js';
import type { SyncChange } from '../../sync/sync-monitor.js';
import { syncAnnouncement } from '../../sync/sync-text.js';
import { refreshableDataTypes, RefreshController, renderRefresh } from './refresh-controls.js';
import { renderSyncHistory, SyncHistoryController } from './sync-history.js';

/**
 * One connection in full: platform, source type, status and what it means, when it was first
 * authorized and when data was last read, with Disconnect for a linked connection and Delete for any.
 * A linked connection can be refreshed (every data type, or one); while its reads run the detail shows their
 * progress and announces when they start and finish. A connection already listed is shown without another request.
 *
 * @tag codat-connection-detail
 * @summary One connection's details and actions.
 *
 * @fires {CodatDisconnectRequestEvent} codat-disconnect-request - The person pressed Disconnect. Cancelable: cancel it to handle the disconnect yourself. `detail: {connectionId}`.
 * @fires {CodatDeleteRequestEvent} codat-delete-request - The person pressed Delete. Cancelable: cancel it to handle the delete yourself. `detail: {connectionId}`.
 * @fires {CodatReconnectRequestEvent} codat-reconnect-request - The person pressed Reconnect (or Finish connecting). Cancelable: cancel it to run your own Link flow. `detail: {connectionId}`.
 * @fires {CodatRefreshRequestEvent} codat-refresh-request - The person pressed Refresh data (or refreshed one data type). Cancelable: cancel it to refresh yourself. `detail: {connectionId, dataType?}`.
 * @fires {CodatRefreshEvent} codat-refresh - The API accepted the refresh and queued the reads. `detail: {connectionId, dataType?}`.
 * @fires {CodatErrorEvent} codat-error - Loading failed. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 *
 * @slot empty - Replaces the message shown when no connection is chosen.
 * @slot integration-{key} - Extra content for connections of one platform, e.g. `slot="integration-gbol"` for Xero; shown in the platform's settings group.
 *
 * @csspart base - The wrapper around every state.
 * @csspart header - Logo and platform name.
 * @csspart logo - The platform's logo or initials.
 * @csspart title - The platform name heading.
 * @csspart status - The status label.
 * @csspart description - What the status means, in a sentence.
 * @csspart facts - The list of facts (source type, status, dates).
 * @csspart refresh - The refresh controls and sync progress (linked connections only), or why refreshing is paused.
 * @csspart sync-progress - Shown while the connection's reads are queued or running: a progress bar and what is being read.
 * @csspart refresh-button - Refresh data: asks for every data type again.
 * @csspart refresh-types - The disclosure with one refresh button per data type.
 * @csspart refresh-type-button - Refreshes one data type.
 * @csspart shared-data - What the connection shares: the host's `text` list for its source type, as safe Markdown.
 * @csspart accounts - Banking connections: the disclosure of the bank accounts shared (read when opened).
 * @csspart accounts-list - The list of bank accounts.
 * @csspart account - One bank account: name, currency and the last four characters of its number.
 * @csspart controls - The platform's settings group: integration controls (`registerIntegrationControl`) and the `integration-{key}` slot.
 * @csspart control-base - The `base` part of each integration control (for example `<codat-sync-pause>`).
 * @csspart paused - The Syncs fact, shown while syncs are paused.
 * @csspart actions - The row of action buttons.
 * @csspart disconnect-button - The Disconnect button (linked connections only).
 * @csspart delete-button - The Delete button (every connection).
 * @csspart reconnect-button - Reconnect (Unlinked, Deauthorized, or Linked with an authorization error) or Finish connecting (Pending).
 * @csspart attention - The platform's active errors, with their dates.
 * @csspart invite - "Can't sign in? Ask someone who can": the hosted link to copy and an email to send.
 * @csspart invite-copy-button - Copies the hosted link.
 * @csspart invite-email-link - Opens an email with the link.
 * @csspart invite-url - The hosted link, shown so it can be copied by hand.
 * @csspart empty - The message shown when no connection is chosen.
 * @csspart loading - The loading message.
 * @csspart history - The sync history section.
 * @csspart history-list - The list of pull operations, newest first.
 * @csspart history-item - One pull operation.
 * @csspart history-status - A pull operation's outcome in words.
 * @csspart history-error - A failed pull operation's error message.
 * @csspart history-more-button - Reads the next page of the history.
 * @csspart not-found - The message shown when the connection no longer exists or was deleted here.
 * @csspart error - The error message.
 * @csspart retry-button - The Try again button of the error state.
 *
 * @cssprop [--codat-detail-title-size=1.25rem] - Size of the platform name.
 */
export class CodatConnectionDetail extends Localized(LitElement) {
  static override styles = [sharedStyles, markdownStyles, connectionDetailStyles];

  /** The client to read from. Provided by an ancestor `<codat-connections-provider>` (or a host's context provider) unless set. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: CodatClient;

  /**
   * Text options (the Codat Connections SDK's `options.text`): the `…connectionDetails.dataTypes` list for the
   * connection's source type says what it shares. Provided by an ancestor `<codat-connections-provider>` unless set.
   */
  @consume({ context: textContext, subscribe: true })
  @property({ attribute: false })
  text?: TextOptions;

  /** The connection to show. Set by the provider when a connection is chosen in a list. */
  @property({ attribute: 'connection-id', reflect: true })
  connectionId?: string;

  /** The ARIA level of the platform name heading, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 2;

  /** The last status change, read out by the polite live region. */
  @state() private announcement = '';

  /** The last sync start or finish, read out by the polite live region. */
  @state() private syncAnnouncement = '';

  /**
   * Where "Can't sign in? Ask someone who can" sends the person asked: Codat's hosted Link page for the company,
   * `{base}/companies/{companyId}`. Default `https://link.codat.io`; set it to your own white-labelled Link.
   */
  @property({ attribute: 'invite-link-base' })
  inviteLinkBase = 'https://link.codat.io';

  /** How many sync history entries each "Show more" reads. */
  @property({ type: Number, attribute: 'history-page-size' })
  historyPageSize = 10;

  readonly #store = new ClientStoreController(this, () => this.client);
  readonly #history = new SyncHistoryController(this, () =>
    this.historyPageSize >= 1 && this.historyPageSize <= 2000 ? Math.floor(this.historyPageSize) : 10,
  );
  readonly #refresh = new RefreshController(this);
  readonly #accounts = new BankAccountsController(this);
  readonly #controlElements = new Map<string, HTMLElement>();
  #stopFollowingControls: (() => void) | undefined;
  readonly #sync = new SyncController(this, () => this.client, {
    onChange: (changes) => this.#onSyncChange(changes),
  });
  #seenStatus: string | undefined;

  #load = new Task(this, {
    // A new session (a new token after expiry) reads the connection again when it was not shown.
    args: () => [this.client, this.connectionId, this.client?.session] as const,
    task: async ([client, connectionId], { signal }) => {
      if (!client || !connectionId) return undefined;
      // A connection the shared store already holds (for example from the list) needs no request.
      if (client.connections.get(connectionId)) return undefined;
      try {
        return await client.getConnection(connectionId, { signal });
      } catch (error) {
        if (error instanceof CodatApiError && error.status !== 404) this.dispatchEvent(CodatErrorEvent.from(error));
        throw error;
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopFollowingControls = onIntegrationControlsChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load.abort();
    this.#stopFollowingControls?.();
  }

  /**
   * Moves focus to the platform name, or to the message that replaced it (for example after a delete).
   * Used when the control that had focus went away; it never lands on a destructive button.
   */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.title, [part="not-found"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(): void {
    // The history follows the connection on show; it is read only once the connection itself is known,
    // and never for an element no longer on the page (a late update must not start a request).
    const connection = this.connectionId ? this.client?.connections.get(this.connectionId) : undefined;
    this.#history.follow(this.isConnected ? this.client : undefined, connection?.id);
    this.#accounts.follow(connection?.id);

    // Announce a status change of the connection on show (for example after a disconnect).
    const seen = connection ? `${connection.id}:${connection.status}` : undefined;
    if (connection && this.#seenStatus && seen !== this.#seenStatus && this.#seenStatus.startsWith(connection.id)) {
      this.announcement = msg(str`${isolate(connection.platformName)} is now ${statusLabel(connection.status)}.`, {
        id: 'detail.statusChanged',
        desc: 'Announced when a connection changes status; {0} platform name, {1} the new status word',
      });
    } else if (seen !== this.#seenStatus) {
      this.announcement = '';
    }
    this.#seenStatus = seen;
  }

  override render() {
    return html`<div class="base" part="base">${this.#renderState()}</div>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      <div class="visually-hidden" role="status" aria-live="polite" data-sync-announcer>${this.syncAnnouncement}</div>`;
  }

  #onSyncChange(changes: readonly SyncChange[]): void {
    if (this.connectionId && changes.some((change) => change.connectionId === this.connectionId)) {
      void this.#history.reload();
    }
    if (this.#sync.announces) {
      this.syncAnnouncement = inScopeOf(this, () => syncAnnouncement(changes, this.client?.connections));
    }
  }

  #renderState() {
    const store = this.#store.connections;
    if (!this.connectionId) {
      return html`<div class="message" part="empty">
        <slot name="empty"
          >${msg('Choose a connection to see its details.', { id: 'detail.empty', desc: 'Detail panel when no connection is chosen' })}</slot
        >
      </div>`;
    }
    const connection = store?.get(this.connectionId);
    if (connection) return this.#renderConnection(connection);
    if (store?.wasRemoved(this.connectionId)) return this.#renderNotFound(true);
    return this.#load.render({
      initial: () => this.#renderLoading(),
      pending: () => this.#renderLoading(),
      complete: () => this.#renderLoading(),
      error: (error) =>
        error instanceof CodatApiError && error.status === 404
          ? this.#renderNotFound(false)
          : renderError(error, isConfigurationError(error) ? undefined : () => this.#load.run()),
    });
  }

  #renderLoading() {
    return html`<p class="message" part="loading" role="status">
      ${msg('Loading connection…', { id: 'detail.loading', desc: 'Shown while one connection is read' })}
    </p>`;
  }

  /** The connection is gone: `deleted` here, or no longer in the API. */
  #renderNotFound(deleted: boolean) {
    return html`<p class="message" part="not-found" role="status" tabindex="-1">
      ${
        deleted
          ? msg('This connection was deleted. No further data can be read through it.', {
              id: 'detail.deleted',
              desc: 'Shown after the customer deleted the connection',
            })
          : msg('This connection no longer exists. It may have been deleted.', {
              id: 'detail.notFound',
              desc: 'The connection no longer exists in the API',
            })
      }
    </p>`;
  }

  #renderConnection(connection: Connection) {
    const locale = resolveLocale(this);
    const created = formatDateTime(connection.created, locale);
    const lastSync = formatDateTime(connection.lastSync, locale);
    const level = ariaHeadingLevel(this.headingLevel, 2);
    // The settings, invite and history sections are headed one level below the platform name.
    const sectionLevel = Math.min(level + 1, 6);
    const pause = syncPauseOf(connection);
    return html`
      <div class="header" part="header">
        ${platformLogo(this, this.client, connection)}
        <div class="title" part="title" role="heading" aria-level=${level} tabindex="-1">
          ${connection.platformName}
        </div>
      </div>
      <p class="description" part="description">
        <span class="status status--${connection.status}" part="status">${statusLabel(connection.status)}</span>
        ${statusDescription(connection.status)}
      </p>
      <dl class="facts" part="facts">
        <dt>
          ${msg('Type', { id: 'detail.sourceType', desc: 'Fact label: kind of platform (Accounting, Banking, Commerce)' })}
        </dt>
        <dd>${sourceTypeLabel(connection.sourceType)}</dd>
        <dt>${msg('Status', { id: 'detail.status', desc: 'Fact label: the connection status' })}</dt>
        <dd>${statusLabel(connection.status)}</dd>
        <dt>
          ${msg('First authorized', { id: 'detail.created', desc: 'Fact label: the date the connection was first authorized' })}
        </dt>
        <dd>${created ?? msg('Unknown', { id: 'detail.unknownDate', desc: 'Fact value when a date is not known' })}</dd>
        <dt>${msg('Last synced', { id: 'detail.lastSync', desc: 'Fact label: when data was last read' })}</dt>
        <dd>
          ${lastSync ?? msg('Not synced yet', { id: 'list.neverSynced', desc: 'No data has been read from the platform yet' })}
        </dd>
        ${
          pause
            ? html`<dt>${msg('Syncs', { id: 'detail.syncs', desc: 'Fact label: whether syncs are paused' })}</dt>
                <dd part="paused">${pauseText(pause, locale)}</dd>`
            : nothing
        }
        ${connectionInfoFacts(connection).map(
          ([label, value]) =>
            html`<dt>${label}</dt>
              <dd>${value}</dd>`,
        )}
      </dl>
      ${renderSharedData(this.text, connection.sourceType, connection.platformName)}
      ${connection.sourceType === 'Banking' ? renderBankAccounts(this.#accounts, this.client, connection.id) : nothing}
      ${this.#renderAttention(connection, locale)}
      ${
        connection.status === 'Linked'
          ? pause
            ? html`<p class="message" part="refresh">
                ${msg('Syncs are paused, so no data can be refreshed. Resume them to refresh.', { id: 'refresh.paused', desc: 'Instead of the refresh button while syncs are paused' })}
              </p>`
            : this.#renderRefresh(connection)
          : nothing
      }
      ${this.#renderControls(connection, sectionLevel)}
      <div class="actions" part="actions">
        ${
          canReauthorize(connection)
            ? html`<button
                type="button"
                class="button button--primary"
                part="reconnect-button"
                aria-haspopup="dialog"
                @click=${() => this.requestReconnect()}
              >
                ${reauthorizeLabel(connection)}
              </button>`
            : nothing
        }
        ${
          connection.status === 'Linked'
            ? html`<button
                type="button"
                class="button button--danger"
                part="disconnect-button"
                aria-haspopup="dialog"
                @click=${() => this.requestDisconnect()}
              >
                ${msg(str`Disconnect ${isolate(connection.platformName)}`, { id: 'detail.disconnect', desc: 'Button (and confirm button); {0} is the platform name, e.g. Xero' })}
              </button>`
            : nothing
        }
        <button
          type="button"
          class="button button--danger-quiet"
          part="delete-button"
          aria-haspopup="dialog"
          @click=${() => this.requestDelete()}
        >
          ${msg(str`Delete ${isolate(connection.platformName)} connection`, { id: 'detail.delete', desc: 'Button (and confirm button); {0} is the platform name' })}
        </button>
      </div>
      ${
        canReauthorize(connection) && this.client?.companyId
          ? renderInvite({
              host: this,
              connection,
              companyId: this.client.companyId,
              linkBase: this.inviteLinkBase,
              headingLevel: sectionLevel,
              text: this.text,
            })
          : nothing
      }
      ${renderSyncHistory(this.#history, locale, sectionLevel)}
    `;
  }

  /**
   * The integration controls registered for the connection's platform (`registerIntegrationControl`), and the
   * `integration-{key}` slot, in one group. Each control element is created once and given the connection and client.
   */
  #renderControls(connection: Connection, headingLevel: number) {
    const key = connection.integrationKey ?? '';
    const tags = integrationControlsFor(key);
    const slotName = `integration-${key}`;
    const slotted = !!key && !!this.querySelector(`:scope > [slot="${CSS.escape(slotName)}"]`);
    const elements = tags.map((tag) => {
      let element = this.#controlElements.get(tag);
      if (!element) {
        element = document.createElement(tag);
        element.setAttribute('exportparts', 'base: control-base');
        this.#controlElements.set(tag, element);
      }
      Object.assign(element, { client: this.client, connection, connectionId: connection.id, locale: this.locale });
      return element;
    });
    return html`<div
      class="controls"
      part="controls"
      role="group"
      aria-labelledby="controls-heading"
      ?hidden=${!elements.length && !slotted}
    >
      <div class="controls-heading" id="controls-heading" role="heading" aria-level=${headingLevel}>
        ${msg(str`${isolate(connection.platformName)} settings`, { id: 'controls.heading', desc: 'Heading of a platform settings group; {0} is the platform name' })}
      </div>
      ${elements} ${key ? html`<slot name=${slotName} @slotchange=${() => this.requestUpdate()}></slot>` : nothing}
    </div>`;
  }

  /** Active platform errors: the message and since when, most recent first. */
  #renderAttention(connection: Connection, locale: string) {
    const errors = activeErrors(connection);
    if (!errors.length) return nothing;
    return html`<div class="message message--attention" part="attention">
      <p class="attention-title">
        ${msg(str`${isolate(connection.platformName)} needs attention`, { id: 'attention.title', desc: 'Heading above the platform errors; {0} is the platform name' })}
      </p>
      <ul class="attention-list">
        ${errors.map((error) => {
          const since = formatDateTime(error.erroredOnUtc, locale);
          return html`<li>
            ${error.errorMessage || error.statusText || msg('The platform reported an error.', { id: 'attention.unknown', desc: 'A platform error without a message of its own' })}
            ${since ? html`<span class="attention-date">${msg(str`Since ${since}`, { id: 'attention.since', desc: 'After a platform error; {0} is a date and time' })}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  #renderRefresh(connection: Connection) {
    const monitor = this.#sync.monitor;
    const fromHistory = this.#history.items.map((operation) => operation.dataType);
    const fromStatus = Object.keys(monitor?.dataStatus ?? {});
    return renderRefresh({
      controller: this.#refresh,
      client: this.client,
      connection,
      syncing: monitor?.operations(connection.id).length ?? 0,
      dataTypes: refreshableDataTypes(connection, fromHistory, fromStatus),
    });
  }

  /**
   * Asks for fresh data from the shown connection's platform: fires the cancelable `codat-refresh-request` and,
   * unless a listener cancelled it, sends `POST /companies/{companyId}/data/all` (or, with `dataType`, queues that
   * one type for this connection). Resolves `true` when the API accepted it; `codat-refresh` then fires.
   */
  refresh(dataType?: DataType): Promise<boolean> {
    if (!this.connectionId) return Promise.resolve(false);
    return this.#refresh.refresh(this.client, this.connectionId, dataType);
  }

  /**
   * Asks to disconnect the shown connection: fires the cancelable `codat-disconnect-request`.
   * Inside a provider, an uncancelled request opens the `<codat-disconnect-confirm>`.
   * Returns whether the request was not cancelled.
   */
  requestDisconnect(): boolean {
    if (!this.connectionId) return false;
    return this.dispatchEvent(new CodatDisconnectRequestEvent({ connectionId: this.connectionId }));
  }

  /**
   * Asks to authorize the shown connection again: fires the cancelable `codat-reconnect-request`. Inside a
   * provider, an uncancelled request opens the `<codat-disconnect-confirm>` for a reconnect, which links to the
   * connection's sign-in page. Returns whether the request was not cancelled.
   */
  requestReconnect(): boolean {
    if (!this.connectionId) return false;
    return this.dispatchEvent(new CodatReconnectRequestEvent({ connectionId: this.connectionId }));
  }

  /**
   * Asks to delete the shown connection: fires the cancelable `codat-delete-request`.
   * Inside a provider, an uncancelled request opens the `<codat-disconnect-confirm>` for a delete.
   * Returns whether the request was not cancelled.
   */
  requestDelete(): boolean {
    if (!this.connectionId) return false;
    return this.dispatchEvent(new CodatDeleteRequestEvent({ connectionId: this.connectionId }));
  }
}

/** The pause in words. */
function pauseText(pause: SyncPause, locale: string): string {
  const until = formatDateTime(pause.until?.toISOString(), locale);
  return until
    ? msg(str`Paused until ${until}`, { id: 'detail.pausedUntil', desc: 'Fact value; {0} is a date and time' })
    : msg('Paused until resumed', {
        id: 'detail.pausedIndefinitely',
        desc: 'Fact value: syncs paused with no end date',
      });
}

/** Longest value of a `connectionInfo` fact that is shown whole. */
const MAX_FACT_LENGTH = 200;

/**
 * The connection's `connectionInfo` as facts: each text, number or yes/no value under a label made from its key
 * (`companyName` reads "Company name"). Objects, lists and empty values are left out, and so are the keys of the
 * pause convention (shown as the pause). Long values are cut short.
 */
function connectionInfoFacts(connection: Connection): [string, string][] {
  const info = connection.connectionInfo;
  if (!info || typeof info !== 'object' || Array.isArray(info)) return [];
  const facts: [string, string][] = [];
  for (const [key, value] of Object.entries(info).slice(0, 20)) {
    if ((Object.values(SYNC_PAUSE_KEYS) as string[]).includes(key)) continue;
    let shown: string;
    if (typeof value === 'string') shown = value.trim();
    else if (typeof value === 'number' && Number.isFinite(value)) shown = String(value);
    else if (typeof value === 'boolean')
      shown = value
        ? msg('Yes', { id: 'detail.yes', desc: 'Yes/no fact value: yes' })
        : msg('No', { id: 'detail.no', desc: 'Yes/no fact value: no' });
    else continue;
    if (!shown) continue;
    if (shown.length > MAX_FACT_LENGTH) shown = `${shown.slice(0, MAX_FACT_LENGTH)}…`;
    facts.push([humanizeKey(key), shown]);
  }
  return facts;
}

declare global {
  interface HTMLElementTagNameMap {
    'codat-connection-detail': CodatConnectionDetail;
  }
}
