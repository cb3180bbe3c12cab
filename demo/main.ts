/**
 * The demo's only script: starts the in-browser sandbox, hands the provider a company token,
 * registers the elements, and logs the kit's events. A real host sets `base-url` to its proxy
 * and renders the token from its server instead.
 */
import { setupWorker } from 'msw/browser';
import { createSandbox, GREENFIELD_ID } from '../src/sandbox/index.js';
import { answerLinkRequests } from './sandbox-link-channel.js';

// Connections link to the demo's Link stand-in (sandbox-link.html), which authorizes them in this tab's sandbox.
const sandbox = createSandbox({ baseUrl: '/api', linkBaseUrl: '/sandbox-link' });
await setupWorker(...sandbox.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
answerLinkRequests(sandbox);

const provider = document.querySelector('codat-connections-provider')!;
// Set before the elements are defined: the provider reads the attribute once and removes it.
provider.setAttribute('access-token', await sandbox.issueAccessToken(GREENFIELD_ID));
await import('../src/define.js');

const log = document.querySelector('#event-log')!;

// The provider's locale: every element inside follows it (empty: the page's lang).
const locale = document.querySelector<HTMLSelectElement>('#locale')!;
locale.addEventListener('change', () => {
  (provider as HTMLElement & { locale?: string }).locale = locale.value || undefined;
});
for (const type of [
  'codat-connection-select',
  'codat-disconnect-request',
  'codat-delete-request',
  'codat-delete',
  'codat-disconnect',
  'codat-refresh-request',
  'codat-refresh',
  'codat-reconnect-request',
  'codat-reconnect',
  'codat-sync-pause',
  'codat-sync-resume',
  'codat-connect-request',
  'codat-connect',
  'codat-error',
] as const) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${type} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}
