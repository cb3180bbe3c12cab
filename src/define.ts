/**
 * Registers every element of the kit. Import this once (or load dist/codat-connections.js) and use the tags.
 * Tags already defined on the page (for example by a second copy of the kit) are left as they are.
 */
import { registerElements } from './register.js';

registerElements();

export * from './index.js';
