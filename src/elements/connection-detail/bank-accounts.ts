/**
 * The bank accounts behind a Banking connection (Banking API `GET .../data/banking-accounts`), read when the
 * person opens the disclosure, so opening a connection costs no request beyond its history.
 * Numbers are masked to their last four characters.
 */
import { msg, str } from '../../localization/localize.js';
import { html, nothing } from 'lit';
import type { CodatClient } from '../../api/client.js';
import type { BankingAccount } from '../../api/types.js';
import { renderError } from '../../internal/render-error.js';
import { RequestController } from '../../internal/request-controller.js';

export class BankAccountsController extends RequestController {
  accounts: BankingAccount[] | undefined;
  #connectionId: string | undefined;
  /** The read that leaving the page stopped, to send again on return (a move is a disconnect and a connect). */
  #interrupted: (() => void) | undefined;

  /** Off the page, a read under way stops; what was read stays, for a move. */
  override hostDisconnected(): void {
    if (!this.pending) return;
    super.hostDisconnected();
    this.#interrupted = this.#resume;
  }

  hostConnected(): void {
    const resume = this.#interrupted;
    this.#interrupted = undefined;
    resume?.();
  }

  #resume: (() => void) | undefined;

  /** Forgets what was read when the shown connection changes. */
  follow(connectionId: string | undefined): void {
    if (connectionId !== this.#connectionId) this.#reset(connectionId);
  }

  /** Reads the accounts (once per connection shown, unless it failed). */
  async load(client: CodatClient | undefined, connectionId: string): Promise<void> {
    if (!client || this.pending || this.accounts) return;
    this.follow(connectionId);
    this.#resume = () => void this.load(client, connectionId);
    await this.send(
      true,
      (signal) => client.listBankingAccounts(connectionId, { signal }),
      (accounts) => {
        this.accounts = accounts;
      },
    );
  }

  #reset(connectionId: string | undefined): void {
    this.abort();
    this.#interrupted = undefined;
    this.#connectionId = connectionId;
    this.accounts = undefined;
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
    <summary>
      ${msg('Bank accounts shared', { id: 'accounts.summary', desc: 'Disclosure title in a banking connection: the bank accounts the customer shares' })}
    </summary>
    ${controller.pending ? html`<p role="status">${msg('Loading accounts…', { id: 'accounts.loading', desc: 'Shown while the bank accounts are read' })}</p>` : nothing}
    ${controller.error ? renderError(controller.error, () => controller.load(client, connectionId)) : nothing}
    ${
      !controller.accounts
        ? nothing
        : controller.accounts.length === 0
          ? html`<p>
              ${msg('No accounts have been read from this bank yet.', { id: 'accounts.empty', desc: 'No bank accounts have been read yet' })}
            </p>`
          : html`<ul class="accounts-list" part="accounts-list">
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
                              >${msg(str`, account ending ${ending}`, { id: 'accounts.ending', desc: 'Screen-reader text after an account name; {0} is the last four characters of its number' })}</span
                            >`
                        : nothing
                    }
                  </span>
                </li>`;
              })}
            </ul>`
    }
  </details>`;
}
