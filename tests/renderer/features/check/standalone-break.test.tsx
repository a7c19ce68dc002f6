import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { toTrendSession } from '../../../../shared/trends/timeline.ts';
import { practiceMinutesPerBucket } from '../../../../shared/trends/aggregate.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// A break of the user's own (the welcome's "Take a 20-minute break", the tray's "Take a
// break") is recorded as a 'break' session while a source is connected, so Trends' practice
// minutes count it; the check's own break stays inside the check's session. The whole window
// against the real services in process, main's clock and the demo heart on one manual clock.

afterEach(async () => {
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; user: UserEvent };

function openApp(hash: string): Rendered {
  window.location.hash = hash;
  const scheduler = createManualScheduler(Date.now());
  // Main keeps the same time as the sensors, so the break it holds ends on the test's clock.
  const main = createInProcessApi({ now: () => new Date(scheduler.nowMs()) });
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 3 }} />);
  return { main, scheduler, user: userEvent.setup() };
}

/** Moves the sensors' (and main's) clock in ten-second steps, letting main answer along the way. */
async function advance(scheduler: ManualScheduler, ms: number): Promise<void> {
  for (let done = 0; done < ms; done += 10_000) await act(async () => scheduler.advanceAsync(Math.min(10_000, ms - done)));
}

async function startDemo(user: UserEvent): Promise<void> {
  act(() => {
    window.location.hash = '#/device';
  });
  await screen.findByRole('heading', { name: 'Device', level: 1 });
  await user.selectOptions(screen.getByLabelText('Demo sensor'), 'calm');
  await user.click(screen.getByRole('button', { name: 'Start the demo' }));
  await screen.findByRole('button', { name: 'Stop the demo' });
}

/** The welcome's break, as a first-time user takes it. */
async function takeWelcomeBreak(user: UserEvent): Promise<void> {
  act(() => {
    window.location.hash = '#/check';
  });
  await screen.findByText('Welcome to Attune');
  await user.click(screen.getByRole('button', { name: 'Take a 20-minute break' }));
  await screen.findByRole('heading', { name: 'You are taking a break' });
}

async function sessions(main: InProcessApi) {
  const result = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.now() + 7 * 24 * 3600_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function markersOf(main: InProcessApi, sessionId: string) {
  const detail = await main.api.invoke('session.get', { sessionId });
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value.session.markers.map((m) => `${m.phase}:${m.edge}`);
}

describe('a break of one’s own', () => {
  it('twenty minutes with the demo heart: one finished break session with its beats, counted in Trends’ practice minutes', async () => {
    const { main, scheduler, user } = openApp('#/check');
    await startDemo(user);
    await takeWelcomeBreak(user);
    const endsAtMs = main.services.reminders.reminders.status().breakEndsAtMs!;
    expect(endsAtMs - scheduler.nowMs()).toBeGreaterThan(19 * 60_000);
    // Away from the Check screen the break goes on being recorded.
    act(() => {
      window.location.hash = '#/journal';
    });
    await advance(scheduler, 10 * 60_000);
    expect(await sessions(main)).toMatchObject([{ kind: 'break', status: 'recording' }]);
    await advance(scheduler, endsAtMs - scheduler.nowMs() + 20_000);

    await waitFor(async () => expect((await sessions(main)).map((s) => [s.kind, s.status])).toEqual([['break', 'finished']]));
    const [session] = await sessions(main);
    expect(session).toMatchObject({ kind: 'break', sourceKind: 'demo' });
    expect(session!.beatCount).toBeGreaterThan(900);
    expect(session!.summary!.durationSec).toBeGreaterThan(19 * 60);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(20 * 60);
    expect(session!.summary!.meanHrBpm).not.toBeNull();
    expect(await markersOf(main, session!.id)).toEqual(['break:start', 'break:end']);

    // Trends counts it as practice, by its length.
    const trend = toTrendSession(session!)!;
    const [row] = practiceMinutesPerBucket([trend], [session!.startedAtMs - 1000], session!.startedAtMs + 3600_000);
    expect(row).toMatchObject({ sessions: 1 });
    expect(Math.round(row!.minutes)).toBe(Math.round(session!.summary!.durationSec / 60));
    act(() => {
      window.location.hash = '#/trends';
    });
    const card = (await screen.findByRole('heading', { name: /^Practice minutes per week/ })).closest('section')!;
    expect(within(card).getByText(/^20 minutes of practice in this range/)).toBeTruthy();
  });

  it('“End the break now” ends the recording there', async () => {
    const { main, scheduler, user } = openApp('#/check');
    await startDemo(user);
    await takeWelcomeBreak(user);
    await advance(scheduler, 3 * 60_000);
    await user.click(screen.getByRole('button', { name: 'End the break now' }));
    await screen.findByRole('heading', { name: 'Your break' });
    await waitFor(async () => expect((await sessions(main)).map((s) => [s.kind, s.status])).toEqual([['break', 'finished']]));
    await advance(scheduler, 5 * 60_000);
    const [session] = await sessions(main);
    expect(session!.summary!.durationSec).toBeGreaterThan(170);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(180);
    expect(await sessions(main)).toHaveLength(1);
  });

  it('without a source nothing is recorded', async () => {
    const { main, scheduler, user } = openApp('#/check');
    await takeWelcomeBreak(user);
    await advance(scheduler, 21 * 60_000);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await screen.findByText('Welcome to Attune');
    expect(await sessions(main)).toEqual([]);
  });

  it('a source that goes away ends the recording; the minutes before it are kept', async () => {
    const { main, scheduler, user } = openApp('#/check');
    await startDemo(user);
    await takeWelcomeBreak(user);
    await advance(scheduler, 2 * 60_000);
    act(() => {
      window.location.hash = '#/device';
    });
    await user.click(await screen.findByRole('button', { name: 'Stop the demo' }));
    await waitFor(async () => expect((await sessions(main)).map((s) => [s.kind, s.status])).toEqual([['break', 'finished']]));
    await advance(scheduler, 5 * 60_000);
    const [session] = await sessions(main);
    expect(session!.summary!.durationSec).toBeGreaterThan(110);
    expect(session!.summary!.durationSec).toBeLessThanOrEqual(120);
    expect(await sessions(main)).toHaveLength(1);
  });
});

describe('the check’s own break', () => {
  it('is part of the check’s session: no break session of its own, during it or after the check', async () => {
    const { main, scheduler, user } = openApp('#/check');
    const stepTitle = () => screen.getByTestId('check-step-title').textContent;
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
    await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
    await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    await advance(scheduler, 20_000);
    await advance(scheduler, 62_000);
    await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Start the check' }));
    await advance(scheduler, 20_000);
    await advance(scheduler, 62_000);
    await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
    await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Start conversation' }));
    await user.click(screen.getByRole('button', { name: 'I need a break' }));
    expect(stepTitle()).toBe('A break from the conversation');
    await waitFor(() => expect(main.services.reminders.reminders.status().breakEndsAtMs).not.toBeNull());
    await advance(scheduler, 5 * 60_000);
    // The conversation ends during its break: main's break may still run, and is still the check's.
    await user.click(screen.getByRole('button', { name: 'The conversation is over for today' }));
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(stepTitle()).toBe('Thank you'));
    await advance(scheduler, 20 * 60_000);
    await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'check')?.status).toBe('finished'));
    expect((await sessions(main)).map((s) => s.kind).sort()).toEqual(['calibration', 'check']);
    const check = (await sessions(main)).find((s) => s.kind === 'check')!;
    expect(await markersOf(main, check.id)).toContain('break:start');
  });
});
