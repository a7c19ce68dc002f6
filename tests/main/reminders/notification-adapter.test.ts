import { describe, expect, it } from 'vitest';
import { Notification } from 'electron';
import type * as StandIn from '../../mocks/electron.ts';
import { createElectronNotifier, type NotificationClass } from '../../../main/reminders/notification-adapter.ts';
import { SettingsPatchSchema, applySettingsPatch, defaultSettings } from '../../../shared/model/settings.ts';

const StandInNotification = Notification as unknown as typeof StandIn.Notification;

describe('system notifications', () => {
  it('shows the neutral text and reports clicks and closes', async () => {
    const notify = createElectronNotifier(Notification as unknown as NotificationClass);
    const events: string[] = [];
    const shown = await notify({ title: 'Attune', body: 'Time for a check-in' }, { onClick: () => events.push('click'), onClose: () => events.push('close') });
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
      expect(await notify({ title: 'Attune', body: 'Time for a check-in' }, { onClick: () => {}, onClose: () => {} })).toBe(false);
    } finally {
      StandInNotification.supported = true;
    }
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
