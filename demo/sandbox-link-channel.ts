/** Messages between the demo's Link stand-in (sandbox-link.ts) and the demo tab that holds the sandbox (main.ts). */
import type { Sandbox } from '../src/sandbox/index.js';

export const SANDBOX_LINK_CHANNEL = 'codat-demo-sandbox-link';

export interface LinkRequest {
  type: 'describe' | 'authorize';
  companyId: string;
  connectionId: string;
}

export type LinkReply = { id: number } & (
  { ok: true; platformName: string; companyName: string; status: string } | { ok: false; message: string }
);

/** Answers the Link stand-in from the demo tab's sandbox: describes a connection, or authorizes it. */
export function answerLinkRequests(sandbox: Sandbox): void {
  const channel = new BroadcastChannel(SANDBOX_LINK_CHANNEL);
  channel.addEventListener('message', (event: MessageEvent<LinkRequest & { id: number }>) => {
    const { id, type, companyId, connectionId } = event.data;
    const company = sandbox.store.getCompany(companyId);
    const connection = sandbox.store.getConnection(companyId, connectionId);
    if (!company || !connection) {
      channel.postMessage({
        id,
        ok: false,
        message: 'This connection does not exist in the demo.',
      } satisfies LinkReply);
      return;
    }
    if (type === 'authorize') sandbox.store.authorizeConnection(companyId, connectionId);
    channel.postMessage({
      id,
      ok: true,
      platformName: connection.platformName,
      companyName: company.name,
      status: connection.status,
    } satisfies LinkReply);
  });
}
