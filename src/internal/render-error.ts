import { msg, str } from '../localization/localize.js';
import { isolate } from './connection-text.js';
import { html, nothing } from 'lit';
import { CodatApiError, errorText } from '../api/errors.js';

/**
 * An error as people see it: the API's message (or a plain one), the correlation id for support,
 * and Try again when `retry` is given. Announced with `role="alert"`.
 */
export function renderError(error: unknown, retry: (() => unknown) | undefined) {
  const apiError = error instanceof CodatApiError ? error : undefined;
  const message =
    (apiError && errorText(apiError)) ??
    msg('Something went wrong while loading connections.', { id: 'error.unknown', desc: 'Fallback error message' });
  return html`<div class="message message--error" part="error" role="alert">
    <p class="error-message">${message}</p>
    ${
      apiError?.correlationId
        ? html`<p class="correlation">
            ${msg(str`Reference for support: ${isolate(apiError.correlationId)}`, { id: 'error.correlation', desc: 'Under an error; {0} is an id for support' })}
          </p>`
        : nothing
    }
    ${
      retry
        ? html`<button type="button" class="button" part="retry-button" @click=${retry}>
            ${msg('Try again', { id: 'error.retry', desc: 'Button under an error' })}
          </button>`
        : nothing
    }
  </div>`;
}
