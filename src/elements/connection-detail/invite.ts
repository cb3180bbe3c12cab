/**
 * "Can't sign in? Ask someone who can": for a connection that needs authorizing, the company's hosted Link URL
 * to copy, and an email with it prefilled, so a colleague who holds the platform login can do it.
 */
import { msg, str } from '@lit/localize';
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

/** A `mailto:` link with a subject and a body that explain what to do and carry the URL. */
export function inviteMailto(platform: string, url: string, text?: TextOptions): string {
  const values = { platform, url };
  const subject =
    overrideText(text, 'invite.subject', values) ??
    msg(str`Could you reconnect ${platform} for us?`, { id: 'invite.subject' });
  const body =
    overrideText(text, 'invite.body', values) ??
    msg(
      str`Hello,

Our ${platform} connection needs to be authorized again, and I cannot sign in to ${platform} myself. Could you open this link, choose ${platform} and sign in?

${url}

Thank you.`,
      { id: 'invite.body' },
    );
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
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
      ${overrideText(text, 'invite.heading', values) ?? msg('Can’t sign in? Ask someone who can', { id: 'invite.heading' })}
    </div>
    <p class="invite-text">
      ${
        overrideText(text, 'invite.text', values) ??
        msg(str`Send this link to a colleague who can sign in to ${connection.platformName}.`, { id: 'invite.text' })
      }
    </p>
    <label class="invite-field">
      <span>${msg('Link to share', { id: 'invite.urlLabel' })}</span>
      <input class="invite-url" part="invite-url" type="text" readonly .value=${url} @focus=${selectAll} />
    </label>
    <div class="invite-actions">
      <button type="button" class="button" part="invite-copy-button" @click=${copy}>
        ${overrideText(text, 'invite.copy', values) ?? msg('Copy link', { id: 'invite.copy' })}
      </button>
      <a class="button" part="invite-email-link" href=${inviteMailto(connection.platformName, url, text)}>
        ${overrideText(text, 'invite.email', values) ?? msg('Email the link', { id: 'invite.email' })}
      </a>
    </div>
    <p class="invite-status" role="status">
      ${
        state === 'copied'
          ? msg('Link copied.', { id: 'invite.copied' })
          : state === 'failed'
            ? msg('Could not copy the link. It is selected: press Ctrl+C (or ⌘C) to copy it.', {
                id: 'invite.copyFailed',
              })
            : nothing
      }
    </p>
  </div>`;
}

function selectAll(event: FocusEvent): void {
  (event.target as HTMLInputElement).select();
}
