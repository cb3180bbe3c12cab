import { consume } from '@lit/context';
import { msg, str } from '../../localization/localize.js';
import { isolate } from '../../internal/connection-text.js';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Localized } from '../../localization/localized.js';
import { property, state } from 'lit/decorators.js';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError } from '../../api/errors.js';
import { clientContext } from '../../context/client-context.js';
import { textContext } from '../../context/text-context.js';
import { markdownStyles } from '../../internal/markdown.js';
import { renderSharedData } from '../../internal/shared-data.js';
import type { TextOptions } from '../../internal/text-options.js';
import { CodatDeleteEvent } from '../../events/delete.js';
import { CodatDisconnectEvent } from '../../events/disconnect.js';
import { CodatErrorEvent } from '../../events/error.js';
import { CodatReconnectEvent } from '../../events/reconnect.js';
import type { Connection } from '../../api/types.js';
import { checkedLink, watchReturn } from '../../internal/link-journey.js';
import { ClientStoreController } from '../../internal/client-controller.js';
import { deepActiveElement } from '../../internal/focus.js';
import { renderError } from '../../internal/render-error.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { disconnectConfirmStyles } from './disconnect-confirm.styles.js';

/**
 * A modal confirmation before a connection is disconnected (unlinked), deleted or reconnected, on a native
 * `<dialog>` with `role="alertdialog"`. It names the platform and says plainly what the action means (a delete
 * cannot be undone); Cancel has the initial focus, Escape cancels, and focus returns to whatever opened it.
 * Confirming a disconnect or delete sends the request once; the dialog closes and `codat-disconnect` or
 * `codat-delete` fires only after the API confirmed it. On failure the dialog stays open with the API's message
 * and the connection stays as it was.
 *
 * For a reconnect the confirm button is a link to the connection's `linkUrl` (the platform's sign-in), shown only
 * when that URL is `https:` on an allowed host (the client's `allowedLinkHosts`, the page's own origin or the
 * API's); otherwise the dialog says why and fires `codat-error`. Following it fires `codat-reconnect`; when the
 * person comes back to the page, the connection is read again and every view shows its new status.
 *
 * @tag codat-disconnect-confirm
 * @summary Confirms and performs a disconnect or a delete.
 *
 * @fires {CodatDisconnectEvent} codat-disconnect - The API confirmed the unlink. `detail: {connectionId}`.
 * @fires {CodatDeleteEvent} codat-delete - The API confirmed the delete. `detail: {connectionId}`.
 * @fires {CodatReconnectEvent} codat-reconnect - The person followed the link to authorize the connection again. `detail: {connectionId}`.
 * @fires {CodatErrorEvent} codat-error - The request failed, or a reconnect link was refused as unsafe. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 *
 * @csspart dialog - The native dialog.
 * @csspart title - The dialog title.
 * @csspart body - What disconnecting means.
 * @csspart shared-data - What the connection shares (the host's `text` list), before a disconnect or reconnect.
 * @csspart actions - The row of buttons.
 * @csspart cancel-button - The Cancel button (initial focus).
 * @csspart confirm-button - The Disconnect or Delete button (`aria-disabled="true"` while the request runs), or the reconnect link.
 * @csspart error - The error message when the unlink failed.
 *
 * @cssprop [--codat-confirm-width=28rem] - The dialog's width.
 * @cssprop [--codat-color-backdrop=rgb(0 0 0 / 0.45)] - The backdrop behind the dialog.
 */
export class CodatDisconnectConfirm extends Localized(LitElement) {
  static override styles = [sharedStyles, markdownStyles, disconnectConfirmStyles];

  /** The client to unlink with. Provided by an ancestor `<codat-connections-provider>` (or a host's context provider) unless set. */
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

  /** The connection to disconnect. */
  @property({ attribute: 'connection-id', reflect: true })
  connectionId?: string;

  /**
   * What confirming does: `disconnect` (unlink; data already shared stays), `delete` (cannot be undone) or
   * `reconnect` (go to the platform to authorize again).
   */
  @property({ reflect: true })
  action: ConfirmAction = 'disconnect';

  /** Where the reconnect link opens: `new-window` (default; the kit re-reads the connection when the person comes back) or `same-window`. */
  @property({ attribute: 'reconnect-target' })
  reconnectTarget: 'new-window' | 'same-window' = 'new-window';

  /** Whether the dialog is open. Prefer `show()`, which also remembers where to return focus. */
  @property({ type: Boolean, reflect: true })
  open = false;

  @state() private busy = false;
  @state() private failure: unknown;

  private get dialog() {
    return this.renderRoot.querySelector('dialog')!;
  }

  readonly #store = new ClientStoreController(this, () => this.client);
  #opener: HTMLElement | undefined;
  #openerRoot: Node | undefined;
  #request: AbortController | undefined;
  #stopWatchingReturn: (() => void) | undefined;
  #reportedUnsafe: string | undefined;

  /** Opens the confirmation for a connection and action; focus returns to the element focused now when it closes. */
  show(connectionId = this.connectionId, action: ConfirmAction = this.action): void {
    this.#opener = deepActiveElement();
    this.#openerRoot = this.#opener?.getRootNode();
    if (connectionId) this.connectionId = connectionId;
    this.action = action === 'delete' || action === 'reconnect' ? action : 'disconnect';
    this.failure = undefined;
    this.open = true;
  }

  /** Closes the confirmation without acting (ignored while the request runs). */
  close(): void {
    if (this.busy) return;
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.#stopWatchingReturn?.();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.dialog.showModal();
      // The least destructive choice gets the initial focus.
      this.renderRoot.querySelector<HTMLButtonElement>('[part="cancel-button"]')?.focus();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
    if (!this.open && changed.get('open') === true) this.#returnFocus();
    if (!this.open) this.#reportedUnsafe = undefined;
  }

  override render() {
    const connection = this.connectionId ? this.#store.connections?.get(this.connectionId) : undefined;
    const platform =
      connection?.platformName ??
      msg('this app', {
        id: 'confirm.unknownPlatform',
        desc: 'Stands for the platform name when it is not known yet (inside other sentences)',
      });
    const copy =
      this.action === 'delete'
        ? deleteCopy(platform)
        : this.action === 'reconnect'
          ? reconnectCopy(platform)
          : disconnectCopy(platform);
    // tabindex="-1": the dialog scrolls when the screen is short for it (overflow: auto), and a scroll container is a
    // tab stop of its own (Firefox: always; Chromium: when it overflows). Its buttons are the stops; from them the
    // arrow keys still scroll it, as in the composite's body.
    return html`<dialog
      class="dialog"
      part="dialog"
      role="alertdialog"
      aria-modal="true"
      tabindex="-1"
      aria-labelledby="title"
      aria-describedby="body"
      @cancel=${this.#onCancel}
      @close=${this.#onClose}
    >
      <h2 class="title" id="title" part="title">${copy.title}</h2>
      <div class="body" id="body" part="body">
        ${copy.body.map((line) => html`<p>${line}</p>`)}
        ${
          connection && this.action !== 'delete'
            ? renderSharedData(this.text, connection.sourceType, connection.platformName)
            : nothing
        }
      </div>
      ${this.failure ? renderError(this.failure, undefined) : nothing}
      <div class="actions" part="actions">
        <button type="button" class="button" part="cancel-button" @click=${() => this.close()}>
          ${msg('Cancel', { id: 'confirm.cancel', desc: 'Button: closes the confirmation without acting' })}
        </button>
        ${this.action === 'reconnect' ? this.#renderReconnectLink(connection, copy) : this.#renderConfirmButton(copy)}
      </div>
    </dialog>`;
  }

  #renderConfirmButton(copy: ConfirmCopy) {
    return html`<button
      type="button"
      class="button button--danger"
      part="confirm-button"
      aria-disabled=${this.busy ? 'true' : 'false'}
      @click=${() => this.confirmAction()}
    >
      ${this.busy ? copy.busy : copy.confirm}
    </button>`;
  }

  #renderReconnectLink(connection: Connection | undefined, copy: ConfirmCopy) {
    const link = this.#reconnectLink(connection);
    if (!link || !('url' in link)) return nothing;
    const newWindow = this.reconnectTarget !== 'same-window';
    return html`<a
      class="button button--primary"
      part="confirm-button"
      href=${link.url}
      target=${newWindow ? '_blank' : '_self'}
      rel="noopener noreferrer"
      @click=${() => this.#onReconnect(connection!.id, newWindow)}
      >${copy.confirm}${
        newWindow
          ? html`<span class="visually-hidden">
              ${msg('(opens in a new window)', { id: 'confirm.newWindow', desc: 'Screen-reader text after a link that opens a new window' })}</span
            >`
          : nothing
      }</a
    >`;
  }

  /** The checked `linkUrl` of the connection, or the error that says why it may not be opened. */
  #reconnectLink(connection: Connection | undefined) {
    if (!connection || !this.client) return undefined;
    return checkedLink(this.client, connection.linkUrl, connection.platformName, 'reconnect');
  }

  protected override willUpdate(): void {
    // A reconnect link that may not be opened: say why in the dialog, and tell the host once per opening.
    if (!this.open || this.action !== 'reconnect' || !this.connectionId) return;
    const connection = this.#store.connections?.get(this.connectionId);
    const error = this.#reconnectLink(connection);
    if (!connection || !error || 'url' in error) return;
    if (this.failure instanceof CodatApiError && this.failure.message === error.message) return;
    this.failure = error;
    if (this.#reportedUnsafe !== connection.id) {
      this.#reportedUnsafe = connection.id;
      this.dispatchEvent(CodatErrorEvent.from(error));
    }
  }

  #onReconnect(connectionId: string, newWindow: boolean): void {
    this.dispatchEvent(new CodatReconnectEvent({ connectionId }));
    if (newWindow) this.#watchReturn(connectionId);
    this.open = false;
  }

  /** When the person comes back from the Link page (the page is focused or shown again), reads the connection again. */
  #watchReturn(connectionId: string): void {
    this.#stopWatchingReturn?.();
    const client = this.client;
    if (!client) return;
    this.#stopWatchingReturn = watchReturn(() => {
      this.#stopWatchingReturn = undefined;
      client.getConnection(connectionId).catch((error: unknown) => {
        if (error instanceof CodatApiError && error.status !== 404) this.dispatchEvent(CodatErrorEvent.from(error));
      });
    });
  }

  /**
   * Sends the chosen action's request (`disconnect` or `delete`), once: presses while a request runs are ignored.
   * Resolves `true` when the API confirmed it. A `reconnect` has no request to send (the person follows the sign-in
   * link), so it sends nothing and resolves `false`.
   */
  async confirmAction(): Promise<boolean> {
    const { client, connectionId, action } = this;
    if (action === 'reconnect' || this.busy || !client || !connectionId) return false;
    this.busy = true;
    this.failure = undefined;
    this.#request = new AbortController();
    try {
      const options = { signal: this.#request.signal };
      if (action === 'delete') await client.deleteConnection(connectionId, options);
      else await client.unlinkConnection(connectionId, options);
    } catch (error) {
      if (this.#request.signal.aborted) return false;
      this.failure = error;
      if (error instanceof CodatApiError) this.dispatchEvent(CodatErrorEvent.from(error));
      return false;
    } finally {
      this.busy = false;
      this.#request = undefined;
    }
    this.open = false;
    this.dispatchEvent(
      action === 'delete' ? new CodatDeleteEvent({ connectionId }) : new CodatDisconnectEvent({ connectionId }),
    );
    return true;
  }

  #onCancel(event: Event): void {
    // Escape cancels, except while the request runs: its outcome must stay visible.
    event.preventDefault();
    this.close();
  }

  #onClose(): void {
    // The browser can close the dialog itself (for example a form with method=dialog): keep `open` in step.
    // The close event is dispatched from a task queued by close(), so it can arrive after the dialog was opened
    // again (Firefox delivered it after the next showModal() in 8 runs of 20): a dialog that is open now was not
    // closed by it.
    if (this.open && !this.dialog.open) this.open = false;
  }

  #returnFocus(): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (!opener) return;
    if (opener.isConnected) {
      opener.focus();
      return;
    }
    // The opener went away (Disconnect disappears once unlinked; Delete once deleted):
    // focus the element whose shadow root held it, which decides what focus means for it.
    const root = this.#openerRoot;
    if (root instanceof ShadowRoot && root.host.isConnected) (root.host as HTMLElement).focus();
  }
}

/** What a confirmation does. */
export type ConfirmAction = 'disconnect' | 'delete' | 'reconnect';

interface ConfirmCopy {
  title: string;
  body: string[];
  confirm: string;
  busy: string;
}

function disconnectCopy(platform: string): ConfirmCopy {
  return {
    title: msg(str`Disconnect ${isolate(platform)}?`, {
      id: 'confirm.title',
      desc: 'Title of the disconnect confirmation; {0} is the platform name',
    }),
    body: [
      msg(str`Your app will stop reading new data from ${isolate(platform)}.`, {
        id: 'confirm.stops',
        desc: 'Disconnect confirmation; {0} is the platform name',
      }),
      msg('Data that was already shared stays available to it.', {
        id: 'confirm.keeps',
        desc: 'Disconnect confirmation: data already shared is kept',
      }),
      msg('You can connect again at any time.', {
        id: 'confirm.reconnect',
        desc: 'Disconnect confirmation: it can be connected again later',
      }),
    ],
    confirm: msg(str`Disconnect ${isolate(platform)}`, {
      id: 'detail.disconnect',
      desc: 'Button (and confirm button); {0} is the platform name, e.g. Xero',
    }),
    busy: msg('Disconnecting…', { id: 'confirm.busy', desc: 'Confirm button while the disconnect is sent' }),
  };
}

function reconnectCopy(platform: string): ConfirmCopy {
  return {
    title: msg(str`Reconnect ${isolate(platform)}?`, {
      id: 'confirm.reconnect.title',
      desc: 'Title of the reconnect confirmation; {0} is the platform name',
    }),
    body: [
      msg(str`You will go to ${isolate(platform)} to sign in and allow access again.`, {
        id: 'confirm.reconnect.signIn',
        desc: 'Reconnect confirmation; {0} is the platform name',
      }),
      msg(str`${isolate(platform)} will then share data with this app again, as before.`, {
        id: 'confirm.reconnect.shares',
        desc: 'Reconnect confirmation; {0} is the platform name',
      }),
      msg('When you come back here, the status is updated.', {
        id: 'confirm.reconnect.back',
        desc: 'Reconnect confirmation: the status updates on return',
      }),
    ],
    confirm: msg(str`Continue to ${isolate(platform)}`, {
      id: 'confirm.reconnect.continue',
      desc: 'Link to the platform sign-in page; {0} is the platform name',
    }),
    busy: '',
  };
}

function deleteCopy(platform: string): ConfirmCopy {
  return {
    title: msg(str`Delete the ${isolate(platform)} connection?`, {
      id: 'confirm.delete.title',
      desc: 'Title of the delete confirmation; {0} is the platform name',
    }),
    body: [
      msg('This cannot be undone.', {
        id: 'confirm.delete.irreversible',
        desc: 'Delete confirmation: it is permanent',
      }),
      msg(str`The connection is removed and your app loses all further access to ${isolate(platform)}.`, {
        id: 'confirm.delete.removes',
        desc: 'Delete confirmation; {0} is the platform name',
      }),
      msg(str`To share data from ${isolate(platform)} again, you would need to connect it as new.`, {
        id: 'confirm.delete.reconnect',
        desc: 'Delete confirmation; {0} is the platform name',
      }),
    ],
    confirm: msg(str`Delete ${isolate(platform)} connection`, {
      id: 'detail.delete',
      desc: 'Button (and confirm button); {0} is the platform name',
    }),
    busy: msg('Deleting…', { id: 'confirm.delete.busy', desc: 'Confirm button while the delete is sent' }),
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'codat-disconnect-confirm': CodatDisconnectConfirm;
  }
}
