// Journal figures in Chromium, through the real store (the browser harness), with five
// years of daily entries (1,825):
//   journalListRenderMs          from moving to the Journal to its list's first rows on
//                                screen: the lazy chunk, journal.list over the bridge and
//                                the virtualised render (goal ≤ 100; median of 5 fresh loads)
//   journalSearchTypeToResultMs  from a keystroke in the search box to its results on
//                                screen (goal ≤ 50; median over the keystrokes of 6 words)
// The bridge in the harness sends JSON through the DevTools protocol, which is slower than
// Electron's IPC, so both figures lean pessimistic.
import { JOURNAL_LIST_RENDERED_MARK, JOURNAL_SEARCH_SHOWN_MARK } from '../../renderer/features/journal/journal-marks.ts';
import { startAppHarness } from '../e2e/harness/app-harness.ts';

const DAYS = 1825;
const DAY_MS = 24 * 3600 * 1000;
const WORDS = ['breath', 'shoulders', 'partner', 'budget', 'dinner', 'quiet', 'listened', 'sorry', 'tired', 'laughed', 'holiday', 'jaw', 'voice', 'pause', 'walk', 'kids', 'work', 'money', 'weekend', 'heart', 'calm', 'together', 'missed', 'repair'];
const KINDS = ['reflection', 'repair', 'debrief', 'prompt'] as const;
const QUERIES = ['breath', 'budget', 'together', 'listened', 'repair', 'quiet'];

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function sentence(random: () => number): string {
  const length = 6 + Math.floor(random() * 10);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) words.push(WORDS[Math.floor(random() * WORDS.length)]!);
  return `${words.join(' ')}.`;
}

export async function run(): Promise<Record<string, number>> {
  const harness = await startAppHarness();
  try {
    const store = await harness.services.records.store();
    const random = lcg(7);
    const startMs = Date.now() - DAYS * DAY_MS;
    for (let day = 0; day < DAYS; day += 1) {
      const paragraphs = 1 + Math.floor(random() * 4);
      const text = Array.from({ length: paragraphs }, () => Array.from({ length: 2 + Math.floor(random() * 4) }, () => sentence(random)).join(' ')).join('\n\n');
      await store.createJournal({
        title: random() < 0.6 ? sentence(random).slice(0, 40) : '',
        text,
        kind: KINDS[day % KINDS.length],
        tags: random() < 0.5 ? ['partner'] : ['work'],
        createdAtMs: startMs + day * DAY_MS + Math.floor(random() * 12 * 3600_000),
      });
    }

    // First render of the list: navigation from another area in a fresh page.
    const listTimes: number[] = [];
    await harness.open('#/check');
    for (let i = 0; i < 5; i += 1) {
      await harness.page.goto(`${harness.origin}/index.html#/check`, { waitUntil: 'load' });
      await harness.page.reload({ waitUntil: 'load' });
      await harness.page.waitForFunction(() => performance.getEntriesByName('attune-shell-rendered').length > 0);
      const t0 = await harness.page.evaluate(() => {
        const at = performance.now();
        location.hash = '#/journal';
        return at;
      });
      await harness.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 30_000 }, JOURNAL_LIST_RENDERED_MARK);
      const rows = await harness.page.$$eval('.journal-row', (els) => els.length);
      if (rows === 0 || rows > 60) throw new Error(`expected a virtualised list, found ${rows} rows in the page`);
      const shownAt = await harness.page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, JOURNAL_LIST_RENDERED_MARK);
      listTimes.push(shownAt - t0);
    }

    // Type-to-result: every keystroke of each query word, from keydown to its results.
    const searchTimes: number[] = [];
    const search = await harness.page.waitForSelector('input[type="search"]');
    if (!search) throw new Error('no search box');
    await harness.page.evaluate(() => {
      const w = window as unknown as { __keyAt: number };
      document.addEventListener('keydown', () => (w.__keyAt = performance.now()), { capture: true });
    });
    for (const query of QUERIES) {
      await search.click({ count: 3 });
      await harness.page.keyboard.press('Backspace');
      for (let i = 0; i < query.length; i += 1) {
        const text = query.slice(0, i + 1);
        await harness.page.keyboard.type(query[i]!);
        const elapsed = await harness.page.waitForFunction(
          (mark, wanted) => {
            const keyAt = (window as unknown as { __keyAt: number }).__keyAt;
            const shown = performance.getEntriesByName(mark).filter((e) => (e as PerformanceMark).detail === wanted && e.startTime >= keyAt);
            return shown.length > 0 ? shown[0]!.startTime - keyAt : false;
          },
          { timeout: 10_000 },
          JOURNAL_SEARCH_SHOWN_MARK,
          text,
        );
        searchTimes.push((await elapsed.jsonValue()) as number);
      }
    }

    return {
      journalListRenderMs: Math.round(median(listTimes) * 10) / 10,
      journalSearchTypeToResultMs: Math.round(median(searchTimes) * 10) / 10,
    };
  } finally {
    await harness.close();
  }
}
