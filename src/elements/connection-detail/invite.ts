/**
 * "Can't sign in? Ask someone who can": for a connection that needs authorizing, the company's hosted Link URL
 * to copy, and an email with it prefilled, so a colleague who holds the platform login can do it.
 */
import { msg, str } from '../../localization/localize.js';
import { isolate } from '../../internal/connection-text.js';
import { html, nothing } from 'lit';
import type { Connection } from '../../api/types.js';
import { overrideText, type TextOptions } from '../../internal/text-options.js';

const DEFAULT_BASE = 'https://link.codat.io';

type CopyState = 'idle' | 'copied' | 'failed';
const copyStates = new WeakMap<HTMLElement, { connectionId: string; state: CopyState }>();
const warned = new Set<string>();

/** The hosted Link URL for the company: `{base}/companies/{companyId}`; a base that is not `https:` falls back. */
export function inviteUrl(base: string, companyId: string): string {
  let root: URL;
  try {
    root = new URL(base);
    if (root.protocol !== 'https:' || root.username || root.password) throw new TypeError('not https');
  } catch {
    if (!warned.has(base)) console.warn(`invite-link-base "${base}" is not an https: URL; using ${DEFAULT_BASE}.`);
    warned.add(base);
    root = new URL(DEFAULT_BASE);
  }
  return `${root.href.replace(/\/+$/, '')}/companies/${encodeURIComponent(companyId)}`;
}

/**
 * `text` with every lone surrogate (half of a UTF-16 pair without its other half) replaced by U+FFFD, as
 * `String.prototype.toWellFormed` does (not in every browser the kit supports): `encodeURIComponent` throws a
 * `URIError` on a lone surrogate, and a platform name from the API may hold one.
 */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A `mailto:` link with a subject and a body that explain what to do and carry the URL. */
export function inviteMailto(platform: string, url: string, text?: TextOptions): string {
  const values = { platform, url };
  const subject =
    overrideText(text, 'invite.subject', values) ??
    msg(str`Could you reconnect ${isolate(platform)} for us?`, {
      id: 'invite.subject',
      desc: 'Subject of an email asking a colleague to reconnect; {0} is the platform name (plain text)',
    });
  const body =
    overrideText(text, 'invite.body', values) ??
    msg(
      str`Hello,

Our ${isolate(platform)} connection needs to be authorized again, and I cannot sign in to ${isolate(platform)} myself. Could you open this link, choose ${isolate(platform)} and sign in?

${url}

Thank you.`,
      {
        id: 'invite.body',
        desc: 'Body of that email (plain text; keep the blank lines); {0} {1} {2} are the platform name, {3} the link',
      },
    );
  return `mailto:?subject=${encodeURIComponent(wellFormed(subject))}&body=${encodeURIComponent(wellFormed(body))}`;
}

export function renderInvite(options: {
  host: HTMLElement & { requestUpdate(): void };
  connection: Connection;
  companyId: string;
  linkBase: string;
  headingLevel: number;
  text?: TextOptions;
}) {
  const { host, connection, companyId, linkBase, headingLevel, text } = options;
  const url = inviteUrl(linkBase, companyId);
  const values = { platform: connection.platformName, url };
  const remembered = copyStates.get(host);
  const state = remembered?.connectionId === connection.id ? remembered.state : 'idle';
  const setState = (next: CopyState) => {
    copyStates.set(host, { connectionId: connection.id, state: next });
    host.requestUpdate();
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
      const input = host.shadowRoot?.querySelector<HTMLInputElement>('[part="invite-url"]');
      input?.focus();
      input?.select();
    }
  };
  return html`<div class="invite" part="invite" role="group" aria-labelledby="invite-heading">
    <div class="invite-heading" id="invite-heading" role="heading" aria-level=${headingLevel}>
      ${overrideText(text, 'invite.heading', values) ?? msg('Can’t sign in? Ask someone who can', { id: 'invite.heading', desc: 'Heading of the section that lets the customer send the sign-in link to a colleague' })}
    </div>
    <p class="invite-text">
      ${
        overrideText(text, 'invite.text', values) ??
        msg(str`Send this link to a colleague who can sign in to ${isolate(connection.platformName)}.`, {
          id: 'invite.text',
          desc: 'Under that heading; {0} is the platform name',
        })
      }
    </p>
    <label class="invite-field">
      <span
        >${msg('Link to share', { id: 'invite.urlLabel', desc: 'Label of the read-only field holding the link' })}</span
      >
      <input class="invite-url" part="invite-url" type="text" readonly .value=${url} @focus=${selectAll} />
    </label>
    <div class="invite-actions">
      <button type="button" class="button" part="invite-copy-button" @click=${copy}>
        ${overrideText(text, 'invite.copy', values) ?? msg('Copy link', { id: 'invite.copy', desc: 'Button: copies the link' })}
      </button>
      <a class="button" part="invite-email-link" href=${inviteMailto(connection.platformName, url, text)}>
        ${overrideText(text, 'invite.email', values) ?? msg('Email the link', { id: 'invite.email', desc: 'Link: opens an email with the link' })}
      </a>
    </div>
    <p class="invite-status" role="status">
      ${
        state === 'copied'
          ? msg('Link copied.', { id: 'invite.copied', desc: 'Announced after the link was copied' })
          : state === 'failed'
            ? msg('Could not copy the link. It is selected: press Ctrl+C (or ⌘C) to copy it.', {
                id: 'invite.copyFailed',
                desc: 'Announced when the browser refused to copy; the link is selected in the field',
              })
            : nothing
      }
    </p>
  </div>`;
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}
