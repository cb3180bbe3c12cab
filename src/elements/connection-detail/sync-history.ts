/**
 * The sync history of the connection a detail shows: its pull operations, newest first, a page at a time.
 * A controller (state and requests) plus a render function; the detail owns both.
 */
import { msg, str } from '../../localization/localize.js';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { CodatClient } from '../../api/client.js';
import type { PullOperation } from '../../api/types.js';
import { dataTypeLabel } from '../../internal/connection-text.js';
import { formatDateTime } from '../../internal/locale.js';
import { renderError } from '../../internal/render-error.js';
import { RequestController } from '../../internal/request-controller.js';

/** Pages through one connection's history; the host calls `follow()` with what it shows before each render. */
export class SyncHistoryController extends RequestController {
  items: PullOperation[] = [];
  hasMore = false;

  #pageSize: () => number;
  #client: CodatClient | undefined;
  #connectionId: string | undefined;
  #page = 0;

  constructor(host: ReactiveControllerHost & EventTarget, pageSize: () => number) {
    super(host);
    this.#pageSize = pageSize;
  }

  /** Starts over when the shown connection or the client changes; `undefined` clears the history. */
  follow(client: CodatClient | undefined, connectionId: string | undefined): void {
    if (client === this.#client && connectionId === this.#connectionId) return;
    this.abort();
    this.#client = client;
    this.#connectionId = connectionId;
    this.items = [];
    this.hasMore = false;
    this.error = undefined;
    this.#page = 0;
    if (client && connectionId) void this.loadMore();
  }

  /** Off the page, a read under way stops and is forgotten, to start again on return; what was read stays. */
  override hostDisconnected(): void {
    if (this.pending) this.follow(undefined, undefined);
  }

  /** Back on the page (a move is a disconnect and a connect): the host renders, and `follow()` reads again if needed. */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  /** Reads the next page (the first one on the first call); ignored while a page is loading. */
  loadMore(): Promise<void> {
    if (this.pending) return Promise.resolve();
    return this.#read(this.#page + 1, this.#pageSize(), false);
  }

  /**
   * Reads what is shown again from the first page (for example when a sync started or finished), replacing the
   * entries only once the answer arrived, so nothing flickers and focus stays where it was.
   */
  reload(): Promise<void> {
    if (!this.#client || !this.#connectionId) return Promise.resolve();
    const size = Math.min(Math.max(this.#page, 1) * this.#pageSize(), 2000);
    return this.#read(1, size, true);
  }

  async #read(page: number, pageSize: number, replace: boolean): Promise<void> {
    const client = this.#client;
    const connectionId = this.#connectionId;
    if (!client || !connectionId) return;
    await this.send(
      true,
      (signal) => client.listPullOperations(connectionId, { page, pageSize, signal }),
      (result) => {
        if (replace) {
          this.#page = Math.max(1, Math.ceil(pageSize / this.#pageSize()));
          this.items = result.results;
        } else {
          this.#page = page;
          this.items = [...this.items, ...result.results];
        }
        this.hasMore = result.hasMore;
        // Reads under way that the sync monitor has not heard of (started elsewhere) are followed too.
        client.syncs.observe(result.results);
      },
    );
  }
}

/** The outcome of a pull operation in words, never by colour alone. */
function outcome(operation: PullOperation): { label: string; kind: 'done' | 'failed' | 'running' | 'other' } {
  if (operation.isErrored)
    return { label: msg('Failed', { id: 'history.failed', desc: 'Outcome of a data read' }), kind: 'failed' };
  if (operation.isCompleted || operation.status === 'Complete') {
    return { label: msg('Completed', { id: 'history.completed', desc: 'Outcome of a data read' }), kind: 'done' };
  }
  if (operation.status === 'Cancelled')
    return { label: msg('Cancelled', { id: 'history.cancelled', desc: 'Outcome of a data read' }), kind: 'other' };
  if (operation.status === 'NotSupported') {
    return {
      label: msg('Not supported', {
        id: 'history.notSupported',
        desc: 'Outcome of a data read: the platform does not offer that type of data',
      }),
      kind: 'other',
    };
  }
  if (operation.status === 'Initial' || operation.status === 'Queued') {
    return {
      label: msg('Queued', { id: 'history.queued', desc: 'State of a data read that has not started' }),
      kind: 'running',
    };
  }
  return {
    label: msg('In progress', { id: 'history.inProgress', desc: 'State of a data read that is running' }),
    kind: 'running',
  };
}

/** The history section of a detail, under a heading of `headingLevel`. */
export function renderSyncHistory(history: SyncHistoryController, locale: string, headingLevel: number) {
  return html`<div class="history" part="history" role="group" aria-labelledby="history-heading">
    <div class="history-heading" id="history-heading" role="heading" aria-level=${headingLevel}>
      ${msg('Sync history', { id: 'history.heading', desc: 'Heading of the list of past data reads' })}
    </div>
    ${
      history.items.length
        ? html`<ol class="history-list" part="history-list">
            ${history.items.map((operation) => renderOperation(operation, locale))}
          </ol>`
        : history.pending
          ? html`<p class="message" role="status">
              ${msg('Loading sync history…', { id: 'history.loading', desc: 'Shown while the sync history is read' })}
            </p>`
          : history.error
            ? nothing
            : html`<p class="message">
                ${msg('No data has been read through this connection yet.', { id: 'history.empty', desc: 'No data reads yet' })}
              </p>`
    }
    ${history.error ? renderError(history.error, () => history.loadMore()) : nothing}
    ${
      history.hasMore && !history.error
        ? html`<button
            type="button"
            class="button"
            part="history-more-button"
            aria-disabled=${history.pending ? 'true' : 'false'}
            @click=${() => history.loadMore()}
          >
            ${
              history.pending
                ? msg('Loading more…', {
                    id: 'history.loadingMore',
                    desc: 'Show more button while the next page is read',
                  })
                : msg('Show more', { id: 'history.more', desc: 'Button: reads more of the sync history' })
            }
          </button>`
        : nothing
    }
  </div>`;
}

function renderOperation(operation: PullOperation, locale: string) {
  const { label, kind } = outcome(operation);
  const requested = formatDateTime(operation.requested, locale);
  const completed = formatDateTime(operation.completed, locale);
  return html`<li class="history-item history-item--${kind}" part="history-item">
    <span class="history-type">${dataTypeLabel(operation.dataType)}</span>
    <span class="history-outcome" part="history-status">${label}</span>
    <span class="history-dates">
      ${requested ? msg(str`Requested ${requested}`, { id: 'history.requested', desc: 'When a data read was asked for; {0} is a date and time' }) : nothing}
      ${completed ? msg(str`· finished ${completed}`, { id: 'history.finished', desc: 'Follows history.requested; {0} is a date and time' }) : nothing}
    </span>
    ${
      operation.isErrored && operation.errorMessage
        ? html`<span class="history-error" part="history-error">${operation.errorMessage}</span>`
        : nothing
    }
  </li>`;
}
