/** The Vue example of demo/examples/vue/, built and driven in the browser. */
import { describeExample } from './support/framework-example.js';

describeExample('vue', 'Vue');
