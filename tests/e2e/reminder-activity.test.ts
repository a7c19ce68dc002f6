import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REMINDERS_FILE_NAME, type RemindersFile } from '../../main/reminders/reminders-file.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { startAppHarness, type AppHarness } from './harness/app-harness.ts';
import { seriousAxeFindings } from './harness/axe.ts';

// Settings › Reminders after a few answered reminders, in Chromium: the resting-reading
// reminder's own switch, and the activity naming a skip or a snooze the person chose (from a
// notification's button or the tray) apart from one that went by. The history is the real
// reminders.json the service reads at start; axe and a screenshot in light and dark.

const SCHEMES = ['light', 'dark'] as const;
const MINUTE = 60_000;

function answeredReminders(nowMs: number): RemindersFile {
  const at = (minutesAgo: number) => nowMs - minutesAgo * MINUTE;
  return {
    version: 1,
    seed: 4242,
    pausedUntilMs: null,
    breakEndsAtMs: null,
    snoozed: [],
    history: [
      { key: 'check-in:a#0', kind: 'check-in', outcome: 'shown', atMs: at(300), via: 'notification' },
      { key: 'check-in:a#0', kind: 'check-in', outcome: 'skipped', atMs: at(240) },
      { key: 'check-in:a#1', kind: 'check-in', outcome: 'shown', atMs: at(200), via: 'notification' },
      { key: 'check-in:a#1', kind: 'check-in', outcome: 'snoozed', atMs: at(198), via: 'notification' },
      { key: 'resting-reading:a', kind: 'resting-reading', outcome: 'shown', atMs: at(100), via: 'tray' },
      { key: 'resting-reading:a', kind: 'resting-reading', outcome: 'skipped', atMs: at(90), via: 'tray' },
    ],
  };
}

describe.skipIf(!browserTierAvailable)('reminder activity in Settings, in Chromium', () => {
  for (const colorScheme of SCHEMES) {
    describe(colorScheme, () => {
      let harness: AppHarness;
      let folder: { path: string; cleanup: () => void };
      beforeAll(async () => {
        folder = makeTempDir('attune-e2e-reminders-');
        writeFileSync(join(folder.path, REMINDERS_FILE_NAME), `${JSON.stringify(answeredReminders(Date.now()))}\n`);
        harness = await startAppHarness({ colorScheme, dataDir: folder.path });
      });
      afterAll(async () => {
        await harness?.close();
        folder?.cleanup();
      });

      it(`shows the resting-reading switch and what became of each reminder, with nothing serious for axe (${colorScheme})`, async () => {
        await harness.open('#/settings/reminders');
        await harness.page.waitForFunction(() => document.querySelector('.reminder-history')?.textContent?.includes('Resting reading skipped') ?? false);
        const lines = await harness.page.$$eval('.reminder-history li', (items) => items.map((item) => (item.textContent ?? '').split(': ').slice(1).join(': ')));
        expect(lines).toEqual([
          'Resting reading skipped',
          'Resting reading shown (in the tray: the system did not show it)',
          'Check-in snoozed for an hour',
          'Check-in shown',
          'Check-in let go',
          'Check-in shown',
        ]);
        const toggle = await harness.page.evaluate(() => {
          const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Ask for a resting reading on calm days'));
          const input = label?.control as HTMLInputElement | null | undefined;
          return input ? { checked: input.checked, type: input.type } : null;
        });
        expect(toggle).toEqual({ checked: true, type: 'checkbox' });
        expect(await seriousAxeFindings(harness.page)).toEqual([]);
        await harness.page.evaluate(() => document.querySelector('.reminder-history')?.scrollIntoView({ block: 'center' }));
        await harness.screenshot(`settings-reminder-activity-${colorScheme}`);
        expect(harness.pageErrors).toEqual([]);
      });
    });
  }
});
