import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { CodatApiError } from '../api/errors.js';

/**
 * An error as people see it: the API's message (or a plain one), the correlation id for support,
 * and Try again when `retry` is given. Announced with `role="alert"`.
 */
export function renderError(error: unknown, retry: (() => unknown) | undefined) {
  const apiError = error instanceof CodatApiError ? error : undefined;
  const message =
    apiError?.message ??
    msg('Something went wrong while loading connections.', { id: 'error.unknown', desc: 'Fallback error message' });
  return html`<div class="message message--error" part="error" role="alert">
    <p class="error-message">${message}</p>
    ${
      apiError?.correlationId
        ? html`<p class="correlation">
            ${msg(str`Reference for support: ${apiError.correlationId}`, { id: 'error.correlation' })}
          </p>`
        : nothing
    }
    ${
      retry
        ? html`<button type="button" class="button" part="retry-button" @click=${retry}>
            ${msg('Try again', { id: 'error.retry' })}
          </button>`
        : nothing
    }
  </div>`;
}
