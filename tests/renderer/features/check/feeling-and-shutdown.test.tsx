import { afterEach, describe, expect, it } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// The check's one-tap "how does it feel inside?" and the path for going quiet, in the whole
// window against the real main-side services in process, with the demo heart on a manual
// clock. What the person says leads; the heart's state is named when it differs.

afterEach(async () => {
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; user: UserEvent };
type Scenario = 'calm' | 'elevated' | 'flooded-then-recovers';

async function openCheck(): Promise<Rendered> {
  window.location.hash = '#/check';
  const main = createInProcessApi();
  const scheduler = createManualScheduler(Date.now());
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 11 }} />);
  return { main, scheduler, user: userEvent.setup() };
}

const stepTitle = () => screen.getByTestId('check-step-title').textContent;
const advance = (scheduler: ManualScheduler, ms: number) => act(async () => scheduler.advanceAsync(ms));

/** First run on the calm demo heart, then a check on `scenario`'s heart through to its result. */
async function checkToResult(scenario: Scenario): Promise<Rendered> {
  const rendered = await openCheck();
  const { user, scheduler } = rendered;
  await screen.findByText('Welcome to Attune');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
  await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
  await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(stepTitle()).toBe('Your resting heart rate'));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByText('Before a hard conversation');
  if (scenario !== 'calm') {
    window.location.hash = '#/device';
    await screen.findByRole('heading', { name: 'Device', level: 1 });
    await user.click(screen.getByRole('button', { name: 'Stop the demo' }));
    await user.selectOptions(screen.getByLabelText('Demo sensor'), scenario);
    await user.click(screen.getByRole('button', { name: 'Start the demo' }));
    window.location.hash = '#/check';
    await screen.findByRole('heading', { name: 'Check', level: 1 });
  }
  await user.click(screen.getByRole('button', { name: 'Start the check' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
  return rendered;
}

const answers = () => within(screen.getByRole('group', { name: 'And how does it feel inside right now?' }));

async function checkSession(main: InProcessApi) {
  const list = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.now() + 3600_000 });
  if (!list.ok) throw new Error(list.error.message);
  const check = list.value.find((session) => session.kind === 'check');
  if (check === undefined) throw new Error('no check recorded');
  const detail = await main.api.invoke('session.get', { sessionId: check.id });
  if (!detail.ok) throw new Error(detail.error.message);
  return detail.value.session;
}

describe('how it feels inside', () => {
  it('asks in one tap, shows the answer chosen, and lets it be changed', async () => {
    const { user } = await checkToResult('calm');
    expect(answers().getAllByRole('button').map((button) => button.textContent)).toEqual(['Racing', 'A bit stirred', 'Numb or blank', 'Fine']);
    expect(answers().getAllByRole('button').every((button) => button.getAttribute('aria-pressed') === 'false')).toBe(true);
    await user.click(answers().getByRole('button', { name: 'Fine' }));
    expect(answers().getByRole('button', { name: 'Fine' }).getAttribute('aria-pressed')).toBe('true');
    // Calm and fine agree: nothing to add, and the verdict is one click away.
    expect(screen.queryByTestId('feeling-note')).toBeNull();
    expect(screen.getByRole('button', { name: 'See if I am ready' })).toBeTruthy();
    await user.click(answers().getByRole('button', { name: 'Racing' }));
    expect(answers().getByRole('button', { name: 'Fine' }).getAttribute('aria-pressed')).toBe('false');
    // Racing inside with a calm heart: the person is not overruled.
    expect(screen.getByTestId('feeling-note').textContent).toMatch(/close to your resting rate.*What you feel counts/);
    expect(screen.queryByRole('button', { name: 'See if I am ready' })).toBeNull();
    await user.click(screen.getByRole('button', { name: "Let's settle first" }));
    expect(stepTitle()).toBe('Body first');
  });

  it('"fine" with a stirred heart: says gently what the body shows and offers both ways on', async () => {
    const { user } = await checkToResult('elevated');
    await user.click(answers().getByRole('button', { name: 'Fine' }));
    expect(screen.getByTestId('feeling-note').textContent).toMatch(/good to hear you feel fine.*a little above your resting rate.*your call/);
    expect(screen.getByRole('button', { name: 'See if I am ready' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: "Let's settle first" }));
    expect(stepTitle()).toBe('Body first');
    expect(within(screen.getByTestId('grounding-cue')).getByRole('heading').textContent).toBe('Let one breath go');
  });
});

describe('going quiet', () => {
  it('numb or blank with a calm heart: back into the room first, words for going quiet, breathing only on offer', async () => {
    const { user, main } = await checkToResult('calm');
    await user.click(answers().getByRole('button', { name: 'Numb or blank' }));
    expect(screen.getByTestId('feeling-note').textContent).toMatch(/goes quiet instead of racing/);
    expect(screen.queryByRole('button', { name: 'See if I am ready' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Come back to the room first' }));
    // Not the pacer, and not the grounding meant for a racing heart.
    expect(stepTitle()).toBe('Back into the room');
    const cues: string[] = [];
    for (let i = 0; i < 5; i++) {
      cues.push(within(screen.getByTestId('grounding-cue')).getByRole('heading').textContent ?? '');
      if (i < 4) await user.click(screen.getByRole('button', { name: 'Next' }));
    }
    expect(cues).toEqual(['Look around the room', 'Name five things you can see', 'Move a little', 'Feel something warm or cool', 'Let your partner know where you are']);
    expect(screen.getByRole('heading', { name: 'If you are going quiet, you might say' })).toBeTruthy();
    expect(screen.getByText(/I’m going quiet\. I want to stay with you in this; give me a minute/)).toBeTruthy();
    expect(screen.queryByText(/Before you step away/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Breathe with the guide' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
    expect(stepTitle()).toBe('You seem ready');
    // The session keeps what was said (markers reach main as the check goes).
    await waitFor(async () => {
      const session = await checkSession(main);
      const marks = session.markers.map((m) => `${m.phase}:${m.edge}${m.label ? `(${m.label})` : ''}${m.verdict ? `:${m.verdict}` : ''}`);
      expect(marks.slice(4)).toEqual(['note:point(felt: numb)', 'grounding:start(shutdown)', 'grounding:end', 'verdict:point:ready']);
    });
    // The session page tells what was said, beside what the check said.
    await user.click(screen.getByRole('button', { name: 'End here' }));
    const session = await checkSession(main);
    window.location.hash = `#/trends/session/${session.id}`;
    const verdict = await screen.findByRole('region', { name: 'What the check said' });
    expect(within(verdict).getByTestId('session-feeling').textContent).toBe('You said it felt numb or blank inside.');
  });

  it('numb or blank with a flooded heart: the body is named, a break is on offer, and the break has words for going quiet', async () => {
    const { user } = await checkToResult('flooded-then-recovers');
    expect(screen.getByTestId('state-badge').textContent).toBe('Flooded');
    await user.click(answers().getByRole('button', { name: 'Numb or blank' }));
    expect(screen.getByTestId('feeling-note').textContent).toMatch(/numb or blank while your heart is running above your resting rate/);
    expect(screen.getByRole('button', { name: 'Come back to the room first' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Take a break now' }));
    expect(stepTitle()).toBe('Your break');
    expect(screen.getByRole('heading', { name: 'If you are going quiet, you might say' })).toBeTruthy();
  });
  it('numb or blank with a flooded heart: a break from the verdict comes with words for going quiet', async () => {
    const { user } = await checkToResult('flooded-then-recovers');
    await user.click(answers().getByRole('button', { name: 'Numb or blank' }));
    await user.click(screen.getByRole('button', { name: 'Come back to the room first' }));
    for (let i = 0; i < 4; i++) await user.click(screen.getByRole('button', { name: 'Next' }));
    // The manual clock has not moved: the heart is still flooded when the verdict is asked for.
    await user.click(screen.getByRole('button', { name: 'See if I am ready' }));
    expect(stepTitle()).toBe('Time for a break');
    expect(screen.getByText(/I'm going quiet, and I don't want to disappear on you/)).toBeTruthy();
    expect(screen.queryByText(/I want to hear you\. I need a little time first/)).toBeNull();
  });
});

describe('"Why this can be hard"', () => {
  it('opens from the question and comes back to the same check, with the answer kept', async () => {
    const { user } = await checkToResult('calm');
    await user.click(answers().getByRole('button', { name: 'Numb or blank' }));
    await user.click(screen.getByRole('link', { name: 'Why this can be hard' }));
    await waitFor(() => expect(stepTitle()).toBe('Why this can be hard'));
    const page = screen.getByTestId('why-hard');
    expect(within(page).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Flooding the space',
      'Shutting down',
      'Both are protection',
      'What helps when you flood',
      'What helps when you go quiet',
      'Partners often differ',
    ]);
    expect(document.activeElement).toBe(screen.getByTestId('check-step-title'));
    await user.click(screen.getByRole('button', { name: 'Back to the check' }));
    await waitFor(() => expect(stepTitle()).toBe('What your body is saying'));
    expect(window.location.hash).toBe('#/check');
    expect(answers().getByRole('button', { name: 'Numb or blank' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens from the grounding for going quiet', async () => {
    const { user } = await checkToResult('calm');
    await user.click(answers().getByRole('button', { name: 'Numb or blank' }));
    await user.click(screen.getByRole('button', { name: 'Come back to the room first' }));
    await user.click(screen.getByRole('link', { name: 'Why this can be hard' }));
    await waitFor(() => expect(stepTitle()).toBe('Why this can be hard'));
    await user.click(screen.getByRole('button', { name: 'Back to the check' }));
    await waitFor(() => expect(stepTitle()).toBe('Back into the room'));
  });
});
