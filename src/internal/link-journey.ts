/**
 * What reconnecting and connecting share: the check of a sign-in link before anyone is sent there (with the words
 * for a refusal), and noticing when the person comes back from the window it opened.
 */
import { msg, str } from '../localization/localize.js';
import { isolate } from './connection-text.js';
import type { CodatClient } from '../api/client.js';
import { CodatApiError, type CodatOperation } from '../api/errors.js';
import { checkLinkUrl } from './safe-url.js';

/**
 * The sign-in link of a connection, checked against the client's allowed hosts (and the page's and the API's
 * origin): `{url}` to bind, or the error to show and send with `codat-error`.
 */
export function checkedLink(
  client: CodatClient,
  linkUrl: unknown,
  platform: string,
  operation: CodatOperation,
): { url: string } | CodatApiError {
  const base = client.baseUrl;
  const link = checkLinkUrl(linkUrl, client.allowedLinkHosts, base ? new URL(base).origin : undefined);
  if ('url' in link) return link;
  const message =
    link.reason === 'missing' || link.reason === 'invalid'
      ? msg(str`The sign-in link for ${isolate(platform)} is missing or not a valid address, so it cannot be opened.`, {
          id: 'reconnect.unsafe.invalid',
          desc: 'Error: the API gave no usable sign-in link; {0} is the platform name',
        })
      : msg(
          str`The sign-in link for ${isolate(platform)} was not opened because it does not point to a trusted address (${isolate(link.host ?? '')}).`,
          {
            id: 'reconnect.unsafe.host',
            desc: 'Error: the sign-in link points elsewhere; {0} platform name, {1} the host name it points to',
          },
        );
  return new CodatApiError({ kind: 'invalid-response', operation, message, canBeRetried: false });
}

/**
 * Calls `onReturn` once, when the person comes back to this page (it is focused or shown again) after following a
 * link into a new window. Listening starts from the next task, so the click that opened the window does not count.
 * Returns the function that stops watching.
 */
export function watchReturn(onReturn: () => void): () => void {
  const check = () => {
    if (document.visibilityState === 'hidden') return;
    stop();
    onReturn();
  };
  const timer = setTimeout(() => {
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
  });
  const stop = () => {
    clearTimeout(timer);
    window.removeEventListener('focus', check);
    document.removeEventListener('visibilitychange', check);
  };
  return stop;
}
