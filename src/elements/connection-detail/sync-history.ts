/**
 * The sync history of the connection a detail shows: its pull operations, newest first, a page at a time.
 * A controller (state and requests) plus a render function; the detail owns both.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError } from '../../api/errors.js';
import type { PullOperation } from '../../api/types.js';
import { CodatErrorEvent } from '../../events/error.js';
import { dataTypeLabel } from '../../internal/connection-text.js';
import { formatDateTime } from '../../internal/locale.js';
import { renderError } from '../../internal/render-error.js';

type Host = ReactiveControllerHost & EventTarget;

/** Pages through one connection's history; the host calls `follow()` with what it shows before each render. */
export class SyncHistoryController implements ReactiveController {
  items: PullOperation[] = [];
  hasMore = false;
  loading = false;
  error: unknown;

  #host: Host;
  #pageSize: () => number;
  #client: CodatClient | undefined;
  #connectionId: string | undefined;
  #page = 0;
  #abort: AbortController | undefined;

  constructor(host: Host, pageSize: () => number) {
    this.#host = host;
    this.#pageSize = pageSize;
    host.addController(this);
  }

  /** Starts over when the shown connection or the client changes; `undefined` clears the history. */
  follow(client: CodatClient | undefined, connectionId: string | undefined): void {
    if (client === this.#client && connectionId === this.#connectionId) return;
    this.#abort?.abort();
    this.#client = client;
    this.#connectionId = connectionId;
    this.items = [];
    this.hasMore = false;
    this.loading = false;
    this.error = undefined;
    this.#page = 0;
    if (client && connectionId) void this.loadMore();
  }

  hostDisconnected(): void {
    this.follow(undefined, undefined);
  }

  /** Reads the next page (the first one on the first call); ignored while a page is loading. */
  loadMore(): Promise<void> {
    if (this.loading) return Promise.resolve();
    return this.#read(this.#page + 1, this.#pageSize(), false);
  }

  /**
   * Reads what is shown again from the first page (for example when a sync started or finished), replacing the
   * entries only once the answer arrived, so nothing flickers and focus stays where it was.
   */
  reload(): Promise<void> {
    if (!this.#client || !this.#connectionId) return Promise.resolve();
    this.#abort?.abort();
    this.loading = false;
    const size = Math.min(Math.max(this.#page, 1) * this.#pageSize(), 2000);
    return this.#read(1, size, true);
  }

  async #read(page: number, pageSize: number, replace: boolean): Promise<void> {
    const client = this.#client;
    const connectionId = this.#connectionId;
    if (!client || !connectionId) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const result = await client.listPullOperations(connectionId, { page, pageSize, signal: abort.signal });
      if (abort.signal.aborted) return;
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
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      if (error instanceof CodatApiError) this.#host.dispatchEvent(CodatErrorEvent.from(error));
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }
}

/** The outcome of a pull operation in words, never by colour alone. */
function outcome(operation: PullOperation): { label: string; kind: 'done' | 'failed' | 'running' | 'other' } {
  if (operation.isErrored) return { label: msg('Failed', { id: 'history.failed' }), kind: 'failed' };
  if (operation.isCompleted || operation.status === 'Complete') {
    return { label: msg('Completed', { id: 'history.completed' }), kind: 'done' };
  }
  if (operation.status === 'Cancelled') return { label: msg('Cancelled', { id: 'history.cancelled' }), kind: 'other' };
  if (operation.status === 'NotSupported') {
    return { label: msg('Not supported', { id: 'history.notSupported' }), kind: 'other' };
  }
  if (operation.status === 'Initial' || operation.status === 'Queued') {
    return { label: msg('Queued', { id: 'history.queued' }), kind: 'running' };
  }
  return { label: msg('In progress', { id: 'history.inProgress' }), kind: 'running' };
}

/** The history section of a detail. */
export function renderSyncHistory(history: SyncHistoryController, locale: string, headingLevel: number) {
  const level = Math.min(headingLevel + 1, 6);
  const first = history.items.length === 0;
  return html`<div class="history" part="history" role="group" aria-labelledby="history-heading">
    <div class="history-heading" id="history-heading" role="heading" aria-level=${level}>
      ${msg('Sync history', { id: 'history.heading' })}
    </div>
    ${
      first && history.loading
        ? html`<p class="message" role="status">${msg('Loading sync history…', { id: 'history.loading' })}</p>`
        : nothing
    }
    ${
      first && !history.loading && !history.error
        ? html`<p class="message">
            ${msg('No data has been read through this connection yet.', { id: 'history.empty' })}
          </p>`
        : nothing
    }
    ${
      history.items.length
        ? html`<ol class="history-list" part="history-list">
            ${history.items.map((operation) => renderOperation(operation, locale))}
          </ol>`
        : nothing
    }
    ${history.error ? renderError(history.error, () => history.loadMore()) : nothing}
    ${
      history.hasMore && !history.error
        ? html`<button
            type="button"
            class="button"
            part="history-more-button"
            aria-disabled=${history.loading ? 'true' : 'false'}
            @click=${() => history.loadMore()}
          >
            ${
              history.loading
                ? msg('Loading more…', { id: 'history.loadingMore' })
                : msg('Show more', { id: 'history.more' })
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
      ${requested ? msg(str`Requested ${requested}`, { id: 'history.requested' }) : nothing}
      ${completed ? msg(str`· finished ${completed}`, { id: 'history.finished' }) : nothing}
    </span>
    ${
      operation.isErrored && operation.errorMessage
        ? html`<span class="history-error" part="history-error">${operation.errorMessage}</span>`
        : nothing
    }
  </li>`;
}
