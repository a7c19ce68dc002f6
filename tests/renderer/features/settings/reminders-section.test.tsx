import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readSettingsFile, renderApp, resetWindow } from '../../support/render-app.tsx';
import { ReminderHistory } from '../../../../renderer/features/settings/reminder-activity.tsx';
import type { ReminderHistoryEntry, ReminderStatus } from '../../../../shared/model/reminders.ts';

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

  it('has a switch of its own for the resting-reading reminder, on by default, that says when it comes', async () => {
    const user = userEvent.setup();
    const { main } = await openSettings();
    const toggle = screen.getByLabelText('Ask for a resting reading on calm days') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(screen.getByText(/never within 6 hours of flooding, until your resting rate has 3 readings; then after 30 days without one/)).toBeTruthy();
    await user.click(toggle);
    await waitFor(() => expect(main.services.settings.get().reminders.restingReadings).toBe(false));
    expect(readSettingsFile(main)['reminders']).toMatchObject({ restingReadings: false, checkIns: true });
  });
});

describe('reminder activity', () => {
  const at = Date.UTC(2025, 5, 2, 10, 0);
  function status(recent: ReminderHistoryEntry[]): ReminderStatus {
    return {
      pausedUntilMs: null,
      breakEndsAtMs: null,
      next: null,
      checkInsPerDay: 3,
      fewerBecauseSkipped: false,
      waiting: null,
      recent,
      lastSevenDays: { shown: 3, acted: 0, snoozed: 1, skipped: 2 },
      doNotDisturbSource: 'os',
      timeZone: 'Europe/Berlin',
    };
  }

  it('names a skip or a snooze the person chose apart from a reminder that simply went by', () => {
    render(
      <ReminderHistory
        status={status([
          { key: 'resting-reading:2025-06-02', kind: 'resting-reading', outcome: 'skipped', atMs: at + 3, via: 'tray' },
          { key: 'check-in:2025-06-02#1', kind: 'check-in', outcome: 'snoozed', atMs: at + 2, via: 'notification' },
          { key: 'check-in:2025-06-02#0', kind: 'check-in', outcome: 'skipped', atMs: at + 1 },
          { key: 'journal:2025-06-01', kind: 'journal', outcome: 'snoozed', atMs: at },
        ])}
      />,
    );
    const lines = screen.getAllByRole('listitem').map((item) => (item.textContent ?? '').split(': ').slice(1).join(': '));
    expect(lines).toEqual(['Resting reading skipped', 'Check-in snoozed for an hour', 'Check-in let go', 'Journal prompt put off by a pause']);
    expect(screen.getByText(/1 snoozed or put off, 2 skipped or let go/)).toBeTruthy();
  });
});
