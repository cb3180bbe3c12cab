/** The React example: `codat-connections-kit/react`'s typed component, its props and an event callback. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ExampleProps } from '../sandbox.js';
// snippet: react
import { useState } from 'react';
import { CodatConnections } from 'codat-connections-kit/react';

interface Props {
  baseUrl: string;
  accessToken: string;
  onDisconnect?: (connectionId: string) => void;
}

export function ConnectedApps({ baseUrl, accessToken, onDisconnect }: Props) {
  const [log, setLog] = useState<string[]>([]);
  return (
    <>
      <CodatConnections
        baseUrl={baseUrl}
        accessToken={accessToken}
        hideClose
        onCodatDisconnect={(event) => {
          setLog((lines) => [...lines, `Disconnected ${event.detail.connectionId}`]);
          onDisconnect?.(event.detail.connectionId);
        }}
      />
      <ul aria-label="What happened">
        {log.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
// end snippet

/** Renders the example into `target`; returns a function that unmounts it. */
export function mount(target: Element, props: ExampleProps): () => void {
  const root = createRoot(target);
  root.render(
    <StrictMode>
      <ConnectedApps {...props} />
    </StrictMode>,
  );
  return () => root.unmount();
}
