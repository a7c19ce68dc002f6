import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';
import { encodeHeartRateMeasurement } from '../../../../shared/ble/heart-rate-measurement.ts';
import { baselineFromSessions } from '../../../../shared/check/resting-readings.ts';
import { installFakeAudio } from '../../support/fake-audio.ts';
import { createFakeBluetooth, FakeStrap } from '../../support/fake-web-bluetooth.ts';

// The regulation check in the whole window, against the real main-side services (router,
// records store, reminders) in process, with the demo heart on a manual clock: a minute of
// heart takes a few milliseconds. Each test says what the user does and what they see, then
// what the records store holds.

afterEach(async () => {
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; user: UserEvent };

async function openCheck(): Promise<Rendered> {
  window.location.hash = '#/check';
  const main = createInProcessApi();
  const scheduler = createManualScheduler(Date.now());
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 11 }} />);
  return { main, scheduler, user: userEvent.setup() };
}

const stepTitle = () => screen.getByTestId('check-step-title').textContent;
const advance = (scheduler: ManualScheduler, ms: number) => act(async () => scheduler.advanceAsync(ms));

async function startDemo(user: UserEvent, scenario: 'calm' | 'elevated' | 'flooded-then-recovers') {
  await user.selectOptions(screen.getByLabelText('Demo heart'), scenario);
  await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
}

/** First run: welcome, the demo heart, a resting reading; ends on the start screen. */
async function firstRun({ scheduler, user }: Rendered) {
  await screen.findByText('Welcome to Attune');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await startDemo(user, 'calm');
  await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByText('Before a hard conversation');
}

/** From the start screen, a calm check straight to the conversation: reading, "See if I am ready", the intention card. */
async function calmCheckToConversation({ scheduler, user }: Rendered) {
  await user.click(screen.getByRole('button', { name: 'Start the check' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
  await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.click(screen.getByRole('button', { name: 'Start conversation' }));
}

async function sessions(main: InProcessApi) {
  const result = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.now() + 3600_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function markersOf(main: InProcessApi, sessionId: string) {
  const detail = await main.api.invoke('session.get', { sessionId });
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value.session.markers.map((m) => `${m.phase}:${m.edge}${m.verdict ? `:${m.verdict}` : ''}`);
}

describe('first run', () => {
  it('welcomes, says it is not a medical device and that data stays here, and sets the first baseline', async () => {
    const rendered = await openCheck();
    await screen.findByText('Welcome to Attune');
    expect(screen.getByText(/not a medical device/)).toBeTruthy();
    expect(screen.getByText(/stays on this computer/)).toBeTruthy();
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((screen.getByRole('button', { name: 'Take my resting reading' }) as HTMLButtonElement).disabled).toBe(true);
    await startDemo(rendered.user, 'calm');
    await rendered.user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    expect(stepTitle()).toBe('Checking the signal');
    await advance(rendered.scheduler, 20_000);
    expect(stepTitle()).toBe('Listening to your heart');
    await advance(rendered.scheduler, 62_000);
    await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
    const hr = Number(/(\d+) bpm/.exec(screen.getByTestId('calibrated-hr').textContent ?? '')?.[1]);
    expect(hr).toBeGreaterThan(58);
    expect(hr).toBeLessThan(74);
    await rendered.user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByTestId('baseline-line').textContent).toMatch(/from 1 resting reading; 2 more/));
    const [calibration] = await sessions(rendered.main);
    expect(calibration).toMatchObject({ kind: 'calibration', status: 'finished', sourceKind: 'demo' });
    expect(calibration!.summary!.phases.readingHrBpm).toBeCloseTo(hr, -1);
    expect(await markersOf(rendered.main, calibration!.id)).toEqual(['signal-check:start', 'signal-check:end', 'reading:start', 'reading:end']);
  });
});

describe('the check', () => {
  it('Ctrl+Shift+S on any screen starts a check once a resting rate and a source exist', async () => {
    const rendered = await openCheck();
    await firstRun(rendered);
    act(() => {
      window.location.hash = '#/journal';
    });
    await screen.findByRole('heading', { level: 1, name: 'Journal' });
    await rendered.user.keyboard('{Control>}{Shift>}S{/Shift}{/Control}');
    await waitFor(() => expect(stepTitle()).toBe('Checking the signal'));
    expect(window.location.hash).toBe('#/check');
  });

  it('the tray\'s "Take a break" during the conversation is that conversation\'s break, which goes back to it', async () => {
    const rendered = await openCheck();
    const { user, scheduler } = rendered;
    await firstRun(rendered);
    await calmCheckToConversation(rendered);
    expect(stepTitle()).toBe('In conversation');
    // What the tray's item opens (main/tray/tray-controller.ts).
    act(() => {
      window.location.hash = '#/check?break=20';
    });
    await waitFor(() => expect(stepTitle()).toBe('A break from the conversation'));
    expect(window.location.hash).toBe('#/check');
    expect(document.title).toBe('On a break · Attune');
    await advance(scheduler, 20 * 60_000 + 10_000);
    await user.click(screen.getByRole('button', { name: 'Ready to go back' }));
    expect(stepTitle()).toBe('In conversation');
    expect(screen.getByTestId('conversation-breaks').textContent).toBe('You took one break so far.');

    // On another screen the shell says a conversation is running, with the break one press away.
    expect(screen.queryByTestId('activity-banner')).toBeNull();
    act(() => {
      window.location.hash = '#/journal';
    });
    const banner = await screen.findByTestId('activity-banner');
    expect(banner.textContent).toMatch(/^In conversation · \d+:\d\d/);
    expect(document.title).toBe('In conversation · Attune');
    await user.click(within(banner).getByRole('button', { name: 'I need a break' }));
    await waitFor(() => expect(stepTitle()).toBe('A break from the conversation'));
    await user.click(screen.getByRole('button', { name: 'The conversation is over for today' }));
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(() => expect(stepTitle()).toBe('Thank you'));
    expect(document.title).toBe('Attune');
  });

  it('calm path: reading → ready → intention card → conversation → debrief saved in the journal', async () => {
    const rendered = await openCheck();
    const { user, scheduler, main } = rendered;
    await firstRun(rendered);
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    expect(stepTitle()).toBe('Checking the signal');
    await advance(scheduler, 20_000);
    await advance(scheduler, 62_000);
    await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
    expect(screen.getByTestId('state-badge').textContent).toBe('Calm');
    expect(screen.getByTestId('reading-figures').textContent).toMatch(/Your heart rate: \d+ bpm · your resting rate: \d+ bpm/);
    await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
    expect(stepTitle()).toBe('You seem ready');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const card = screen.getByTestId('intention-card');
    expect(within(card).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent)).toEqual(['Feel', 'Find', 'Reflect']);
    expect(screen.getByText("I don't need to fix this. I just need to be here.")).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start conversation' }));
    expect(stepTitle()).toBe('In conversation');
    await advance(scheduler, 30_000);
    await user.click(screen.getByRole('button', { name: 'The conversation is over' }));
    expect(stepTitle()).toBe('How did it go?');
    // The journal's own scale, word for word.
    expect(within(screen.getByRole('group', { name: 'Overall, the conversation went…' })).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Very hard',
      'Hard',
      'A bit hard',
      'Neither',
      'A bit good',
      'Good',
      'Very good',
    ]);
    await user.click(screen.getByLabelText('A bit hard'));
    await user.type(screen.getByLabelText(/Anything you want to remember/), 'We both slowed down.');
    await user.click(screen.getByRole('button', { name: 'Save to my journal' }));
    await waitFor(() => expect(stepTitle()).toBe('Thank you'));
    // The way to what was written, and since it was hard, to the repair steps.
    const entryLink = screen.getByRole('link', { name: 'Read or add to your notes from this conversation' });
    expect(screen.getByTestId('repair-offer').textContent).toMatch(/When you are both ready, a repair can help/);
    expect(screen.getByRole('link', { name: 'Go through the repair steps' }).getAttribute('href')).toBe('#/journal/repair');
    // One resting reading so far, and the check ended calm: a gentle offer of the next one.
    expect(await screen.findByRole('heading', { name: 'A good moment for a resting reading' })).toBeTruthy();
    expect(screen.getByText(/2 more readings on calm days will make it steadier/)).toBeTruthy();

    await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'check')?.status).toBe('finished'));
    const check = (await sessions(main)).find((s) => s.kind === 'check')!;
    expect(check.verdict).toBe('ready');
    expect(check.journalEntryIds).toHaveLength(1);
    expect(entryLink.getAttribute('href')).toBe(`#/journal/entry/${check.journalEntryIds[0]}`);
    expect(check.summary!.phases.readingRmssdMs).not.toBeNull();
    expect(check.summary!.peakHrBpm).not.toBeNull();
    expect(await markersOf(main, check.id)).toEqual([
      'signal-check:start',
      'signal-check:end',
      'reading:start',
      'reading:end',
      'verdict:point:ready',
      'conversation:point',
      'conversation:start',
      'conversation:end',
      'debrief:start',
      'debrief:end',
    ]);
    const entry = await main.api.invoke('journal.get', { id: check.journalEntryIds[0]! });
    expect(entry.ok && entry.value).toMatchObject({ kind: 'debrief', title: 'After the conversation: a bit hard', text: 'We both slowed down.', pleasantness: 3, sessionIds: [check.id] });
    const reminders = await main.api.invoke('reminders.status');
    expect(reminders.ok && reminders.value.breakEndsAtMs).toBeNull();
  });

  it('stirred up: grounding one cue at a time, then the pacer with pause and resume, then "breathe more"', async () => {
    const rendered = await openCheck();
    const { user, scheduler, main } = rendered;
    await firstRun(rendered);
    await startDemoFromDevice(rendered, 'elevated');
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    await advance(scheduler, 20_000);
    await advance(scheduler, 62_000);
    await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
    expect(screen.getByTestId('state-badge').textContent).toBe('A little stirred up');
    await user.click(screen.getByRole('button', { name: "Let's settle first" }));
    const cues: string[] = [];
    for (let i = 0; i < 4; i++) {
      cues.push(within(screen.getByTestId('grounding-cue')).getByRole('heading').textContent ?? '');
      await user.click(screen.getByRole('button', { name: i < 3 ? 'Next' : 'Start breathing' }));
    }
    expect(cues).toEqual(['Let one breath go', 'Let your shoulders drop', 'Feel your feet', 'Say it to yourself']);
    expect(stepTitle()).toBe('Breathe with the guide');
    expect(screen.getByTestId('pacer').textContent).toMatch(/Breathe in/);
    expect(screen.getByTestId('pacer-announcement').textContent).toBe('Breathe in');
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByTestId('pacer').textContent).toMatch(/Paused/);
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    await advance(scheduler, 90_000);
    expect(screen.getByTestId('session-time').textContent).toMatch(/^\d+:\d\d$/);
    // The live view's help says how far behind the heart its numbers run.
    expect(screen.getByTestId('live-delay-help').textContent).toMatch(/run 7 beats/);
    await user.selectOptions(screen.getByLabelText('Rhythm'), 'box-4-4-4-4');
    await user.click(screen.getByRole('button', { name: 'How am I doing?' }));
    expect(stepTitle()).toBe('A little more breathing');
    await user.click(screen.getByRole('button', { name: 'Stop the check' }));
    expect(stepTitle()).toBe('The check has ended');
    await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'check')?.status).toBe('finished'));
    const check = (await sessions(main)).find((s) => s.kind === 'check')!;
    const marks = await markersOf(main, check.id);
    expect(marks).toEqual(
      expect.arrayContaining(['grounding:start', 'grounding:end', 'breathing:start', 'breathing:point', 'breathing:end', 'verdict:point', 'note:point']),
    );
    expect(check.verdict).toBeNull();
  });

  it('during the conversation, a flooded heart brings a discreet cue and the tray shows it', async () => {
    const rendered = await openCheck();
    const { user, scheduler, main } = rendered;
    await firstRun(rendered);
    await calmCheckToConversation(rendered);
    expect(main.services.reminders.liveStatus.get()).toMatchObject({ connected: true, state: 'calm' });
    expect(screen.getByTestId('flood-cue').textContent).toBe('');
    await startDemoFromDevice(rendered, 'flooded-then-recovers');
    await advance(scheduler, 45_000);
    await waitFor(() => expect(screen.getByTestId('flood-cue').textContent).toMatch(/okay to say you need a short break/));
    expect(main.services.reminders.liveStatus.get()).toMatchObject({ connected: true, state: 'flooded' });
    await user.click(screen.getByRole('button', { name: 'The conversation is over' }));
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'check')?.status).toBe('finished'));
    const check = (await sessions(main)).find((s) => s.kind === 'check')!;
    const detail = await main.api.invoke('session.get', { sessionId: check.id });
    expect(detail.ok && detail.value.session.markers.filter((m) => m.label === 'flooding cue')).toHaveLength(1);
  });

  it('a strap lost mid-reading keeps what was recorded and offers to resume', async () => {
    const rendered = await openCheck();
    const { user, scheduler, main } = rendered;
    await firstRun(rendered);
    await user.click(screen.getByRole('button', { name: 'Start the check' }));
    await advance(scheduler, 20_000);
    await advance(scheduler, 20_000);
    expect(stepTitle()).toBe('Listening to your heart');
    // The strap goes quiet: the demo is stopped from the Device screen.
    window.location.hash = '#/device';
    await user.click(await screen.findByRole('button', { name: 'Stop the demo' }));
    await advance(scheduler, 7_000);
    window.location.hash = '#/check';
    await waitFor(() => expect(stepTitle()).toBe('The signal dropped'));
    expect((screen.getByRole('button', { name: 'Resume' }) as HTMLButtonElement).disabled).toBe(true);
    // What the window sent main so far (the session's start among it) has been answered.
    await waitFor(() => expect(main.pendingCalls()).toBe(0));
    const recording = (await sessions(main)).find((s) => s.kind === 'check')!;
    expect(recording.status).toBe('recording');
    await advance(scheduler, 0);
    await waitFor(async () => {
      const detail = await main.api.invoke('session.get', { sessionId: recording.id });
      expect(detail.ok && detail.value.beats.rrMs.length).toBeGreaterThan(25);
    });
    await startDemoFromDevice(rendered, 'calm');
    await advance(scheduler, 3_000);
    await waitFor(() => expect(screen.getByTestId('signal-back').textContent).toBe('Heartbeats are coming in again.'));
    await user.click(screen.getByRole('button', { name: 'Resume' }));
    expect(stepTitle()).toBe('Listening to your heart');
    await advance(scheduler, 62_000);
    await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
  });
});

describe('flooded in the middle of the conversation', () => {
  it('a strap whose heart races mid-talk: one cue (with the soft sound the user chose), "I need a break" first, and the way back', async () => {
    window.location.hash = '#/check';
    const main = createInProcessApi();
    main.services.settings.update({ conversation: { floodCueSound: true } });
    const audio = installFakeAudio();
    try {
      const scheduler = createManualScheduler(Date.now());
      const strap = new FakeStrap({ batteryPercent: 80 });
      const fake = createFakeBluetooth(strap);
      render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: fake.bluetooth, scheduler }} />);
      const user = userEvent.setup();
      // A heart at bpm, one packet a second, with a little natural swing so the readings are real.
      const beatFor = async (seconds: number, bpm: number) => {
        for (let i = 0; i < seconds; i++) {
          const rrMs = Math.round(60_000 / bpm) + (i % 2 === 0 ? 15 : -15);
          await act(async () => {
            scheduler.advance(1000);
            strap.notify(encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs: bpm > 90 ? [rrMs, rrMs] : [rrMs] }));
          });
        }
      };
      await screen.findByText('Welcome to Attune');
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
      await waitFor(() => expect((screen.getByRole('button', { name: 'Take my resting reading' }) as HTMLButtonElement).disabled).toBe(false));
      await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
      await beatFor(80, 60);
      await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await user.click(await screen.findByRole('button', { name: 'Start the check' }));
      await beatFor(80, 60);
      await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
      await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
      await user.click(screen.getByRole('button', { name: 'Continue' }));
      await user.click(screen.getByRole('button', { name: 'Start conversation' }));
      await beatFor(20, 62);
      expect(audio.tones).toEqual([]);

      // The talk turns: 120 bpm for a minute. One cue, with the two soft notes.
      await beatFor(60, 120);
      await waitFor(() => expect(screen.getByTestId('flood-cue').textContent).toMatch(/It is okay to say you need a short break/));
      expect(audio.tones.map((tone) => tone.hz)).toEqual([392, 330]);
      const needBreak = screen.getByRole('button', { name: 'I need a break' });
      expect(needBreak.className).toBe('button');
      expect(screen.getByRole('button', { name: 'The conversation is over' }).className).toBe('button button-quiet');

      await user.click(needBreak);
      expect(stepTitle()).toBe('A break from the conversation');
      await beatFor(60, 70);
      await act(async () => scheduler.advanceAsync(20 * 60_000));
      await beatFor(40, 62);
      await user.click(screen.getByRole('button', { name: 'Ready to go back' }));
      expect(stepTitle()).toBe('In conversation');
      await user.click(screen.getByRole('button', { name: 'The conversation is over' }));
      await user.click(screen.getByRole('button', { name: 'Skip' }));
      await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'check')?.status).toBe('finished'));
      const check = (await sessions(main)).find((s) => s.kind === 'check')!;
      const marks = await markersOf(main, check.id);
      expect(marks.slice(marks.indexOf('conversation:start'))).toEqual([
        'conversation:start',
        'conversation:point',
        'conversation:end',
        'break:start',
        'break:end',
        'conversation:start',
        'conversation:end',
        'debrief:start',
        'debrief:end',
      ]);
    } finally {
      audio.uninstall();
    }
  });
});

describe('help before setup', () => {
  it('the welcome offers breathing or a break at once; the break card shows before setup and leads back to it', async () => {
    const rendered = await openCheck();
    const { user, main } = rendered;
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Breathe now, set up later' }));
    expect(window.location.hash).toBe('#/breathe');
    await screen.findByRole('heading', { name: 'Breathe', level: 1 });

    window.location.hash = '#/check';
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Take a 20-minute break' }));
    await screen.findByRole('heading', { name: 'You are taking a break' });
    expect(main.services.reminders.reminders.status().breakEndsAtMs).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    // Setup is still there afterwards.
    await screen.findByText('Welcome to Attune');
  });

  it('the first Continue moves the focus to the next step\'s heading', async () => {
    const { user } = await openCheck();
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Your resting heart rate'));
  });

  it('no resting reading while the heart is clearly up: it says so, offers to breathe first, and nothing enters the baseline', async () => {
    const rendered = await openCheck();
    const { user, scheduler, main } = rendered;
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await startDemo(user, 'flooded-then-recovers');
    await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    await advance(scheduler, 20_000);
    await waitFor(() => expect(stepTitle()).toBe('Not a resting moment yet'));
    expect(screen.getByTestId('too-stirred').textContent).toMatch(/^Your heart is beating at about 1\d\d bpm right now\./);
    await user.click(screen.getByRole('button', { name: 'Breathe first' }));
    expect(window.location.hash).toBe('#/breathe');
    await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'calibration')?.status).toBe('finished'));
    expect(baselineFromSessions(await sessions(main))).toMatchObject({ status: 'calibrating', readingsSoFar: 0 });
  });
});

async function startDemoFromDevice({ user }: Rendered, scenario: 'calm' | 'elevated' | 'flooded-then-recovers') {
  window.location.hash = '#/device';
  await screen.findByRole('heading', { name: 'Device', level: 1 });
  const stop = screen.queryByRole('button', { name: 'Stop the demo' });
  if (stop) await user.click(stop);
  await user.selectOptions(screen.getByLabelText('Demo sensor'), scenario);
  await user.click(screen.getByRole('button', { name: 'Start the demo' }));
  window.location.hash = '#/check';
  await screen.findByRole('heading', { name: 'Check', level: 1 });
}

describe('the signal check says clearly what is wrong', () => {
  async function openWithStrap() {
    window.location.hash = '#/check';
    const main = createInProcessApi();
    const scheduler = createManualScheduler(Date.now());
    const strap = new FakeStrap({ batteryPercent: 80 });
    const fake = createFakeBluetooth(strap);
    render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: fake.bluetooth, scheduler }} />);
    const user = userEvent.setup();
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Connect a strap' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Take my resting reading' }) as HTMLButtonElement).disabled).toBe(false));
    await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    expect(stepTitle()).toBe('Checking the signal');
    return { scheduler, strap, main };
  }

  it('a sensor that sends heart rate only: the check runs on it, says so at every step, and stores no variability', async () => {
    const { scheduler, strap, main } = await openWithStrap();
    // A watch-like sensor: heart rate in every packet, never a beat interval.
    const heartRateFor = async (seconds: number, bpm: number) => {
      for (let i = 0; i < seconds; i++) {
        await act(async () => {
          scheduler.advance(1000);
          strap.notify(encodeHeartRateMeasurement({ bpm, contact: 'detected', rrMs: [] }));
        });
      }
    };
    await heartRateFor(25, 62);
    expect(stepTitle()).toBe('Listening to your heart');
    expect(screen.getByTestId('heart-rate-only').textContent).toMatch(/runs on your heart rate alone.*a chest strap sends it/);
    await heartRateFor(62, 62);
    await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
    expect(screen.getByTestId('calibrated-hr').textContent).toMatch(/about 62 bpm/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Continue' }));
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Start the check' }));
    await heartRateFor(85, 63);
    await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
    expect(screen.getByTestId('state-badge').textContent).toBe('Calm');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Breathe for a while anyway' }));
    for (const next of ['Next', 'Next', 'Next', 'Start breathing']) await user.click(screen.getByRole('button', { name: next }));
    await heartRateFor(70, 62);
    // The pacer's live view: heart rate, but no coherence without the time between beats.
    expect(screen.getByTestId('coherence').textContent).toBe('Needs the time between beats');
    expect(screen.getByTestId('live-bpm').textContent).toBe('62 bpm');
    await user.click(screen.getByRole('button', { name: 'How am I doing?' }));
    expect(stepTitle()).toBe('You seem ready');
    expect(screen.getByText(/This comes from your heart rate alone/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'End here' }));

    await waitFor(async () => expect((await sessions(main)).find((s) => s.kind === 'check')?.status).toBe('finished'));
    const check = (await sessions(main)).find((s) => s.kind === 'check')!;
    expect(check.summary).toMatchObject({ signal: 'heart-rate', rmssdMs: null });
    expect(check.summary!.meanHrBpm).toBeCloseTo(63, 0);
  });

  it('a strap that says it is off the skin: no reading starts until it is back on, and the check says why', async () => {
    const { scheduler, strap, main } = await openWithStrap();
    // Flags 0x14: contact supported but not detected. Straps often still send intervals then;
    // these are steady 1000 ms ones (raw 0x0400), which alone would pass the signal check.
    for (let i = 0; i < 25; i++) {
      await act(async () => {
        scheduler.advance(1000);
        strap.notify([0x14, 60, 0x00, 0x04]);
      });
    }
    expect(stepTitle()).toBe('Checking the signal');
    expect(screen.getByTestId('signal-problem').textContent).toMatch(/^Your strap says it is not touching your skin.*Moisten its electrodes/);
    // The tray shows no heart rate for a strap off the skin, though it keeps sending 60 bpm.
    await waitFor(() => expect(main.services.reminders.liveStatus.get()).toMatchObject({ connected: true, bpm: null, state: null }));
    // Flags 0x16: contact detected. Now the same beats make a clean run.
    for (let i = 0; i < 20 && stepTitle() === 'Checking the signal'; i++) {
      await act(async () => {
        scheduler.advance(1000);
        strap.notify([0x16, 60, 0x00, 0x04]);
      });
    }
    expect(stepTitle()).toBe('Listening to your heart');
  });

  it('a strap that slips off the skin mid-reading: the check pauses, says so, and resumes once it is back on', async () => {
    const { scheduler, strap } = await openWithStrap();
    const beat = async (flags: number) =>
      act(async () => {
        scheduler.advance(1000);
        strap.notify([flags, 60, 0x00, 0x04]);
      });
    for (let i = 0; i < 20 && stepTitle() === 'Checking the signal'; i++) await beat(0x16);
    expect(stepTitle()).toBe('Listening to your heart');
    // The strap keeps sending beats, but says its electrodes lost the skin (flags 0x14).
    for (let i = 0; i < 4; i++) await beat(0x14);
    expect(stepTitle()).toBe('Your strap has slipped');
    expect(screen.getByTestId('signal-back').textContent).toBe('Waiting for the strap to touch your skin…');
    expect((screen.getByRole('button', { name: 'Resume' }) as HTMLButtonElement).disabled).toBe(true);
    await beat(0x16);
    expect(screen.getByTestId('signal-back').textContent).toBe('Your strap is touching your skin again.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Resume' }));
    expect(stepTitle()).toBe('Listening to your heart');
  });

  it('a strap that sends nothing (loose or off)', async () => {
    const { scheduler } = await openWithStrap();
    await act(async () => scheduler.advance(10_000));
    await waitFor(() => expect(screen.getByTestId('signal-problem').textContent).toMatch(/No heartbeats are coming in/));
    expect(screen.getByRole('button', { name: 'Open Device' })).toBeTruthy();
  });
});
