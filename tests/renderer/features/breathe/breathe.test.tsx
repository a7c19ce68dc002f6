import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { BREATHE_SUMMARY_WORDS, BREATHE_WORDS } from '../../../../shared/content/breathe-copy.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// Breathe in the whole window, against the real main-side services in process, with the demo
// heart on a manual clock: what the user sees while breathing and at the end, and what the
// records store (and so Trends) holds afterwards.

afterEach(async () => {
  vi.useRealTimers();
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; user: UserEvent };

function openApp(hash: string, options: { fakePageTimers?: boolean } = {}): Rendered {
  // The pacer alone keeps the page's own time; these fake timers still follow real time.
  if (options.fakePageTimers) vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
  window.location.hash = hash;
  const main = createInProcessApi();
  const scheduler = createManualScheduler(Date.now());
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 7 }} />);
  return { main, scheduler, user: userEvent.setup() };
}

/** Moves the sensors' clock in one-second steps, letting main answer along the way. */
async function advance(scheduler: ManualScheduler, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 1000) await act(async () => scheduler.advanceAsync(Math.min(1000, ms - done)));
}

async function startDemo(user: UserEvent, scenario: 'calm' | 'elevated'): Promise<void> {
  window.location.hash = '#/device';
  await screen.findByRole('heading', { name: 'Device', level: 1 });
  await user.selectOptions(screen.getByLabelText('Demo sensor'), scenario);
  await user.click(screen.getByRole('button', { name: 'Start the demo' }));
}

async function openBreathe(hash = '#/breathe'): Promise<void> {
  act(() => {
    window.location.hash = hash;
  });
  await screen.findByRole('heading', { name: 'Breathe', level: 1 });
}

async function sessions(main: InProcessApi) {
  const result = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.now() + 3600_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function detail(main: InProcessApi, sessionId: string) {
  const result = await main.api.invoke('session.get', { sessionId });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const markers = (d: Awaited<ReturnType<typeof detail>>) => d.session.markers.map((m) => `${m.phase}:${m.edge}`);
const summaryText = () => screen.getByTestId('breathe-summary').textContent ?? '';

describe('Breathe with a heart', () => {
  it('one minute with the demo heart: the heart beside the pacer, a short summary, and a breathing session with its beats', async () => {
    const { main, scheduler, user } = openApp('#/breathe');
    await screen.findByRole('heading', { name: 'Breathe', level: 1 });
    expect(screen.getByTestId('breathe-note').textContent).toBe(BREATHE_WORDS.noSource);
    await startDemo(user, 'elevated');
    await openBreathe();
    await waitFor(() => expect(screen.queryByTestId('breathe-note')).toBeNull());

    await user.click(screen.getByRole('radio', { name: '1 minute' }));
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(screen.getByTestId('breathe-length').textContent).toMatch(/^Breathing for one minute; it ends by itself/);
    await advance(scheduler, 20_000);
    // Heart rate, the newest beat interval and the time, as quiet text beside the pacer.
    expect(screen.getByTestId('live-bpm').textContent).toMatch(/^\d+ bpm$/);
    expect(screen.getByTestId('live-interval').textContent).toMatch(/^\d{3,4} ms$/);
    expect(screen.getByTestId('session-time').textContent).toBe('0:20');
    // The charts wait behind their disclosure: nothing else moves until the user opens them.
    const charts = screen.getByText(BREATHE_WORDS.charts).closest('details')!;
    expect(charts.open).toBe(false);
    expect(charts.querySelector('svg')).toBeNull();
    await user.click(screen.getByText(BREATHE_WORDS.charts));
    await waitFor(() => expect(charts.querySelectorAll('svg polyline').length).toBeGreaterThan(0));

    await advance(scheduler, 41_000);
    await screen.findByTestId('breathe-summary');
    expect(summaryText()).toMatch(/That was a minute of slow breathing, just for you\./);
    expect(summaryText()).toMatch(/Your heart rate (went from about \d+ bpm at the start to about \d+ bpm at the end|stayed at about \d+ bpm)\./);
    expect(document.activeElement?.textContent).toBe(BREATHE_SUMMARY_WORDS.heading);
    await waitFor(() => expect(screen.getByTestId('breathe-saved').textContent).toBe(BREATHE_SUMMARY_WORDS.saved));
    // The length stays chosen for the next one.
    expect((screen.getByRole('radio', { name: '1 minute' }) as HTMLInputElement).checked).toBe(true);

    const stored = await sessions(main);
    expect(stored).toHaveLength(1);
    const [session] = stored;
    expect(session).toMatchObject({ kind: 'breathing', status: 'finished', sourceKind: 'demo' });
    expect(session!.beatCount).toBeGreaterThan(50);
    // Its length is the breathing: about a minute of beats (the first beat ends a second in).
    expect(session!.summary!.durationSec).toBeGreaterThan(55);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(60);
    expect(session!.summary!.meanHrBpm).not.toBeNull();
    const d = await detail(main, session!.id);
    expect(markers(d)).toEqual(['breathing:start', 'breathing:end']);
    expect(d.session.breathingPattern).toMatchObject({ preset: 'long-exhale-4-6', inhaleSec: 4, exhaleSec: 6 });
    expect(d.beats.rrMs.length).toBe(session!.beatCount);

    // Trends counts it as practice, by its length.
    const timeline = await main.api.invoke('trends.timeline');
    expect(timeline.ok && timeline.value.sessions.map((s) => [s.kind, Math.round(s.durationSec ?? 0)])).toEqual([['breathing', Math.round(session!.summary!.durationSec)]]);
    act(() => {
      window.location.hash = '#/trends';
    });
    const card = (await screen.findByRole('heading', { name: /^Practice minutes per week/ })).closest('section')!;
    expect(within(card).getByText('1 minute of practice in this range.')).toBeTruthy();
  });

  it('a heart-rate-only sensor: its heart rate beside the pacer, the session kept, no variability read from it', async () => {
    const { main, scheduler, user } = openApp('#/device');
    await screen.findByRole('heading', { name: 'Device', level: 1 });
    await user.click(screen.getByLabelText('Like a watch: heart rate only'));
    await user.click(screen.getByRole('button', { name: 'Start the demo' }));
    await openBreathe();
    await waitFor(() => expect(screen.queryByTestId('breathe-note')).toBeNull());
    await user.click(screen.getByRole('radio', { name: '1 minute' }));
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    await advance(scheduler, 30_000);
    expect(screen.getByTestId('live-bpm').textContent).toMatch(/^\d+ bpm$/);
    expect(screen.getByTestId('coherence').textContent).toBe('Needs the time between beats');
    await advance(scheduler, 31_000);
    await waitFor(() => expect(summaryText()).toMatch(/Saved with your sessions/));
    const [session] = (await sessions(main)).filter((s) => s.kind === 'breathing');
    expect(session!.summary).toMatchObject({ signal: 'heart-rate', rmssdMs: null });
    expect(session!.summary!.meanHrBpm).not.toBeNull();
  });

  it('as long as I like: a pause is not breathing, and Finish ends and saves it', async () => {
    const { main, scheduler, user } = openApp('#/breathe');
    await startDemo(user, 'calm');
    await openBreathe();
    await waitFor(() => expect(screen.queryByTestId('breathe-note')).toBeNull());
    expect((screen.getByRole('radio', { name: 'As long as I like' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(screen.getByTestId('breathe-length').textContent).toBe(BREATHE_WORDS.open);
    await advance(scheduler, 40_000);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByTestId('pacer').textContent).toMatch(/Paused/);
    await advance(scheduler, 30_000);
    // The time shown is breathing time: the pause does not count.
    expect(screen.getByTestId('session-time').textContent).toBe('0:40');
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await advance(scheduler, 60_000);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(summaryText()).toMatch(/That was about 2 minutes of slow breathing/);
    await waitFor(() => expect(screen.getByTestId('breathe-saved').textContent).toBe(BREATHE_SUMMARY_WORDS.saved));

    const [session] = await sessions(main);
    expect(session).toMatchObject({ kind: 'breathing', status: 'finished' });
    // 100 s of breathing stored, not the 130 s the session lasted (a stretch's first beat may
    // have begun a moment before it).
    expect(session!.summary!.durationSec).toBeGreaterThan(94);
    expect(session!.summary!.durationSec).toBeLessThan(102);
    expect(markers(await detail(main, session!.id))).toEqual(['breathing:start', 'breathing:end', 'breathing:start', 'breathing:end']);
  });

  it('after three minutes the summary names the coherence band seen most of the time', async () => {
    const { main, scheduler, user } = openApp('#/breathe');
    await startDemo(user, 'calm');
    await openBreathe();
    await waitFor(() => expect(screen.queryByTestId('breathe-note')).toBeNull());
    await user.click(screen.getByRole('radio', { name: '3 minutes' }));
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    await advance(scheduler, 90_000);
    expect(screen.getByTestId('coherence').textContent).toMatch(/^(Low|Medium|High)$/);
    await advance(scheduler, 91_000);
    await screen.findByTestId('breathe-summary');
    expect(summaryText()).toMatch(/That was 3 minutes of slow breathing/);
    expect(summaryText()).toMatch(/For most of it your heartbeat .*: (low|medium|high) coherence\./);
    await waitFor(async () => expect((await sessions(main))[0]?.status).toBe('finished'));
  });

  it('leaving the screen mid-session ends it and saves what was breathed', async () => {
    const { main, scheduler, user } = openApp('#/breathe');
    await startDemo(user, 'calm');
    await openBreathe();
    await waitFor(() => expect(screen.queryByTestId('breathe-note')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    await advance(scheduler, 30_000);
    act(() => {
      window.location.hash = '#/journal';
    });
    await waitFor(async () => expect((await sessions(main))[0]?.status).toBe('finished'));
    const [session] = await sessions(main);
    expect(session!.kind).toBe('breathing');
    expect(session!.summary!.durationSec).toBeGreaterThan(25);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(30);
  });

  it('a start pressed by mistake is not kept as a session', async () => {
    const { main, scheduler, user } = openApp('#/breathe');
    await startDemo(user, 'calm');
    await openBreathe();
    await waitFor(() => expect(screen.queryByTestId('breathe-note')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    await advance(scheduler, 5_000);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    await waitFor(() => expect(screen.getByTestId('breathe-saved').textContent).toBe(BREATHE_SUMMARY_WORDS.tooShort));
    expect(await sessions(main)).toEqual([]);
  });

  it('the tray\'s "Breathe for a minute" with the demo heart on: one minute, chosen and recorded', async () => {
    const { main, scheduler, user } = openApp('#/breathe');
    await startDemo(user, 'calm');
    await openBreathe('#/breathe?minutes=1');
    expect(await screen.findByText(/^Breathing for one minute/)).toBeTruthy();
    expect(window.location.hash).toBe('#/breathe');
    await advance(scheduler, 61_000);
    await waitFor(() => expect(screen.getByTestId('breathe-saved').textContent).toBe(BREATHE_SUMMARY_WORDS.saved));
    expect((screen.getByRole('radio', { name: '1 minute' }) as HTMLInputElement).checked).toBe(true);
    expect((await sessions(main)).map((s) => s.kind)).toEqual(['breathing']);
  });
});

describe('Breathe without a heart', () => {
  it('without a source it is the pacer alone, with a line about the strap, and nothing is recorded', async () => {
    const { main, user } = openApp('#/breathe', { fakePageTimers: true });
    await screen.findByRole('heading', { name: 'Breathe', level: 1 });
    expect(screen.getByTestId('breathe-note').textContent).toBe(BREATHE_WORDS.noSource);
    await user.click(screen.getByRole('radio', { name: '1 minute' }));
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(screen.getByTestId('pacer')).toBeTruthy();
    expect(screen.queryByTestId('live-bpm')).toBeNull();
    await act(async () => {
      vi.advanceTimersByTime(61_000);
    });
    expect(summaryText()).toMatch(/That was a minute of slow breathing/);
    expect(summaryText()).not.toMatch(/heart rate|Saved/);
    expect(screen.queryByTestId('breathe-saved')).toBeNull();
    expect(await sessions(main)).toEqual([]);
  });

  it('during a check the check keeps the heart: Breathe says so, runs the pacer and records nothing', async () => {
    const { main, scheduler, user } = openApp('#/check');
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
    await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
    await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    await advance(scheduler, 20_000);
    expect(screen.getByTestId('check-step-title').textContent).toBe('Listening to your heart');

    await openBreathe();
    expect(screen.getByTestId('breathe-note').textContent).toMatch(/^A check is running, and it is already keeping your heart\./);
    expect(within(screen.getByTestId('breathe-note')).getByRole('link', { name: BREATHE_WORDS.backToCheck }).getAttribute('href')).toBe('#/check');
    await user.click(screen.getByRole('button', { name: 'Start breathing' }));
    expect(screen.queryByTestId('live-bpm')).toBeNull();
    await advance(scheduler, 20_000);
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.queryByTestId('breathe-saved')).toBeNull();
    const stored = await sessions(main);
    expect(stored.map((s) => `${s.kind}:${s.status}`)).toEqual(['calibration:recording']);
  });
});
