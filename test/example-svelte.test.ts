/** The Svelte example of demo/examples/svelte/, built and driven in the browser. */
import { describeExample } from './support/framework-example.js';

describeExample('svelte', 'Svelte');
