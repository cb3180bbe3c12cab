import { consume } from '@lit/context';
import { msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError } from '../../api/errors.js';
import type { Connection } from '../../api/types.js';
import { clientContext } from '../../context/client-context.js';
import { CodatErrorEvent } from '../../events/error.js';
import { CodatSyncPauseEvent } from '../../events/sync-pause.js';
import { CodatSyncResumeEvent } from '../../events/sync-resume.js';
import { ClientStoreController } from '../../internal/client-controller.js';
import { formatDateTime, resolveLocale } from '../../internal/locale.js';
import { renderError } from '../../internal/render-error.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { syncPauseOf } from '../../internal/sync-pause.js';

const HOUR = 3_600_000;

/** The periods a person can pause syncs for, in hours; `null` is until resumed. */
export const PAUSE_PERIODS: readonly (number | null)[] = [1, 4, 24, null];

/**
 * Pauses a connection's syncs for a chosen period (1 hour, 4 hours, 24 hours, or until resumed) and resumes
 * them: the integration control the detail shows for QuickBooks Desktop (`pqsw`), whose connector Codat lets
 * customers pause. It calls the client's `pauseSyncs()` / `resumeSyncs()` (the kit's own `syncPausePath`
 * route), and shows the pause only once the API confirmed it.
 *
 * @tag codat-sync-pause
 * @summary Pause and resume a connection's syncs.
 *
 * @fires {CodatSyncPauseEvent} codat-sync-pause - The API confirmed the pause. `detail: {connectionId, pausedUntil}` (ISO, or `null` until resumed).
 * @fires {CodatSyncResumeEvent} codat-sync-resume - The API confirmed the resume. `detail: {connectionId}`.
 * @fires {CodatErrorEvent} codat-error - Pausing or resuming failed. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 *
 * @csspart base - The wrapper.
 * @csspart state - Whether syncs are paused, and until when.
 * @csspart duration - The select of how long to pause for.
 * @csspart pause-button - Pause syncs.
 * @csspart resume-button - Resume syncs.
 * @csspart error - The error message.
 *
 * @cssprop [--codat-color-text=inherit] - Text colour.
 * @cssprop [--codat-color-border=#8a8f98] - Border of the select and buttons.
 * @cssprop [--codat-color-surface=#ffffff] - Background of the select and buttons.
 * @cssprop [--codat-color-focus=#1a5fb4] - Focus outline.
 * @cssprop [--codat-radius=0.5rem] - Corner radius.
 * @cssprop [--codat-space=1rem] - Base spacing.
 */
export class CodatSyncPause extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .base {
        display: grid;
        gap: calc(var(--codat-space, 1rem) / 2);
        justify-items: start;
      }
      .state {
        margin: 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--codat-space, 1rem) / 2);
      }
      select {
        font: inherit;
        min-block-size: 2.5rem;
        padding: 0.25rem 0.5rem;
        border: 1px solid var(--codat-color-border, #8a8f98);
        border-radius: calc(var(--codat-radius, 0.5rem) / 2);
        background: var(--codat-color-surface, #ffffff);
        color: inherit;
      }
    `,
  ];

  /** The client to call. Set by the detail; otherwise provided by an ancestor `<codat-connections-provider>`. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: CodatClient;

  /** The connection whose syncs are paused. Read from the client's shared copy when it has one. */
  @property({ attribute: 'connection-id' })
  connectionId?: string;

  /** The connection as the detail shows it (used when the client's shared copy does not have it). */
  @property({ attribute: false })
  connection?: Connection;

  @state() private busy: 'pause' | 'resume' | undefined;
  @state() private failure: unknown;
  @state() private announcement = '';
  @state() private hours: number | null = 1;

  readonly #store = new ClientStoreController(this, () => this.client);
  #abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  #current(): Connection | undefined {
    const id = this.connectionId ?? this.connection?.id;
    return (id && this.#store.connections?.get(id)) || this.connection;
  }

  override render() {
    const connection = this.#current();
    if (!connection) return nothing;
    const locale = resolveLocale(this);
    const pause = syncPauseOf(connection);
    const until = pause?.until ? formatDateTime(pause.until.toISOString(), locale) : undefined;
    return html`<div class="base" part="base">
      <p class="state" part="state">
        ${
          pause
            ? until
              ? msg(str`Syncs are paused until ${until}.`, { id: 'pause.until' })
              : msg('Syncs are paused until you resume them.', { id: 'pause.indefinitely' })
            : connection.status === 'Linked'
              ? msg('Syncs run as scheduled.', { id: 'pause.running' })
              : msg(str`Syncs can be paused once ${connection.platformName} is connected.`, { id: 'pause.notLinked' })
        }
      </p>
      ${pause ? this.#renderResume(connection) : connection.status === 'Linked' ? this.#renderPause(connection) : nothing}
      ${this.failure ? renderError(this.failure, undefined) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderPause(connection: Connection) {
    return html`<div class="row">
      <label for="duration">${msg('Pause for', { id: 'pause.durationLabel' })}</label>
      <select
        id="duration"
        part="duration"
        .value=${String(this.hours)}
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          this.hours = value === 'null' ? null : Number(value);
        }}
      >
        ${PAUSE_PERIODS.map(
          (hours) =>
            html`<option value=${String(hours)} ?selected=${hours === this.hours}>${periodLabel(hours)}</option>`,
        )}
      </select>
      <button
        type="button"
        class="button"
        part="pause-button"
        aria-disabled=${this.busy ? 'true' : 'false'}
        @click=${() => this.pause(connection.id, this.hours)}
      >
        ${this.busy === 'pause' ? msg('Pausing…', { id: 'pause.busy' }) : msg('Pause syncs', { id: 'pause.button' })}
      </button>
    </div>`;
  }

  #renderResume(connection: Connection) {
    return html`<button
      type="button"
      class="button"
      part="resume-button"
      aria-disabled=${this.busy ? 'true' : 'false'}
      @click=${() => this.resume(connection.id)}
    >
      ${this.busy === 'resume' ? msg('Resuming…', { id: 'resume.busy' }) : msg('Resume syncs', { id: 'resume.button' })}
    </button>`;
  }

  /**
   * Pauses the connection's syncs for `hours` (or until resumed when `null`). Presses while a request runs are
   * ignored. Resolves `true` when the API confirmed it.
   */
  async pause(connectionId: string, hours: number | null): Promise<boolean> {
    const until = hours === null ? null : new Date(Date.now() + hours * HOUR);
    const updated = await this.#send('pause', (client, signal) => client.pauseSyncs(connectionId, until, { signal }));
    if (!updated) return false;
    const pause = syncPauseOf(updated);
    const confirmedUntil = pause?.until ? pause.until.toISOString() : null;
    const locale = resolveLocale(this);
    const shown = confirmedUntil ? formatDateTime(confirmedUntil, locale) : undefined;
    this.announcement = shown
      ? msg(str`Syncs are paused until ${shown}.`, { id: 'pause.until' })
      : msg('Syncs are paused until you resume them.', { id: 'pause.indefinitely' });
    this.dispatchEvent(new CodatSyncPauseEvent({ connectionId, pausedUntil: confirmedUntil }));
    return true;
  }

  /** Resumes the connection's syncs. Resolves `true` when the API confirmed it. */
  async resume(connectionId: string): Promise<boolean> {
    const updated = await this.#send('resume', (client, signal) => client.resumeSyncs(connectionId, { signal }));
    if (!updated) return false;
    this.announcement = msg('Syncs resumed.', { id: 'resume.done' });
    this.dispatchEvent(new CodatSyncResumeEvent({ connectionId }));
    return true;
  }

  async #send(
    kind: 'pause' | 'resume',
    request: (client: CodatClient, signal: AbortSignal) => Promise<Connection>,
  ): Promise<Connection | undefined> {
    const client = this.client;
    if (!client || this.busy) return undefined;
    const abort = new AbortController();
    this.#abort = abort;
    this.busy = kind;
    this.failure = undefined;
    this.announcement = '';
    try {
      const updated = await request(client, abort.signal);
      this.connection = updated;
      return updated;
    } catch (error) {
      if (abort.signal.aborted) return undefined;
      this.failure = error;
      if (error instanceof CodatApiError) this.dispatchEvent(CodatErrorEvent.from(error));
      return undefined;
    } finally {
      if (this.#abort === abort) {
        this.#abort = undefined;
        this.busy = undefined;
      }
    }
  }
}

function periodLabel(hours: number | null): string {
  if (hours === null) return msg('Until I resume them', { id: 'pause.period.indefinitely' });
  if (hours === 1) return msg('1 hour', { id: 'pause.period.hour' });
  return msg(str`${hours} hours`, { id: 'pause.period.hours' });
}
