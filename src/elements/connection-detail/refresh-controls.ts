/**
 * Refresh in a detail: "Refresh data" (every data type, `POST data/all`) and one data type at a time
 * (`POST data/queue/{dataType}?connectionId=`), with the reads' progress while they run.
 * A controller (request state) plus a render function; the detail owns both.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError } from '../../api/errors.js';
import type { Connection, DataType } from '../../api/types.js';
import { CodatErrorEvent } from '../../events/error.js';
import { CodatRefreshEvent } from '../../events/refresh.js';
import { CodatRefreshRequestEvent } from '../../events/refresh-request.js';
import { dataTypeLabel, dataTypeSource } from '../../internal/connection-text.js';
import { renderError } from '../../internal/render-error.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Sends refreshes for the detail's connection, once at a time, and remembers the last failure. */
export class RefreshController implements ReactiveController {
  /** What is being sent now: `all`, a data type, or nothing. */
  sending: 'all' | DataType | undefined;
  error: unknown;
  /** The connection the error belongs to. */
  #errorFor: string | undefined;
  #host: Host;
  #abort: AbortController | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.sending = undefined;
  }

  /** The last failure, if it belongs to this connection. */
  errorFor(connectionId: string): unknown {
    return this.#errorFor === connectionId ? this.error : undefined;
  }

  /**
   * Fires `codat-refresh-request` and, unless a listener cancelled it, sends the refresh. Resolves `true` when
   * the API accepted it (and `codat-refresh` fired).
   */
  async refresh(client: CodatClient | undefined, connectionId: string, dataType?: DataType): Promise<boolean> {
    if (!client || this.sending) return false;
    const detail = dataType ? { connectionId, dataType } : { connectionId };
    if (!this.#host.dispatchEvent(new CodatRefreshRequestEvent(detail))) return false;
    const abort = new AbortController();
    this.#abort = abort;
    this.sending = dataType ?? 'all';
    this.error = undefined;
    this.#errorFor = undefined;
    this.#host.requestUpdate();
    try {
      if (dataType) await client.refreshDataType(connectionId, dataType, { signal: abort.signal });
      else await client.refreshAllData({ signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted) return false;
      this.error = error;
      this.#errorFor = connectionId;
      if (error instanceof CodatApiError) this.#host.dispatchEvent(CodatErrorEvent.from(error));
      return false;
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.sending = undefined;
        this.#host.requestUpdate();
      }
    }
    this.#host.dispatchEvent(new CodatRefreshEvent(detail));
    return true;
  }
}

/** The data types a connection can be asked for: those in its history, and the company's for its source type. */
export function refreshableDataTypes(
  connection: Connection,
  fromHistory: readonly string[],
  fromStatus: readonly string[],
): DataType[] {
  const types = new Set<string>(fromHistory);
  for (const type of fromStatus) if (dataTypeSource(type) === connection.sourceType) types.add(type);
  return [...types].sort((a, b) => dataTypeLabel(a).localeCompare(dataTypeLabel(b))) as DataType[];
}

/**
 * The refresh controls of a linked connection: progress while its reads run, "Refresh data", and a disclosure
 * with one button per data type.
 */
export function renderRefresh(options: {
  controller: RefreshController;
  client: CodatClient | undefined;
  connection: Connection;
  syncing: number;
  dataTypes: readonly DataType[];
}) {
  const { controller, client, connection, syncing, dataTypes } = options;
  const busy = controller.sending !== undefined || syncing > 0;
  const error = controller.errorFor(connection.id);
  return html`<div class="refresh" part="refresh">
    ${
      syncing > 0
        ? html`<div class="sync-progress" part="sync-progress">
            <progress
              aria-label=${msg(str`Syncing ${connection.platformName}`, { id: 'sync.progressLabel' })}
            ></progress>
            <span
              >${
                syncing === 1
                  ? msg('Reading 1 type of data…', { id: 'sync.readingOne' })
                  : msg(str`Reading ${syncing} types of data…`, { id: 'sync.readingMany' })
              }</span
            >
          </div>`
        : nothing
    }
    <button
      type="button"
      class="button"
      part="refresh-button"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => {
        if (!busy) void controller.refresh(client, connection.id);
      }}
    >
      ${
        controller.sending === 'all'
          ? msg('Asking for fresh data…', { id: 'refresh.sending' })
          : syncing > 0
            ? msg('Syncing…', { id: 'refresh.syncing' })
            : msg('Refresh data', { id: 'refresh.all' })
      }
    </button>
    ${
      dataTypes.length
        ? html`<details class="refresh-types" part="refresh-types">
            <summary>${msg('Refresh one type of data', { id: 'refresh.oneType' })}</summary>
            <ul class="refresh-type-list">
              ${dataTypes.map(
                (type) =>
                  html`<li>
                    <button
                      type="button"
                      class="button button--small"
                      part="refresh-type-button"
                      aria-disabled=${busy ? 'true' : 'false'}
                      @click=${() => {
                        if (!busy) void controller.refresh(client, connection.id, type);
                      }}
                    >
                      ${msg(str`Refresh ${dataTypeLabel(type)}`, { id: 'refresh.type' })}
                    </button>
                  </li>`,
              )}
            </ul>
          </details>`
        : nothing
    }
    ${error ? renderError(error, undefined) : nothing}
  </div>`;
}
