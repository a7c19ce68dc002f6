import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { INTENTION_STEPS } from '../../../../shared/content/check-copy.ts';
import { DEFAULT_CHECK_IN_PHRASES } from '../../../../shared/model/reminder-settings.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// What the window does with the tray's and the reminders' hints (`#/check?checkin`, `#/check?moment`,
// `#/check?break=20`, `#/check?break=over`, `#/breathe?minutes=1`), against the real
// services in process and the demo heart on a manual clock.

afterEach(async () => {
  vi.useRealTimers();
  await resetWindow();
});

type Rendered = { main: InProcessApi; scheduler: ManualScheduler; user: UserEvent };

function openApp(hash: string): Rendered {
  window.location.hash = hash;
  const main = createInProcessApi();
  const scheduler = createManualScheduler(Date.now());
  render(<App api={main.api} report={createErrorReporter(main.api)} sensors={{ bluetooth: undefined, scheduler, demoSeed: 5 }} />);
  return { main, scheduler, user: userEvent.setup() };
}

const advance = (scheduler: ManualScheduler, ms: number) => act(async () => scheduler.advanceAsync(ms));

/** First run with the calm demo heart, ending on the check's start screen. */
async function settleIn({ scheduler, user }: Rendered) {
  await screen.findByText('Welcome to Attune');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
  await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
  await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(screen.getByTestId('check-step-title').textContent).toBe('Your resting heart rate'));
  await user.click(screen.getByRole('button', { name: 'Continue' }));
  await screen.findByText('Before a hard conversation');
}

describe('tray and reminder hints on the Check screen', () => {
  it('"Check in now" walks through Feel → Find → Reflect, the phrase last, and Done returns to the check', async () => {
    const rendered = openApp('#/check');
    await settleIn(rendered);
    act(() => {
      window.location.hash = '#/check?checkin';
    });
    expect(await screen.findByRole('heading', { name: 'A moment to check in' })).toBeTruthy();
    const current = () => screen.getByRole('list', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent;
    expect(current()).toBe('Feel');
    expect(screen.getByRole('heading', { name: 'What is the feeling in you right now?' })).toBeTruthy();
    expect(DEFAULT_CHECK_IN_PHRASES.some((phrase) => screen.queryByText(phrase) !== null)).toBe(false);

    // Feel: your own body first, one tap, and a steadying thing that suits the answer.
    await rendered.user.click(screen.getByRole('button', { name: 'Numb or blank' }));
    expect(screen.getByRole('button', { name: 'Numb or blank' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('check-in-steadying').textContent).toMatch(/Press your feet into the floor/);
    expect(document.activeElement).toBe(screen.getByTestId('check-in-steadying'));
    await rendered.user.click(screen.getByRole('button', { name: 'Racing' }));
    expect(screen.getByTestId('check-in-steadying').textContent).toMatch(/Breathe out slowly/);
    expect(current()).toBe('Feel');

    // Find: one kind guess about the partner, as the intention card before a talk asks it;
    // focus follows to the new step.
    await rendered.user.click(screen.getByRole('button', { name: 'Next' }));
    expect(current()).toBe('Find');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: INTENTION_STEPS[1]!.prompt }));

    // Reflect: checking the guess gently, and the day's phrase as its last part.
    await rendered.user.click(screen.getByRole('button', { name: 'Next' }));
    expect(current()).toBe('Reflect');
    expect(screen.getByRole('heading', { name: INTENTION_STEPS[2]!.prompt })).toBeTruthy();
    expect(DEFAULT_CHECK_IN_PHRASES.some((phrase) => screen.queryByText(phrase) !== null)).toBe(true);
    await rendered.user.click(screen.getByRole('button', { name: 'Finish' }));

    expect(screen.getByRole('heading', { name: 'Thank you for taking a moment' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Write a few words' }).getAttribute('href')).toBe('#/journal/new?kind=check-in');
    await rendered.user.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('Before a hard conversation')).toBeTruthy();
    expect(window.location.hash).toBe('#/check');
  });

  it('the check-in can be skipped step by step with the keyboard, and ends by noting a small moment', async () => {
    const rendered = openApp('#/check?checkin');
    expect(await screen.findByRole('heading', { name: 'A moment to check in' })).toBeTruthy();
    // Skip each step from the keyboard: Feel without an answer, Find, Reflect.
    expect(screen.queryByRole('button', { name: 'Next' })).toBeNull();
    for (const step of ['Feel', 'Find', 'Reflect']) {
      expect(screen.getByRole('list', { name: 'Steps' }).querySelector('[aria-current="step"]')?.textContent).toBe(step);
      screen.getByRole('button', { name: 'Skip' }).focus();
      await rendered.user.keyboard('{Enter}');
    }
    await rendered.user.click(screen.getByRole('button', { name: 'Note a small moment' }));
    expect(screen.getByRole('heading', { name: 'Note a small moment' })).toBeTruthy();
    await rendered.user.click(screen.getByRole('button', { name: 'Checked in' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Noted: Checked in. It is in your journal now.');
    const listed = await rendered.main.api.invoke('journal.list', {});
    expect(listed.ok && listed.value.map((entry) => [entry.kind, entry.title])).toEqual([['moment', 'Checked in']]);
  });

  it('"Note a small moment" from the tray notes one in two taps, with optional words', async () => {
    const rendered = openApp('#/check?moment');
    expect(await screen.findByRole('heading', { name: 'Note a small moment' })).toBeTruthy();
    await rendered.user.type(screen.getByLabelText(/A few words/), 'Thanked them for the tea');
    await rendered.user.click(screen.getByRole('button', { name: 'Said thank you' }));
    expect(await screen.findByText('Noted: Said thank you. It is in your journal now.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Done' }));
    const listed = await rendered.main.api.invoke('journal.list', {});
    expect(listed.ok && listed.value).toHaveLength(1);
    const entry = listed.ok ? await rendered.main.api.invoke('journal.get', { id: listed.value[0]!.id }) : null;
    expect(entry?.ok && entry.value).toMatchObject({ kind: 'moment', momentKind: 'thanked', text: 'Thanked them for the tea' });

    await rendered.user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(window.location.hash).toBe('#/check'));
  });

  it('"Take a 20-minute break" shows the break with its end time, and ending it early tells main', async () => {
    const rendered = openApp('#/check');
    await settleIn(rendered);
    await rendered.main.api.invoke('reminders.startBreak', { minutes: 20 });
    act(() => {
      window.location.hash = '#/check?break=20';
    });
    expect(await screen.findByRole('heading', { name: 'You are taking a break' })).toBeTruthy();
    expect(screen.getByText(/Give yourself until/)).toBeTruthy();
    expect(screen.getByText(/slow walk/)).toBeTruthy();
    await rendered.user.click(screen.getByRole('button', { name: 'End the break now' }));
    await waitFor(async () => {
      const status = await rendered.main.api.invoke('reminders.status');
      expect(status.ok && status.value.breakEndsAtMs).toBeNull();
    });
    expect(await screen.findByRole('button', { name: 'Start a check' })).toBeTruthy();
  });

  it('the break-over notification offers a check, which starts at once with the strap on', async () => {
    const rendered = openApp('#/check');
    await settleIn(rendered);
    act(() => {
      window.location.hash = '#/check?break=over';
    });
    expect(await screen.findByRole('heading', { name: 'Your break time is up' })).toBeTruthy();
    await rendered.user.click(screen.getByRole('button', { name: 'Start a check' }));
    await waitFor(() => expect(screen.queryByText('Your break time is up')).toBeNull());
    expect(screen.getByTestId('check-step-title').textContent).not.toBe('Before a hard conversation');
    expect(window.location.hash).toBe('#/check');
  });
});

describe('"Breathe for a minute" from the tray', () => {
  it('starts a one-minute pacer at once and ends it by itself with a kind word', async () => {
    // Fake timers that still follow real time, so the screen's own waits work, plus a jump.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    openApp('#/breathe?minutes=1');
    expect(await screen.findByText(/Breathing for one minute/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(window.location.hash).toBe('#/breathe');
    await act(async () => {
      vi.advanceTimersByTime(61_000);
    });
    expect(screen.getByText(/That was a minute of slow breathing/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Start breathing' })).toBeTruthy();
  });
});
