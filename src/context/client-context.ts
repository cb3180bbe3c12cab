import { createContext } from '@lit/context';
import type { CodatClient } from '../api/client.js';

/**
 * The shared client, provided by `<codat-connections-provider>` or by a host on any ancestor
 * (`new ContextProvider(element, { context: clientContext, initialValue: client })`).
 * The key is global (`Symbol.for`) so two copies of the kit on one page still meet.
 */
export const clientContext = createContext<CodatClient | undefined>(Symbol.for('codat-connections-kit/client'));
