// Timing for the browser benchmarks: how long the app takes from a move within the page to
// the performance mark a screen sets once it is drawn.
import type { AppHarness } from '../e2e/harness/app-harness.ts';

/** Opens a fresh page on Check, then moves to `hash` and times until `mark` (ms). */
export async function timeNavigation(harness: AppHarness, hash: string, mark: string): Promise<number> {
  // A fresh document each time (a goto that only changes the hash would not reload).
  await harness.page.goto('about:blank');
  await harness.page.goto(`${harness.origin}/index.html#/check`, { waitUntil: 'load' });
  await harness.page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0, { timeout: 15_000 });
  await harness.page.evaluate((target) => {
    performance.clearMarks('bench-navigate');
    performance.mark('bench-navigate');
    window.location.hash = target;
  }, hash);
  await harness.page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, { timeout: 60_000 }, mark);
  return harness.page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime - performance.getEntriesByName('bench-navigate')[0]!.startTime, mark);
}
