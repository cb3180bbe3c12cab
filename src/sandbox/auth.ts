/**
 * Request authorization as the Codat API does it for this kit: API keys use
 * `Basic` (any non-empty credential is accepted by the sandbox), and a company
 * access token is sent as `Bearer` and works only for its own company's routes
 * and for branding. Never echoes the token.
 */
import { errorResponse, FORBIDDEN_MESSAGE } from './errors.js';
import type { TokenIssuer } from './tokens.js';

/**
 * Who may call a route: `apiKey` (Basic only), `company` (Basic, or Bearer for
 * that company) or `anyCompany` (Basic, or any valid Bearer).
 */
export type AuthPolicy = { kind: 'apiKey' } | { kind: 'company'; companyId: string } | { kind: 'anyCompany' };

/** Returns an error response when the request may not proceed, else undefined. */
export async function authorize(
  request: Request,
  tokens: TokenIssuer,
  policy: AuthPolicy,
): Promise<Response | undefined> {
  const header = request.headers.get('Authorization')?.trim() ?? '';
  const match = /^(\S+)\s+(\S.*)$/.exec(header);
  if (!match) return errorResponse(401, 'Unauthorized');
  const scheme = match[1]!.toLowerCase();
  const credential = match[2]!.trim();
  if (scheme === 'basic') return undefined;
  if (scheme !== 'bearer') return errorResponse(401, 'Unauthorized');
  const check = await tokens.verify(credential);
  if (!check.ok) {
    return errorResponse(
      401,
      check.reason === 'expired' ? 'Unauthorized - the access token has expired.' : 'Unauthorized',
    );
  }
  if (policy.kind === 'apiKey') return errorResponse(403, FORBIDDEN_MESSAGE);
  if (policy.kind === 'company' && check.claims.companyId !== policy.companyId) {
    return errorResponse(403, FORBIDDEN_MESSAGE);
  }
  return undefined;
}
