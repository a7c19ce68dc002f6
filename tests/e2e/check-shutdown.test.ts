import { describe, expect, it } from 'vitest';
import type { SessionListItem } from '../../shared/model/session.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import type { AppHarness } from './harness/app-harness.ts';
import { click, completeFirstRun, waitForStep } from './harness/check-driver.ts';
import { advancePageClock } from './harness/page-clock.ts';
import { harnessOnPageClock } from './harness/page-clock-harness.ts';

// The check's path for going quiet, in Chromium with the built renderer and the demo heart on
// the page clock: a calm heart, the answer "numb or blank" (given by keyboard), the "Why this
// can be hard" page and back, the grounding for going quiet with its words for the partner,
// and the verdict without any breathing first. Axe (no serious or critical findings) and
// screenshots in light and dark on each new view; at the end, what the session holds.

type Violations = Record<string, string[]>;

async function visitView(harness: AppHarness, name: string, found: Violations): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    // Let colour transitions finish, so axe judges the colours the user sees.
    await harness.page.waitForFunction(() =>
      document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
    );
    await harness.screenshot(`check-shutdown-${name}-${scheme}`);
    const violations = await seriousAxeFindings(harness.page);
    if (violations.length > 0) found[`${name} (${scheme})`] = violations;
  }
  await harness.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

const text = (harness: AppHarness, selector: string) => harness.page.$eval(selector, (el) => el.textContent ?? '');
const focusedText = (harness: AppHarness) => harness.page.evaluate(() => document.activeElement?.textContent ?? '');

async function call<T>(harness: AppHarness, channel: string, payload?: unknown): Promise<T> {
  const result = await harness.services.router.dispatch({ url: `${harness.origin}/index.html`, isMainFrame: true }, { channel, payload });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

describe.skipIf(!browserTierAvailable)('the check in Chromium, going quiet', () => {
  const current = harnessOnPageClock();
  const found: Violations = {};

  it('numb or blank with a calm heart: back into the room first, words for going quiet, the verdict without breathing', async () => {
    const harness = current();
    await harness.open('#/check');
    await completeFirstRun(harness);
    await click(harness, 'Start the check');
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Listening to your heart');
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    expect(await text(harness, '[data-testid="state-badge"]')).toBe('Calm');

    // The answer by keyboard: focus it and press Space; it shows as chosen.
    await harness.page.focus('::-p-aria([name="Numb or blank"][role="button"])');
    await harness.page.keyboard.press('Space');
    await harness.page.waitForSelector('[data-testid="feeling-note"]');
    expect(await harness.page.$eval('::-p-aria([name="Numb or blank"][role="button"])', (el) => el.getAttribute('aria-pressed'))).toBe('true');
    expect(await text(harness, '[data-testid="feeling-note"]')).toMatch(/goes quiet instead of racing/);
    // Breathing and "see if I am ready" are not what a shut-down person is offered first.
    expect(await harness.page.$('::-p-aria([name="See if I am ready"][role="button"])')).toBeNull();
    await visitView(harness, 'result-numb', found);

    // "Why this can be hard", by keyboard, and back to the same check.
    await harness.page.focus('::-p-aria([name="Why this can be hard"][role="link"])');
    await harness.page.keyboard.press('Enter');
    await waitForStep(harness, 'Why this can be hard');
    await harness.page.waitForFunction(() => document.activeElement?.textContent === 'Why this can be hard');
    expect(await text(harness, '[data-testid="why-hard"]')).toMatch(/Flooding the space.*Shutting down.*Both are protection.*Partners often differ/);
    await visitView(harness, 'why-hard', found);
    await harness.page.focus('::-p-aria([name="Back to the check"][role="button"])');
    await harness.page.keyboard.press('Enter');
    await waitForStep(harness, 'What your body is saying');
    expect(await harness.page.$eval('::-p-aria([name="Numb or blank"][role="button"])', (el) => el.getAttribute('aria-pressed'))).toBe('true');
    expect(await harness.page.evaluate(() => location.hash)).toBe('#/check');

    await click(harness, 'Come back to the room first');
    await waitForStep(harness, 'Back into the room');
    expect(await focusedText(harness)).toBe('Back into the room');
    expect(await text(harness, '[data-testid="grounding-cue"] h3')).toBe('Look around the room');
    await visitView(harness, 'grounding-first', found);
    const cues: string[] = [];
    for (let i = 0; i < 4; i++) {
      await click(harness, 'Next');
      cues.push(await text(harness, '[data-testid="grounding-cue"] h3'));
    }
    expect(cues).toEqual(['Name five things you can see', 'Move a little', 'Feel something warm or cool', 'Let your partner know where you are']);
    expect(await text(harness, '.partner-words')).toMatch(/If you are going quiet, you might say.*I’m going quiet\. I want to stay with you in this; give me a minute/);
    await visitView(harness, 'grounding-last', found);

    await click(harness, 'See if I am ready');
    await waitForStep(harness, 'You seem ready');
    await click(harness, 'End here');
    await waitForStep(harness, 'The check has ended');

    const sessions = await call<SessionListItem[]>(harness, 'session.list', { fromMs: 0, toMs: Date.now() + 24 * 3600_000 });
    const check = sessions.find((s) => s.kind === 'check')!;
    const detail = await call<{ session: { markers: Array<{ phase: string; edge: string; label?: string }> } }>(harness, 'session.get', { sessionId: check.id });
    const marks = detail.session.markers.map((m) => `${m.phase}:${m.edge}${m.label ? `(${m.label})` : ''}`);
    expect(marks).toContain('note:point(felt: numb)');
    expect(marks).toContain('grounding:start(shutdown)');
    expect(marks.some((m) => m.startsWith('breathing:'))).toBe(false);
    expect(await harness.cspViolations()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});
