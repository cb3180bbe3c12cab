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
