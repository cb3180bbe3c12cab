/**
 * Registers every element of the kit. Import this once (or load dist/codat-connections.js) and use the tags.
 * Tags already defined on the page (for example by a second copy of the kit) are left as they are.
 */
import './elements/connections-provider/define.js';
import './elements/connection-list/define.js';
import './elements/connection-detail/define.js';
import './elements/disconnect-confirm/define.js';
import './elements/sync-pause/define.js';

export * from './index.js';
