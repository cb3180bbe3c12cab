import { consume } from '@lit/context';
import { currentLocale, msg, str } from '../../localization/localize.js';
import { isolate } from '../../internal/connection-text.js';
import { LitElement, css, html, nothing } from 'lit';
import { inScopeOf, Localized } from '../../localization/localized.js';
import { property, state } from 'lit/decorators.js';
import type { CodatClient } from '../../api/client.js';
import type { Connection } from '../../api/types.js';
import { clientContext } from '../../context/client-context.js';
import { CodatSyncPauseEvent } from '../../events/sync-pause.js';
import { CodatSyncResumeEvent } from '../../events/sync-resume.js';
import { ClientStoreController } from '../../internal/client-controller.js';
import { formatDateTime, formatNumber, resolveLocale } from '../../internal/locale.js';
import { renderError } from '../../internal/render-error.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { syncPauseOf } from '../../internal/sync-pause.js';
import { RequestController } from '../../internal/request-controller.js';

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
 */
export class CodatSyncPause extends Localized(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .base {
        display: grid;
        gap: calc(var(--_space) / 2);
        justify-items: start;
      }
      .state {
        margin: 0;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: calc(var(--_space) / 2);
      }
      select {
        font: inherit;
        min-block-size: 2.5rem;
        padding: 0.25rem 0.5rem;
        border: 1px solid var(--_control);
        border-radius: calc(var(--_radius) / 2);
        background: var(--_surface);
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

  @state() private announcement = '';
  @state() private hours: number | null = 1;

  readonly #store = new ClientStoreController(this, () => this.client);
  /** The pause or resume being sent, and the last failure. */
  readonly #request = new RequestController<'pause' | 'resume'>(this);

  #current(): Connection | undefined {
    const id = this.connectionId ?? this.connection?.id;
    return (id && this.#store.connections?.get(id)) || this.connection;
  }

  override render() {
    const connection = this.#current();
    if (!connection) return nothing;
    const locale = resolveLocale(this);
    const pause = syncPauseOf(connection);
    return html`<div class="base" part="base">
      <p class="state" part="state">
        ${
          pause
            ? pausedText(formatDateTime(pause.until?.toISOString(), locale))
            : connection.status === 'Linked'
              ? msg('Syncs run as scheduled.', { id: 'pause.running', desc: 'Sync pause state: not paused' })
              : msg(str`Syncs can be paused once ${isolate(connection.platformName)} is connected.`, {
                  id: 'pause.notLinked',
                  desc: 'Sync pause control of a connection that is not linked; {0} is the platform name',
                })
        }
      </p>
      ${pause ? this.#renderResume(connection) : connection.status === 'Linked' ? this.#renderPause(connection) : nothing}
      ${this.#request.error ? renderError(this.#request.error, undefined) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  #renderPause(connection: Connection) {
    return html`<div class="row">
      <label for="duration"
        >${msg('Pause for', { id: 'pause.durationLabel', desc: 'Label of the list of pause lengths (1 hour, 4 hours, …)' })}</label
      >
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
        aria-disabled=${this.#request.pending ? 'true' : 'false'}
        @click=${() => this.pause(connection.id, this.hours)}
      >
        ${this.#request.pending === 'pause' ? msg('Pausing…', { id: 'pause.busy', desc: 'Pause button while the request is sent' }) : msg('Pause syncs', { id: 'pause.button', desc: 'Button: pauses syncs' })}
      </button>
    </div>`;
  }

  #renderResume(connection: Connection) {
    return html`<button
      type="button"
      class="button"
      part="resume-button"
      aria-disabled=${this.#request.pending ? 'true' : 'false'}
      @click=${() => this.resume(connection.id)}
    >
      ${this.#request.pending === 'resume' ? msg('Resuming…', { id: 'resume.busy', desc: 'Resume button while the request is sent' }) : msg('Resume syncs', { id: 'resume.button', desc: 'Button: resumes syncs' })}
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
    const confirmedUntil = pause?.until?.toISOString() ?? null;
    this.announcement = inScopeOf(this, () => pausedText(formatDateTime(confirmedUntil, currentLocale())));
    this.dispatchEvent(new CodatSyncPauseEvent({ connectionId, pausedUntil: confirmedUntil }));
    return true;
  }

  /** Resumes the connection's syncs. Resolves `true` when the API confirmed it. */
  async resume(connectionId: string): Promise<boolean> {
    const updated = await this.#send('resume', (client, signal) => client.resumeSyncs(connectionId, { signal }));
    if (!updated) return false;
    this.announcement = inScopeOf(this, () =>
      msg('Syncs resumed.', { id: 'resume.done', desc: 'Announced after syncs resumed' }),
    );
    this.dispatchEvent(new CodatSyncResumeEvent({ connectionId }));
    return true;
  }

  async #send(
    kind: 'pause' | 'resume',
    request: (client: CodatClient, signal: AbortSignal) => Promise<Connection>,
  ): Promise<Connection | undefined> {
    const client = this.client;
    if (!client || this.#request.pending) return undefined;
    this.announcement = '';
    // Pausing swaps the Pause button for Resume (and back): focus follows, so a keyboard user is not left on the page.
    const pressed = (this.renderRoot as ShadowRoot).activeElement?.matches('.button') ?? false;
    // The API's answer counts even when the element left the page meanwhile: the change was made (as for refresh).
    let updated: Connection | undefined;
    await this.#request.send(kind, async (signal) => (updated = await request(client, signal)));
    if (updated) {
      this.connection = updated;
      if (pressed) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.button')?.focus());
    }
    return updated;
  }
}

function pausedText(until: string | undefined): string {
  return until
    ? msg(str`Syncs are paused until ${until}.`, {
        id: 'pause.until',
        desc: 'Sync pause state; {0} is a date and time',
      })
    : msg('Syncs are paused until you resume them.', {
        id: 'pause.indefinitely',
        desc: 'Sync pause state with no end date',
      });
}

function periodLabel(hours: number | null): string {
  if (hours === null)
    return msg('Until I resume them', {
      id: 'pause.period.indefinitely',
      desc: 'Pause length option with no end date',
    });
  return formatNumber(hours, currentLocale(), 'hour');
}

declare global {
  interface HTMLElementTagNameMap {
    'codat-sync-pause': CodatSyncPause;
  }
}
