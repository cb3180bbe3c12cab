/**
 * Refresh in a detail: "Refresh data" (every data type, `POST data/all`) and one data type at a time
 * (`POST data/queue/{dataType}?connectionId=`), with the reads' progress while they run.
 * A controller (request state) plus a render function; the detail owns both.
 */
import { currentLocale, msg, str } from '../../localization/localize.js';
import { readingText } from '../../sync/sync-text.js';
import { html, nothing } from 'lit';
import type { CodatClient } from '../../api/client.js';
import type { Connection, DataType } from '../../api/types.js';
import { CodatRefreshEvent } from '../../events/refresh.js';
import { CodatRefreshRequestEvent } from '../../events/refresh-request.js';
import { dataTypeLabel, dataTypeSource, isolate } from '../../internal/connection-text.js';
import { renderError } from '../../internal/render-error.js';
import { RequestController } from '../../internal/request-controller.js';

/** Sends refreshes for the detail's connection, once at a time, and remembers the last failure. */
export class RefreshController extends RequestController<'all' | DataType> {
  /** The connection the last failure belongs to. */
  #errorFor: string | undefined;

  /** The last failure, if it belongs to this connection. */
  errorFor(connectionId: string): unknown {
    return this.#errorFor === connectionId ? this.error : undefined;
  }

  /**
   * Fires `codat-refresh-request` and, unless a listener cancelled it, sends the refresh. Resolves `true` when
   * the API accepted it (and `codat-refresh` fired).
   */
  async refresh(client: CodatClient | undefined, connectionId: string, dataType?: DataType): Promise<boolean> {
    if (!client || this.pending) return false;
    const detail = dataType ? { connectionId, dataType } : { connectionId };
    if (!this.host.dispatchEvent(new CodatRefreshRequestEvent(detail))) return false;
    this.#errorFor = connectionId;
    const accepted = await this.send<unknown>(dataType ?? 'all', (signal) =>
      dataType ? client.refreshDataType(connectionId, dataType, { signal }) : client.refreshAllData({ signal }),
    );
    if (accepted) this.host.dispatchEvent(new CodatRefreshEvent(detail));
    return accepted;
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
  const locale = currentLocale();
  return [...types].sort((a, b) => dataTypeLabel(a).localeCompare(dataTypeLabel(b), locale)) as DataType[];
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
  const busy = controller.pending !== undefined || syncing > 0;
  const error = controller.errorFor(connection.id);
  return html`<div class="refresh" part="refresh">
    ${
      syncing > 0
        ? html`<div class="sync-progress" part="sync-progress">
            <progress
              aria-label=${msg(str`Syncing ${isolate(connection.platformName)}`, { id: 'sync.progressLabel', desc: 'Accessible name of the progress bar; {0} is the platform name' })}
            ></progress>
            <span>${readingText(syncing)}</span>
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
        controller.pending === 'all'
          ? msg('Asking for fresh data…', { id: 'refresh.sending', desc: 'Refresh button while the request is sent' })
          : syncing > 0
            ? msg('Syncing…', { id: 'refresh.syncing', desc: 'Refresh button while reads run' })
            : msg('Refresh data', { id: 'refresh.all', desc: 'Button: read every type of data again' })
      }
    </button>
    ${
      dataTypes.length
        ? html`<details class="refresh-types" part="refresh-types">
            <summary>
              ${msg('Refresh one type of data', { id: 'refresh.oneType', desc: 'Disclosure with one refresh button per type of data' })}
            </summary>
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
                      ${msg(str`Refresh ${dataTypeLabel(type)}`, { id: 'refresh.type', desc: 'Button; {0} is the name of a type of data, as in the dataType.* texts (capitalized), e.g. Invoices' })}
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

export { readingText };
