// Demo only: start the in-browser sandbox, then mount the Svelte example as an app would.
import { startSandbox } from '../sandbox.js';
import { mount } from './app.js';

mount(document.querySelector('#app')!, await startSandbox());
