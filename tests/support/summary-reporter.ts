import { writeFileSync } from 'node:fs';
import type { SerializedError } from 'vitest';
import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node';

// Counts for CI's closing "N passed, N failed" line, written as JSON to $ATTUNE_TEST_SUMMARY.
// Vitest's own JSON report counts tests only; here an unhandled error or rejection (work that
// outlived its test, say) and a file that failed outside its tests each count as a failure,
// because each is a defect someone would otherwise scroll past.

export type TestSummary = { passed: number; failed: number; skipped: number; problems: string[] };

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const summary: TestSummary = { passed: 0, failed: 0, skipped: 0, problems: [] };
    for (const module of testModules) {
      let failedTests = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') summary.passed += 1;
        else if (state === 'failed') failedTests += 1;
        else summary.skipped += 1;
      }
      summary.failed += failedTests;
      // A file whose import, hooks or teardown failed, though no single test did.
      if (failedTests === 0 && (module.state() === 'failed' || module.errors().length > 0)) {
        summary.failed += 1;
        summary.problems.push(`${module.moduleId}: ${module.errors()[0]?.message ?? 'failed outside its tests'}`);
      }
    }
    for (const error of unhandledErrors) {
      summary.failed += 1;
      summary.problems.push(`unhandled: ${error.name ?? 'Error'}: ${error.message ?? ''}`);
    }
    if (reason === 'interrupted') {
      summary.failed += 1;
      summary.problems.push('the run was interrupted');
    }
    const path = process.env['ATTUNE_TEST_SUMMARY'];
    if (path) writeFileSync(path, `${JSON.stringify(summary)}\n`);
  }
}
