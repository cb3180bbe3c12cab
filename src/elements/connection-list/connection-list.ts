import { consume } from '@lit/context';
import { msg, str, wordsKey } from '../../localization/localize.js';
import { Task } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { inScopeOf, Localized } from '../../localization/localized.js';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError, isConfigurationError } from '../../api/errors.js';
import { CONNECTION_STATUSES, type Connection } from '../../api/types.js';
import { clientContext } from '../../context/client-context.js';
import { CodatConnectionSelectEvent } from '../../events/connection-select.js';
import { CodatErrorEvent } from '../../events/error.js';
import {
  arrangeConnections,
  parseFilter,
  parseSort,
  type ConnectionGroup,
  type SortOrder,
} from '../../internal/arrange-connections.js';
import { attentionOf, type Attention } from '../../internal/attention.js';
import { BatchController } from '../../internal/batch-controller.js';
import { ClientStoreController } from '../../internal/client-controller.js';
import { SyncController } from '../../sync/sync-controller.js';
import { syncAnnouncement } from '../../sync/sync-text.js';
import { attentionLabel, SOURCE_TYPE_ORDER, sourceTypeLabel, statusLabel } from '../../internal/connection-text.js';
import { formatDateTime, resolveLocale } from '../../internal/locale.js';
import { logoSettled, platformLogo } from '../../internal/platform-logo.js';
import { renderError } from '../../internal/render-error.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { ariaHeadingLevel } from '../../internal/heading-level.js';
import { connectionListStyles } from './connection-list.styles.js';

/**
 * Every data connection of the company, grouped by source type (Accounting, Banking, Commerce, then
 * others), with each platform's logo, its status in words, what needs attention (Needs reconnecting, Error,
 * Syncs paused, Syncing…), when it was first authorized and when data was last read. Choosing one fires
 * `codat-connection-select`.
 *
 * `statuses` and `source-types` filter and `sort` orders the list on the page, over the one list request.
 * Long lists show their first 50 items at once and the rest in batches, one per animation frame, in order
 * (each item arrives after the ones before it), so the page stays responsive; `aria-busy` is set meanwhile.
 *
 * @tag codat-connection-list
 * @summary The company's connections, grouped by source type.
 *
 * @fires {CodatConnectionSelectEvent} codat-connection-select - The person chose a connection. Cancelable: cancel it to take over navigation. `detail: {connectionId}`.
 * @fires {CodatErrorEvent} codat-error - Loading failed. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 *
 * @csspart base - The wrapper around every state.
 * @csspart group - One source type's group (`role="group"`, named by its heading).
 * @csspart group-heading - The heading of a source type's group.
 * @csspart list - The list of one source type's connections.
 * @csspart item - One connection's list item.
 * @csspart item-button - The button that chooses a connection; `aria-current="true"` when chosen.
 * @csspart logo - A platform's logo or initials.
 * @csspart name - A platform's name.
 * @csspart status - A connection's status label.
 * @csspart badge - Any attention badge of a connection, in words (also part of the item button's name).
 * @csspart badge-reconnect - The "Needs reconnecting" badge: deauthorized, or the platform refuses access (401/403).
 * @csspart badge-error - The "Error" badge: the platform reports another active error.
 * @csspart badge-paused - The "Syncs paused" badge.
 * @csspart badge-syncing - The "Syncing…" badge.
 * @csspart dates - A connection's first-authorized and last-sync dates.
 * @csspart loading - The loading message.
 * @csspart empty - The message shown when there are no connections.
 * @csspart no-matches - The message shown when `statuses` or `source-types` hide every connection.
 * @csspart error - The error message.
 * @csspart retry-button - The Try again button of the error state.
 *
 * @cssprop [--codat-list-heading-size=0.875rem] - Size of the group headings.
 */
export class CodatConnectionList extends Localized(LitElement) {
  static override styles = [sharedStyles, connectionListStyles];

  /** The client to read from. Provided by an ancestor `<codat-connections-provider>` (or a host's context provider) unless set. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: CodatClient;

  /** The id of the chosen connection, shown as selected. Set by the provider when cooperating. */
  @property({ attribute: 'selected-connection-id', reflect: true })
  selectedConnectionId?: string;

  /** The ARIA level of the group headings, to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 3;

  /**
   * Shows only connections with these statuses: comma- or space-separated API values (`Linked`, `PendingAuth`,
   * `Deauthorized`, `Unlinked`), in any case, e.g. `statuses="Linked Deauthorized"`. Unknown values are ignored
   * with a console warning; empty, or naming no known status, shows every status.
   */
  @property()
  statuses?: string;

  /**
   * Shows only these source-type groups: comma- or space-separated (`Accounting`, `Banking`, `Commerce`,
   * `BankFeed`, `Expense`, `Other`, `Unknown`), in any case, e.g. `source-types="Accounting,Banking"`. Unknown
   * values are ignored with a console warning; empty, or naming no known type, shows every group.
   */
  @property({ attribute: 'source-types' })
  sourceTypes?: string;

  /**
   * The order within each source-type group (the groups keep their order): `name` (by the element's language),
   * `status` (Linked, Pending, Deauthorized, Unlinked), `created` or `last-sync`, oldest first; prefix `-` to
   * reverse, e.g. `sort="-last-sync"`. Connections without the date come last either way; ties keep the API's
   * order. Empty, or invalid (with a console warning): the API's order.
   */
  @property()
  sort?: string;

  /**
   * Ids of the connections being synced now; each shows a "Syncing…" badge. When unset, the kit's own sync
   * tracking (`client.syncs`) decides, which is what hosts usually want. Assign a new set to change it: changes inside the same set are not seen.
   */
  @property({ attribute: false })
  syncing?: ReadonlySet<string>;

  /** The last sync start or finish, read out by the polite live region. */
  @state() private syncAnnouncement = '';

  readonly #store = new ClientStoreController(this, () => this.client);
  // The list asks once whether anything is syncing (syncs started elsewhere), then follows what is.
  readonly #sync = new SyncController(this, () => this.client, {
    check: true,
    onChange: (changes) => {
      if (this.#sync.announces) {
        this.syncAnnouncement = inScopeOf(this, () => syncAnnouncement(changes, this.client?.connections));
      }
    },
  });
  #statusFilter: ReadonlySet<string> | undefined;
  #sourceTypeFilter: ReadonlySet<string> | undefined;
  #sortOrder: SortOrder | undefined;
  /** The groups to show, filtered and sorted; `undefined` until the list has been read. */
  #groups: ConnectionGroup[] | undefined;
  /** Whether the company has no connections at all (rather than none that match the filters). */
  #none = false;
  /** What `#groups` was arranged from: they are arranged again only when one of these changed. */
  #arrangedFrom: readonly unknown[] = [];
  /** Long lists go on the page a batch per frame, in the order shown. */
  readonly #batches = new BatchController(this);

  #load = new Task(this, {
    // A new session (a new token after expiry) reads the list again.
    args: () => [this.client, this.client?.session] as const,
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      try {
        return await client.listConnections({ signal });
      } catch (error) {
        if (error instanceof CodatApiError) this.dispatchEvent(CodatErrorEvent.from(error));
        throw error;
      }
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load.abort();
  }

  /** Reads the connections again from the API. */
  reload(): Promise<unknown> {
    return this.#load.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.headingLevel = ariaHeadingLevel(this.headingLevel, 3);
    // Other filters show other items: they arrive in batches again rather than all at once.
    if (changed.has('statuses') || changed.has('sourceTypes')) this.#batches.restart();
    if (changed.has('statuses')) this.#statusFilter = parseFilter(this.statuses, CONNECTION_STATUSES, 'statuses');
    if (changed.has('sourceTypes')) {
      this.#sourceTypeFilter = parseFilter(this.sourceTypes, SOURCE_TYPE_ORDER, 'source-types');
    }
    if (changed.has('sort')) this.#sortOrder = parseSort(this.sort);
    this.#arrange();
    this.#batches.setTotal(this.#groups?.reduce((sum, group) => sum + group.connections.length, 0) ?? 0);
  }

  /** Filters, groups and sorts the store's connections, unless nothing they depend on changed (a batch frame). */
  #arrange(): void {
    const store = this.#store.connections;
    const locale = resolveLocale(this);
    const from = [
      store,
      this.#store.version,
      store?.listLoaded,
      this.#statusFilter,
      this.#sourceTypeFilter,
      this.#sortOrder,
      locale,
    ];
    if (from.every((value, i) => value === this.#arrangedFrom[i])) return;
    this.#arrangedFrom = from;
    const connections = store?.listLoaded ? store.all() : undefined;
    this.#none = connections?.length === 0;
    this.#groups = connections
      ? arrangeConnections(connections, {
          statuses: this.#statusFilter,
          sourceTypes: this.#sourceTypeFilter,
          sort: this.#sortOrder,
          locale,
        })
      : undefined;
  }

  override render() {
    const busy = this.#batches.pending;
    return html`<div class="base" part="base" aria-busy=${busy ? 'true' : nothing}>${this.#renderState()}</div>
      <div class="visually-hidden" role="status" aria-live="polite" data-sync-announcer>${this.syncAnnouncement}</div>`;
  }

  #renderState() {
    const store = this.#store.connections;
    if (!store) return renderError(missingClientError(), undefined);
    if (this.#groups) return this.#renderGroups(this.#groups);
    return this.#load.render({
      initial: () => this.#renderLoading(),
      pending: () => this.#renderLoading(),
      complete: () => this.#renderLoading(),
      error: (error) => renderError(error, isConfigurationError(error) ? undefined : () => this.reload()),
    });
  }

  #renderLoading() {
    return html`<p class="message" part="loading" role="status">
      ${msg('Loading connections…', { id: 'list.loading', desc: 'Shown while the connections are read' })}
    </p>`;
  }

  #renderGroups(groups: ConnectionGroup[]) {
    // The kit's own sync tracking, unless the host set `syncing`.
    const syncing = this.syncing ?? this.#sync.monitor?.syncingIds;
    if (this.#none) {
      return html`<p class="message" part="empty" role="status">
        ${msg('No apps are connected yet.', { id: 'list.empty', desc: 'The company has no connections' })}
      </p>`;
    }
    if (groups.length === 0) {
      return html`<p class="message" part="no-matches" role="status">
        ${msg('No connections match these filters.', { id: 'list.noMatches', desc: 'The list filters hide every connection' })}
      </p>`;
    }
    // The first items in the order shown; the batch controller asks for the next batch in the next frame.
    let room = this.#batches.limit;
    const shown: ConnectionGroup[] = [];
    for (const group of groups) {
      if (room <= 0) break;
      shown.push(
        room >= group.connections.length ? group : { ...group, connections: group.connections.slice(0, room) },
      );
      room -= group.connections.length;
    }
    const locale = resolveLocale(this);
    const now = Date.now();
    return repeat(
      shown,
      (group) => group.type,
      ({ type, connections: members }) =>
        html`<div class="group" part="group" role="group" aria-labelledby="heading-${type}">
          <div
            class="group-heading"
            part="group-heading"
            role="heading"
            aria-level=${this.headingLevel}
            id="heading-${type}"
          >
            ${sourceTypeLabel(type)}
          </div>
          <ul class="list" part="list" aria-labelledby="heading-${type}">
            ${repeat(
              members,
              (connection) => connection.id,
              (connection) => {
                const selected = connection.id === this.selectedConnectionId;
                const attention = attentionOf(connection, now, { syncing });
                // An item is rendered again only when something it shows changed, so adding a batch to a
                // long list, or choosing an item, does not re-render every item.
                const logo = logoSettled(this.client, connection.integrationKey);
                return guard([connection, selected, attention.join(), locale, this.client, logo, ...wordsKey()], () =>
                  this.#renderItem(connection, selected, attention, locale),
                );
              },
            )}
          </ul>
        </div>`,
    );
  }

  #renderItem(connection: Connection, selected: boolean, attention: readonly Attention[], locale: string) {
    const created = formatDateTime(connection.created, locale);
    const lastSync = formatDateTime(connection.lastSync, locale);
    return html`<li class="item" part="item">
      <button
        type="button"
        class="item-button"
        part="item-button"
        aria-current=${selected ? 'true' : nothing}
        @click=${() => this.selectConnection(connection.id)}
      >
        ${platformLogo(this, this.client, connection)}
        <span class="item-text">
          <span class="item-name" part="name">${connection.platformName}</span>
          <span class="item-status">
            <span class="status status--${connection.status}" part="status">${statusLabel(connection.status)}</span>
            ${attention.map(
              (kind) =>
                html`<span class="badge badge--${kind}" part="badge badge-${kind}">${attentionLabel(kind)}</span> `,
            )}
          </span>
          <span class="item-dates" part="dates">
            ${created ? msg(str`Connected ${created}`, { id: 'list.created', desc: 'Under a connection in the list; {0} is a date and time' }) : nothing}
            ${created ? html`<span aria-hidden="true"> · </span>` : nothing}
            ${
              lastSync
                ? msg(str`Last synced ${lastSync}`, {
                    id: 'list.lastSync',
                    desc: 'Under a connection in the list; {0} is a date and time',
                  })
                : msg('Not synced yet', { id: 'list.neverSynced', desc: 'No data has been read from the platform yet' })
            }
          </span>
        </span>
      </button>
    </li>`;
  }

  /**
   * Chooses a connection as if the person clicked it: fires `codat-connection-select` and, unless a
   * listener cancelled it, marks it selected.
   */
  selectConnection(connectionId: string): void {
    const proceed = this.dispatchEvent(new CodatConnectionSelectEvent({ connectionId }));
    if (proceed) this.selectedConnectionId = connectionId;
  }
}

function missingClientError(): CodatApiError {
  return new CodatApiError({
    kind: 'configuration',
    operation: 'configure',
    message: msg(
      'This list is not connected to Codat. Place it inside <codat-connections-provider> or give it a client.',
      {
        id: 'error.noClient',
        desc: 'Set-up error shown to the developer; keep the tag name as is',
      },
    ),
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'codat-connection-list': CodatConnectionList;
  }
}
