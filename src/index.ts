/**
 * The kit's public API, free of side effects: importing it defines no elements.
 * Import `codat-connections-kit/define.js` (or load dist/codat-connections.js) to register the tags.
 */
export {
  CodatClient,
  DEFAULT_BASE_URL,
  DEFAULT_SYNC_PAUSE_PATH,
  type CodatClientOptions,
  type RequestOptions,
} from './api/client.js';
export { CodatApiError, type CodatErrorKind, type CodatOperation } from './api/errors.js';
export { HTTP_POLICY, retryDelay, type HttpPolicy } from './api/policy.js';
export { tokenFromUrl, type TokenGrant, type TokenProvider } from './api/token.js';
export type {
  BankingAccount,
  Branding,
  Connection,
  ConnectionStatus,
  DataStatus,
  DataStatuses,
  DataType,
  ErrorMessage,
  Integration,
  PullOperation,
  PullOperationStatus,
  PullOperationsPage,
  SourceType,
} from './api/types.js';
export { IN_PROGRESS_PULL_STATUSES, isInProgress } from './api/types.js';
export { SyncMonitor, type SyncChange, type SyncPollingOptions } from './sync/sync-monitor.js';
export {
  registerIntegrationControl,
  clearIntegrationControls,
  integrationControlsFor,
} from './integrations/integration-controls.js';
export { DEFAULT_LINK_HOSTS } from './internal/safe-url.js';
export { ConnectionStore } from './store/connection-store.js';
export { clientContext } from './context/client-context.js';
export * from './events/index.js';
export { CodatConnectionsProvider } from './elements/connections-provider/connections-provider.js';
export { CodatConnectionList } from './elements/connection-list/connection-list.js';
export { CodatConnectionDetail } from './elements/connection-detail/connection-detail.js';
export { CodatDisconnectConfirm, type ConfirmAction } from './elements/disconnect-confirm/disconnect-confirm.js';
export { CodatSyncPause } from './elements/sync-pause/sync-pause.js';
export { CodatIntegrationPicker, BRAND_BUTTON_PLATFORMS } from './elements/integration-picker/integration-picker.js';
export { CodatConnectionsElement } from './elements/connections/connections.js';
export {
  CodatConnections,
  initCodatConnections,
  type CodatConnectionsProps,
  type CodatConnectionsInit,
} from './sdk/codat-connections.js';
