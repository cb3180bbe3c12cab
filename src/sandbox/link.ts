/**
 * The sandbox's stand-in for Codat's link pages (where a connection's
 * `linkUrl` sends a customer to authorize, or re-authorize, access): the
 * HTML, its stylesheet, its Content-Security-Policy, and the redirect back to
 * the app. Plain HTML forms, no script; every value from data is escaped.
 * Browser-safe and free of HTTP routing (the handlers serve these).
 */

/** What the customer chose on the link page. */
export type LinkOutcome = 'authorize' | 'cancel';

export const LINK_OUTCOMES: readonly LinkOutcome[] = ['authorize', 'cancel'];

/** The message a cancelled authorization redirects with. */
export const CANCELLED_MESSAGE = 'The user cancelled the authorization.';

/** The sentence the page shows after the journey when there is no redirect URL. */
export const DONE_MESSAGE = 'Done: you can close this window and return to the app.';

/**
 * Checks a `linkBaseUrl` or `redirectUrl` option: an absolute http(s) URL or a
 * path starting with `/` (not `//`). Returns it unchanged.
 * @throws TypeError naming the option.
 */
export function checkUrlOption(name: string, value: string): string {
  const fail = () => new TypeError(`${name} must be an http(s) URL or a path starting with /, got "${value}"`);
  if (typeof value !== 'string' || value.trim() !== value || !value) throw fail();
  if (value.startsWith('/')) {
    if (value.startsWith('//')) throw fail();
  } else {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw fail();
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail();
  }
  return value;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * The page's Content-Security-Policy: nothing but the sandbox's own stylesheet,
 * forms posting only to the sandbox, no framing. Chrome also applies
 * `form-action` to the redirect that answers the form, so the redirect URL's
 * origin is allowed too when it is another one.
 */
export function linkPageCsp(redirectOrigin?: string): string {
  const formAction = redirectOrigin ? `'self' ${redirectOrigin}` : `'self'`;
  return `default-src 'none'; style-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`;
}

/**
 * The redirect URL for one outcome: `{companyId}` and `{connectionId}` in
 * `template` filled in, resolved against `requestUrl`, with Codat-style query
 * parameters set (`statusCode`, `statusText`, `errorMessage` on cancel,
 * `companyId`, `connectionId`).
 */
export function redirectUrlFor(
  template: string,
  requestUrl: string,
  companyId: string,
  connectionId: string,
  outcome: LinkOutcome,
): URL {
  const filled = template
    .replaceAll('{companyId}', encodeURIComponent(companyId))
    .replaceAll('{connectionId}', encodeURIComponent(connectionId));
  const url = new URL(filled, requestUrl);
  const query: Record<string, string> =
    outcome === 'authorize'
      ? { statusCode: '200', statusText: 'Linked' }
      : { statusCode: '400', statusText: 'Cancelled', errorMessage: CANCELLED_MESSAGE };
  for (const [key, value] of Object.entries({ ...query, companyId, connectionId })) url.searchParams.set(key, value);
  return url;
}

/** The stylesheet the pages link to (`style-src 'self'`; no inline style). */
export const LINK_CSS = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
main { max-width: 30rem; padding: 2rem; }
.brand { margin: 0; font-size: 0.875rem; letter-spacing: 0.04em; text-transform: uppercase; opacity: 0.75; }
.status { opacity: 0.75; }
form { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
button { font: inherit; padding: 0.5rem 1.25rem; border-radius: 0.375rem; border: 1px solid currentColor;
  background: Canvas; color: CanvasText; cursor: pointer; }
button.primary { background: #0b57d0; border-color: #0b57d0; color: #fff; }
button:focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
`;

function page(title: string, stylesheetUrl: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · Codat sandbox</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetUrl)}">
</head>
<body>
<main>
<p class="brand">Codat sandbox</p>
${body}
</main>
</body>
</html>
`;
}

/** What the start page shows. */
export interface StartPage {
  platformName: string;
  companyName: string;
  /** The connection's status now; `PendingAuth` reads "Connect", anything else "Reconnect". */
  status: string;
  /** Absolute URL of the authorize route (the form's action). */
  action: string;
  stylesheetUrl: string;
}

/** The link page: names the platform and company, and offers Authorize and Cancel as one plain form. */
export function startPageHtml(p: StartPage): string {
  const verb = p.status === 'PendingAuth' ? 'Connect' : 'Reconnect';
  const platform = escapeHtml(p.platformName);
  return page(
    `${verb} ${p.platformName}`,
    p.stylesheetUrl,
    `<h1>${verb} ${platform}</h1>
<p><strong>${escapeHtml(p.companyName)}</strong> is asking for access to its ${platform} data.</p>
<p>This page stands in for ${platform}'s own sign-in: no credentials are needed in the sandbox.</p>
<p class="status">Connection status now: ${escapeHtml(p.status)}</p>
<form method="post" action="${escapeHtml(p.action)}">
<button type="submit" class="primary" name="outcome" value="authorize">Authorize</button>
<button type="submit" name="outcome" value="cancel">Cancel</button>
</form>`,
  );
}

/** The sentence the page shows after a cancelled journey when there is no redirect URL. */
export const CANCELLED_PAGE_MESSAGE = 'Cancelled: you can close this window and return to the app.';

/** The page after the journey when no redirect URL is configured. */
export function donePageHtml(platformName: string, outcome: LinkOutcome, stylesheetUrl: string): string {
  const heading = outcome === 'authorize' ? `${platformName} is connected` : `${platformName} was not connected`;
  const message = outcome === 'authorize' ? DONE_MESSAGE : CANCELLED_PAGE_MESSAGE;
  return page(heading, stylesheetUrl, `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(message)}</p>`);
}

/** An error page (unknown company or connection, a bad form). */
export function errorPageHtml(message: string, stylesheetUrl: string): string {
  return page(
    'This link does not work',
    stylesheetUrl,
    `<h1>This link does not work</h1>
<p>${escapeHtml(message)}</p>`,
  );
}
