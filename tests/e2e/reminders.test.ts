import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reminderRoute } from '../../main/reminders/reminder-content.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';

// A reminder's click in main becomes an `app.navigate` event in the window, which shows the
// right screen. Main's side is the real service path (openScreen with the route the
// notification's click handler uses); the window is the built renderer in Chromium.

async function heading(harness: AppHarness): Promise<string> {
  return harness.page.$eval('main h1', (element) => element.textContent ?? '');
}

describe.skipIf(!browserTierAvailable)('reminders reach the window', () => {
  let harness: AppHarness;
  beforeAll(async () => {
    harness = await startAppHarness();
    await harness.open('#/journal');
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('opens the Check screen when a check-in notification is clicked', async () => {
    expect(await heading(harness)).toBe('Journal');
    harness.services.reminders.openScreen(reminderRoute({ kind: 'check-in' }));
    await harness.page.waitForFunction(() => location.hash === '#/check?checkin');
    await harness.page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Check');
    expect(await heading(harness)).toBe('Check');
  });

  it('follows the navigate event itself, as pushed by main', async () => {
    await harness.pushEvent('app.navigate', { route: 'journal', query: 'new' });
    await harness.page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Journal');
    await harness.pushEvent('app.navigate', { route: 'check', query: 'checkin' });
    await harness.page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Check');
    expect(await harness.page.evaluate(() => location.hash)).toBe('#/check?checkin');
  });

  it('leaves no page errors behind', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
