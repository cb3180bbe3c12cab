import { defineElement } from '../../internal/define-element.js';
import { CodatDisconnectConfirm } from './disconnect-confirm.js';

defineElement('codat-disconnect-confirm', CodatDisconnectConfirm);

declare global {
  interface HTMLElementTagNameMap {
    'codat-disconnect-confirm': CodatDisconnectConfirm;
  }
}
