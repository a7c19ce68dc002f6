import { afterAll, beforeAll } from 'vitest';
import { startAppHarness, type AppHarness, type HarnessOptions } from './app-harness.ts';
import { usePageClock } from './page-clock.ts';

// One app harness for a describe block, its sensors on the page clock (page-clock.ts): started
// before the block's tests, closed after them. `prepare` runs before the page clock is installed
// (settings, bookkeeping), so the app loads with it.

export function harnessOnPageClock(
  options: HarnessOptions = { colorScheme: 'light' },
  prepare: (harness: AppHarness) => void = () => {},
): () => AppHarness {
  let harness: AppHarness | null = null;
  beforeAll(async () => {
    harness = await startAppHarness(options);
    prepare(harness);
    await usePageClock(harness.page);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (harness === null) throw new Error('the harness starts in beforeAll');
    return harness;
  };
}
