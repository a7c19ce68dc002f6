import type { AppHarness } from './app-harness.ts';
import { advancePageClock } from './page-clock.ts';

// Drives the regulation check in the page the way a user would (buttons by their accessible
// names), for the browser tests and the benchmarks. The page must use the test clock
// (page-clock.ts) so minutes of heart pass in moments.

export async function click(harness: AppHarness, name: string, role = 'button'): Promise<void> {
  const handle = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: 60_000 });
  if (handle === null) throw new Error(`no ${role} named ${name}`);
  await handle.click();
}

export async function waitForStep(harness: AppHarness, title: string): Promise<void> {
  await harness.page.waitForFunction((t) => document.querySelector('[data-testid="check-step-title"]')?.textContent === t, { timeout: 60_000 }, title);
}

/** First run with the calm demo heart, through the resting reading, to the start screen. */
export async function completeFirstRun(harness: AppHarness): Promise<void> {
  await waitForStep(harness, 'Welcome to Attune');
  await click(harness, 'Continue');
  await click(harness, 'Use the demo sensor');
  await harness.page.waitForFunction(() => /Connected/.test(document.querySelector('[data-testid="source-status"]')?.textContent ?? ''));
  await click(harness, 'Take my resting reading');
  await advancePageClock(harness.page, 20_000);
  await waitForStep(harness, 'Listening to your heart');
  await advancePageClock(harness.page, 62_000);
  await waitForStep(harness, 'Your resting heart rate');
  await click(harness, 'Continue');
  await waitForStep(harness, 'Before a hard conversation');
}

/** From the start screen to the pacer: signal check, reading, result, the four grounding cues. */
export async function checkThroughToBreathing(harness: AppHarness): Promise<void> {
  await click(harness, 'Start the check');
  await advancePageClock(harness.page, 20_000);
  await waitForStep(harness, 'Listening to your heart');
  await advancePageClock(harness.page, 62_000);
  await waitForStep(harness, 'What your body is saying');
  const calm = await harness.page.$('::-p-aria([name="Breathe for a while anyway"][role="button"])');
  await click(harness, calm === null ? "Let's settle first" : 'Breathe for a while anyway');
  for (const next of ['Next', 'Next', 'Next', 'Start breathing']) await click(harness, next);
  await waitForStep(harness, 'Breathe with the guide');
}
