import type { CodatApiError, CodatOperation } from '../api/errors.js';

/**
 * Detail of {@link CodatErrorEvent}: the Codat Connections SDK's `onError` payload
 * (`correlationId`, `message`, `errorCode`, `userRecoverable`) plus the failed `operation`.
 * It never contains the access token.
 */
export interface ErrorDetail {
  message: string;
  correlationId: string | null;
  /** The HTTP status, or `null` when no response arrived (network, timeout, configuration). */
  errorCode: number | null;
  userRecoverable: boolean;
  operation: CodatOperation;
}

/** `codat-error`: an operation failed; the element that fired it also shows the message. */
export class CodatErrorEvent extends Event {
  static readonly eventName = 'codat-error';
  readonly detail: ErrorDetail;

  constructor(detail: ErrorDetail) {
    super(CodatErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }

  /** The event for a client error. */
  static from(error: CodatApiError): CodatErrorEvent {
    return new CodatErrorEvent({
      message: error.message,
      correlationId: error.correlationId,
      errorCode: error.errorCode,
      userRecoverable: error.userRecoverable,
      operation: error.operation,
    });
  }
}
