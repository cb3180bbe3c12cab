/**
 * React components for every element of the kit (`codat-connections-kit/react`), made with `@lit/react`: props are
 * the elements' properties, typed from their classes, and each kit event is an `onCodat…` callback typed with its
 * event class (`onCodatDisconnect={(e) => e.detail.connectionId}`). Importing this module registers the elements.
 * React and `@lit/react` stay imports for your bundler; they are never in `dist/codat-connections.js`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { CodatConnectionDetail as DetailElement } from './elements/connection-detail/connection-detail.js';
import { CodatConnectionList as ListElement } from './elements/connection-list/connection-list.js';
import { CodatConnectionsElement } from './elements/connections/connections.js';
import { CodatConnectionsProvider as ProviderElement } from './elements/connections-provider/connections-provider.js';
import { CodatDisconnectConfirm as ConfirmElement } from './elements/disconnect-confirm/disconnect-confirm.js';
import { CodatIntegrationPicker as PickerElement } from './elements/integration-picker/integration-picker.js';
import { CodatSyncPause as SyncPauseElement } from './elements/sync-pause/sync-pause.js';
import type * as Events from './events/index.js';
import { registerElements } from './register.js';

registerElements();

/** `codat-connection-select` → `CodatConnectionSelect`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${Pascal<Tail>}`
  : Capitalize<S>;

/** The React callback prop of every kit event: `codat-connection-select` → `onCodatConnectionSelect`. */
type EventProps = {
  [K in keyof Events.CodatEventMap as `on${Pascal<K & string>}`]: EventName<Events.CodatEventMap[K]>;
};

/**
 * Every kit event as a React callback prop. They bubble, so any component can take any of them. `satisfies` makes
 * `tsc` fail when an event of `CodatEventMap` has no prop here.
 */
const events = {
  onCodatClose: 'codat-close' as EventName<Events.CodatCloseEvent>,
  onCodatConnectRequest: 'codat-connect-request' as EventName<Events.CodatConnectRequestEvent>,
  onCodatConnect: 'codat-connect' as EventName<Events.CodatConnectEvent>,
  onCodatConnectionSelect: 'codat-connection-select' as EventName<Events.CodatConnectionSelectEvent>,
  onCodatDisconnectRequest: 'codat-disconnect-request' as EventName<Events.CodatDisconnectRequestEvent>,
  onCodatDisconnect: 'codat-disconnect' as EventName<Events.CodatDisconnectEvent>,
  onCodatDeleteRequest: 'codat-delete-request' as EventName<Events.CodatDeleteRequestEvent>,
  onCodatDelete: 'codat-delete' as EventName<Events.CodatDeleteEvent>,
  onCodatReconnectRequest: 'codat-reconnect-request' as EventName<Events.CodatReconnectRequestEvent>,
  onCodatReconnect: 'codat-reconnect' as EventName<Events.CodatReconnectEvent>,
  onCodatRefreshRequest: 'codat-refresh-request' as EventName<Events.CodatRefreshRequestEvent>,
  onCodatRefresh: 'codat-refresh' as EventName<Events.CodatRefreshEvent>,
  onCodatSyncPause: 'codat-sync-pause' as EventName<Events.CodatSyncPauseEvent>,
  onCodatSyncResume: 'codat-sync-resume' as EventName<Events.CodatSyncResumeEvent>,
  onCodatError: 'codat-error' as EventName<Events.CodatErrorEvent>,
  onCodatTokenExpired: 'codat-token-expired' as EventName<Events.CodatTokenExpiredEvent>,
} satisfies EventProps;

/**
 * The class of every kit tag. `satisfies` makes `tsc` fail when an element declared in `HTMLElementTagNameMap` has
 * no entry here, and so no component below.
 */
const elements = {
  'codat-connections': CodatConnectionsElement,
  'codat-connections-provider': ProviderElement,
  'codat-connection-list': ListElement,
  'codat-connection-detail': DetailElement,
  'codat-disconnect-confirm': ConfirmElement,
  'codat-sync-pause': SyncPauseElement,
  'codat-integration-picker': PickerElement,
} satisfies {
  [K in keyof HTMLElementTagNameMap as K extends `codat-${string}` ? K : never]: new () => HTMLElementTagNameMap[K];
};

/** `<codat-connections>`: the whole experience in one component. */
export const CodatConnections = createComponent({
  react: React,
  tagName: 'codat-connections',
  elementClass: elements['codat-connections'],
  events,
  displayName: 'CodatConnections',
});

/** `<codat-connections-provider>`: shares one client with the kit components inside it. */
export const CodatConnectionsProvider = createComponent({
  react: React,
  tagName: 'codat-connections-provider',
  elementClass: elements['codat-connections-provider'],
  events,
  displayName: 'CodatConnectionsProvider',
});

/** `<codat-connection-list>`. */
export const CodatConnectionList = createComponent({
  react: React,
  tagName: 'codat-connection-list',
  elementClass: elements['codat-connection-list'],
  events,
  displayName: 'CodatConnectionList',
});

/** `<codat-connection-detail>`. */
export const CodatConnectionDetail = createComponent({
  react: React,
  tagName: 'codat-connection-detail',
  elementClass: elements['codat-connection-detail'],
  events,
  displayName: 'CodatConnectionDetail',
});

/** `<codat-disconnect-confirm>`. */
export const CodatDisconnectConfirm = createComponent({
  react: React,
  tagName: 'codat-disconnect-confirm',
  elementClass: elements['codat-disconnect-confirm'],
  events,
  displayName: 'CodatDisconnectConfirm',
});

/** `<codat-sync-pause>`. */
export const CodatSyncPause = createComponent({
  react: React,
  tagName: 'codat-sync-pause',
  elementClass: elements['codat-sync-pause'],
  events,
  displayName: 'CodatSyncPause',
});

/** `<codat-integration-picker>`: link a new platform (`onCodatConnectRequest`, `onCodatConnect`). */
export const CodatIntegrationPicker = createComponent({
  react: React,
  tagName: 'codat-integration-picker',
  elementClass: elements['codat-integration-picker'],
  events,
  displayName: 'CodatIntegrationPicker',
});
