// The check's live view in Chromium (issue 6):
//   liveFrameP95Ms      95th percentile of frame times (requestAnimationFrame deltas) over 20 s
//                       of a breathing session whose live chart already holds 30 minutes of
//                       beats, the pacer animating and the demo heart beating in real time.
//   liveUpdateLatencyMs median time from a beat reaching the chart to the paint after it.
// The demo heart runs on the test clock (tests/e2e/harness/page-clock.ts): 30 minutes of
// beats are fed in a few seconds, then the clock follows real time for the measurement.
import { startAppHarness } from '../e2e/harness/app-harness.ts';
import { checkThroughToBreathing, completeFirstRun } from '../e2e/harness/check-driver.ts';
import { advancePageClock, usePageClock } from '../e2e/harness/page-clock.ts';

const MEASURE_MS = 20_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function run(): Promise<Record<string, number>> {
  const harness = await startAppHarness({ colorScheme: 'light' });
  try {
    await usePageClock(harness.page);
    await harness.open('#/check');
    await completeFirstRun(harness);
    await checkThroughToBreathing(harness);
    await advancePageClock(harness.page, 30 * 60_000, 30_000);
    const beatsOnChart = await harness.page.$eval('[data-testid="hr-chart"] polyline', (el) => el.getAttribute('points')?.trim().split(' ').length ?? 0);
    if (beatsOnChart < 250) throw new Error(`the chart holds only ${beatsOnChart} points after 30 minutes`);

    const { frames, latencies } = await harness.page.evaluate(async (measureMs) => {
      const target = window as unknown as { __attuneTestScheduler: { advance(ms: number): void }; __attuneChartLatency?: number[] };
      const latencyProbe: number[] = [];
      target.__attuneChartLatency = latencyProbe;
      // From now on the test clock follows real time, moved by a timer as the app's own would be.
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        target.__attuneTestScheduler.advance(now - last);
        last = now;
      }, 50);
      const deltas: number[] = [];
      await new Promise<void>((resolve) => {
        let previous = performance.now();
        const start = previous;
        const frame = (now: number) => {
          deltas.push(now - previous);
          previous = now;
          if (now - start < measureMs) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      clearInterval(timer);
      return { frames: deltas.slice(1), latencies: latencyProbe };
    }, MEASURE_MS);
    if (latencies.length < 5) throw new Error(`only ${latencies.length} chart updates were measured`);
    return {
      liveFrameP95Ms: Math.round(percentile(frames, 95) * 10) / 10,
      liveUpdateLatencyMs: Math.round(percentile(latencies, 50) * 10) / 10,
    };
  } finally {
    await harness.close();
  }
}
