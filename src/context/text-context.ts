import { createContext } from '@lit/context';
import type { TextOptions } from '../internal/text-options.js';

/**
 * The host's text options (the Codat Connections SDK's `options.text`), provided by `<codat-connections-provider>`
 * from its `text` attribute or property. The key is global (`Symbol.for`) so two copies of the kit still meet.
 */
export const textContext = createContext<TextOptions | undefined>(Symbol.for('codat-connections-kit/text'));
