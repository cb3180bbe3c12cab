import { defineElement } from '../../internal/define-element.js';
import { CodatSyncPause } from './sync-pause.js';

defineElement('codat-sync-pause', CodatSyncPause);

declare global {
  interface HTMLElementTagNameMap {
    'codat-sync-pause': CodatSyncPause;
  }
}
