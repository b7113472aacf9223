// Prints one plain closing line, "tests: N passed, N failed", after Web Test Runner's own report.
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
}

export function summaryReporter() {
  let totals;
  return {
    onTestRunFinished({ sessions }) {
      totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const failedBefore = totals.failed;
        count(session.testResults, totals);
        // A file that failed without a failing test (import error, uncaught error) counts as one.
        if (!session.passed && totals.failed === failedBefore) totals.failed += 1;
      }
    },
    start() {
      // Written when the process exits, so that it is the very last line of the run.
      process.once('exit', () => {
        if (!totals) return;
        const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
        process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
      });
    },
  };
}
