// Prints one plain closing line, "tests: N passed, N failed", after Web Test Runner's own report, with
// the tests that passed only on their second attempt (test/retry-report.ts logs them) named below it.
const SECOND_ATTEMPT = '[second attempt]';
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
      totals = { passed: 0, failed: 0, skipped: 0, retried: [] };
      for (const session of sessions) {
        for (const log of session.logs ?? []) {
          const text = (Array.isArray(log) ? log : [log]).map(String).join(' ');
          if (text.includes(SECOND_ATTEMPT)) totals.retried.push(`${session.browser?.name ?? ''} ${session.testFile}: ${text}`);
        }
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
        const retried = totals.retried.length ? `; ${totals.retried.length} run a second time after failing once (below)` : '';
        process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}${retried}\n`);
        for (const line of totals.retried) process.stdout.write(`  ${line}\n`);
      });
    },
  };
}
