// Prints one plain closing line, `jest: N passed, N failed, N skipped`, that any CI can read.
'use strict';
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: p, numFailedTests: f, numPendingTests: s, numTodoTests: t } = results;
    const failedSuites = results.numFailedTestSuites;
    process.stdout.write(`\njest: ${p} passed, ${f + failedSuites} failed, ${s + t} skipped\n`);
  }
}
module.exports = SummaryReporter;
