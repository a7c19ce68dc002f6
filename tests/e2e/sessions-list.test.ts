import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { writeTrendsData, type TrendsDataSet } from '../support/trends-data.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';

// Trends → Sessions in Chromium over five generated years written through the real records
// store: the whole list virtualised, filters in the address (a reload keeps them), keyboard
// use from the view switch to a row, delete and Undo, axe and screenshots in light and dark.

const PAINTED = 'attune-sessions-list-painted';

async function openList(harness: AppHarness, hash: string): Promise<void> {
  // A fresh document: a goto that only changes the hash would keep the old page (and its marks).
  await harness.page.goto('about:blank');
  await harness.open(hash);
  await harness.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 60_000 }, PAINTED);
}

const countText = (harness: AppHarness) => harness.page.$eval('.sessions-count', (el) => el.textContent ?? '');
const rowCount = (harness: AppHarness) => harness.page.$$eval('.sessions-row', (els) => els.length);
const focusedName = (harness: AppHarness) => harness.page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '');

async function storeSessionCount(harness: AppHarness): Promise<number> {
  return (await harness.services.records.store()).status().sessionCount;
}

describe.skipIf(!browserTierAvailable)('the sessions list over five years, in Chromium', () => {
  let harness: AppHarness;
  let dir: ReturnType<typeof makeTempDir>;
  let data: TrendsDataSet;

  beforeAll(async () => {
    dir = makeTempDir('attune-e2e-sessions-');
    data = await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 1825 });
    harness = await startAppHarness({ dataDir: dir.path });
  }, 180_000);
  afterAll(async () => {
    await harness?.close();
    dir?.cleanup();
  });

  it('lists every session, newest first, with only the rows in view in the page', async () => {
    await openList(harness, '#/trends/sessions');
    expect(await countText(harness)).toBe(`${data.sessionCount.toLocaleString('en')} sessions, newest first.`);
    const rows = await rowCount(harness);
    expect(rows).toBeGreaterThan(3);
    expect(rows).toBeLessThan(40);
    const first = await harness.page.$eval('.sessions-row', (el) => el.textContent ?? '');
    expect(first).toMatch(/^(Regulation check|Breathing)/);
    expect(first).toMatch(/5 min/);
    // The last row is reached by scrolling, and it is the oldest session (five years back).
    await harness.page.$eval('.sessions-scroller', (el) => el.scrollTo(0, el.scrollHeight));
    await harness.page.waitForFunction((total) => document.querySelector(`.sessions-row[aria-posinset="${total}"]`) !== null, {}, data.sessionCount);
    const last = await harness.page.$eval(`.sessions-row[aria-posinset="${data.sessionCount}"]`, (el) => el.textContent ?? '');
    expect(last).toContain(String(new Date(Date.now() - 1825 * 86_400_000).getFullYear()));
    expect(harness.pageErrors).toEqual([]);
  }, 60_000);

  it('is used by keyboard: view switch, range, a row opened; a reload keeps the filters', async () => {
    await openList(harness, '#/trends/sessions?kind=breathing');
    const breathing = Math.round(data.sessionCount / 4);
    expect(await countText(harness)).toMatch(new RegExp(`^(${breathing - 1}|${breathing}|${breathing + 1}) sessions`));
    await harness.page.focus('.trends-view-link[aria-current="page"]');
    expect(await focusedName(harness)).toBe('Sessions');
    await harness.page.keyboard.press('Tab'); // the kind
    await harness.page.keyboard.press('Tab'); // 4 weeks
    await harness.page.keyboard.press('Tab'); // 3 months
    expect(await focusedName(harness)).toBe('3 months');
    await harness.page.keyboard.press('Enter');
    await harness.page.waitForFunction(() => window.location.hash === '#/trends/sessions?kind=breathing&range=3m');
    expect(await countText(harness)).toMatch(/^(2[0-4]) sessions, newest first\.$/);

    await harness.page.reload();
    await harness.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 60_000 }, PAINTED);
    expect(await countText(harness)).toMatch(/^(2[0-4]) sessions, newest first\.$/);
    expect(await harness.page.$eval('.sessions-kind select', (el) => (el as HTMLSelectElement).value)).toBe('breathing');

    await harness.page.focus('.sessions-row-link');
    await harness.page.keyboard.press('Enter');
    await harness.page.waitForFunction(() => window.location.hash.startsWith('#/trends/session/'));
    await harness.page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Session');
  }, 60_000);

  it('deletes a session by keyboard and brings it back with Undo', async () => {
    await openList(harness, '#/trends/sessions');
    const before = await storeSessionCount(harness);
    const firstTitle = await harness.page.$eval('.sessions-row-link', (el) => el.textContent ?? '');
    await harness.page.focus('.sessions-row button[aria-label^="Delete"]');
    await harness.page.keyboard.press('Enter');
    await harness.page.waitForFunction(() => document.querySelector('.trashed-notice')?.textContent?.includes('was moved to the trash'));
    expect(await storeSessionCount(harness)).toBe(before - 1);
    expect(await countText(harness)).toBe(`${(before - 1).toLocaleString('en')} sessions, newest first.`);
    expect(await harness.page.$eval('.sessions-row-link', (el) => el.textContent ?? '')).not.toBe(firstTitle);

    await harness.page.focus('.trashed-notice button');
    expect(await focusedName(harness)).toBe('Undo');
    await harness.page.keyboard.press('Enter');
    await harness.page.waitForFunction(() => !document.querySelector('.trashed-notice'));
    expect(await storeSessionCount(harness)).toBe(before);
    expect(await harness.page.$eval('.sessions-row-link', (el) => el.textContent ?? '')).toBe(firstTitle);
  }, 60_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe and is photographed (${colorScheme})`, async () => {
      await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: colorScheme }]);
      try {
        await openList(harness, '#/trends/sessions');
        await harness.screenshot(`sessions-list-${colorScheme}`);
        expect(await seriousAxeFindings(harness.page)).toEqual([]);
        await openList(harness, '#/trends/sessions?kind=calibration&range=4w');
        expect(await harness.page.$eval('.empty-state', (el) => el.textContent ?? '')).toContain('Choose another kind or a longer range');
        await harness.screenshot(`sessions-list-empty-${colorScheme}`);
        expect(await seriousAxeFindings(harness.page)).toEqual([]);
      } finally {
        await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
      }
    }, 60_000);
  }
});
