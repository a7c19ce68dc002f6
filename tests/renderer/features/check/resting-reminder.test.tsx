import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { reminderRoute } from '../../../../main/reminders/reminder-content.ts';
import { resetWindow } from '../../support/render-app.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';
import { createManualScheduler, type ManualScheduler } from '../../../support/manual-scheduler.ts';

// The resting-reading reminder opens the Check screen with `?resting`: the window starts the
// resting reading (the check's calibration mode) at once when a source is connected, and the
// reading joins the baseline. Real services in process, the demo heart on a manual clock.

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

async function calibrations(main: InProcessApi) {
  const result = await main.api.invoke('session.list', { fromMs: 0, toMs: Date.now() + 3600_000 });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.filter((s) => s.kind === 'calibration' && s.status === 'finished');
}

/** A resting reading from start to its result, with the demo heart. */
async function readingRuns({ scheduler }: Rendered) {
  await advance(scheduler, 20_000);
  await advance(scheduler, 62_000);
  await waitFor(() => expect(screen.getByTestId('check-step-title').textContent).toBe('Your resting heart rate'));
}

describe('a resting-reading reminder in the window', () => {
  it('starts the resting reading when a source is connected, and the baseline counts it', async () => {
    const rendered = openApp('#/check');
    const { user, main } = rendered;
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
    await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
    await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    await readingRuns(rendered);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByTestId('baseline-line')).textContent).toMatch(/from 1 resting reading; 2 more/);

    // The reminder's click: main sends the window to the route the notification names.
    const route = reminderRoute({ kind: 'resting-reading' });
    expect(route).toEqual({ route: 'check', query: 'resting' });
    act(() => {
      window.location.hash = `#/${route.route}?${route.query}`;
    });
    await waitFor(() => expect(window.location.hash).toBe('#/check'));
    await waitFor(() => expect(screen.queryByText('Before a hard conversation')).toBeNull());
    await readingRuns(rendered);
    await waitFor(async () => expect(await calibrations(main)).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByTestId('baseline-line')).textContent).toMatch(/from 2 resting readings; 1 more/);
  });

  it('without a source, shows the start screen with its way to take the reading', async () => {
    const rendered = openApp('#/check');
    const { user, main } = rendered;
    await screen.findByText('Welcome to Attune');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.selectOptions(screen.getByLabelText('Demo heart'), 'calm');
    await user.click(screen.getByRole('button', { name: 'Use the demo sensor' }));
    await user.click(screen.getByRole('button', { name: 'Take my resting reading' }));
    await readingRuns(rendered);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await screen.findByText('Before a hard conversation');
    // The demo heart is stopped from the Device screen: nothing is connected now.
    act(() => {
      window.location.hash = '#/device';
    });
    await user.click(await screen.findByRole('button', { name: 'Stop the demo' }));
    act(() => {
      window.location.hash = '#/check?resting';
    });
    await waitFor(() => expect(window.location.hash).toBe('#/check'));
    expect(await screen.findByText('Before a hard conversation')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Take a resting reading' }) as HTMLButtonElement).disabled).toBe(true);
    expect(await calibrations(main)).toHaveLength(1);
  });
});
