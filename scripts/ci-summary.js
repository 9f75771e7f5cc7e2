// Prints one "N passed, N failed" line over vitest JSON reports, and fails when a report ran no
// test or when the PostgreSQL report holds no case named for PostgreSQL (a suite that skipped itself).
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (report.numTotalTests === 0) {
    console.error(`${file}: no test ran`);
    process.exitCode = 1;
  }
  if (file.includes('postgres')) {
    const pgCases = report.testResults
      .flatMap((r) => r.assertionResults)
      .filter((a) => a.fullName.includes('postgres') && a.status === 'passed');
    if (pgCases.length === 0) {
      console.error(`${file}: no PostgreSQL case passed; is GREENMFG_TEST_PG reaching the tests?`);
      process.exitCode = 1;
    }
  }
}
if (failed > 0) process.exitCode = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
