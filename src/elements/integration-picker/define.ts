import { defineElement } from '../../internal/define-element.js';
import { CodatIntegrationPicker } from './integration-picker.js';

defineElement('codat-integration-picker', CodatIntegrationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'codat-integration-picker': CodatIntegrationPicker;
  }
}
