import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';
import type { Beat } from '../../shared/model/session.ts';

// The Journal in Chromium through the real records store: create, link, search, filter and
// delete entries; text with <script> and HTML stays text; axe finds nothing serious.

async function byRole(harness: AppHarness, role: string, name: string): Promise<ElementHandle<Element>> {
  const handle = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: 60_000 });
  if (handle === null) throw new Error(`no ${role} named ${name}`);
  return handle;
}

async function waitForText(harness: AppHarness, text: string): Promise<void> {
  await harness.page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t) ?? false, { timeout: 60_000 }, text);
}

async function rowTitles(harness: AppHarness): Promise<string[]> {
  return harness.page.$$eval('.journal-row-title', (rows) => rows.map((row) => row.textContent ?? ''));
}

function beats(): Beat[] {
  const out: Beat[] = [];
  let tMs = 0;
  while (tMs < 300_000) {
    const rrMs = tMs < 100_000 ? 620 : 940;
    tMs += rrMs;
    out.push({ tMs, rrMs });
  }
  return out;
}

const HOSTILE = '<script>window.__pwned = 1</script>\n<img src="x" onerror="window.__pwned = 2"> **budget** talk <b>bold?</b>';

describe.skipIf(!browserTierAvailable)('journal in Chromium, through the real store', () => {
  let harness: AppHarness;
  const axeFindings: Record<string, string[]> = {};

  beforeAll(async () => {
    harness = await startAppHarness({ colorScheme: 'light' });
    await harness.open('#/journal');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('creates an entry whose <script> and HTML show as text and run nothing', async () => {
    axeFindings['empty list'] = await seriousAxeFindings(harness.page);
    await (await byRole(harness, 'link', 'Write an entry')).click();
    const text = await byRole(harness, 'textbox', 'What happened, and what did you notice?');
    await text.type(HOSTILE);
    await (await byRole(harness, 'button', 'More details')).click();
    await (await byRole(harness, 'textbox', 'Title (optional)')).type('Budget talk');
    await (await byRole(harness, 'button', 'tense')).click();
    await (await byRole(harness, 'button', '+ partner')).click();
    axeFindings['editor'] = await seriousAxeFindings(harness.page);
    await harness.screenshot('journal-editor-light');
    await (await byRole(harness, 'button', 'Save entry')).click();

    await byRole(harness, 'heading', 'Budget talk');
    await waitForText(harness, '<script>window.__pwned = 1</script>');
    const article = await harness.page.$eval('article.journal-entry .formatted-text', (el) => ({
      scripts: el.querySelectorAll('script').length,
      images: el.querySelectorAll('img').length,
      bold: el.querySelectorAll('b').length,
      strong: [...el.querySelectorAll('strong')].map((s) => s.textContent),
    }));
    expect(article).toEqual({ scripts: 0, images: 0, bold: 0, strong: ['budget'] });
    expect(await harness.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();

    const store = await harness.services.records.store();
    const [saved] = store.listJournal();
    expect(await store.getJournal(saved!.id)).toMatchObject({ title: 'Budget talk', text: HOSTILE, tags: ['partner'], emotions: ['tense'] });
    axeFindings['entry'] = await seriousAxeFindings(harness.page);
  });

  it('links the entry to a session through the picker and shows the session’s heart rate', async () => {
    const store = await harness.services.records.store();
    const session = await store.startSession({ kind: 'check', source: { kind: 'demo' }, baselineHrBpm: 62 });
    await store.appendBeats(session.id, beats());
    await store.finishSession(session.id);
    await harness.page.reload();
    await (await byRole(harness, 'button', 'Link a session')).click();
    await byRole(harness, 'heading', 'Sessions near this moment');
    await (await byRole(harness, 'button', 'Link')).click();
    await byRole(harness, 'heading', 'Linked session');
    await harness.page.waitForSelector('svg.sparkline polyline');
    expect(await harness.page.$eval('svg.sparkline', (svg) => svg.getAttribute('aria-label'))).toMatch(/^Heart rate over the session, from about \d+ to \d+ beats a minute$/);
    const [entry] = store.listJournal();
    expect(entry!.sessionIds).toEqual([session.id]);
    axeFindings['entry with session'] = await seriousAxeFindings(harness.page);
    await harness.screenshot('journal-entry-light');
  });

  it('searches and filters entries in the list', async () => {
    const store = await harness.services.records.store();
    const now = Date.now();
    await store.createJournal({ title: 'Quiet evening', text: 'We cooked together and laughed.', kind: 'reflection', tags: ['partner'], createdAtMs: now - 86_400_000 });
    await store.createJournal({ title: 'Repair after the budget', text: 'I owned my part about the budget.', kind: 'repair', createdAtMs: now - 2 * 86_400_000 });
    await harness.open('#/journal');
    await waitForText(harness, '3 entries, newest first.');
    expect(await rowTitles(harness)).toEqual(['Budget talk', 'Quiet evening', 'Repair after the budget']);
    axeFindings['list'] = await seriousAxeFindings(harness.page);
    await harness.screenshot('journal-list-light');

    const search = await byRole(harness, 'searchbox', 'Search your journal');
    await search.type('budget');
    await waitForText(harness, 'found for “budget”');
    expect((await rowTitles(harness)).sort()).toEqual(['Budget talk', 'Repair after the budget']);
    await ((await byRole(harness, 'combobox', 'Kind')) as ElementHandle<HTMLSelectElement>).select('repair');
    await harness.page.waitForFunction(() => document.querySelectorAll('.journal-row-title').length === 1);
    expect(await rowTitles(harness)).toEqual(['Repair after the budget']);

    await search.click({ count: 3 });
    await harness.page.keyboard.press('Backspace');
    await ((await byRole(harness, 'combobox', 'Kind')) as ElementHandle<HTMLSelectElement>).select('');
    await ((await byRole(harness, 'combobox', 'Session')) as ElementHandle<HTMLSelectElement>).select('linked');
    await harness.page.waitForFunction(() => document.querySelectorAll('.journal-row-title').length === 1);
    expect(await rowTitles(harness)).toEqual(['Budget talk']);
    await (await byRole(harness, 'button', 'Clear filters')).click();
  });

  it('deletes an entry to the trash, and undo brings it back', async () => {
    await harness.open('#/journal');
    await (await harness.page.waitForSelector('.journal-row-title::-p-text(Quiet evening)'))!.click();
    await (await byRole(harness, 'button', 'Delete')).click();
    await waitForText(harness, '“Quiet evening” was moved to the trash');
    expect(await rowTitles(harness)).toEqual(['Budget talk', 'Repair after the budget']);
    const store = await harness.services.records.store();
    expect(store.listJournal({ trashed: true }).map((e) => e.title)).toEqual(['Quiet evening']);
    await (await byRole(harness, 'button', 'Undo')).click();
    await harness.page.waitForFunction(() => document.querySelectorAll('.journal-row-title').length === 3);
    expect(store.listJournal({ trashed: true })).toEqual([]);
  });

  it('opens the repair flow and the prompts without accessibility problems', async () => {
    await harness.open('#/journal/repair');
    await byRole(harness, 'heading', 'Before you repair: a moment for your body');
    axeFindings['repair body check'] = await seriousAxeFindings(harness.page);
    await (await byRole(harness, 'button', 'Go on to step 1')).click();
    await byRole(harness, 'heading', 'Take ownership');
    axeFindings['repair step'] = await seriousAxeFindings(harness.page);
    await harness.screenshot('journal-repair-light');
    await harness.open('#/journal/prompts');
    await byRole(harness, 'heading', 'Today’s prompt');
    axeFindings['prompts'] = await seriousAxeFindings(harness.page);
    const store = await harness.services.records.store();
    await store.saveAgreement({ text: 'Say “pause” when I start fixing.', remindAtMs: Date.now() + 86_400_000 });
    await harness.open('#/journal/agreements');
    await waitForText(harness, 'Say “pause” when I start fixing.');
    axeFindings['agreements'] = await seriousAxeFindings(harness.page);
  });

  it('has no serious or critical axe findings, no CSP violations, no page errors', async () => {
    expect(axeFindings).toEqual(Object.fromEntries(Object.keys(axeFindings).map((key) => [key, []])));
    expect(Object.keys(axeFindings).length).toBeGreaterThanOrEqual(9);
    expect(await harness.cspViolations()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(harness.offOriginRequests).toEqual([]);
  });
});

describe.skipIf(!browserTierAvailable)('journal in dark mode', () => {
  it('has no serious or critical axe findings in the list and the editor', async () => {
    const harness = await startAppHarness({ colorScheme: 'dark' });
    try {
      const store = await harness.services.records.store();
      await store.createJournal({ title: 'Dark evening', text: 'Soft words, *slowly*.', tags: ['partner'], kind: 'reflection' });
      await harness.open('#/journal');
      await waitForText(harness, '1 entry, newest first.');
      expect(await seriousAxeFindings(harness.page)).toEqual([]);
      await harness.screenshot('journal-list-dark');
      await harness.open('#/journal/new');
      await byRole(harness, 'heading', 'New entry');
      expect(await seriousAxeFindings(harness.page)).toEqual([]);
      await harness.screenshot('journal-editor-dark');
    } finally {
      await harness.close();
    }
  });
});
