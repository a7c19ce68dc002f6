import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';

// The lighter journal in Chromium through the real store: the quick note saved in one step,
// the full form reached with "Add more", real Tab presses counted to Save (Chromium's own
// focus order, where a date-and-time box alone is several stops), a weekly signs entry's
// ratings; axe in light and dark, and screenshots.

async function byRole(harness: AppHarness, role: string, name: string): Promise<ElementHandle<Element>> {
  const handle = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: 60_000 });
  if (handle === null) throw new Error(`no ${role} named ${name}`);
  return handle;
}

async function waitForText(harness: AppHarness, text: string): Promise<void> {
  await harness.page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t) ?? false, { timeout: 60_000 }, text);
}

/** Real Tab presses until the element matched by `selector` has focus; 100 means never. */
async function tabsUntil(harness: AppHarness, selector: string): Promise<number> {
  for (let presses = 1; presses <= 100; presses += 1) {
    await harness.page.keyboard.press('Tab');
    if (await harness.page.evaluate((s) => document.activeElement === document.querySelector(s), selector)) return presses;
  }
  return 100;
}

const SAVE_ENTRY = 'form.journal-editor button[type="submit"]';
const SAVE_NOTE = 'form.quick-entry button[type="submit"]';

async function checkTheLighterJournal(harness: AppHarness, scheme: 'light' | 'dark'): Promise<Record<string, string[]>> {
  const axe: Record<string, string[]> = {};
  const store = await harness.services.records.store();
  await harness.open('#/journal');
  const text = await byRole(harness, 'textbox', 'A few words about now');
  axe['list with quick note'] = await seriousAxeFindings(harness.page);

  // A quick note: words, a feeling by arrow keys, Save by keyboard; two Tab stops.
  await text.click();
  await harness.page.keyboard.type(`Walked together after dinner (${scheme}).`);
  expect(await tabsUntil(harness, SAVE_NOTE)).toBe(2);
  await harness.page.keyboard.down('Shift');
  await harness.page.keyboard.press('Tab');
  await harness.page.keyboard.up('Shift');
  await harness.page.keyboard.press('ArrowRight');
  await harness.page.keyboard.press('ArrowRight');
  await harness.page.keyboard.press('ArrowRight');
  await harness.page.keyboard.press('Space');
  expect(await harness.page.$eval('[role="radio"][aria-checked="true"]', (el) => el.textContent)).toBe('connected');
  axe['quick note filled in'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`journal-quick-note-${scheme}`);
  await harness.page.keyboard.press('Tab');
  await harness.page.keyboard.press('Enter');
  await waitForText(harness, `Saved “Walked together after dinner (${scheme}).” in your journal.`);
  const saved = store.listJournal().find((item) => item.excerpt === `Walked together after dinner (${scheme}).`);
  expect(await store.getJournal(saved!.id)).toMatchObject({ emotions: ['connected'], kind: 'reflection' });

  // Add more: the full form with what was typed; the words, then Tab to Save.
  await text.type('Hard start, soft end.');
  await (await byRole(harness, 'radio', 'sad')).click();
  await (await byRole(harness, 'button', 'Add more')).click();
  await byRole(harness, 'heading', 'New entry');
  expect(await harness.page.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.value)).toBe('Hard start, soft end.');
  expect(await harness.page.$eval('.emotion-grid [aria-pressed="true"]', (el) => el.textContent)).toBe('sad');
  // The scale, the words, the tag box, Add tag, tags used before, the cues, More details,
  // Link a session, Save (58 before the groups and More details).
  expect(await tabsUntil(harness, SAVE_ENTRY)).toBe(9);
  axe['full form'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`journal-full-form-${scheme}`);
  await (await byRole(harness, 'button', 'More details')).click();
  await byRole(harness, 'textbox', 'Title (optional)');
  axe['full form, more details'] = await seriousAxeFindings(harness.page);
  await (await byRole(harness, 'textbox', 'Title (optional)')).type(`Evening (${scheme})`);
  await (await harness.page.$(SAVE_ENTRY))!.click();
  await byRole(harness, 'heading', `Evening (${scheme})`);

  // A weekly signs entry shows its five ratings, on the entry and in the list.
  const signs = await store.createJournal({ kind: 'weekly-signs', title: `Signs (${scheme})`, text: '', signsRating: [5, 4, 3, 2, 1], createdAtMs: Date.now() - 3_600_000 });
  await harness.open(`#/journal/entry/${signs.id}`);
  await byRole(harness, 'heading', 'Signs of progress, as you rated them');
  expect(await harness.page.$$eval('.signs-ratings dd', (dds) => dds.map((dd) => dd.textContent))).toEqual([
    '5 of 5, very much',
    '4 of 5, mostly',
    '3 of 5, somewhat',
    '2 of 5, a little',
    '1 of 5, not at all',
  ]);
  axe['signs entry'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`journal-signs-entry-${scheme}`);
  await harness.open('#/journal');
  await harness.page.waitForSelector('.journal-row-signs');
  // What the eye reads ("5/5"); a screen reader hears "5 of 5" instead.
  expect(await harness.page.$eval('.journal-row-signs', (el) => el.textContent)).toBe(
    'De-escalate quicker 5/5 of 5 · Partner opens up 4/5 of 5 · More confident 3/5 of 5 · More softness 2/5 of 5 · Trust the way back 1/5 of 5',
  );
  axe['list with signs'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`journal-list-signs-${scheme}`);
  return axe;
}

describe.skipIf(!browserTierAvailable)('the lighter journal in Chromium', () => {
  let light: AppHarness;
  beforeAll(async () => {
    light = await startAppHarness({ colorScheme: 'light' });
  });
  afterAll(async () => {
    await light?.close();
  });

  it('light: quick note, Add more, Tab counts, signs ratings; nothing serious for axe', async () => {
    const axe = await checkTheLighterJournal(light, 'light');
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((key) => [key, []])));
    expect(light.pageErrors).toEqual([]);
    expect(await light.cspViolations()).toEqual([]);
  });

  it('dark: the same, with nothing serious for axe', async () => {
    const dark = await startAppHarness({ colorScheme: 'dark' });
    try {
      const axe = await checkTheLighterJournal(dark, 'dark');
      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((key) => [key, []])));
      expect(dark.pageErrors).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
