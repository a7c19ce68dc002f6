import { describe, expect, it } from 'vitest';
import { Notification } from 'electron';
import type * as StandIn from '../../mocks/electron.ts';
import { createElectronNotifier, type NotificationClass } from '../../../main/reminders/notification-adapter.ts';
import type { NotificationHandlers } from '../../../main/reminders/reminders-service.ts';
import { SettingsPatchSchema, applySettingsPatch, defaultSettings } from '../../../shared/model/settings.ts';

const StandInNotification = Notification as unknown as typeof StandIn.Notification;

function handlersRecording(events: string[]): NotificationHandlers {
  return {
    onClick: () => events.push('click'),
    onClose: () => events.push('close'),
    onSnooze: () => events.push('snooze'),
    onSkip: () => events.push('skip'),
  };
}

describe('system notifications', () => {
  it('shows the neutral text and reports clicks and closes', async () => {
    const notify = createElectronNotifier(Notification as unknown as NotificationClass);
    const events: string[] = [];
    const shown = await notify({ title: 'Attune', body: 'Time for a check-in' }, handlersRecording(events));
    expect(shown).toBe(true);
    const last = StandInNotification.all.at(-1)!;
    expect(last.options).toMatchObject({ title: 'Attune', body: 'Time for a check-in' });
    last.emit('click');
    last.emit('close');
    expect(events).toEqual(['click', 'close']);
  });

  it('says so when the system cannot show notifications, so the tray can carry the reminder', async () => {
    StandInNotification.supported = false;
    try {
      const notify = createElectronNotifier(Notification as unknown as NotificationClass);
      expect(await notify({ title: 'Attune', body: 'Time for a check-in' }, handlersRecording([]))).toBe(false);
    } finally {
      StandInNotification.supported = true;
    }
  });
});

describe('Snooze and Skip on the notification', () => {
  it('are buttons on macOS and Windows, and each answers the reminder', async () => {
    for (const platform of ['darwin', 'win32']) {
      const notify = createElectronNotifier(Notification as unknown as NotificationClass, platform);
      const events: string[] = [];
      await notify({ title: 'Attune', body: 'Time for a check-in' }, handlersRecording(events));
      const shown = StandInNotification.all.at(-1)!;
      expect(shown.options['actions'], platform).toEqual([
        { type: 'button', text: 'Snooze for an hour' },
        { type: 'button', text: 'Skip this one' },
      ]);
      // Electron 45 names the button in the event's details.
      shown.emit('action', { actionIndex: 1 }, 1);
      shown.emit('action', { actionIndex: 0 }, 0);
      expect(events, platform).toEqual(['skip', 'snooze']);
    }
  });

  it('are left off where the system shows no buttons (Linux): the tray offers them there', async () => {
    const notify = createElectronNotifier(Notification as unknown as NotificationClass, 'linux');
    await notify({ title: 'Attune', body: 'Time for a check-in' }, handlersRecording([]));
    expect(StandInNotification.all.at(-1)!.options).not.toHaveProperty('actions');
  });
});

describe('reminder settings patches', () => {
  it('change one field without resetting its neighbours', () => {
    const start = applySettingsPatch(defaultSettings(), SettingsPatchSchema.parse({ reminders: { checkInsPerDay: 5, quietStart: '23:00' } }));
    const next = applySettingsPatch(start, SettingsPatchSchema.parse({ reminders: { journalPrompt: false } }));
    expect(next.reminders).toMatchObject({ checkInsPerDay: 5, quietStart: '23:00', journalPrompt: false, startAtLogin: false });
  });

  it('refuse a time range that ends before it starts, and odd times', () => {
    expect(SettingsPatchSchema.safeParse({ reminders: { activeRanges: [{ start: '18:00', end: '09:00' }] } }).success).toBe(false);
    expect(SettingsPatchSchema.safeParse({ reminders: { journalTime: '25:00' } }).success).toBe(false);
  });
});
