import { defineElement } from '../../internal/define-element.js';
import { CodatConnectionList } from './connection-list.js';

defineElement('codat-connection-list', CodatConnectionList);

declare global {
  interface HTMLElementTagNameMap {
    'codat-connection-list': CodatConnectionList;
  }
}
