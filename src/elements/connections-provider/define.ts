import { defineElement } from '../../internal/define-element.js';
import { CodatConnectionsProvider } from './connections-provider.js';

defineElement('codat-connections-provider', CodatConnectionsProvider);

declare global {
  interface HTMLElementTagNameMap {
    'codat-connections-provider': CodatConnectionsProvider;
  }
}
