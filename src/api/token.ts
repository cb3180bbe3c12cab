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
