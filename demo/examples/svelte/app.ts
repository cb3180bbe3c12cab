/** The Svelte example, compiled by svelte/compiler (vite.config.ts's `svelte()` plugin). */
import { mount as svelteMount, unmount } from 'svelte';
import type { ExampleProps } from '../sandbox.js';
import ConnectedApps from './ConnectedApps.svelte';

/** Renders the example into `target`; returns a function that unmounts it. */
export function mount(target: Element, props: ExampleProps): () => void {
  const app = svelteMount(ConnectedApps, { target, props });
  return () => void unmount(app);
}
