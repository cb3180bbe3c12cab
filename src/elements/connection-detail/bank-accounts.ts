/**
 * The bank accounts behind a Banking connection (Banking API `GET .../data/banking-accounts`), read when the
 * person opens the disclosure, so opening a connection costs no request beyond its history.
 * Numbers are masked to their last four characters.
 */
import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError } from '../../api/errors.js';
import type { BankingAccount } from '../../api/types.js';
import { CodatErrorEvent } from '../../events/error.js';
import { renderError } from '../../internal/render-error.js';

type Host = ReactiveControllerHost & HTMLElement;

export class BankAccountsController implements ReactiveController {
  accounts: BankingAccount[] | undefined;
  loading = false;
  error: unknown;
  #connectionId: string | undefined;
  #host: Host;
  #abort: AbortController | undefined;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#reset(undefined);
  }

  /** Forgets what was read when the shown connection changes. */
  follow(connectionId: string | undefined): void {
    if (connectionId !== this.#connectionId) this.#reset(connectionId);
  }

  /** Reads the accounts (once per connection shown, unless it failed). */
  async load(client: CodatClient | undefined, connectionId: string): Promise<void> {
    if (!client || this.loading || this.accounts) return;
    this.follow(connectionId);
    const abort = new AbortController();
    this.#abort = abort;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const accounts = await client.listBankingAccounts(connectionId, { signal: abort.signal });
      if (!abort.signal.aborted) this.accounts = accounts;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      if (error instanceof CodatApiError) this.#host.dispatchEvent(CodatErrorEvent.from(error));
    } finally {
      if (this.#abort === abort) {
        this.loading = false;
        this.#abort = undefined;
        this.#host.requestUpdate();
      }
    }
  }

  #reset(connectionId: string | undefined): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#connectionId = connectionId;
    this.accounts = undefined;
    this.loading = false;
    this.error = undefined;
  }
}

/** The last four characters of an account number, or `undefined` when there is none. */
export function lastFour(value: string | null | undefined): string | undefined {
  const compact = (value ?? '').replace(/\s+/g, '');
  return compact ? compact.slice(-4) : undefined;
}

export function renderBankAccounts(
  controller: BankAccountsController,
  client: CodatClient | undefined,
  connectionId: string,
) {
  return html`<details
    class="accounts"
    part="accounts"
    @toggle=${(e: Event) => {
      if ((e.target as HTMLDetailsElement).open) void controller.load(client, connectionId);
    }}
  >
    <summary>${msg('Bank accounts shared', { id: 'accounts.summary' })}</summary>
    ${controller.loading ? html`<p role="status">${msg('Loading accounts…', { id: 'accounts.loading' })}</p>` : nothing}
    ${controller.error ? renderError(controller.error, () => controller.load(client, connectionId)) : nothing}
    ${
      controller.accounts && controller.accounts.length === 0
        ? html`<p>${msg('No accounts have been read from this bank yet.', { id: 'accounts.empty' })}</p>`
        : nothing
    }
    ${
      controller.accounts?.length
        ? html`<ul class="accounts-list" part="accounts-list">
            ${controller.accounts.map((account) => {
              const ending = lastFour(account.identifiers?.number);
              return html`<li class="account" part="account">
                <span class="account-name">${account.informalName || account.name}</span>
                <span class="account-meta">
                  ${account.currency}
                  ${
                    ending
                      ? html`<span aria-hidden="true"> · •••• ${ending}</span
                          ><span class="visually-hidden"
                            >${msg(str`, account ending ${ending}`, { id: 'accounts.ending' })}</span
                          >`
                      : nothing
                  }
                </span>
              </li>`;
            })}
          </ul>`
        : nothing
    }
  </details>`;
}
