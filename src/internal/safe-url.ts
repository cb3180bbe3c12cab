/**
 * Lit does not sanitize URL bindings, so every URL that comes from the API is checked before it is bound.
 */

/** Codat's hosts for the Link authorization journey, allowed as navigation targets by default. */
export const DEFAULT_LINK_HOSTS: readonly string[] = ['link.codat.io', 'link-api.codat.io'];

/** The page a URL is checked for: its address (to resolve relative image URLs against) and its origin. */
export interface PageLocation {
  readonly href: string;
  readonly origin: string;
}

function parse(value: unknown, base?: string): URL | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    return base === undefined ? new URL(value) : new URL(value, base);
  } catch {
    return undefined;
  }
}

/**
 * Whether `url` is on `origin` and that origin is an http(s) one. An opaque origin (a sandboxed iframe, a `data:`
 * or `about:` page) serialises as `'null'`, as does every `javascript:`, `data:` or `blob:` URL's: `'null'` never
 * counts as the same origin.
 */
export function isSameHttpOrigin(url: URL, origin: string | undefined): boolean {
  if (!origin || origin === 'null') return false;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  return url.origin === origin;
}

/**
 * Images may come from `https:` anywhere or from the page's own http(s) origin (a host proxy or the sandbox).
 * A relative URL is resolved against the page.
 */
export function safeImageUrl(value: unknown, page: PageLocation = location): string | undefined {
  const url = parse(value, page.href);
  if (!url) return undefined;
  if (url.username || url.password) return undefined;
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && isSameHttpOrigin(url, page.origin)) return url.href;
  return undefined;
}

/** Why a navigation URL was refused, for the message people see. */
export type UnsafeLinkReason = 'missing' | 'invalid' | 'scheme' | 'credentials' | 'host';

/**
 * Checks a URL the kit would send people to (a connection's `linkUrl`): `https:` on one of `allowedHosts`
 * (exact host names, or `*.example.com` for any subdomain), or the page's own http(s) origin, or the API's
 * (`apiOrigin`, where a host's proxy or the sandbox serves its own Link page). The URL must be absolute: relative
 * and protocol-relative ones are `'invalid'` (the API sends absolute URLs; one resolved against the host page
 * could point anywhere on it). URLs with user names or passwords are refused. Returns the URL to bind, or why not.
 */
export function checkLinkUrl(
  value: unknown,
  allowedHosts: readonly string[],
  apiOrigin?: string,
  page: PageLocation = location,
): { url: string } | { reason: UnsafeLinkReason; host?: string } {
  if (typeof value !== 'string' || !value.trim()) return { reason: 'missing' };
  const url = parse(value);
  if (!url) return { reason: 'invalid' };
  if (url.username || url.password) return { reason: 'credentials', host: url.host };
  if (isSameHttpOrigin(url, page.origin) || isSameHttpOrigin(url, apiOrigin)) return { url: url.href };
  if (url.protocol !== 'https:') return { reason: 'scheme', host: url.host };
  const host = url.hostname.toLowerCase();
  const allowed = allowedHosts.some((pattern) => {
    const p = pattern.trim().toLowerCase();
    if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
    return host === p;
  });
  return allowed ? { url: url.href } : { reason: 'host', host: url.host };
}

/**
 * A link target from host-supplied text: an absolute `https:` or `mailto:` URL with no user name or password.
 * Relative and protocol-relative URLs are refused rather than resolved against the host page. The check is made on
 * what the URL parser understood (it drops tabs and newlines, lower-cases the scheme), and the parser's serialisation
 * is returned, so the string bound to `href` is the one that was checked.
 */
export function safeLinkUrl(value: string): string | undefined {
  const url = parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'mailto:')) return undefined;
  if (url.username || url.password) return undefined;
  return url.href;
}
