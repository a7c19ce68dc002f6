// Trends figures in Chromium over a generated 5-year data set (1,825 daily sessions with
// beats, ~870 journal entries, 260 weekly ratings, written through the real records store),
// in a 1080 × 760 window:
//   trendsRender5yMs       from moving to Trends with the range "All" (a hash change on a
//                          page showing Check) to every chart IN THE WINDOW drawn at its
//                          laid-out width: loading the lazy chunk, trends.timeline over the
//                          IPC binding, all the statistics (every chart's summary and table
//                          are on the page by then) and the paint. Charts below the fold are
//                          drawn afterwards, in idle time when within a window's height of
//                          the fold, else when scrolled near, so they are not in this figure
//                          (at 1080 × 760 that is the headline calm-down chart only). Median
//                          of 5 fresh page loads. Goal ≤ 300.
//   sessionDetailRenderMs  the same for a 60-minute session (4,400 beats): session.get, the
//                          series, downsampling and the chart in the window (heart rate; the
//                          beat-to-beat chart starts just below the fold and is drawn right
//                          after, in idle time). Median of 5. Goal ≤ 150.
import { startAppHarness } from '../e2e/harness/app-harness.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { writeTrendsData } from '../support/trends-data.ts';
import { timeNavigation } from './page-timing.ts';
import { median } from './timing.ts';

export async function run(): Promise<Record<string, number>> {
  const dir = makeTempDir('attune-trends-bench-');
  try {
    process.stderr.write('bench: trends: generating 5 years of records…\n');
    const data = await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 1825, withLongSession: true });
    const harness = await startAppHarness({ dataDir: dir.path });
    try {
      await harness.open('#/check'); // warm the browser, the static server and the store
      await timeNavigation(harness, '#/trends?range=all', 'attune-trends-painted');
      const trends: number[] = [];
      for (let i = 0; i < 5; i += 1) trends.push(await timeNavigation(harness, '#/trends?range=all', 'attune-trends-painted'));
      const detail: number[] = [];
      for (let i = 0; i < 5; i += 1) detail.push(await timeNavigation(harness, `#/trends/session/${data.longSessionId}`, 'attune-session-painted'));
      return {
        trendsRender5yMs: Math.round(median(trends) * 10) / 10,
        sessionDetailRenderMs: Math.round(median(detail) * 10) / 10,
      };
    } finally {
      await harness.close();
    }
  } finally {
    dir.cleanup();
  }
}
