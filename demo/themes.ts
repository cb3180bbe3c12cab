/**
 * The themes page's only script: the in-browser sandbox and a token for each panel. The themes themselves are the
 * stylesheets in demo/themes/, which need no script.
 */
import { setupWorker } from 'msw/browser';
import { createSandbox, GREENFIELD_ID } from '../src/sandbox/index.js';

const sandbox = createSandbox({ baseUrl: '/api' });
await setupWorker(...sandbox.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
const token = await sandbox.issueAccessToken(GREENFIELD_ID);
// Set before the elements are defined: each panel reads the attribute once and removes it.
for (const panel of document.querySelectorAll('codat-connections')) panel.setAttribute('access-token', token);
await import('../src/define.js');
