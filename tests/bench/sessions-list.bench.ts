// The sessions list in Chromium over 2,000 generated sessions (one a day for 2,000 days,
// written through the real records store, with their journal entries), in the harness's
// window:
//   sessionsListRenderMs   from moving to Trends → Sessions (a hash change on a page showing
//                          Check) to the list's first rows in the page (the
//                          'attune-sessions-list-painted' mark): loading the lazy Trends chunk,
//                          session.list over the IPC binding for all of time, the row model
//                          (filter, sort) and the virtualised rows in view. Median of 5 fresh
//                          page loads. Goal ≤ 100.
import { startAppHarness } from '../e2e/harness/app-harness.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { writeTrendsData } from '../support/trends-data.ts';
import { timeNavigation } from './page-timing.ts';
import { median } from './timing.ts';

const SESSIONS = 2000;

export async function run(): Promise<Record<string, number>> {
  const dir = makeTempDir('attune-sessions-list-bench-');
  try {
    process.stderr.write(`bench: sessions list: generating ${SESSIONS} sessions…\n`);
    const data = await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: SESSIONS });
    if (data.sessionCount !== SESSIONS) throw new Error(`expected ${SESSIONS} sessions, wrote ${data.sessionCount}`);
    const harness = await startAppHarness({ dataDir: dir.path });
    try {
      await harness.open('#/check'); // warm the browser, the static server and the store
      await timeNavigation(harness, '#/trends/sessions', 'attune-sessions-list-painted');
      const times: number[] = [];
      for (let i = 0; i < 5; i += 1) times.push(await timeNavigation(harness, '#/trends/sessions', 'attune-sessions-list-painted'));
      return { sessionsListRenderMs: Math.round(median(times) * 10) / 10 };
    } finally {
      await harness.close();
    }
  } finally {
    dir.cleanup();
  }
}
