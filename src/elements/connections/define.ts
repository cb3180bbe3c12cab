import { defineElement } from '../../internal/define-element.js';
import { CodatConnectionsElement } from './connections.js';

defineElement('codat-connections', CodatConnectionsElement);

declare global {
  interface HTMLElementTagNameMap {
    'codat-connections': CodatConnectionsElement;
  }
}
