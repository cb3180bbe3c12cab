/**
 * The drop-in entry for Codat Connections SDK users (`codat-connections-kit/sdk`): `CodatConnections` and
 * `initCodatConnections`, which register the kit's elements when first used.
 */
export {
  CodatConnections,
  initCodatConnections,
  type CodatConnectionsProps,
  type CodatConnectionsInit,
} from './sdk/codat-connections.js';
