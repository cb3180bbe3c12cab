/**
 * Company access tokens for the sandbox: JWT-shaped (`header.payload.signature`,
 * base64url), signed HMAC-SHA256 with a random per-issuer secret via Web Crypto.
 * Browser-safe: uses only `crypto.subtle`, `TextEncoder`, `btoa` and `atob`.
 */

/** The claims carried by a sandbox company access token. */
export interface TokenClaims {
  companyId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** Issued at, seconds since the epoch. */
  iat: number;
  iss: 'codat-sandbox';
}

/** Outcome of checking a bearer token. `reason` never contains the token. */
export type TokenCheck =
  { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

const ISSUER = 'codat-sandbox';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function parseJson(bytes: Uint8Array<ArrayBuffer> | undefined): unknown {
  if (!bytes) return undefined;
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

function isClaims(value: unknown): value is TokenClaims {
  const v = value as Partial<TokenClaims> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.companyId === 'string' &&
    Number.isFinite(v.exp) &&
    Number.isFinite(v.iat) &&
    v.iss === ISSUER
  );
}

/** Mints and verifies tokens with one secret; create one per sandbox. */
export class TokenIssuer {
  readonly #now: () => number;
  readonly #key: Promise<CryptoKey>;

  /** @param now millisecond clock used for `iat`, `exp` and expiry checks. */
  constructor(now: () => number) {
    this.#now = now;
    this.#key = crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]) as Promise<CryptoKey>;
  }

  /** Mints a token for `companyId` valid for `expiresIn` seconds. */
  async issue(companyId: string, expiresIn: number): Promise<string> {
    const iat = Math.floor(this.#now() / 1000);
    const claims: TokenClaims = { companyId, exp: iat + expiresIn, iat, iss: ISSUER };
    const head = toBase64Url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
    const body = toBase64Url(encoder.encode(JSON.stringify(claims)));
    const signature = await crypto.subtle.sign('HMAC', await this.#key, encoder.encode(`${head}.${body}`));
    return `${head}.${body}.${toBase64Url(new Uint8Array(signature))}`;
  }

  /** Checks shape, signature (constant time, via Web Crypto) and expiry. */
  async verify(token: string): Promise<TokenCheck> {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [head, body, sig] = parts as [string, string, string];
    const header = parseJson(fromBase64Url(head)) as { alg?: unknown } | undefined;
    const claims = parseJson(fromBase64Url(body));
    const signature = fromBase64Url(sig);
    if (header?.alg !== 'HS256' || !isClaims(claims) || !signature) {
      return { ok: false, reason: 'malformed' };
    }
    const valid = await crypto.subtle.verify('HMAC', await this.#key, signature, encoder.encode(`${head}.${body}`));
    if (!valid) return { ok: false, reason: 'signature' };
    if (this.#now() / 1000 >= claims.exp) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }
}
