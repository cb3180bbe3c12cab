import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenProvider } from '../../api/token.js';
import { parseTextAttribute, type TextOptions } from '../../internal/text-options.js';

/**
 * The configuration `<codat-connections-provider>` and `<codat-connections>` share: where the API is, which
 * company, the token and how to get a new one. One implementation for both, so the token handling is written once.
 * The `access-token` attribute is read once and removed from the DOM; the token is never reflected.
 */
export class CodatClientConfig extends LitElement {
  /** The API root, absolute or relative to the page; commonly your backend's proxy path. Default `https://api.codat.io`. */
  @property({ attribute: 'base-url' })
  baseUrl?: string;

  /** The company whose connections are shown. Read from the token's `companyId` claim when not set. */
  @property({ attribute: 'company-id' })
  companyId?: string;

  /**
   * The company access token. The attribute is read once and then removed; it is never reflected. Setting another
   * token for the same company keeps what is shown and reads it again; a token for another company starts afresh.
   */
  @property({ attribute: 'access-token' })
  accessToken?: string;

  /**
   * Gets a new token: an async function returning the token, or `{accessToken, expiresIn}`. Called when there is
   * none, before the current one expires (`expiresIn`, else its `exp` claim) and once after a 401.
   */
  @property({ attribute: false })
  tokenProvider?: TokenProvider;

  /**
   * Your own endpoint that answers `{accessToken, expiresIn}` (fetched with the page's cookies), used as the
   * `tokenProvider` when none is set.
   */
  @property({ attribute: 'token-url' })
  tokenUrl?: string;

  /** Extra request headers, for example a CSRF header for your proxy. */
  @property({ attribute: false })
  headers?: Record<string, string>;

  /** Fetch credentials mode, for example `include` when your proxy authenticates with cookies. */
  @property({ attribute: false })
  credentials?: RequestCredentials;

  /**
   * Extra hosts a connection's sign-in link (`linkUrl`) may point to, space- or comma-separated (`*.example.com`
   * for subdomains), besides Codat's Link hosts, the page's own http(s) origin and the API's origin. For example your
   * own white-labelled Link domain. A link must be an absolute URL: relative links are refused.
   */
  @property({ attribute: 'link-hosts' })
  linkHosts?: string;

  /**
   * Text options, shaped like the Codat Connections SDK's `options.text`: as an attribute, JSON such as
   * `{"accounting.connectionDetails.dataTypes": ["**Invoices** and bills", "Your chart of accounts"]}`. The
   * `…connectionDetails.dataTypes` lists (accounting, banking, commerce) say what a connection shares; they are
   * shown in the detail and in the disconnect and reconnect confirmations, rendered as a safe Markdown subset.
   * Invalid JSON and unknown keys are ignored with a console warning.
   */
  @property({ attribute: 'text', converter: { fromAttribute: parseTextAttribute } })
  text?: TextOptions;

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name === 'access-token') {
      // Keep the token out of the markup: take it, then remove the attribute (the removal is ignored).
      if (value !== null) {
        this.accessToken = value;
        this.removeAttribute(name);
      }
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }
}
