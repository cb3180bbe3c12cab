/**
 * The benchmark runs on the test runner's browsers and middleware, but with Lit's production build
 * (no `development` export condition), as a host page would load it.
 */
import config from '../../web-test-runner.config.mjs';

export default {
  ...config,
  files: ['test/bench/**/*.bench.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  testFramework: { config: { timeout: 600000 } },
  testsFinishTimeout: 900000,
};
