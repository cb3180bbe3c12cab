/**
 * The demo's stand-in for Codat's Link page. The sandbox lives in the demo tab's memory (msw in the browser), and
 * a page opened from a link is a separate document, so this page asks the demo tab to authorize the connection over
 * a BroadcastChannel. It is what `linkUrl` points to in the demo: /sandbox-link/companies/{id}/connections/{id}/start.
 */
import { SANDBOX_LINK_CHANNEL, type LinkReply, type LinkRequest } from './sandbox-link-channel.js';

const match = /\/companies\/([^/]+)\/connections\/([^/]+)\/start$/.exec(location.pathname);
const title = document.querySelector('#link-title')!;
const textEl = document.querySelector('#link-text')!;
const actions = document.querySelector<HTMLElement>('.link-actions')!;
const channel = new BroadcastChannel(SANDBOX_LINK_CHANNEL);

function ask(request: LinkRequest): Promise<LinkReply | undefined> {
  return new Promise((resolve) => {
    const id = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const timer = setTimeout(() => resolve(undefined), 1500);
    const onMessage = (event: MessageEvent<LinkReply>) => {
      if (event.data.id !== id) return;
      clearTimeout(timer);
      channel.removeEventListener('message', onMessage);
      resolve(event.data);
    };
    channel.addEventListener('message', onMessage);
    channel.postMessage({ ...request, id });
  });
}

function finish(heading: string, message: string): void {
  title.textContent = heading;
  textEl.textContent = message;
  actions.hidden = true;
  // A window this demo opened can usually close itself; if not, the message says what to do.
  setTimeout(() => window.close(), 1500);
}

async function start(): Promise<void> {
  if (!match) {
    finish('This link is not valid', 'Open it from the demo page.');
    return;
  }
  const [, companyId, connectionId] = match;
  const described = await ask({ type: 'describe', companyId: companyId!, connectionId: connectionId! });
  if (!described?.ok) {
    finish(
      'The demo page is not open',
      described?.message ?? 'Open the demo in another tab first: this page authorizes connections in its sandbox.',
    );
    return;
  }
  const first = described.status === 'PendingAuth';
  title.textContent = `${first ? 'Connect' : 'Reconnect'} ${described.platformName}`;
  textEl.textContent = `Allow this app to read ${described.companyName}'s data from ${described.platformName}${first ? '' : ' again'}.`;
  actions.hidden = false;
  document.querySelector<HTMLButtonElement>('#authorize')!.focus();
  document.querySelector('#authorize')!.addEventListener('click', async () => {
    const reply = await ask({ type: 'authorize', companyId: companyId!, connectionId: connectionId! });
    if (reply?.ok) finish('Done', 'You can close this window and return to the app.');
    else finish('Not authorized', reply?.message ?? 'The demo page did not answer.');
  });
  document
    .querySelector('#cancel')!
    .addEventListener('click', () =>
      finish('Cancelled', 'Nothing changed. You can close this window and return to the app.'),
    );
}

void start();
