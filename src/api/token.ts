/**
 * Reads claims from a JWT-shaped access token without verifying it (the API verifies it).
 * Only the `companyId` and `exp` claims are read; the token itself is never logged or stored.
 */
export interface TokenClaims {
  companyId?: string;
  exp?: number;
}

function decodeBase64Url(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The claims of a JWT-shaped token, or `undefined` when it is not one. */
export function readTokenClaims(token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const payload: unknown = JSON.parse(decodeBase64Url(parts[1]));
    if (!payload || typeof payload !== 'object') return undefined;
    const { companyId, exp } = payload as Record<string, unknown>;
    return {
      companyId: typeof companyId === 'string' ? companyId : undefined,
      exp: typeof exp === 'number' ? exp : undefined,
    };
  } catch {
    return undefined;
  }
}

/** What a token provider gives: a token, and how many seconds it lasts when known. */
export interface TokenGrant {
  accessToken: string;
  /** Seconds until the token expires; when absent, the token's `exp` claim decides. */
  expiresIn?: number;
}

/** Gets a fresh company access token, for example from the host's backend. */
export type TokenProvider = () => Promise<TokenGrant | string>;

/**
 * A token provider that asks the host's own endpoint (`GET url`, with the page's cookies) for
 * `{accessToken, expiresIn}`. The answer is checked, and the token never appears in an error.
 */
export function tokenFromUrl(url: string): TokenProvider {
  return async () => {
    // fetch() itself refuses anything but http(s) (and resolves a path against the page).
    const response = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`token-url answered HTTP ${response.status}.`);
    const grant = (await response.json().catch(() => null)) as TokenGrant | null;
    if (typeof grant?.accessToken !== 'string') throw new Error('token-url did not answer {accessToken, expiresIn}.');
    return grant;
  };
}
