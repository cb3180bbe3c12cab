/**
 * `codat-token-expired`: the access token expired or was refused, and no new one could be had (no `tokenProvider`
 * or `token-url`, or it failed). The elements say so; they carry on as soon as the host sets a new token.
 * It has no detail: the token is never put in an event.
 */
export class CodatTokenExpiredEvent extends Event {
  static readonly eventName = 'codat-token-expired';

  constructor() {
    super(CodatTokenExpiredEvent.eventName, { bubbles: true, composed: true });
  }
}
