import { consume } from '@lit/context';
import { msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
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
import { checkLinkUrl, type UnsafeLinkReason } from '../../internal/safe-url.js';
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
 * @cssprop [--codat-color-text=#1b1f24] - Text colour.
 * @cssprop [--codat-font-family=inherit] - Font family; the host page's by default.
 * @cssprop [--codat-font-size=inherit] - Base font size.
 * @cssprop [--codat-color-surface=#ffffff] - Dialog and button background.
 * @cssprop [--codat-color-border=#c9cdd3] - Dialog border.
 * @cssprop [--codat-color-backdrop=rgb(0 0 0 / 0.45)] - The backdrop behind the dialog.
 * @cssprop [--codat-color-danger=#b3261e] - The Disconnect button.
 * @cssprop [--codat-color-on-danger=#ffffff] - Text on the Disconnect button.
 * @cssprop [--codat-color-focus=#1a5fb4] - Focus outline.
 * @cssprop [--codat-elevation=0 0.5rem 2rem rgb(0 0 0 / 0.25)] - The dialog's shadow.
 * @cssprop [--codat-radius=0.5rem] - Corner radius.
 * @cssprop [--codat-space=1rem] - Base spacing.
 */
export class CodatDisconnectConfirm extends LitElement {
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

  @query('dialog') private dialog!: HTMLDialogElement;

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
    const platform = connection?.platformName ?? msg('this app', { id: 'confirm.unknownPlatform' });
    const copy =
      this.action === 'delete'
        ? deleteCopy(platform)
        : this.action === 'reconnect'
          ? reconnectCopy(platform)
          : disconnectCopy(platform);
    return html`<dialog
      class="dialog"
      part="dialog"
      role="alertdialog"
      aria-modal="true"
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
          ${msg('Cancel', { id: 'confirm.cancel' })}
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
          ? html`<span class="visually-hidden"> ${msg('(opens in a new window)', { id: 'confirm.newWindow' })}</span>`
          : nothing
      }</a
    >`;
  }

  /** The checked `linkUrl` of the connection, or why it may not be opened. */
  #reconnectLink(connection: Connection | undefined) {
    if (!connection || !this.client) return undefined;
    const base = this.client.baseUrl;
    return checkLinkUrl(connection.linkUrl, this.client.allowedLinkHosts, base ? new URL(base).origin : undefined);
  }

  protected override willUpdate(): void {
    // A reconnect link that may not be opened: say why in the dialog, and tell the host once per opening.
    if (!this.open || this.action !== 'reconnect' || !this.connectionId) return;
    const connection = this.#store.connections?.get(this.connectionId);
    const link = this.#reconnectLink(connection);
    if (!connection || !link || 'url' in link) return;
    const error = unsafeLinkError(connection, link.reason, link.host);
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
    const onReturn = () => {
      if (document.visibilityState === 'hidden') return;
      stop();
      client.getConnection(connectionId).catch((error: unknown) => {
        if (error instanceof CodatApiError && error.status !== 404) this.dispatchEvent(CodatErrorEvent.from(error));
      });
    };
    const stop = () => {
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
      if (this.#stopWatchingReturn === stop) this.#stopWatchingReturn = undefined;
    };
    // Listen from the next task: the click that opened the new window must not count as coming back.
    setTimeout(() => {
      if (this.#stopWatchingReturn !== stop) return;
      window.addEventListener('focus', onReturn);
      document.addEventListener('visibilitychange', onReturn);
    });
    this.#stopWatchingReturn = stop;
  }

  /**
   * Sends the chosen action's request, once: presses while a request runs are ignored.
   * Resolves `true` when the API confirmed it.
   */
  async confirmAction(): Promise<boolean> {
    const { client, connectionId, action } = this;
    if (this.busy || !client || !connectionId) return false;
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
    if (this.open) this.open = false;
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
    title: msg(str`Disconnect ${platform}?`, { id: 'confirm.title' }),
    body: [
      msg(str`Your app will stop reading new data from ${platform}.`, { id: 'confirm.stops' }),
      msg('Data that was already shared stays available to it.', { id: 'confirm.keeps' }),
      msg('You can connect again at any time.', { id: 'confirm.reconnect' }),
    ],
    confirm: msg(str`Disconnect ${platform}`, { id: 'detail.disconnect' }),
    busy: msg('Disconnecting…', { id: 'confirm.busy' }),
  };
}

function reconnectCopy(platform: string): ConfirmCopy {
  return {
    title: msg(str`Reconnect ${platform}?`, { id: 'confirm.reconnect.title' }),
    body: [
      msg(str`You will go to ${platform} to sign in and allow access again.`, { id: 'confirm.reconnect.signIn' }),
      msg(str`${platform} will then share data with this app again, as before.`, { id: 'confirm.reconnect.shares' }),
      msg('When you come back here, the status is updated.', { id: 'confirm.reconnect.back' }),
    ],
    confirm: msg(str`Continue to ${platform}`, { id: 'confirm.reconnect.continue' }),
    busy: '',
  };
}

/** The error shown (and sent with `codat-error`) when a connection's link may not be opened. */
function unsafeLinkError(connection: Connection, reason: UnsafeLinkReason, host: string | undefined): CodatApiError {
  const platform = connection.platformName;
  const message =
    reason === 'missing' || reason === 'invalid'
      ? msg(str`The sign-in link for ${platform} is missing or not a valid address, so it cannot be opened.`, {
          id: 'reconnect.unsafe.invalid',
        })
      : msg(
          str`The sign-in link for ${platform} was not opened because it does not point to a trusted address (${host ?? ''}).`,
          { id: 'reconnect.unsafe.host' },
        );
  return new CodatApiError({ kind: 'invalid-response', operation: 'reconnect', message, canBeRetried: false });
}

function deleteCopy(platform: string): ConfirmCopy {
  return {
    title: msg(str`Delete the ${platform} connection?`, { id: 'confirm.delete.title' }),
    body: [
      msg('This cannot be undone.', { id: 'confirm.delete.irreversible' }),
      msg(str`The connection is removed and your app loses all further access to ${platform}.`, {
        id: 'confirm.delete.removes',
      }),
      msg(str`To share data from ${platform} again, you would need to connect it as new.`, {
        id: 'confirm.delete.reconnect',
      }),
    ],
    confirm: msg(str`Delete ${platform} connection`, { id: 'detail.delete' }),
    busy: msg('Deleting…', { id: 'confirm.delete.busy' }),
  };
}
