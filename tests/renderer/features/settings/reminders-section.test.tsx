import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readSettingsFile, renderApp, resetWindow } from '../../support/render-app.tsx';

afterEach(resetWindow);

async function openSettings() {
  window.location.hash = '#/settings/reminders';
  const rendered = renderApp();
  await screen.findByLabelText('Check-ins');
  return rendered;
}

describe('reminder settings', () => {
  it('shows the defaults: check-ins on, start at login off', async () => {
    await openSettings();
    expect((screen.getByLabelText('Check-ins') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Check-ins a day') as HTMLInputElement).value).toBe('3');
    expect((screen.getByLabelText('Start Attune with my computer') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Quiet from') as HTMLInputElement).value).toBe('22:00');
  });

  it('saves a change to the settings file without touching the other reminder settings', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings();
    await user.click(screen.getByLabelText('Daily journal prompt'));
    await waitFor(() => expect(main.services.settings.get().reminders.journalPrompt).toBe(false));
    expect(readSettingsFile(main)['reminders']).toMatchObject({ journalPrompt: false, checkInsPerDay: 3, quietStart: '22:00' });
    await user.click(screen.getByLabelText('Sunday'));
    await waitFor(() => expect(main.services.settings.get().reminders.activeDays).toEqual([1, 2, 3, 4, 5, 6]));
  });

  it('pauses reminders until tomorrow morning and resumes them', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings();
    await user.click(await screen.findByRole('button', { name: 'Pause until tomorrow morning' }));
    await screen.findByText(/Reminders are paused until/);
    expect(main.services.reminders.reminders.status().pausedUntilMs).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Resume reminders' }));
    await waitFor(() => expect(screen.queryByText(/Reminders are paused until/)).toBeNull());
  });

  it('lists what became of recent reminders', async () => {
    await openSettings();
    expect(await screen.findByText(/In the last seven days: 0 shown/)).toBeTruthy();
    expect(screen.getByText(/Nothing yet/)).toBeTruthy();
  });
});
