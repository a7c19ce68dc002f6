import { describe, expect, it } from 'vitest';
import type { SessionListItem } from '../../shared/model/session.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import type { AppHarness } from './harness/app-harness.ts';
import { checkThroughToBreathing, click, completeFirstRun } from './harness/check-driver.ts';
import { advancePageClock } from './harness/page-clock.ts';
import { harnessOnPageClock } from './harness/page-clock-harness.ts';

// Breathe in Chromium: the built renderer, `window.attune` bound to the real main-side
// services, and the demo heart on a clock the test moves, so three minutes of breathing take
// moments. Each new screen gets an axe check (no serious or critical findings) and
// screenshots in light and dark; a recorded session is then looked for in Trends. The check's
// own breathing step is measured at 1080×760 and narrower: its controls stay in their column
// and "How am I doing?" shows without scrolling.

type Violations = Record<string, string[]>;

/** Screenshots in light and dark, and axe in both, of the screen as it is. */
async function visit(harness: AppHarness, name: string, found: Violations): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Let colour transitions finish, so axe judges the colours the user sees.
    await harness.page.waitForFunction(() =>
      document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
    );
    await harness.screenshot(`breathe-${name}-${scheme}`);
    const violations = await seriousAxeFindings(harness.page);
    if (violations.length > 0) found[`${name} (${scheme})`] = violations;
  }
  await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

const text = (harness: AppHarness, selector: string) => harness.page.$eval(selector, (el) => el.textContent ?? '');

async function listSessions(harness: AppHarness): Promise<SessionListItem[]> {
  const result = await harness.services.router.dispatch(
    { url: `${harness.origin}/index.html`, isMainFrame: true },
    { channel: 'session.list', payload: { fromMs: 0, toMs: Date.now() + 24 * 3600_000 } },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SessionListItem[];
}

async function go(harness: AppHarness, hash: string): Promise<void> {
  await harness.page.evaluate((h) => (location.hash = h), hash);
}

describe.skipIf(!browserTierAvailable)('Breathe in Chromium', () => {
  const current = harnessOnPageClock();
  const found: Violations = {};

  it('without a source: the pacer alone, with a line about the strap, and nothing recorded', async () => {
    const harness = current();
    await harness.open('#/breathe');
    await harness.page.waitForSelector('[data-testid="breathe-note"]');
    expect(await text(harness, '[data-testid="breathe-note"]')).toMatch(/^Connect your strap in Device/);
    await visit(harness, 'no-source', found);
    await click(harness, 'Start breathing');
    await harness.page.waitForSelector('[data-testid="pacer"]');
    expect(await harness.page.$('[data-testid="live-bpm"]')).toBeNull();
    await visit(harness, 'pacer-alone', found);
    await click(harness, 'Finish');
    await harness.page.waitForSelector('[data-testid="breathe-summary"]');
    expect(await harness.page.$('[data-testid="breathe-saved"]')).toBeNull();
    expect(await listSessions(harness)).toEqual([]);
  });

  it('three minutes with the demo sensor: the heart beside the pacer, a summary, and the minutes in Trends', async () => {
    const harness = current();
    await go(harness, '#/device');
    await click(harness, 'Start the demo');
    await harness.page.waitForFunction(() => /Connected/.test(document.querySelector('[data-testid="device-status"]')?.textContent ?? ''));
    await go(harness, '#/breathe');
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="breathe-note"]') === null);
    await click(harness, '3 minutes', 'radio');
    await click(harness, 'Start breathing');
    await advancePageClock(harness.page, 70_000, 1_000);
    expect(await text(harness, '[data-testid="live-bpm"]')).toMatch(/^\d+ bpm$/);
    expect(await text(harness, '[data-testid="live-interval"]')).toMatch(/^\d{3,4} ms$/);
    expect(await text(harness, '[data-testid="coherence"]')).toMatch(/^(Low|Medium|High|After a minute)$/);
    // Nothing but the pacer moves: no chart is drawn until the user asks for it.
    expect(await harness.page.$$eval('.live-view svg', (svgs) => svgs.length)).toBe(0);
    await visit(harness, 'with-heart', found);
    await harness.page.click('.live-charts-disclosure summary');
    await harness.page.waitForFunction(() => (document.querySelector('.live-charts-disclosure polyline')?.getAttribute('points') ?? '').length > 0);
    await visit(harness, 'with-heart-charts', found);

    await advancePageClock(harness.page, 111_000, 1_000);
    await harness.page.waitForFunction(() => document.querySelector('[data-testid="breathe-saved"]')?.textContent?.startsWith('Saved with your sessions'));
    const summary = await text(harness, '[data-testid="breathe-summary"]');
    expect(summary).toMatch(/That was 3 minutes of slow breathing, just for you\./);
    expect(summary).toMatch(/Your heart rate (went from about \d+ bpm at the start to about \d+ bpm at the end|stayed at about \d+ bpm)\./);
    expect(summary).toMatch(/For most of it your heartbeat .*: (low|medium|high) coherence\./);
    await visit(harness, 'summary', found);

    const [session, ...others] = await listSessions(harness);
    expect(others).toEqual([]);
    expect(session).toMatchObject({ kind: 'breathing', status: 'finished', sourceKind: 'demo' });
    expect(session!.summary!.durationSec).toBeGreaterThan(175);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(181);

    // Trends counts it: three minutes of practice, in one session this week. A new user's
    // Trends opens on 4 weeks, so the average per week rounds to one minute.
    await go(harness, '#/trends');
    await harness.page.waitForSelector('[data-chart="practice"] .trend-summary');
    expect(await text(harness, '[data-chart="practice"] .trend-summary')).toMatch(/(^|\D)3 minutes of practice in this range, about 1 minute a week\.$/);
    await harness.page.click('[data-chart="practice"] .trend-table summary');
    const rows = await harness.page.$$eval('[data-chart="practice"] .trend-table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
    expect(rows.at(-1)?.slice(1)).toEqual(['3', '1']);
    expect(rows.slice(0, -1).every((row) => row[1] === '0' && row[2] === '0')).toBe(true);

    expect(found).toEqual({});
    expect(harness.pageErrors).toEqual([]);
    expect(await harness.cspViolations()).toEqual([]);
  });
});

describe.skipIf(!browserTierAvailable)("the check's breathing step at 1080×760 and narrower", () => {
  const current = harnessOnPageClock();

  it('keeps its controls inside their column, with "How am I doing?" visible without scrolling', async () => {
    const harness = current();
    await harness.open('#/check');
    await completeFirstRun(harness);
    await checkThroughToBreathing(harness);
    await advancePageClock(harness.page, 10_000);
    const problems: string[] = [];
    for (const width of [1080, 960, 800]) {
      await harness.page.setViewport({ width, height: 760 });
      await harness.page.evaluate(() => window.scrollTo(0, 0));
      await harness.page.waitForFunction(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)))));
      const found = await harness.page.evaluate(() => {
        const out: string[] = [];
        const column = document.querySelector('.breathing-pacer')!.getBoundingClientRect();
        const live = document.querySelector('.live-view')!.getBoundingClientRect();
        const sideBySide = live.top < column.bottom && live.left >= column.left;
        for (const control of document.querySelectorAll('.breathing-pacer select, .breathing-pacer input, .breathing-pacer button, .breathing-pacer label')) {
          const box = control.getBoundingClientRect();
          if (box.width === 0) continue;
          if (box.right > column.right + 0.5) out.push(`${control.tagName.toLowerCase()} ends ${Math.round(box.right - column.right)} px past its column`);
          if (sideBySide && box.right > live.left + 0.5 && box.bottom > live.top) out.push(`${control.tagName.toLowerCase()} runs ${Math.round(box.right - live.left)} px into the live view`);
        }
        const howAmI = [...document.querySelectorAll('button')].find((b) => b.textContent === 'How am I doing?')!.getBoundingClientRect();
        if (howAmI.bottom > window.innerHeight) out.push(`"How am I doing?" ends ${Math.round(howAmI.bottom - window.innerHeight)} px below the window`);
        return out;
      });
      problems.push(...found.map((problem) => `${width}×760: ${problem}`));
      await harness.screenshot(`breathe-check-step-${width}`);
    }
    await harness.page.setViewport({ width: 1080, height: 760 });
    expect(problems).toEqual([]);
  });
});
