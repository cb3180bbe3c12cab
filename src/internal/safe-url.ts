/**
 * Lit does not sanitize URL bindings, so every URL that comes from the API is checked before it is bound.
 * Images may come from `https:` anywhere or from the page's own origin (a host proxy or the sandbox).
 */
export function safeImageUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  let url: URL;
  try {
    url = new URL(value, location.href);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && url.origin === location.origin) return url.href;
  return undefined;
}

/**
 * A link target from host-supplied text: an absolute `https:` or `mailto:` URL with no user name or password.
 * Relative and protocol-relative URLs are refused rather than resolved against the host page. The check is made on
 * what the URL parser understood (it drops tabs and newlines, lower-cases the scheme), and the parser's serialisation
 * is returned, so the string bound to `href` is the one that was checked.
 */
export function safeLinkUrl(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'mailto:') return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}
