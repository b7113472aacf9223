// Imported by every test file (scripts/test-plugins.js, `retryReport`). The test runner gives each
// test a second attempt (web-test-runner.config.js: `retries`), because a shared 2-core machine can
// stretch a browser's timers past any wait; a test that needed it is named in the browser logs, so a
// flaky test stays visible instead of passing in silence.
afterEach(function () {
  const test = this.currentTest;
  // Mocha leaves `state` unset on an attempt that failed and will be retried.
  if (test && test.state === undefined && !test.isPending()) {
    console.warn(`[second attempt] "${test.fullTitle()}" failed once and is run again`);
  }
});
