/** Which connections need someone to sign in to their platform again, and what that is called. */
import { msg, str } from '../localization/localize.js';
import { isolate } from './connection-text.js';
import type { Connection } from '../api/types.js';

/** Statuses of a platform error that mean access itself failed (not a passing problem). */
const AUTH_ERROR_CODES = new Set(['401', '403']);

/** The connection's active errors (status `Active`), newest first. */
export function activeErrors(connection: Connection): NonNullable<Connection['dataConnectionErrors']> {
  const errors: unknown = connection.dataConnectionErrors;
  if (!Array.isArray(errors)) return [];
  return (errors as NonNullable<Connection['dataConnectionErrors']>)
    .filter((error) => typeof error === 'object' && error !== null && error.status === 'Active')
    .sort((a, b) => String(b.erroredOnUtc ?? '').localeCompare(String(a.erroredOnUtc ?? '')));
}

/** Whether a Linked connection has an active error saying its platform refused access. */
export function hasAuthorizationError(connection: Connection): boolean {
  return activeErrors(connection).some((error) => AUTH_ERROR_CODES.has(String(error.statusCode ?? '').trim()));
}

/**
 * Whether the connection can be (re)authorized through its Link page: Unlinked, Deauthorized, Pending
 * (authorization not finished), or Linked with an active authorization error.
 */
export function canReauthorize(connection: Connection): boolean {
  if (connection.status === 'Unlinked' || connection.status === 'Deauthorized') return true;
  if (connection.status === 'PendingAuth') return true;
  return connection.status === 'Linked' && hasAuthorizationError(connection);
}

/** The label of the control that starts it. */
export function reauthorizeLabel(connection: Connection): string {
  return connection.status === 'PendingAuth'
    ? msg(str`Finish connecting ${isolate(connection.platformName)}`, {
        id: 'reconnect.finish',
        desc: 'Button for a connection whose authorization was not finished; {0} is the platform name',
      })
    : msg(str`Reconnect ${isolate(connection.platformName)}`, {
        id: 'reconnect.button',
        desc: 'Button: authorize the connection again; {0} is the platform name',
      });
}
