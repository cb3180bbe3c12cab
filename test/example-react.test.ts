/** The React example of demo/examples/react/, built and driven in the browser. */
import { describeExample } from './support/framework-example.js';

describeExample('react', 'React');
