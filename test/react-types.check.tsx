/**
 * Compile-time checks of `codat-connections-kit/react`'s types (`npm run typecheck`; never run): props are the
 * elements' properties with their types, and each `onCodat…` callback receives its event class.
 */
import {
  CodatConnectionDetail,
  CodatConnections,
  CodatConnectionsProvider,
  CodatIntegrationPicker,
} from 'codat-connections-kit/react';
import type {
  CodatConnectEvent,
  CodatConnectRequestEvent,
  CodatDisconnectEvent,
  CodatErrorEvent,
} from 'codat-connections-kit';

export const typed = [
  <CodatConnections
    key="1"
    baseUrl="/codat"
    accessToken="token"
    hideClose
    reconnectTarget="same-window"
    onCodatDisconnect={(event: CodatDisconnectEvent) => event.detail.connectionId}
    onCodatError={(event: CodatErrorEvent) => event.detail.correlationId}
  />,
  <CodatConnectionsProvider key="2" headers={{ 'X-CSRF-Token': 'x' }} credentials="include" />,
  <CodatConnectionDetail key="3" connectionId="5e1d0c0e-0002-4c0a-8b0a-000000000001" />,
  <CodatIntegrationPicker
    key="7"
    connectTarget="same-window"
    onCodatConnectRequest={(event: CodatConnectRequestEvent) => event.detail.platformKey}
    onCodatConnect={(event: CodatConnectEvent) => event.detail.connectionId}
  />,
  // @ts-expect-error hideClose is a boolean
  <CodatConnections key="4" hideClose="yes" />,
  // @ts-expect-error reconnectTarget is 'new-window' or 'same-window'
  <CodatConnections key="5" reconnectTarget="popup" />,
  // @ts-expect-error the disconnect event's detail has a connectionId, not an id
  <CodatConnections key="6" onCodatDisconnect={(event) => event.detail.id} />,
  // @ts-expect-error connectTarget is 'new-window' or 'same-window'
  <CodatIntegrationPicker key="8" connectTarget="popup" />,
];
