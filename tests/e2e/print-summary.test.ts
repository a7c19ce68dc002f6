import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { writeTrendsData } from '../support/trends-data.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import { repoRoot, startAppHarness, type AppHarness } from './harness/app-harness.ts';

// The one-page summary in Chromium, over a year of records written through the real store:
// the preview opens from Trends, Chromium's own PDF printer makes exactly one A4 page of it
// with the headline and the three charts drawn, and nothing of the app behind it prints.

const PAINTED = 'attune-trends-painted';

async function openPreview(harness: AppHarness): Promise<void> {
  await harness.page.goto('about:blank');
  await harness.open('#/trends?range=12m');
  await harness.page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, { timeout: 60_000 }, PAINTED);
  await harness.page.click('.print-summary-open');
  // Every chart on the page is drawn at once (on paper nothing waits to be scrolled to):
  // calm-down, heart rate, and the five small charts of the signs.
  await harness.page.waitForFunction(() => document.querySelectorAll('dialog.print-summary[open] .print-chart-picture svg.recharts-surface').length >= 7, { timeout: 60_000 });
}

/** Pages in a PDF: its page objects (not the /Pages tree node). */
function pdfPageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

async function screenshot(harness: AppHarness, name: string): Promise<void> {
  const dir = join(repoRoot, 'test-artifacts', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await harness.page.screenshot({ path: join(dir, `${name}.png`) as `${string}.png` });
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe.skipIf(!browserTierAvailable)(`The summary to print, ${colorScheme}`, () => {
    let harness: AppHarness;
    let dir: ReturnType<typeof makeTempDir>;

    beforeAll(async () => {
      dir = makeTempDir('attune-e2e-print-');
      await writeTrendsData({ userDataDir: dir.path, nowMs: Date.now(), days: 365 });
      harness = await startAppHarness({ dataDir: dir.path, colorScheme });
    }, 180_000);
    afterAll(async () => {
      await harness?.close();
      dir?.cleanup();
    });

    it('opens a preview with the headline, the calm-down and heart-rate charts and the signs, and passes axe', async () => {
      await openPreview(harness);
      const preview = await harness.page.$eval('dialog.print-summary[open]', (dialog) => ({
        headline: dialog.querySelector('.print-page-headline-text')?.textContent ?? '',
        onScreenHeadline: document.querySelector('[data-testid="trend-headline"]')?.textContent ?? '',
        charts: [...dialog.querySelectorAll('.print-chart h2')].map((h) => h.textContent),
        focused: document.activeElement?.textContent ?? '',
      }));
      expect(preview.headline).toBe(preview.onScreenHeadline);
      expect(preview.charts).toEqual([
        'Calm-down time per session',
        'Heart rate at the start of a check and after regulating',
        'Signs of progress, as I rated them (1 to 5)',
      ]);
      expect(preview.focused).toBe('Print…');
      await screenshot(harness, `print-summary-preview-${colorScheme}`);
      expect(await seriousAxeFindings(harness.page)).toEqual([]);
    });

    it('prints as exactly one A4 page, the app behind it left off the paper, and closes with Escape', async () => {
      await openPreview(harness);
      await harness.page.emulateMediaType('print');
      const onPaper = await harness.page.evaluate(() => ({
        app: [...document.body.children].filter((el) => el.tagName !== 'DIALOG' && getComputedStyle(el).display !== 'none').map((el) => el.tagName),
        buttons: getComputedStyle(document.querySelector('.print-preview-actions')!).display,
        // Paper is light whatever the theme.
        pageBackground: getComputedStyle(document.querySelector('.print-page')!).backgroundColor,
        pageText: getComputedStyle(document.querySelector('.print-page')!).color,
      }));
      expect(onPaper.app).toEqual([]);
      expect(onPaper.buttons).toBe('none');
      expect(onPaper.pageBackground).toBe('rgb(255, 255, 255)');
      expect(onPaper.pageText).toBe('rgb(42, 38, 34)');
      const pdf = await harness.page.pdf({ format: 'A4', printBackground: true });
      await harness.page.emulateMediaType('screen');
      expect(pdfPageCount(pdf)).toBe(1);

      await harness.page.keyboard.press('Escape');
      await harness.page.waitForFunction(() => document.querySelector('dialog.print-summary') === null, { timeout: 10_000 });
      expect(await harness.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Print a summary');
    });
  });
}
