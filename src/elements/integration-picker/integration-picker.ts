import { consume } from '@lit/context';
import { currentLocale, msg, str } from '../../localization/localize.js';
import { inScopeOf, Localized } from '../../localization/localized.js';
import { Task } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CodatClient } from '../../api/client.js';
import { CodatApiError, isConfigurationError } from '../../api/errors.js';
import { isInProgress, type Branding, type Connection, type Integration, type PullOperation } from '../../api/types.js';
import { clientContext } from '../../context/client-context.js';
import { CodatConnectEvent } from '../../events/connect.js';
import { CodatConnectRequestEvent } from '../../events/connect-request.js';
import { CodatConnectionSelectEvent } from '../../events/connection-select.js';
import { CodatErrorEvent } from '../../events/error.js';
import { ClientStoreController } from '../../internal/client-controller.js';
import { SOURCE_TYPE_ORDER, sourceTypeLabel, isolate } from '../../internal/connection-text.js';
import { checkedLink, watchReturn } from '../../internal/link-journey.js';
import { formatNumber, pluralOf } from '../../internal/locale.js';
import { platformLogo } from '../../internal/platform-logo.js';
import { renderError } from '../../internal/render-error.js';
import { safeImageUrl } from '../../internal/safe-url.js';
import { sharedStyles } from '../../internal/shared-styles.js';
import { ariaHeadingLevel } from '../../internal/heading-level.js';
import { SyncController } from '../../sync/sync-controller.js';
import { readingText } from '../../sync/sync-text.js';
import { connectionListStyles } from '../connection-list/connection-list.styles.js';
import { integrationPickerStyles } from './integration-picker.styles.js';

/**
 * Platforms whose brand guidelines ask apps to start the connection with the platform's own button
 * (QuickBooks Online's "Connect to QuickBooks", Xero's "Connect to Xero"): the picker shows the branding's button
 * image for them.
 */
export const BRAND_BUTTON_PLATFORMS: readonly string[] = ['qhyg', 'gbol'];

/** Where a same-window connection journey is remembered until the redirect back (its ids only, never a token). */
const PENDING_KEY = 'codat-connect-pending';
/** The query parameters Codat's Link adds to the redirect back to the app. */
const REDIRECT_PARAMS = ['statusCode', 'statusText', 'errorMessage', 'connectionId', 'companyId'];

const noClient = () =>
  new CodatApiError({
    kind: 'configuration',
    operation: 'configure',
    message: msg('This picker is not connected to Codat. Place it inside <codat-connections-provider>.', {
      id: 'picker.noClient',
      desc: 'Set-up error shown to the developer; keep the tag name as is',
    }),
  });

/** The journey this tab's picker sent away, when this page is the Link redirect back for its connection. */
function pendingRedirect():
  | { pending: Pick<Journey, 'connectionId' | 'platformKey' | 'sourceType' | 'platformName'>; params: URLSearchParams }
  | undefined {
  try {
    const params = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Journey | null;
    // Any other redirect (a reconnect's, or another page's) is not the picker's to claim.
    if (params.get('statusCode') && pending?.connectionId === params.get('connectionId')) {
      const { connectionId, platformKey, sourceType, platformName } = pending;
      return { pending: { connectionId, platformKey, sourceType, platformName: String(platformName) }, params };
    }
  } catch {
    // No storage: nothing was remembered.
  }
  return undefined;
}

/** Whether this page is the Link redirect back from a connection a picker sent away in this tab. */
export const hasPendingConnect = (): boolean => !!pendingRedirect();

type Phase = 'continue' | 'waiting' | 'checking' | 'linked' | 'synced' | 'refused';

interface Journey {
  connectionId: string;
  platformKey: string;
  sourceType: string;
  platformName: string;
  phase: Phase;
  /** The checked sign-in link. */
  url?: string;
  /** What failed: an unsafe link, a failed check, or the redirect's error message. */
  error?: unknown;
  /** Still PendingAuth when the person came back. */
  notYet?: boolean;
  /** Data types read by the initial sync when it was first seen. */
  reading?: number;
  /** The initial sync finished with a failed read. */
  syncFailed?: boolean;
}

/**
 * Lets the customer link a new platform: the enabled integrations of the chosen source types
 * (`GET /integrations` with `query`), grouped like the connection list, with search by name, each platform's logo
 * (branding read once per platform) and, where the brand requires it, the platform's own button.
 *
 * A company may link one accounting platform and several banking and commerce ones: while an accounting connection
 * is Linked, the other accounting platforms are shown unavailable with the reason, and the customer is pointed to
 * the existing connection (`codat-connection-select`).
 *
 * Choosing a platform fires `codat-connect-request` (cancelable), creates the connection
 * (`POST /companies/{companyId}/connections`) and offers its `linkUrl`, checked like a reconnect's, in a new window
 * (default) or the same one (`connect-target`). When the customer comes back (the window is focused again, or the
 * Link redirect returns to the page with `statusCode`, `statusText`, `errorMessage` and `connectionId`), the
 * connection is read again; once the API says it is Linked, `codat-connect` fires and the picker follows the
 * initial sync until it completes. A same-window redirect is claimed only for the connection this picker created
 * (remembered in `sessionStorage`), never for a reconnect.
 *
 * @tag codat-integration-picker
 * @summary Connects a new platform: choose, authorize, come back, first sync.
 *
 * @fires {CodatConnectRequestEvent} codat-connect-request - The person chose a platform. Cancelable: cancel it to run your own Link flow. `detail: {platformKey, sourceType}`.
 * @fires {CodatConnectEvent} codat-connect - The API confirmed the new connection is Linked. `detail: {connectionId, platformKey, sourceType}`.
 * @fires {CodatConnectionSelectEvent} codat-connection-select - The person asked to see an existing or the new connection. `detail: {connectionId}`.
 * @fires {CodatErrorEvent} codat-error - Loading or connecting failed, or a sign-in link was refused as unsafe. `detail: {message, correlationId, errorCode, userRecoverable, operation}`.
 *
 * @csspart base - The wrapper around every state.
 * @csspart search - The search field.
 * @csspart notice - Why other accounting platforms are unavailable, with the way to the existing connection.
 * @csspart existing-button - Shows the existing accounting connection.
 * @csspart group - One source type's group.
 * @csspart group-heading - The heading of a group.
 * @csspart list - The list of one group's platforms.
 * @csspart item - One platform.
 * @csspart item-button - Chooses a platform (`aria-disabled="true"` when unavailable).
 * @csspart brand-button - The platform's own button image, for brands that require it.
 * @csspart logo - A platform's logo or initials.
 * @csspart name - A platform's name.
 * @csspart badge - Connected or Unavailable, in words.
 * @csspart no-matches - Shown when no platform matches the search.
 * @csspart loading - The loading message.
 * @csspart error - An error message.
 * @csspart retry-button - Try again after loading failed.
 * @csspart journey - The connection journey: continue, waiting, connected, first sync.
 * @csspart journey-title - The journey's heading.
 * @csspart journey-status - What is happening, in a polite live region.
 * @csspart sync-progress - The initial sync's progress bar.
 * @csspart continue-link - Continue to the platform's sign-in.
 * @csspart check-button - Checks the connection again.
 * @csspart view-button - Shows the new connection.
 * @csspart back-button - Back to the platforms.
 */
export class CodatIntegrationPicker extends Localized(LitElement) {
  static override styles = [sharedStyles, connectionListStyles, integrationPickerStyles];

  /** The client to use. Provided by an ancestor `<codat-connections-provider>` (or a host's context provider) unless set. */
  @consume({ context: clientContext, subscribe: true })
  @property({ attribute: false })
  client?: CodatClient;

  /**
   * The source types offered, comma- or space-separated, in this order (`Accounting`, `Banking`, `Commerce`,
   * `BankFeed`, `Expense`, `Other`, `Unknown`). Unknown values are ignored. Default `Accounting Banking Commerce`.
   */
  @property({ attribute: 'source-types' })
  sourceTypes = 'Accounting Banking Commerce';

  /** Where the platform's sign-in opens: `new-window` (default) or `same-window` (the Link redirect comes back). */
  @property({ attribute: 'connect-target' })
  connectTarget: 'new-window' | 'same-window' = 'new-window';

  /** The ARIA level (1 to 6) of the group and journey headings, to fit the host page's outline; 3 otherwise. */
  @property({ type: Number, attribute: 'heading-level' })
  headingLevel = 3;

  @state() private search = '';
  @state() private journey?: Journey;
  /** The platform whose connection is being created. */
  @state() private creating?: string;
  @state() private failure: unknown;

  readonly #store = new ClientStoreController(this, () => this.client);
  readonly #sync = new SyncController(this, () => this.client, {
    onChange: (changes) => {
      const journey = this.journey;
      const change = changes.find((c) => c.connectionId === journey?.connectionId && c.kind !== 'started');
      if (journey?.phase === 'linked' && change) {
        this.journey = { ...journey, phase: 'synced', syncFailed: change.kind === 'failed' };
      }
    },
  });
  /** Branding of the platforms shown with their own button, once read. */
  readonly #branding = new Map<string, Branding | null>();
  #stopWatching?: () => void;
  #checking = false;
  #focusPending = false;

  #load = new Task(this, {
    args: () => [this.client, this.#types().join()] as const,
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      try {
        const [integrations] = await Promise.all([
          client.listIntegrations(this.#types(), { signal }),
          client.connections.listLoaded ? undefined : client.listConnections({ signal }),
        ]);
        return integrations;
      } catch (error) {
        if (error instanceof CodatApiError) this.dispatchEvent(CodatErrorEvent.from(error));
        throw error;
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readRedirect();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#load.abort();
    this.#stopWatching?.();
  }

  /** Focuses the search field, or the journey's heading while a connection is under way. */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot.querySelector<HTMLElement>('.journey-title, input');
    // Still loading: focus moves there once it is shown.
    this.#focusPending = !target;
    target?.focus(options);
  }

  /**
   * Connects a platform without the picker's buttons, for hosts that build their own: creates the connection
   * (after the same checks: the platform is offered here, and no other accounting platform is Linked), then sends
   * the customer to its checked `linkUrl` in a new window or this one (`connect-target`). Resolves with the
   * connection as created (`PendingAuth`); `codat-connect` fires once it is Linked. Rejects with a `CodatApiError`
   * that says why, after showing it.
   */
  async connect(platformKey: string): Promise<Connection> {
    const journey = await this.#create(platformKey);
    if (!journey.url) throw journey.error;
    this.#go(journey.url, this.connectTarget !== 'same-window', true);
    return this.#store.connections!.get(journey.connectionId)!;
  }

  protected override updated(changed: PropertyValues): void {
    if (this.journey?.phase === 'checking' && this.client && !this.#checking) void this.#check();
    if (
      this.#focusPending ||
      (changed.has('journey') && (changed.get('journey') === undefined) !== (this.journey === undefined))
    ) {
      this.focus();
    }
  }

  override render() {
    return html`<div class="base" part="base">${this.#renderState()}</div>`;
  }

  #renderState() {
    if (!this.client) return renderError(noClient(), undefined);
    if (this.journey) return this.#renderJourney(this.journey);
    return this.#load.render({
      initial: () => this.#renderLoading(),
      pending: () => this.#renderLoading(),
      complete: (integrations) => this.#renderList(integrations ?? []),
      error: (error) => renderError(error, isConfigurationError(error) ? undefined : () => this.#load.run()),
    });
  }

  #renderLoading() {
    return html`<p class="message" part="loading" role="status">
      ${msg('Loading platforms…', { id: 'picker.loading', desc: 'Shown while the platforms that can be connected are read' })}
    </p>`;
  }

  #renderList(integrations: Integration[]) {
    const query = this.search.trim().toLowerCase();
    const shown = integrations.filter((i) => i.name.toLowerCase().includes(query));
    const existing = this.#linkedAccounting();
    const types = this.#types();
    // The note about the one accounting platform shows with the accounting platforms it explains.
    return html`<div class="search">
        <label for="search"
          >${msg('Search platforms', { id: 'picker.search', desc: 'Label of the field that searches the platforms by name' })}</label
        >
        <input
          id="search"
          type="search"
          part="search"
          autocomplete="off"
          .value=${this.search}
          @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${
        existing && shown.some((i) => i.sourceType === 'Accounting')
          ? html`<div class="message notice" part="notice" id="one-accounting">
              <p>
                ${msg(
                  str`${isolate(existing.platformName)} is already connected. A company can connect one accounting platform: to use another, disconnect ${isolate(existing.platformName)} first.`,
                  {
                    id: 'picker.oneAccounting',
                    desc: 'Notice above the accounting platforms; {0} and {1} are both the name of the accounting platform already connected',
                  },
                )}
              </p>
              <button
                type="button"
                class="button button--small"
                part="existing-button"
                @click=${() => this.#select(existing.id)}
              >
                ${msg(str`View the ${isolate(existing.platformName)} connection`, { id: 'picker.viewExisting', desc: 'Button that shows a connection; {0} is the platform name' })}
              </button>
            </div>`
          : nothing
      }
      ${types.map((type) => {
        const members = shown.filter((i) => i.sourceType === type);
        return members.length
          ? html`<div class="group" part="group" role="group" aria-labelledby="heading-${type}">
              <div
                class="group-heading"
                part="group-heading"
                role="heading"
                aria-level=${ariaHeadingLevel(this.headingLevel, 3)}
                id="heading-${type}"
              >
                ${sourceTypeLabel(type)}
              </div>
              <ul class="list" part="list" aria-labelledby="heading-${type}">
                ${members.map((i) => this.#renderItem(i, existing))}
              </ul>
            </div>`
          : nothing;
      })}
      ${
        shown.length
          ? nothing
          : html`<p class="message" part="no-matches">
              ${msg(str`No platform matches “${isolate(this.search.trim())}”.`, { id: 'picker.noMatches', desc: 'No platform name contains the search; {0} is what the person typed' })}
            </p>`
      }
      ${this.failure ? renderError(this.failure, undefined) : nothing}
      <div class="visually-hidden" role="status">${query ? foundText(shown.length) : ''}</div>`;
  }

  #renderItem(integration: Integration, existing: Connection | undefined) {
    const { key, name } = integration;
    const accounting = integration.sourceType === 'Accounting' && existing;
    const connected = accounting && existing.integrationKey === key;
    const blocked = accounting && !connected;
    // The brand's own button, except while its connection is being created (the name then says so).
    const button =
      !accounting && this.creating !== key && BRAND_BUTTON_PLATFORMS.includes(key)
        ? this.#brandButton(key, name)
        : undefined;
    const badge =
      this.creating === key
        ? msg('Connecting…', {
            id: 'picker.creating',
            desc: 'Badge on a platform while its connection is being created',
          })
        : connected
          ? msg('Connected', {
              id: 'picker.connected',
              desc: 'Badge on the accounting platform the company has already connected',
            })
          : blocked
            ? msg('Unavailable', {
                id: 'picker.unavailable',
                desc: 'Badge on an accounting platform that cannot be chosen because another one is connected',
              })
            : undefined;
    return html`<li class="item" part="item">
      <button
        type="button"
        class="item-button"
        part="item-button"
        aria-disabled=${blocked || (this.creating && this.creating !== key) ? 'true' : nothing}
        aria-describedby=${blocked ? 'one-accounting' : nothing}
        @click=${() => this.#choose(integration, existing)}
      >
        ${
          button ??
          html`${platformLogo(this, this.client, { platformName: name, integrationKey: key } as Connection)}
            <span class="item-text">
              <span class="item-name" part="name">${name}</span>
              ${badge ? html`<span class="badge" part="badge">${badge}</span>` : nothing}
            </span>`
        }
      </button>
    </li>`;
  }

  /** The platform's own button images, once its branding is read; `undefined` (logo and name) until then. */
  #brandButton(key: string, name: string) {
    if (!this.#branding.has(key)) {
      void this.client?.getBranding(key).then((branding) => {
        this.#branding.set(key, branding);
        this.requestUpdate();
      });
      return undefined;
    }
    const image = this.#branding.get(key)?.button?.default?.image;
    const src = safeImageUrl(image?.src);
    const alt =
      image?.alt?.trim() ||
      msg(str`Connect to ${isolate(name)}`, {
        id: 'picker.brandButton',
        desc: 'Text alternative of the image of the platform own connect button; {0} is the platform name',
      });
    return src ? html`<img class="brand-button" part="brand-button" src=${src} alt=${alt} />` : undefined;
  }

  #renderJourney(journey: Journey) {
    const p = journey.platformName;
    const { phase } = journey;
    const linked = phase === 'linked' || phase === 'synced';
    const newWindow = this.connectTarget !== 'same-window';
    return html`<div class="journey" part="journey">
      <div
        class="journey-title"
        part="journey-title"
        role="heading"
        aria-level=${ariaHeadingLevel(this.headingLevel, 3)}
        tabindex="-1"
      >
        ${platformLogo(this, this.client, { platformName: p, integrationKey: journey.platformKey } as Connection)}
        ${
          linked
            ? msg(str`${isolate(p)} is connected`, {
                id: 'picker.connectedTitle',
                desc: 'Heading once the new connection is confirmed; {0} is the platform name',
              })
            : phase === 'refused'
              ? msg(str`${isolate(p)} was not connected`, {
                  id: 'picker.refusedTitle',
                  desc: 'Heading when the platform sign-in ended without connecting; {0} is the platform name',
                })
              : msg(str`Connect ${isolate(p)}`, {
                  id: 'picker.connectTitle',
                  desc: 'Heading while a platform is being connected; {0} is the platform name',
                })
        }
      </div>
      <p part="journey-status" role="status">${this.#journeyText(journey)}</p>
      ${
        phase === 'linked'
          ? html`<div class="sync-progress" part="sync-progress">
              <progress
                aria-label=${msg(str`Reading ${isolate(p)} data`, { id: 'picker.progress', desc: 'Accessible name of the progress bar of the first read of data; {0} is the platform name' })}
              ></progress>
            </div>`
          : nothing
      }
      ${journey.error ? renderError(journey.error, undefined) : nothing}
      <div class="actions">
        ${
          (phase === 'continue' || phase === 'waiting') && journey.url
            ? html`<a
                class="button button--primary"
                part="continue-link"
                href=${journey.url}
                target=${newWindow ? '_blank' : '_self'}
                rel="noopener noreferrer"
                @click=${() => this.#go(journey.url!, newWindow, false)}
                >${msg(str`Continue to ${isolate(p)}`, { id: 'confirm.reconnect.continue', desc: 'Link to the platform sign-in page; {0} is the platform name' })}${
                  newWindow
                    ? html`<span class="visually-hidden">
                        ${msg('(opens in a new window)', { id: 'confirm.newWindow', desc: 'Screen-reader text after a link that opens a new window' })}</span
                      >`
                    : nothing
                }</a
              >`
            : nothing
        }
        ${
          phase === 'waiting'
            ? html`<button type="button" class="button" part="check-button" @click=${() => this.#check()}>
                ${msg(str`I have finished in ${isolate(p)}`, { id: 'picker.check', desc: 'Button to press after signing in to the platform in the other window; {0} is the platform name' })}
              </button>`
            : nothing
        }
        ${
          linked
            ? html`<button
                type="button"
                class="button"
                part="view-button"
                @click=${() => this.#select(journey.connectionId)}
              >
                ${msg(str`View the ${isolate(p)} connection`, { id: 'picker.viewExisting', desc: 'Button that shows a connection; {0} is the platform name' })}
              </button>`
            : nothing
        }
        <button type="button" class="button" part="back-button" @click=${() => this.#reset()}>
          ${
            linked
              ? msg('Connect another platform', {
                  id: 'picker.another',
                  desc: 'Button after a connection succeeded: back to the platforms, to connect another one',
                })
              : msg('Choose another platform', {
                  id: 'picker.back',
                  desc: 'Button: leaves this connection and goes back to the platforms',
                })
          }
        </button>
      </div>
    </div>`;
  }

  #journeyText({ phase, platformName: p, notYet, reading, syncFailed }: Journey): string {
    switch (phase) {
      case 'continue':
        return msg(
          str`You will go to ${isolate(p)} to sign in and allow this app to read your data. Then come back here.`,
          {
            id: 'picker.continueText',
            desc: 'Explains the next step before the sign-in; {0} is the platform name',
          },
        );
      case 'waiting':
        return notYet
          ? msg(str`${isolate(p)} is not connected yet. Finish signing in to ${isolate(p)}, then come back here.`, {
              id: 'picker.notYet',
              desc: 'The person came back but the platform is not connected yet; {0} and {1} are both the platform name',
            })
          : msg(str`Finish signing in to ${isolate(p)} in the new window, then come back here.`, {
              id: 'picker.waiting',
              desc: 'While the sign-in is open in another window; {0} is the platform name',
            });
      case 'checking':
        return msg(str`Checking the ${isolate(p)} connection…`, {
          id: 'picker.checking',
          desc: 'While the connection is read again; {0} is the platform name',
        });
      case 'linked':
        return `${msg(str`${isolate(p)} is connected.`, { id: 'picker.linked', desc: 'Status once the new connection is confirmed; {0} is the platform name' })} ${readingText(reading ?? 0)}`;
      case 'synced':
        return syncFailed
          ? msg(str`${isolate(p)} is connected, but some of its data could not be read yet.`, {
              id: 'picker.syncFailed',
              desc: 'The first read of data finished with errors; {0} is the platform name',
            })
          : reading
            ? msg(str`${isolate(p)} is connected and its data has been read.`, {
                id: 'picker.synced',
                desc: 'The first read of data finished; {0} is the platform name',
              })
            : msg(str`${isolate(p)} is connected.`, {
                id: 'picker.linked',
                desc: 'Status once the new connection is confirmed; {0} is the platform name',
              });
      default:
        return '';
    }
  }

  #types(): string[] {
    const wanted = this.sourceTypes.toLowerCase().split(/[\s,]+/);
    const types = wanted.flatMap((w) => SOURCE_TYPE_ORDER.filter((t) => t.toLowerCase() === w));
    return types.length ? [...new Set(types)] : ['Accounting', 'Banking', 'Commerce'];
  }

  /** The company's Linked accounting connection, if it has one. */
  #linkedAccounting(): Connection | undefined {
    return this.#store.connections?.all().find((c) => c.sourceType === 'Accounting' && c.status === 'Linked');
  }

  #choose(integration: Integration, existing: Connection | undefined): void {
    if (this.creating) return;
    if (integration.sourceType === 'Accounting' && existing) {
      if (existing.integrationKey === integration.key) this.#select(existing.id);
      return;
    }
    const detail = { platformKey: integration.key, sourceType: integration.sourceType ?? 'Unknown' };
    if (this.dispatchEvent(new CodatConnectRequestEvent(detail))) this.#create(integration.key).catch(() => {});
  }

  /** Creates the connection after the checks, and starts the journey with its checked link. */
  async #create(platformKey: string): Promise<Journey> {
    const client = this.client;
    const integrations = this.#load.value ?? (await this.#load.taskComplete);
    const integration = integrations?.find((i) => i.key === platformKey);
    const existing = this.#linkedAccounting();
    if (!client) throw this.#fail(inScopeOf(this, noClient));
    // Built outside an update: in the picker's locale.
    const refusal = inScopeOf(this, () =>
      !integration
        ? msg(str`"${isolate(platformKey)}" is not one of the platforms offered here.`, {
            id: 'picker.notOffered',
            desc: 'Error for a developer calling connect() with a platform the picker does not offer; {0} is the platform key',
          })
        : integration.sourceType === 'Accounting' && existing
          ? msg(
              str`${isolate(existing.platformName)} is already connected, and a company can connect one accounting platform.`,
              {
                id: 'picker.oneAccountingShort',
                desc: 'Error: another accounting platform is already connected; {0} is its name',
              },
            )
          : this.creating
            ? msg('Another platform is being connected.', {
                id: 'picker.busy',
                desc: 'Error: a connection is already being created',
              })
            : undefined,
    );
    if (refusal) throw this.#fail(new CodatApiError({ kind: 'configuration', operation: 'connect', message: refusal }));
    this.creating = platformKey;
    this.failure = undefined;
    let connection: Connection;
    try {
      connection = await client.createConnection(platformKey);
    } catch (error) {
      throw this.#fail(error);
    } finally {
      this.creating = undefined;
    }
    const link = inScopeOf(this, () => checkedLink(client, connection.linkUrl, connection.platformName, 'connect'));
    const journey: Journey = {
      connectionId: connection.id,
      platformKey,
      sourceType: connection.sourceType,
      platformName: connection.platformName,
      phase: 'continue',
      ...('url' in link ? link : { error: link }),
    };
    if (link instanceof CodatApiError) this.dispatchEvent(CodatErrorEvent.from(link));
    this.journey = journey;
    return journey;
  }

  #fail(error: unknown): unknown {
    this.failure = error;
    if (error instanceof CodatApiError) this.dispatchEvent(CodatErrorEvent.from(error));
    return error;
  }

  /** Sends the customer to the sign-in: same window (remembered for the redirect back) or a new one (watched). */
  #go(url: string, newWindow: boolean, navigate: boolean): void {
    const journey = this.journey!;
    if (!newWindow) {
      const { connectionId, platformKey, sourceType, platformName } = journey;
      try {
        sessionStorage.setItem(PENDING_KEY, JSON.stringify({ connectionId, platformKey, sourceType, platformName }));
      } catch {
        // Without storage the redirect back is not claimed; the connection still shows in the list.
      }
      if (navigate) location.assign(url);
      return;
    }
    if (navigate) window.open(url, '_blank', 'noopener,noreferrer');
    this.journey = { ...journey, phase: 'waiting' };
    this.#stopWatching?.();
    this.#stopWatching = watchReturn(() => void this.#check());
  }

  /** Reads the connection again; Linked starts the end of the journey, anything else keeps the customer waiting. */
  async #check(): Promise<void> {
    const journey = this.journey;
    const client = this.client;
    if (!journey || !client || this.#checking) return;
    this.#checking = true;
    try {
      const connection = await client.getConnection(journey.connectionId);
      if (this.journey !== journey) return;
      if (connection.status !== 'Linked') {
        // Back from a redirect, the link is read again from the connection, checked as before.
        const link = journey.url
          ? journey
          : inScopeOf(this, () => checkedLink(client, connection.linkUrl, journey.platformName, 'connect'));
        const url = 'url' in link ? link.url : undefined;
        this.journey = { ...journey, phase: 'waiting', notYet: true, url, error: url ? undefined : link };
        this.#stopWatching?.();
        this.#stopWatching = watchReturn(() => void this.#check());
        return;
      }
      this.#stopWatching?.();
      this.journey = { ...journey, phase: 'checking', error: undefined };
      const { connectionId, platformKey, sourceType } = journey;
      this.dispatchEvent(new CodatConnectEvent({ connectionId, platformKey, sourceType }));
      await this.#followInitialSync(client, connectionId);
    } catch (error) {
      if (this.journey === journey) this.journey = { ...journey, phase: 'waiting', error: this.#fail(error) };
    } finally {
      this.#checking = false;
    }
  }

  /** The new connection's reads under way, followed by the client's sync monitor until they finish. */
  async #followInitialSync(client: CodatClient, connectionId: string): Promise<void> {
    let reads: PullOperation[] = [];
    try {
      reads = (await client.listPullOperations(connectionId, { pageSize: 100 })).results;
    } catch {
      // Without the history there is nothing to follow: it is connected, which the API confirmed.
    }
    const journey = this.journey;
    if (journey?.connectionId !== connectionId) return;
    const running = reads.filter((o) => isInProgress(o.status));
    const reading = new Set(reads.map((o) => o.dataType)).size;
    if (!running.length) {
      // Already read while the person was away (or nothing to read yet).
      this.journey = { ...journey, phase: 'synced', reading, syncFailed: reads.some((o) => /Error$/.test(o.status)) };
      return;
    }
    this.journey = { ...journey, phase: 'linked', reading };
    (this.#sync.monitor ?? client.syncs).expect(running);
  }

  #select(connectionId: string): void {
    this.dispatchEvent(new CodatConnectionSelectEvent({ connectionId }));
  }

  #reset(): void {
    this.#stopWatching?.();
    this.journey = undefined;
    this.failure = undefined;
  }

  /** Claims the Link redirect back to this page when it is for the connection this picker sent away. */
  #readRedirect(): void {
    const redirect = this.journey ? undefined : pendingRedirect();
    if (!redirect) return;
    const { pending, params } = redirect;
    sessionStorage.removeItem(PENDING_KEY);
    const statusCode = params.get('statusCode');
    const message = (params.get('errorMessage') || params.get('statusText') || '').slice(0, 300);
    for (const name of REDIRECT_PARAMS) params.delete(name);
    const url = new URL(location.href);
    url.search = params.toString();
    history.replaceState(history.state, '', url);
    const ok = statusCode === '200';
    this.journey = {
      ...pending,
      phase: ok ? 'checking' : 'refused',
      error: ok
        ? undefined
        : new CodatApiError({
            kind: 'http',
            operation: 'connect',
            status: Number(statusCode) || null,
            message:
              message ||
              inScopeOf(this, () =>
                msg('The platform did not say why.', {
                  id: 'picker.noReason',
                  desc: 'Error shown when the platform sign-in failed without saying why',
                }),
              ),
          }),
    };
  }
}

/** "3 platforms found.", with the plural form the locale uses for the count (Arabic has five). */
function foundText(count: number): string {
  const locale = currentLocale();
  const n = formatNumber(count, locale);
  const form = pluralOf(count, locale);
  // French and Portuguese count 0 as "one", which this "one" text (it says 1) cannot be: 0 takes "other".
  switch (form === 'one' && count !== 1 ? 'other' : form) {
    case 'one':
      return msg('1 platform found.', {
        id: 'picker.found.one',
        desc: 'Read out by screen readers after a search: exactly one platform matches (plural form "one")',
      });
    case 'two':
      return msg('2 platforms found.', {
        id: 'picker.found.two',
        desc: 'Read out by screen readers after a search: exactly two platforms match (plural form "two", Arabic)',
      });
    case 'few':
      return msg(str`${n} platforms found.`, {
        id: 'picker.found.few',
        desc: 'Read out by screen readers after a search; {0} is how many platforms match (plural form "few")',
      });
    case 'many':
      return msg(str`${n} platforms found.`, {
        id: 'picker.found.many',
        desc: 'Read out by screen readers after a search; {0} is how many platforms match (plural form "many")',
      });
    default:
      return msg(str`${n} platforms found.`, {
        id: 'picker.found.other',
        desc: 'Read out by screen readers after a search; {0} is how many platforms match, maybe none (plural form "other")',
      });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'codat-integration-picker': CodatIntegrationPicker;
  }
}
