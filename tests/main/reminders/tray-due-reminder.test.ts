import { describe, expect, it } from 'vitest';
import { trayView, type TrayMenuItem, type TrayState } from '../../../main/tray/tray-model.ts';

// The tray while a reminder is due and not answered: it names the reminder and offers to
// open, snooze or skip it, on every system (on most Linux desktops it is the only place).

const base: TrayState = {
  platform: 'linux',
  nowMs: Date.UTC(2025, 5, 2, 10, 0),
  timeZone: 'Europe/Berlin',
  locale: 'en-GB',
  live: null,
  breakEndsAtMs: null,
  pausedUntilMs: null,
  waiting: null,
  lostStrap: null,
};

const actionItems = (menu: TrayMenuItem[]) => menu.filter((item) => item.type === 'action');

describe('a due reminder in the tray', () => {
  it('comes first in the menu with Open, Snooze and Skip, and asks for attention', () => {
    const view = trayView({ ...base, waiting: 'resting-reading' });
    expect(view.menu.slice(0, 4)).toEqual([
      { type: 'action', action: 'open-waiting', label: 'A calm moment for a resting reading: open', enabled: true },
      { type: 'action', action: 'snooze-waiting', label: 'Snooze it for an hour', enabled: true },
      { type: 'action', action: 'skip-waiting', label: 'Skip this one', enabled: true },
      { type: 'separator' },
    ]);
    expect(view.icon).toBe('attention');
    expect(view.tooltip).toContain('A calm moment for a resting reading');
  });

  it('is offered on macOS and Windows too, where the notification has the same buttons', () => {
    for (const platform of ['darwin', 'win32']) {
      const view = trayView({ ...base, platform, waiting: 'check-in' });
      expect(actionItems(view.menu).slice(0, 3).map((item) => item.type === 'action' && item.action), platform).toEqual([
        'open-waiting',
        'snooze-waiting',
        'skip-waiting',
      ]);
    }
  });

  it('is gone once nothing is waiting', () => {
    const view = trayView(base);
    const offered = actionItems(view.menu).map((item) => item.type === 'action' && item.action);
    expect(offered).not.toContain('snooze-waiting');
    expect(offered).not.toContain('skip-waiting');
    expect(view.icon).toBe('idle');
  });
});
