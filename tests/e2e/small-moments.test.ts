import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { createTrayController, type TrayController } from '../../main/tray/tray-controller.ts';
import { systemTimer } from '../../main/reminders/scheduler.ts';
import { INTENTION_STEPS } from '../../shared/content/check-copy.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';

// Small moments in Chromium through the real tray controller, router and store: the tray's
// "Note a small moment" opens its card (the app.navigate route the tray sends), one tap
// notes it, and Trends counts it this week; the tray check-in walks Feel → Find → Reflect.
// Axe in light and dark on each new view, and screenshots.

async function byRole(harness: AppHarness, role: string, name: string): Promise<ElementHandle<Element>> {
  const handle = await harness.page.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, { timeout: 60_000 });
  if (handle === null) throw new Error(`no ${role} named ${name}`);
  return handle;
}

async function waitForText(harness: AppHarness, text: string): Promise<void> {
  await harness.page.waitForFunction((t) => document.querySelector('main')?.textContent?.includes(t) ?? false, { timeout: 60_000 }, text);
}

/** The tray as main builds it, with its screen-opening effect the real one. */
function trayFor(harness: AppHarness): TrayController {
  return createTrayController({
    reminders: harness.services.reminders.reminders,
    live: harness.services.reminders.liveStatus,
    clock: { nowMs: () => Date.now() },
    timer: systemTimer,
    platform: 'linux',
    timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale: 'en',
    effects: { openScreen: harness.services.reminders.openScreen, runInPage: () => undefined, showWindow: () => undefined, quit: () => undefined },
  });
}

async function noteAndCount(harness: AppHarness, scheme: 'light' | 'dark'): Promise<Record<string, string[]>> {
  const axe: Record<string, string[]> = {};
  const tray = trayFor(harness);
  await harness.open('#/journal');

  // The tray's item: the card on the Check screen, words typed, one tap on what it was.
  tray.handle('note-moment');
  await byRole(harness, 'heading', 'Note a small moment');
  expect(await harness.page.evaluate(() => location.hash)).toBe('#/check?moment');
  axe['note card'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`small-moment-note-${scheme}`);
  await (await byRole(harness, 'textbox', 'A few words (optional)')).type(`Tea without asking (${scheme})`);
  await (await byRole(harness, 'button', 'Said thank you')).click();
  await waitForText(harness, 'Noted: Said thank you. It is in your journal now.');
  axe['noted'] = await seriousAxeFindings(harness.page);
  const store = await harness.services.records.store();
  const noted = store.listJournal({}).filter((item) => item.kind === 'moment');
  expect(noted.map((item) => [item.title, item.excerpt])).toEqual([['Said thank you', `Tea without asking (${scheme})`]]);

  // Trends counts it this week, beside the signs of progress.
  await harness.open('#/trends');
  await byRole(harness, 'heading', 'Small moments');
  expect(await harness.page.$eval('[data-testid="weekly-moments-count"]', (el) => el.textContent)).toBe('1 small moment this week');
  axe['trends count'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`small-moments-trends-${scheme}`);

  // The tray check-in: Feel by keyboard, Find, Reflect with the day's phrase, then a moment.
  tray.handle('check-in');
  await byRole(harness, 'heading', 'What is the feeling in you right now?');
  axe['check-in feel'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`check-in-feel-${scheme}`);
  await (await byRole(harness, 'button', 'Racing')).focus();
  await harness.page.keyboard.press('Enter');
  await waitForText(harness, 'Breathe out slowly');
  expect(await harness.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('check-in-steadying');
  axe['check-in feel answered'] = await seriousAxeFindings(harness.page);
  await (await byRole(harness, 'button', 'Next')).click();
  await byRole(harness, 'heading', INTENTION_STEPS[1]!.prompt);
  axe['check-in find'] = await seriousAxeFindings(harness.page);
  await (await byRole(harness, 'button', 'Next')).click();
  await byRole(harness, 'heading', INTENTION_STEPS[2]!.prompt);
  axe['check-in reflect'] = await seriousAxeFindings(harness.page);
  await harness.screenshot(`check-in-reflect-${scheme}`);
  await (await byRole(harness, 'button', 'Finish')).click();
  await (await byRole(harness, 'button', 'Note a small moment')).click();
  await (await byRole(harness, 'button', 'Shared a laugh')).click();
  await waitForText(harness, 'Noted: Shared a laugh.');
  await harness.open('#/trends');
  await waitForText(harness, '2 small moments this week');
  return axe;
}

describe.skipIf(!browserTierAvailable)('small moments in Chromium', () => {
  let light: AppHarness;
  beforeAll(async () => {
    light = await startAppHarness({ colorScheme: 'light' });
  });
  afterAll(async () => {
    await light?.close();
  });

  it('light: noted from the tray route, counted in Trends, the check-in in three steps; nothing serious for axe', async () => {
    const axe = await noteAndCount(light, 'light');
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((key) => [key, []])));
    expect(light.pageErrors).toEqual([]);
    expect(await light.cspViolations()).toEqual([]);
  });

  it('dark: the same, with nothing serious for axe', async () => {
    const dark = await startAppHarness({ colorScheme: 'dark' });
    try {
      const axe = await noteAndCount(dark, 'dark');
      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((key) => [key, []])));
      expect(dark.pageErrors).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
