import { defineElement } from '../../internal/define-element.js';
import { CodatConnectionDetail } from './connection-detail.js';

defineElement('codat-connection-detail', CodatConnectionDetail);

declare global {
  interface HTMLElementTagNameMap {
    'codat-connection-detail': CodatConnectionDetail;
  }
}
