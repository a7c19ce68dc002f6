import { describe, expect, it } from 'vitest';
import type { SessionListItem } from '../../shared/model/session.ts';
import { seriousAxeFindings } from './harness/axe.ts';
import { browserTierAvailable } from './harness/chromium.ts';
import type { AppHarness } from './harness/app-harness.ts';
import { click, waitForStep } from './harness/check-driver.ts';
import { advancePageClock } from './harness/page-clock.ts';
import { harnessOnPageClock } from './harness/page-clock-harness.ts';

// The whole regulation check in Chromium: the built renderer, `window.attune` bound to the
// real main-side services, and the demo heart on a clock the test moves, so twenty minutes
// of break take seconds. At every step: what the screen says, an axe check (no serious or
// critical violations) and screenshots in light and dark. At the end: what the store holds.


type Violations = Record<string, string[]>;

/** Screenshots in light and dark, and axe in both, of the step on screen. */
async function visitStep(harness: AppHarness, name: string, found: Violations): Promise<void> {
  const motion = reducedMotion.has(harness) ? 'reduce' : 'no-preference';
  for (const scheme of ['light', 'dark'] as const) {
    await harness.page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: scheme },
      { name: 'prefers-reduced-motion', value: motion },
    ]);
    // Let colour transitions finish, so axe judges the colours the user sees.
    // (Transitions only: the pacer's own animation runs for as long as the step does.)
    await harness.page.waitForFunction(() =>
      document.getAnimations().every((animation) => !(animation instanceof CSSTransition) || animation.playState !== 'running'),
    );
    await harness.screenshot(`check-${name}-${scheme}`);
    const violations = await seriousAxeFindings(harness.page);
    if (violations.length > 0) found[`${name} (${scheme})`] = violations;
  }
  await harness.page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: 'light' },
    { name: 'prefers-reduced-motion', value: motion },
  ]);
}

/** Harnesses started with reduced motion (the media features are re-emulated per step). */
const reducedMotion = new WeakSet<AppHarness>();

const text = (harness: AppHarness, testId: string) => harness.page.$eval(`[data-testid="${testId}"]`, (el) => el.textContent ?? '');

async function call<T>(harness: AppHarness, channel: string, payload?: unknown): Promise<T> {
  const result = await harness.services.router.dispatch({ url: `${harness.origin}/index.html`, isMainFrame: true }, { channel, payload });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

const listSessions = (harness: AppHarness) => call<SessionListItem[]>(harness, 'session.list', { fromMs: 0, toMs: Date.now() + 24 * 3600_000 });

async function markers(harness: AppHarness, sessionId: string): Promise<string[]> {
  const detail = await call<{ session: { markers: Array<{ phase: string; edge: string; verdict?: string }> } }>(harness, 'session.get', { sessionId });
  return detail.session.markers.map((m) => `${m.phase}:${m.edge}${m.verdict ? `:${m.verdict}` : ''}`);
}

async function chooseDemoOnDevice(harness: AppHarness, scenario: string): Promise<void> {
  await harness.page.evaluate(() => (location.hash = '#/device'));
  await click(harness, 'Stop the demo');
  await harness.page.select('select#' + (await harness.page.$eval('::-p-aria([name="Demo sensor"][role="combobox"])', (el) => el.id)), scenario);
  await click(harness, 'Start the demo');
  await harness.page.evaluate(() => (location.hash = '#/check'));
}

/** First run through to the start screen: welcome, the calm demo heart, a resting reading. */
async function firstRun(harness: AppHarness, found: Violations, record: boolean): Promise<void> {
  await harness.open('#/check');
  await waitForStep(harness, 'Welcome to Attune');
  expect(await harness.page.$eval('main', (el) => el.textContent ?? '')).toMatch(/not a medical device.*|stays on this computer/);
  if (record) await visitStep(harness, 'welcome', found);
  await click(harness, 'Continue');
  await waitForStep(harness, 'Your resting heart rate');
  // The new step's heading takes the focus, so a screen reader says where the user is.
  await harness.page.waitForFunction(() => document.activeElement?.textContent === 'Your resting heart rate');
  await click(harness, 'Use the demo sensor');
  await harness.page.waitForFunction(() => /Connected/.test(document.querySelector('[data-testid="source-status"]')?.textContent ?? ''));
  if (record) await visitStep(harness, 'source', found);
  await click(harness, 'Take my resting reading');
  await waitForStep(harness, 'Checking the signal');
  await advancePageClock(harness.page, 20_000);
  await waitForStep(harness, 'Listening to your heart');
  await advancePageClock(harness.page, 62_000);
  await waitForStep(harness, 'Your resting heart rate');
  expect(await text(harness, 'calibrated-hr')).toMatch(/about \d+ bpm/);
  if (record) await visitStep(harness, 'calibrated', found);
  await click(harness, 'Continue');
  await waitForStep(harness, 'Before a hard conversation');
}

describe.skipIf(!browserTierAvailable)('the regulation check in Chromium, calm path', () => {
  const current = harnessOnPageClock();
  const found: Violations = {};

  it('first run, then a calm check: ready, intention card, conversation, debrief, all recorded', async () => {
    const harness = current();
    await firstRun(harness, found, true);
    expect(await text(harness, 'baseline-line')).toMatch(/Your resting heart rate: \d+ bpm \(from 1 resting reading; 2 more/);
    await visitStep(harness, 'start', found);

    await click(harness, 'Start the check');
    await waitForStep(harness, 'Checking the signal');
    await visitStep(harness, 'signal-check', found);
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Listening to your heart');
    await visitStep(harness, 'reading', found);
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    expect(await text(harness, 'state-badge')).toBe('Calm');
    expect(await text(harness, 'reading-figures')).toMatch(/Your heart rate: \d+ bpm · your resting rate: \d+ bpm/);
    await visitStep(harness, 'result-calm', found);

    await click(harness, 'Breathe for a while anyway');
    await waitForStep(harness, 'Body first');
    await visitStep(harness, 'grounding', found);
    for (const next of ['Next', 'Next', 'Next', 'Start breathing']) await click(harness, next);
    await waitForStep(harness, 'Breathe with the guide');
    expect(await text(harness, 'pacer-announcement')).toBe('Breathe in');
    await advancePageClock(harness.page, 70_000);
    expect(await text(harness, 'coherence')).toMatch(/^(Low|Medium|High)$/);
    await visitStep(harness, 'breathing', found);

    // The pacer by keyboard: Tab to Pause, press Space; Enter resumes.
    await harness.page.focus('::-p-aria([name="Pause"][role="button"])');
    await harness.page.keyboard.press('Space');
    await harness.page.waitForFunction(() => /Paused/.test(document.querySelector('[data-testid="pacer"]')?.textContent ?? ''));
    await harness.page.keyboard.press('Enter');
    await harness.page.waitForFunction(() => !/Paused/.test(document.querySelector('[data-testid="pacer"]')?.textContent ?? ''));

    await click(harness, 'How am I doing?');
    await waitForStep(harness, 'You seem ready');
    await visitStep(harness, 'verdict-ready', found);
    await click(harness, 'Continue');
    await waitForStep(harness, 'Carry this in with you');
    expect(await text(harness, 'intention-card')).toMatch(/Feel.*Find.*Reflect/);
    await visitStep(harness, 'intention', found);
    await click(harness, 'Start conversation');
    await waitForStep(harness, 'In conversation');
    await advancePageClock(harness.page, 30_000);
    await visitStep(harness, 'conversation', found);
    await click(harness, 'The conversation is over');
    await waitForStep(harness, 'How did it go?');
    await click(harness, 'Good', 'radio');
    await harness.page.type('textarea', 'We took turns and it helped.');
    await visitStep(harness, 'debrief', found);
    await click(harness, 'Save to my journal');
    await waitForStep(harness, 'Thank you');
    // It went well: the way to the notes, and no repair offered.
    await harness.page.waitForSelector('::-p-aria([name="Read or add to your notes from this conversation"][role="link"])');
    expect(await harness.page.$('[data-testid="repair-offer"]')).toBeNull();
    await visitStep(harness, 'done', found);

    await expect.poll(async () => (await listSessions(harness)).find((s) => s.kind === 'check')?.status, { timeout: 60_000 }).toBe('finished');
    const check = (await listSessions(harness)).find((s) => s.kind === 'check')!;
    expect(check.verdict).toBe('ready');
    expect(check.sourceKind).toBe('demo');
    expect(check.journalEntryIds).toHaveLength(1);
    const summary = check.summary!;
    expect(summary.beatCount).toBeGreaterThan(150);
    expect(summary.peakHrBpm).not.toBeNull();
    for (const key of ['startHrBpm', 'endHrBpm', 'readingHrBpm', 'readingRmssdMs', 'afterBreathingRmssdMs'] as const) expect(summary.phases[key]).toBeTypeOf('number');
    expect(summary.correctedPercent).toBeLessThanOrEqual(5);
    expect(await markers(harness, check.id)).toEqual([
      'signal-check:start',
      'signal-check:end',
      'reading:start',
      'reading:end',
      'grounding:start',
      'grounding:end',
      'breathing:start',
      'breathing:point',
      'breathing:point',
      'breathing:end',
      'verdict:point:ready',
      'conversation:point',
      'conversation:start',
      'conversation:end',
      'debrief:start',
      'debrief:end',
    ]);
    const entry = await call<{ kind: string; text: string; sessionIds: string[] }>(harness, 'journal.get', { id: check.journalEntryIds[0] });
    expect(entry).toMatchObject({ kind: 'debrief', text: 'We took turns and it helped.', sessionIds: [check.id] });
    expect(await harness.cspViolations()).toEqual([]);
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});

describe.skipIf(!browserTierAvailable)('the regulation check in Chromium, flooded → break → ready, reduced motion', () => {
  const found: Violations = {};
  const current = harnessOnPageClock({ colorScheme: 'light', reducedMotion: true }, (harness) => {
    reducedMotion.add(harness);
    // A lower flooding line (a setting the user can change), so the demo heart's flooded
    // start outlasts the signal check and the reading with room to spare.
    harness.services.settings.update({ physiology: { floodedMinBpm: 90 } });
  });

  it('a flooded reading leads to a break of at least 20 minutes, then a calm return', async () => {
    const harness = current();
    await firstRun(harness, found, false);
    await chooseDemoOnDevice(harness, 'flooded-then-recovers');
    await click(harness, 'Start the check');
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Listening to your heart');
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    expect(await text(harness, 'state-badge')).toBe('Flooded');
    await visitStep(harness, 'result-flooded', found);
    await click(harness, "Let's settle first");
    for (const next of ['Next', 'Next', 'Next', 'Start breathing']) await click(harness, next);
    await waitForStep(harness, 'Breathe with the guide');
    // Reduced motion: a still shape and a counted rhythm instead of an animation.
    expect(await text(harness, 'pacer')).toMatch(/Breathe in \d/);
    const scales = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await advancePageClock(harness.page, 1_500, 1_500);
      scales.add(await harness.page.$eval('.pacer-shape', (el) => (el as SVGElement).style.transform));
    }
    expect([...scales]).toEqual(['scale(0.8)']);
    await visitStep(harness, 'breathing-reduced-motion', found);
    await click(harness, 'How am I doing?');
    await waitForStep(harness, 'Time for a break');
    await visitStep(harness, 'verdict-break', found);
    await click(harness, 'Start the break');
    await waitForStep(harness, 'Your break');
    const status = await call<{ breakEndsAtMs: number | null }>(harness, 'reminders.status');
    expect(status.breakEndsAtMs).toBeGreaterThan(Date.now() + 19 * 60_000);
    // One honest time to come back, in the user's own clock, and no way back before it.
    expect(await text(harness, 'break-time')).toMatch(/^Come back at \d{1,2}:\d\d( [AP]M)?, in 20 minutes\.$/);
    expect(await harness.page.$('::-p-aria([name="Ready to return?"][role="button"])')).toBeNull();
    expect(await harness.page.$eval('.partner-words', (el) => el.textContent)).toMatch(/Before you step away, you might say.*I want to really hear you/);
    await visitStep(harness, 'break', found);

    await advancePageClock(harness.page, 20 * 60_000 + 10_000, 10_000);
    expect(await text(harness, 'break-time')).toMatch(/Twenty minutes have passed/);
    expect(await text(harness, 'break-recovery')).toMatch(/Calm/);
    await click(harness, 'Ready to return?');
    await waitForStep(harness, 'You seem ready');
    expect((await call<{ breakEndsAtMs: number | null }>(harness, 'reminders.status')).breakEndsAtMs).toBeNull();
    await click(harness, 'Continue');
    await waitForStep(harness, 'Carry this in with you');
    await click(harness, 'End here');
    await waitForStep(harness, 'The check has ended');

    await expect.poll(async () => (await listSessions(harness)).find((s) => s.kind === 'check')?.status, { timeout: 60_000 }).toBe('finished');
    const check = (await listSessions(harness)).find((s) => s.kind === 'check')!;
    expect(check.verdict).toBe('ready');
    expect(check.summary!.peakHrBpm).toBeGreaterThan(95);
    expect(check.summary!.calmDownSec).toBeTypeOf('number');
    const marks = await markers(harness, check.id);
    expect(marks).toEqual(expect.arrayContaining(['verdict:point:take-a-break', 'break:start', 'break:end', 'verdict:point:ready', 'note:point']));
    expect(marks.indexOf('verdict:point:take-a-break')).toBeLessThan(marks.indexOf('break:start'));
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});

describe.skipIf(!browserTierAvailable)('the regulation check in Chromium, "I need a break" from inside the conversation', () => {
  const current = harnessOnPageClock();
  const found: Violations = {};

  it('pauses the conversation for a break (button, then Ctrl+B), goes back to the same one, and ends it from a break', async () => {
    const harness = current();
    await firstRun(harness, found, false);
    await click(harness, 'Start the check');
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Listening to your heart');
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    await click(harness, 'See if I am ready');
    await waitForStep(harness, 'You seem ready');
    await click(harness, 'Continue');
    await click(harness, 'Start conversation');
    await waitForStep(harness, 'In conversation');
    await advancePageClock(harness.page, 60_000);

    await click(harness, 'I need a break');
    await waitForStep(harness, 'A break from the conversation');
    expect(await harness.page.$eval('.partner-words', (el) => el.textContent)).toMatch(/I want to really hear you/);
    expect(await text(harness, 'break-time')).toMatch(/^Come back at .+, in 20 minutes\.$/);
    expect(await harness.page.$('::-p-aria([name="Ready to go back"][role="button"])')).toBeNull();
    expect((await call<{ breakEndsAtMs: number | null }>(harness, 'reminders.status')).breakEndsAtMs).not.toBeNull();
    await visitStep(harness, 'conversation-break', found);

    await advancePageClock(harness.page, 20 * 60_000 + 10_000, 10_000);
    expect(await text(harness, 'break-time')).toMatch(/^Twenty minutes have passed/);
    await click(harness, 'Ready to go back');
    await waitForStep(harness, 'In conversation');
    expect(await text(harness, 'conversation-breaks')).toBe('You took one break so far.');
    expect((await call<{ breakEndsAtMs: number | null }>(harness, 'reminders.status')).breakEndsAtMs).toBeNull();
    await visitStep(harness, 'conversation-after-break', found);

    // From the keyboard, on another screen: Ctrl+B brings the break up on the Check screen.
    await harness.page.evaluate(() => (location.hash = '#/journal'));
    await harness.page.waitForSelector('h1 ::-p-text(Journal)');
    // The shell says a conversation is running, with the break one press away.
    expect(await text(harness, 'activity-banner')).toMatch(/^In conversation · \d+:\d\d/);
    expect(await harness.page.title()).toBe('In conversation · Attune');
    await visitStep(harness, 'conversation-banner-on-journal', found);
    await harness.page.keyboard.down('Control');
    await harness.page.keyboard.press('KeyB');
    await harness.page.keyboard.up('Control');
    await waitForStep(harness, 'A break from the conversation');
    await click(harness, 'The conversation is over for today');
    await waitForStep(harness, 'How did it go?');
    await click(harness, 'Skip');
    await waitForStep(harness, 'Thank you');

    await expect.poll(async () => (await listSessions(harness)).find((s) => s.kind === 'check')?.status, { timeout: 60_000 }).toBe('finished');
    const check = (await listSessions(harness)).find((s) => s.kind === 'check')!;
    const marks = await markers(harness, check.id);
    expect(marks.slice(marks.indexOf('conversation:start'))).toEqual([
      'conversation:start',
      'conversation:end',
      'break:start',
      'break:end',
      'conversation:start',
      'conversation:end',
      'break:start',
      'break:end',
      'debrief:start',
      'debrief:end',
    ]);
    expect((await call<{ breakEndsAtMs: number | null }>(harness, 'reminders.status')).breakEndsAtMs).toBeNull();
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });

  it('flooded in the middle of the conversation: the cue, "I need a break" first, and the way back', async () => {
    const harness = current();
    await harness.page.evaluate(() => (location.hash = '#/check'));
    await click(harness, 'Back to the start');
    await click(harness, 'Start the check');
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Listening to your heart');
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    await click(harness, 'See if I am ready');
    await click(harness, 'Continue');
    await click(harness, 'Start conversation');
    await waitForStep(harness, 'In conversation');
    await advancePageClock(harness.page, 30_000);
    // The talk turns: the demo heart now races (a new demo source; the check keeps listening).
    await chooseDemoOnDevice(harness, 'flooded-then-recovers');
    await waitForStep(harness, 'In conversation');
    await advancePageClock(harness.page, 60_000);
    await harness.page.waitForFunction(() => /It is okay to say you need a short break/.test(document.querySelector('[data-testid="flood-cue"]')?.textContent ?? ''));
    expect(await harness.page.$eval('::-p-aria([name="I need a break"][role="button"])', (el) => el.className)).toBe('button');
    await visitStep(harness, 'conversation-flooded', found);
    await click(harness, 'I need a break');
    await waitForStep(harness, 'A break from the conversation');
    await advancePageClock(harness.page, 20 * 60_000 + 10_000, 10_000);
    await harness.page.waitForFunction(() => /Calm/.test(document.querySelector('[data-testid="break-recovery"]')?.textContent ?? ''));
    await click(harness, 'Ready to go back');
    await waitForStep(harness, 'In conversation');
    expect(await text(harness, 'conversation-breaks')).toBe('You took one break so far.');
    await click(harness, 'The conversation is over');
    await click(harness, 'Skip');
    await waitForStep(harness, 'Thank you');
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});

describe.skipIf(!browserTierAvailable)('the regulation check in Chromium with a heart-rate-only sensor', () => {
  const current = harnessOnPageClock();
  const found: Violations = {};

  it('runs on heart rate alone: the note at each step, a verdict that says what it rests on, no variability stored', async () => {
    const harness = current();
    await firstRun(harness, found, false);
    // The demo sensor played as a watch: heart rate, never the time between beats.
    await harness.page.evaluate(() => (location.hash = '#/device'));
    await click(harness, 'Stop the demo');
    await click(harness, 'Like a watch: heart rate only', 'checkbox');
    await click(harness, 'Start the demo');
    await harness.page.waitForFunction(() => /heart rate only/.test(document.querySelector('.device-name')?.textContent ?? ''));
    await harness.page.evaluate(() => (location.hash = '#/check'));

    await click(harness, 'Start the check');
    await advancePageClock(harness.page, 25_000);
    await waitForStep(harness, 'Listening to your heart');
    expect(await text(harness, 'heart-rate-only')).toMatch(/runs on your heart rate alone/);
    await visitStep(harness, 'reading-heart-rate-only', found);
    await advancePageClock(harness.page, 62_000);
    await waitForStep(harness, 'What your body is saying');
    expect(await text(harness, 'state-badge')).toBe('Calm');
    await click(harness, 'See if I am ready');
    await waitForStep(harness, 'You seem ready');
    expect(await harness.page.$eval('main', (el) => el.textContent ?? '')).toMatch(/This comes from your heart rate alone/);
    await visitStep(harness, 'verdict-heart-rate-only', found);
    await click(harness, 'End here');
    await waitForStep(harness, 'The check has ended');

    await expect.poll(async () => (await listSessions(harness)).find((s) => s.kind === 'check')?.status, { timeout: 60_000 }).toBe('finished');
    const check = (await listSessions(harness)).find((s) => s.kind === 'check')!;
    expect(check.summary).toMatchObject({ signal: 'heart-rate', rmssdMs: null });
    expect(check.summary!.meanHrBpm).toBeGreaterThan(50);
    // The session's page says what its figures rest on.
    await harness.page.evaluate((id) => (location.hash = `#/trends/session/${id}`), check.id);
    await harness.page.waitForSelector('[data-testid="session-signal"]', { timeout: 60_000 });
    expect(await text(harness, 'session-signal')).toMatch(/^From your heart rate alone/);
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});

describe.skipIf(!browserTierAvailable)('help before setup in Chromium', () => {
  const current = harnessOnPageClock();
  const found: Violations = {};

  it('a first run that starts with breathing, then sets up afterwards', async () => {
    const harness = current();
    await harness.open('#/check');
    await waitForStep(harness, 'Welcome to Attune');
    await visitStep(harness, 'welcome-help-first', found);
    await click(harness, 'Breathe now, set up later');
    await harness.page.waitForSelector('h1 ::-p-text(Breathe)');
    // The pacer works at once, with nothing set up.
    await click(harness, 'Start breathing');
    await click(harness, 'Finish');
    await harness.page.waitForSelector('::-p-text(Nicely done)');
    await harness.page.evaluate(() => (location.hash = '#/check'));
    // Setup is still there, and goes on as usual.
    await waitForStep(harness, 'Welcome to Attune');
    await click(harness, 'Continue');
    await waitForStep(harness, 'Your resting heart rate');
    await harness.page.waitForFunction(() => document.activeElement?.textContent === 'Your resting heart rate');

    // Still stirred up: no resting reading is taken, and the check says why.
    await harness.page.select('#check-demo-scenario', 'flooded-then-recovers');
    await click(harness, 'Use the demo sensor');
    await click(harness, 'Take my resting reading');
    await advancePageClock(harness.page, 20_000);
    await waitForStep(harness, 'Not a resting moment yet');
    expect(await text(harness, 'too-stirred')).toMatch(/^Your heart is beating at about 1\d\d bpm right now\./);
    await visitStep(harness, 'too-stirred', found);
    await click(harness, 'Breathe first');
    await harness.page.waitForSelector('h1 ::-p-text(Breathe)');
    expect(harness.pageErrors).toEqual([]);
    expect(found).toEqual({});
  });
});

