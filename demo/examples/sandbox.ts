/**
 * Demo only: the in-browser sandbox stands in for your backend. It answers the API under `/api` and mints the
 * company access token your server would get from `GET /companies/{companyId}/accessToken` with its API key.
 */
import { setupWorker } from 'msw/browser';
import { createSandbox, GREENFIELD_ID } from '../../src/sandbox/index.js';

/** What each example app takes: where the API is and the company's token. */
export interface ExampleProps {
  baseUrl: string;
  accessToken: string;
  /** Called with the connection id after the API confirmed a disconnect (for tests). */
  onDisconnect?: (connectionId: string) => void;
}

export async function startSandbox(): Promise<ExampleProps> {
  const sandbox = createSandbox({ baseUrl: '/api' });
  await setupWorker(...sandbox.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });
  return { baseUrl: '/api', accessToken: await sandbox.issueAccessToken(GREENFIELD_ID) };
}
