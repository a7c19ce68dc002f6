import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calmDownSentence, calmDownSeries, compareCalmDown } from '../../shared/trends/aggregate.ts';
import type { TrendsTimeline } from '../../shared/trends/timeline.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { writeTrendsData, type TrendsDataSet } from '../support/trends-data.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { repoRoot, startAppHarness, type AppHarness } from './harness/app-harness.ts';

// Trends in Chromium over five generated years written through the real records store.

const PAINTED = 'attune-trends-painted';

type Download = { name: string; type: string; size: number; text: string; head: number[] };

async function waitPainted(harness: AppHarness): Promise<void> {
  await harness.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 60_000 }, PAINTED);
}

async function openTrends(harness: AppHarness, hash: string): Promise<void> {
  // A fresh document: a goto that only changes the hash would keep the old page (and its marks).
  await harness.page.goto('about:blank');
  await harness.open(hash);
  await waitPainted(harness);
}

/**
 * A full-page screenshot taken at the page's own height: letting the capture resize the
 * window would catch the charts mid-redraw.
 */
async function screenshot(harness: AppHarness, name: string): Promise<void> {
  const height = await harness.page.evaluate(() => document.documentElement.scrollHeight);
  await harness.page.setViewport({ width: 1080, height });
  // Every chart is in the window now, so each is drawn (below the fold they wait until near).
  await harness.page.waitForFunction(() => [...document.querySelectorAll('.trend-chart')].every((chart) => chart.querySelector('.recharts-wrapper > svg.recharts-surface')), { timeout: 60_000 });
  await harness.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        // Two frames for the resize to reach the charts, then a short settle.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 400)));
      }),
  );
  // The window is already the page's height: capture it as is, without fullPage's resizing.
  const dir = join(repoRoot, 'test-artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await harness.page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png` });
  await harness.page.setViewport({ width: 1080, height: 760 });
}

async function headline(harness: AppHarness): Promise<string> {
  return harness.page.$eval('[data-testid="trend-headline"]', (el) => el.textContent ?? '');
}

/** Replaces link clicks that download with a recorder, so a test can read the file. */
async function captureDownloads(harness: AppHarness): Promise<void> {
  await harness.page.evaluate(() => {
    // fetch(blob:) is refused by the CSP's connect-src, so keep each blob as it is made.
    const w = window as unknown as { __downloads: Download[] };
    w.__downloads = [];
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = create(object);
      if (object instanceof Blob) blobs.set(url, object);
      return url;
    };
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
      if (!this.download) return original.call(this);
      const name = this.download;
      const blob = blobs.get(this.href);
      if (!blob) throw new Error(`no blob behind ${this.href}`);
      void Promise.resolve(blob)
        .then(async (blob) => {
          const bytes = new Uint8Array(await blob.arrayBuffer());
          w.__downloads.push({ name, type: blob.type, size: blob.size, text: blob.type.startsWith('text') ? await blob.text() : '', head: [...bytes.slice(0, 24)] });
        });
    };
  });
}

async function nextDownload(harness: AppHarness, count: number): Promise<Download> {
  await harness.page.waitForFunction((n) => (window as unknown as { __downloads: unknown[] }).__downloads.length >= n, { timeout: 60_000 }, count);
  return harness.page.evaluate((n) => (window as unknown as { __downloads: Download[] }).__downloads[n - 1]!, count);
}

describe.skipIf(!browserTierAvailable)('Trends over five years of records, in Chromium', () => {
  let harness: AppHarness;
  let dir: ReturnType<typeof makeTempDir>;
  let data: TrendsDataSet;

  beforeAll(async () => {
    dir = makeTempDir('attune-e2e-trends-');
    data = await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 1825, withLongSession: true });
    harness = await startAppHarness({ dataDir: dir.path });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
    dir?.cleanup();
  });

  it('states the headline the records support, with the first-month comparison', async () => {
    await openTrends(harness, '#/trends?range=all');
    const result = (await harness.services.router.dispatch({ url: `${harness.origin}/index.html`, isMainFrame: true }, { channel: 'trends.timeline', payload: undefined })) as { ok: true; value: TrendsTimeline };
    const expected = calmDownSentence(compareCalmDown(calmDownSeries(result.value.sessions), Date.now())).headline;
    expect(expected).toMatch(/^Your median calm-down time is \d+ % shorter than in your first month\.$/);
    expect(await headline(harness)).toBe(expected);
    expect(result.value.sessions).toHaveLength(data.sessionCount);
    await screenshot(harness, 'trends-all-light');
  });

  it('draws the charts in the window first and the ones below as they are scrolled to, with their words and data there from the start', async () => {
    await openTrends(harness, '#/trends?range=all');
    const drawn = (chart: string) => harness.page.$eval(`[data-chart="${chart}"]`, (el) => el.querySelector('.trend-chart .recharts-wrapper > svg.recharts-surface') !== null);
    expect(await drawn('calm-down')).toBe(true);
    // The last chart is far below the fold: not drawn yet, but its summary, key and table are there.
    expect(await drawn('practice')).toBe(false);
    expect(await harness.page.$eval('[data-chart="practice"] .trend-summary', (el) => el.textContent)).toMatch(/minutes of practice in this range/);
    expect(await harness.page.$eval('[data-chart="practice"] .trend-table summary', (el) => el.textContent)).toMatch(/\(\d+ rows\)/);
    // Its box already has the chart's height, so nothing moves when it is drawn.
    const before = await harness.page.$eval('[data-chart="practice"] .trend-chart', (el) => el.getBoundingClientRect().height);
    await harness.page.$eval('[data-chart="practice"]', (el) => el.scrollIntoView());
    await harness.page.waitForFunction(() => document.querySelector('[data-chart="practice"] .trend-chart .recharts-wrapper > svg.recharts-surface') !== null, { timeout: 60_000 });
    expect(await harness.page.$eval('[data-chart="practice"] .trend-chart', (el) => el.getBoundingClientRect().height)).toBe(before);
    expect(await harness.page.$$eval('[data-chart="practice"] .recharts-bar-rectangle', (els) => els.length)).toBeGreaterThan(50);
  });

  it('draws a chart below the fold when the keyboard reaches it', async () => {
    await openTrends(harness, '#/trends?range=all');
    await harness.page.$eval('[data-chart="flooding"] .trend-export button', (el) => (el as HTMLElement).focus({ preventScroll: true }));
    await harness.page.waitForFunction(() => document.querySelector('[data-chart="flooding"] .trend-chart .recharts-wrapper > svg.recharts-surface') !== null, { timeout: 60_000 });
  });

  it('switches ranges: five years open on 12 months, the buttons say which is on, the address keeps a choice, the data follows', async () => {
    await openTrends(harness, '#/trends');
    const rowsOf = async (chart: string) =>
      harness.page.$eval(`[data-chart="${chart}"] .trend-table summary`, (el) => Number(/\((\d+) rows?\)/.exec(el.textContent ?? '')?.[1] ?? -1));
    const pressed = async (label: string) => (await harness.page.$(`::-p-aria([name="${label}"][role="button"])`))!.evaluate((el) => el.getAttribute('aria-pressed'));
    expect(await pressed('12 months')).toBe('true');
    const year = await rowsOf('calm-down');
    expect(year).toBeGreaterThan(330);
    expect(year).toBeLessThan(370);
    let threeMonths = -1;
    for (const [label, hash] of [['4 weeks', '#/trends?range=4w'], ['3 months', '#/trends?range=3m'], ['12 months', '#/trends?range=12m'], ['All', '#/trends?range=all']] as const) {
      const [button] = await harness.page.$$(`::-p-aria([name="${label}"][role="button"])`);
      await button!.click();
      await harness.page.waitForFunction((h) => location.hash === h, {}, hash);
      expect(await button!.evaluate((el) => el.getAttribute('aria-pressed'))).toBe('true');
      if (label === '3 months') threeMonths = await rowsOf('calm-down');
    }
    const all = await rowsOf('calm-down');
    expect(all).toBeGreaterThan(1500);
    expect(threeMonths).toBeGreaterThan(60);
    expect(threeMonths).toBeLessThan(100);
    // Five years are counted by month.
    expect(await harness.page.$eval('[data-chart="flooding"] h2', (el) => el.textContent)).toBe('Flooding episodes per month');
  });

  it('draws five years of calm-down times as monthly medians over the middle half, each session on request, on round ticks', async () => {
    await openTrends(harness, '#/trends?range=all');
    const calm = '[data-chart="calm-down"] .trend-chart';
    // About 61 months: one line and one band, no dot per session.
    expect(await harness.page.$$eval(`${calm} .recharts-area`, (els) => els.length)).toBe(1);
    expect(await harness.page.$$eval(`${calm} .recharts-scatter-symbol`, (els) => els.length)).toBe(0);
    // Recharts draws tick labels in a layer of their own: the value axis's are the right-aligned ones.
    const yTicks = (chart: string) =>
      harness.page.$$eval(`${chart} .recharts-cartesian-axis-tick-value`, (els) => els.filter((el) => el.getAttribute('text-anchor') === 'end').map((el) => el.textContent ?? ''));
    const ticks = await yTicks(calm);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d+ (min|s)$/);
    expect(ticks[0]).toMatch(/^0 (min|s)$/);
    await screenshot(harness, 'trends-all-medians-light');

    await (await harness.page.$('::-p-aria([name="Show each session"][role="checkbox"])'))!.click();
    await harness.page.waitForFunction((sel) => document.querySelectorAll(`${sel} .recharts-scatter-symbol`).length > 1500, { timeout: 60_000 }, calm);
    expect(await harness.page.$$eval(`${calm} .recharts-area`, (els) => els.length)).toBe(0);
    expect(await harness.page.$eval('[data-chart="calm-down"] .chart-key', (el) => el.textContent)).toBe('Each sessionMedian per month');
    await screenshot(harness, 'trends-all-each-session-light');

    // Heart rate at the start and after: ticks on round bpm.
    await harness.page.$eval('[data-chart="start-after"]', (el) => el.scrollIntoView());
    await harness.page.waitForSelector('[data-chart="start-after"] .recharts-cartesian-axis-tick-value', { timeout: 60_000 });
    const bpm = (await yTicks('[data-chart="start-after"] .trend-chart')).map(Number);
    expect(bpm.length).toBeGreaterThanOrEqual(2);
    for (const value of bpm) expect(value % 5).toBe(0);
  });

  it('shows the five signs as five small charts on one time line', async () => {
    await openTrends(harness, '#/trends?range=12m');
    await harness.page.$eval('[data-chart="signs"]', (el) => el.scrollIntoView());
    await harness.page.waitForFunction(() => document.querySelectorAll('[data-chart="signs"] .signs-multiple .recharts-surface').length >= 5, { timeout: 60_000 });
    const names = await harness.page.$$eval('[data-chart="signs"] .signs-multiple-name', (els) => els.map((el) => el.textContent));
    expect(names).toHaveLength(5);
    // One line per chart, not five tangled in one.
    expect(await harness.page.$$eval('[data-chart="signs"] .signs-multiple', (els) => els.map((el) => el.querySelectorAll('.recharts-line').length))).toEqual([1, 1, 1, 1, 1]);
    const box = await harness.page.$eval('[data-chart="signs"]', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
    });
    mkdirSync(join(repoRoot, 'test-artifacts', 'screenshots'), { recursive: true });
    await harness.page.screenshot({ path: join(repoRoot, 'test-artifacts', 'screenshots', 'trends-signs-multiples-light.png') as `${string}.png`, clip: box, captureBeyondViewport: true });
    // The PNG holds all five, stacked as on the page (taller than one small chart of 64–88 px, at 2×).
    await captureDownloads(harness);
    await (await harness.page.$('::-p-aria([name="Save as PNG of Signs of progress, as you rated them"])'))!.click();
    const png = await nextDownload(harness, 1);
    expect(png.type).toBe('image/png');
    // IHDR: the height is bytes 20–23, big-endian.
    const heightPx = ((png.head[20]! << 24) | (png.head[21]! << 16) | (png.head[22]! << 8) | png.head[23]!) >>> 0;
    expect(heightPx).toBeGreaterThan(2 * 5 * 64);
  });

  it('gathers journal markers by pixel distance, again when the width changes, each group a keyboard control listing its entries', async () => {
    const markers = async () =>
      harness.page.$$eval('[data-chart="calm-down"] .trend-marker', (els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { x: r.x + r.width / 2, count: el.classList.contains('trend-marker-group') ? Number(el.textContent) : 1 };
        }),
      );
    const counts: number[] = [];
    const strips: number[] = [];
    for (const width of [720, 900, 1080]) {
      await harness.page.setViewport({ width, height: 760 });
      await openTrends(harness, '#/trends?range=all');
      await harness.page.waitForFunction(() => document.querySelector('.trend-marker') !== null);
      // The strip re-measures after layout: wait until its markers stop changing.
      let last = '';
      for (let i = 0; i < 20; i += 1) {
        const now = JSON.stringify(await markers());
        if (now === last) break;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const found = await markers();
      // Every entry is behind one marker, and no two markers overlap (20–24 px wide).
      expect(found.reduce((sum, m) => sum + m.count, 0)).toBe(data.entryCount - data.signsCount);
      for (let i = 1; i < found.length; i += 1) expect(found[i]!.x - found[i - 1]!.x).toBeGreaterThanOrEqual(24);
      counts.push(found.length);
      strips.push(await harness.page.$eval('[data-chart="calm-down"] .trend-markers', (el) => el.clientWidth));
    }
    // The content column is narrower in narrower windows (it stops growing at 44rem)…
    expect(strips[1]).toBeGreaterThan(strips[0]! + 50);
    expect(strips[2]).toBeGreaterThan(strips[1]! + 50);
    // …and a wider strip shows more, smaller groups: about one per 28 px.
    expect(counts[1]).toBeGreaterThan(counts[0]!);
    expect(counts[2]).toBeGreaterThan(counts[1]!);
    for (const [i, count] of counts.entries()) expect(count).toBeLessThanOrEqual(Math.floor(strips[i]! / 28) + 1);
    await harness.page.setViewport({ width: 1080, height: 760 });
    await openTrends(harness, '#/trends?range=all');

    // One tab stop, arrows move, Enter opens the group's list of links, Escape closes it.
    await harness.page.$eval('[data-chart="calm-down"] .trend-marker[tabindex="0"]', (el) => (el as HTMLElement).focus());
    await harness.page.keyboard.press('ArrowRight');
    await harness.page.keyboard.press('Enter');
    const list = await harness.page.waitForSelector('.trend-marker-list', { visible: true });
    const links = await list!.$$eval('a', (els) => els.map((el) => el.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThan(1);
    for (const href of links) expect(href).toMatch(/^#\/journal\/entry\//);
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
    await harness.page.screenshot({ path: join(repoRoot, 'test-artifacts', 'screenshots', 'trends-marker-group-light.png') as `${string}.png` });
    await harness.page.keyboard.press('Escape');
    await harness.page.waitForFunction(() => document.querySelector('.trend-marker-list') === null);
    expect(await harness.page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
  });

  it('shows a journal marker\'s first line and mood on hover, and opens the entry on click', async () => {
    await openTrends(harness, '#/trends?range=4w');
    const marker = await harness.page.waitForSelector(`.trend-marker[data-entry-id="${data.partnerEntry.id}"]`);
    // Keyboard focus shows the same tip as hover.
    await marker!.focus();
    // The tip shows "Reading the mood…" first and React then changes that text in place. A
    // plain waitForSelector re-checks only on added nodes and attributes, never on text edits,
    // so it would miss the mood if it arrives after the first look (it did on a loaded
    // machine); visible: true makes it re-check on every frame, and the tip must be seen anyway.
    await harness.page.waitForSelector('.trend-marker-tip ::-p-text(Mood:)', { visible: true, timeout: 60_000 });
    await marker!.evaluate((el) => (el as HTMLElement).blur());
    await harness.page.mouse.move(0, 0);
    await marker!.scrollIntoView();
    await marker!.hover();
    const tip = await harness.page.waitForSelector('.trend-marker-tip ::-p-text(Mood:)', { visible: true, timeout: 60_000 });
    expect(tip).not.toBeNull();
    expect(await harness.page.$eval('.trend-marker-tip', (el) => el.textContent)).toContain(data.partnerEntry.firstLine);
    mkdirSync(join(repoRoot, 'test-artifacts', 'screenshots'), { recursive: true });
    await harness.page.screenshot({ path: join(repoRoot, 'test-artifacts', 'screenshots', 'trends-marker-hover.png') as `${string}.png` });
    await marker!.click();
    await harness.page.waitForFunction((id) => location.hash === `#/journal/entry/${id}`, {}, data.partnerEntry.id);
    await harness.page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Journal');
    await harness.page.waitForSelector(`::-p-text(${data.partnerEntry.firstLine})`, { timeout: 60_000 });
  });

  it('filters the charts to sessions linked to entries with a tag', async () => {
    await openTrends(harness, '#/trends?range=12m');
    const before = await harness.page.$eval('[data-chart="calm-down"] .trend-table summary', (el) => el.textContent);
    await harness.page.select('.trends-tag select', 'partner');
    await harness.page.waitForFunction(() => location.hash.includes('tag=partner'));
    await harness.page.waitForFunction((text) => document.querySelector('[data-chart="calm-down"] .trend-table summary')?.textContent !== text, {}, before);
    const rows = await harness.page.$eval('[data-chart="calm-down"] .trend-table summary', (el) => Number(/\((\d+) rows?\)/.exec(el.textContent ?? '')?.[1]));
    expect(rows).toBeGreaterThan(15);
    expect(rows).toBeLessThan(40);
    expect(await harness.page.$eval('.trend-headline-detail', (el) => el.textContent)).toContain('tagged “partner”');
    const markers = await harness.page.$$eval('.trend-marker', (els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    expect(markers.length).toBeGreaterThan(0);
  });

  it('exports a chart as CSV and as PNG under the CSP', async () => {
    await openTrends(harness, '#/trends?range=3m');
    await captureDownloads(harness);
    await (await harness.page.$('::-p-aria([name="Export CSV of Calm-down time per session"])'))!.click();
    const csv = await nextDownload(harness, 1);
    expect(csv.name).toBe('attune-calm-down.csv');
    expect(csv.text.split('\r\n')[0]).toBe('When,Calm-down (s),Median of last 7 (s)');
    expect(csv.text.trim().split('\r\n').length).toBeGreaterThan(60);
    await (await harness.page.$('::-p-aria([name="Save as PNG of Calm-down time per session"])'))!.click();
    const png = await nextDownload(harness, 2);
    expect(png.name).toBe('attune-calm-down.png');
    expect(png.type).toBe('image/png');
    expect(png.head.slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.size).toBeGreaterThan(5_000);
    expect(await harness.cspViolations()).toEqual([]);
  });

  it('saves a weekly signs rating and charts it', async () => {
    await openTrends(harness, '#/trends?range=4w');
    const before = await harness.page.$eval('[data-chart="signs"] .trend-table summary', (el) => el.textContent ?? '');
    await (await harness.page.waitForSelector('.signs-prompt button'))!.click();
    const groups = await harness.page.$$('.signs-row');
    expect(groups).toHaveLength(5);
    for (const [i, group] of groups.entries()) await (await group.$(`input[value="${(i % 5) + 1}"]`))!.click();
    await (await harness.page.$('::-p-aria([name="Save this week\'s rating"])'))!.click();
    await harness.page.waitForFunction((text) => document.querySelector('[data-chart="signs"] .trend-table summary')?.textContent !== text, { timeout: 60_000 }, before);
    const store = await harness.services.records.store();
    const saved = store.listJournal({}).filter((e) => e.kind === 'weekly-signs');
    expect(saved).toHaveLength(data.signsCount + 1);
    expect((await store.getJournal(saved[0]!.id)).signsRating).toEqual([1, 2, 3, 4, 5]);
  });

  it('opens a 60-minute session with phase bands, the pacer and explained numbers', async () => {
    await harness.page.goto('about:blank');
    await harness.open(`#/trends/session/${data.longSessionId}`);
    await harness.page.waitForFunction(() => performance.getEntriesByName('attune-session-painted').length > 0, { timeout: 60_000 });
    await harness.page.waitForFunction(() => document.querySelectorAll('.trend-chart .recharts-wrapper > svg.recharts-surface').length === 2);
    const text = await harness.page.$eval('main', (el) => el.textContent ?? '');
    for (const phrase of ['Reading', 'Breathing', 'Break', 'Conversation', 'Corrected beats', 'RMSSD', 'Pacer', '6 breaths a minute']) expect(text).toContain(phrase);
    expect(text).toMatch(/\d+ of \d+ \(\d+(\.\d)? %\)/);
    await screenshot(harness, 'trends-session-detail-light');
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
  });

  it('has no serious or critical accessibility violations, no CSP violations and no page errors', async () => {
    await openTrends(harness, '#/trends?range=all');
    // Open every table and the signs form so they are checked too.
    await harness.page.$$eval('details.trend-table', (els) => els.forEach((el) => ((el as HTMLDetailsElement).open = true)));
    await (await harness.page.$('.signs-prompt button'))!.click();
    expect(await seriousAxeFindings(harness.page)).toEqual([]);
    expect(await harness.cspViolations()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.offOriginRequests).toEqual([]);
  });
});

describe.skipIf(!browserTierAvailable)('Trends in a new user\'s first weeks', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`says where they start, fits the range to three weeks and passes axe (${colorScheme})`, async () => {
      const dir = makeTempDir('attune-e2e-trends-new-');
      await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 21 });
      const harness = await startAppHarness({ dataDir: dir.path, colorScheme });
      try {
        await openTrends(harness, '#/trends');
        const words = await headline(harness);
        expect(words).toMatch(/^Here is where you start: \d+ sessions with a calm-down time over 2\d days, typically .+\.$/);
        const sessions = Number(/start: (\d+) sessions/.exec(words)?.[1]);
        expect(sessions).toBeGreaterThan(15);
        expect(await harness.page.$eval('::-p-aria([name="4 weeks"][role="button"])', (el) => el.getAttribute('aria-pressed'))).toBe('true');
        // Few sessions: a dot each, with the median of the last 7.
        expect(await harness.page.$$eval('[data-chart="calm-down"] .recharts-scatter-symbol', (els) => els.length)).toBe(sessions);
        await screenshot(harness, `trends-first-weeks-${colorScheme}`);
        expect(await seriousAxeFindings(harness.page)).toEqual([]);
        expect(harness.pageErrors).toEqual([]);
      } finally {
        await harness.close();
        dir.cleanup();
      }
    }, 120_000);
  }
});

describe.skipIf(!browserTierAvailable)('Trends in the dark, and with nothing recorded', () => {
  it('saves a dark screenshot of a year of weekly medians and passes axe there too', async () => {
    const dir = makeTempDir('attune-e2e-trends-dark-');
    await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 400 });
    const harness = await startAppHarness({ dataDir: dir.path, colorScheme: 'dark' });
    try {
      await openTrends(harness, '#/trends?range=12m');
      await screenshot(harness, 'trends-12m-dark');
      expect(await seriousAxeFindings(harness.page)).toEqual([]);
    } finally {
      await harness.close();
      dir.cleanup();
    }
  }, 120_000);

  it('says what is missing when there are no sessions', async () => {
    const harness = await startAppHarness();
    try {
      await harness.open('#/trends');
      await harness.page.waitForSelector('::-p-text(There are no sessions yet)', { timeout: 60_000 });
      await screenshot(harness, 'trends-empty-light');
      expect(await seriousAxeFindings(harness.page)).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
