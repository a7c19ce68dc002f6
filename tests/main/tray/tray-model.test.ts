import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ALL_TRAY_ACTIONS, trayView, type TrayMenuItem, type TrayState } from '../../../main/tray/tray-model.ts';
import { drawIcon, iconImages } from '../../../main/tray/tray-icons.ts';

const NOW = Date.UTC(2025, 5, 2, 10, 0); // 12:00 in Berlin
const base: TrayState = {
  platform: 'linux',
  nowMs: NOW,
  timeZone: 'Europe/Berlin',
  locale: 'en-GB',
  live: null,
  breakEndsAtMs: null,
  pausedUntilMs: null,
  waiting: null,
  lostStrap: null,
};

function actions(items: TrayMenuItem[]): string[] {
  return items.flatMap((item) => (item.type === 'action' ? [item.action] : item.type === 'submenu' ? actions(item.items) : []));
}
function labels(items: TrayMenuItem[]): string[] {
  return items.flatMap((item) => (item.type === 'submenu' ? [item.label, ...labels(item.items)] : item.type === 'separator' ? [] : [item.label]));
}
function find(items: TrayMenuItem[], action: string): TrayMenuItem | null {
  for (const item of items) {
    if (item.type === 'action' && item.action === action) return item;
    if (item.type === 'submenu') {
      const inner: TrayMenuItem | null = find(item.items, action);
      if (inner) return inner;
    }
  }
  return null;
}

describe('tray view: state → icon, tooltip, title and menu', () => {
  it('offers to reconnect a strap whose link was lost, first in the menu, and asks for attention', () => {
    const view = trayView({ ...base, lostStrap: 'Polar H10 8C4E' });
    expect(view.menu[0]).toEqual({ type: 'action', action: 'reconnect-strap', label: 'Reconnect to Polar H10 8C4E…', enabled: true });
    expect(view.icon).toBe('attention');
    expect(view.tooltip).toBe('Attune · Lost the connection to Polar H10 8C4E');
    expect(actions(trayView(base).menu)).not.toContain('reconnect-strap');
  });

  it('offers every action in the menu, in plain words', () => {
    const view = trayView(base);
    expect(actions(view.menu)).toEqual(expect.arrayContaining([...ALL_TRAY_ACTIONS]));
    expect(labels(view.menu)).toEqual(
      expect.arrayContaining([
        'Start a check',
        'Breathe for a minute',
        'Check in now',
        'Note a small moment',
        'New journal entry',
        'Take a 20-minute break',
        'Pause reminders',
        'For 30 minutes',
        'For 1 hour',
        'For 2 hours',
        'Until tomorrow morning',
        'Resume reminders',
        'Open Attune',
        'Quit Attune',
      ]),
    );
    expect(view).toMatchObject({ icon: 'idle', tooltip: 'Attune', title: '' });
    expect(find(view.menu, 'resume')).toMatchObject({ enabled: false });
  });

  it('shows the live heart rate when a strap is connected, and the bpm beside the icon on macOS', () => {
    const live = { connected: true, bpm: 72, state: 'calm' as const };
    expect(trayView({ ...base, live })).toMatchObject({ icon: 'connected', tooltip: 'Attune · 72 bpm, calm', title: '' });
    expect(trayView({ ...base, live, platform: 'darwin' })).toMatchObject({ title: '72', template: true });
  });

  it('shows flooded above everything else', () => {
    const view = trayView({ ...base, live: { connected: true, bpm: 118, state: 'flooded' }, breakEndsAtMs: NOW + 600_000, pausedUntilMs: NOW + 3_600_000 });
    expect(view.icon).toBe('flooded');
    expect(view.tooltip).toContain('118 bpm, flooded');
  });

  it('counts a break down in whole minutes and offers to end it', () => {
    const view = trayView({ ...base, platform: 'darwin', breakEndsAtMs: NOW + 12 * 60_000 - 20_000 });
    expect(view).toMatchObject({ icon: 'break', title: '12m' });
    expect(view.tooltip).toContain('On a break: 12 minutes left');
    expect(actions(view.menu)).toContain('end-break');
    expect(actions(view.menu)).not.toContain('take-break');
  });

  it('says until when reminders are paused and enables Resume', () => {
    const view = trayView({ ...base, pausedUntilMs: NOW + 90 * 60_000 });
    expect(view.icon).toBe('paused');
    expect(view.tooltip).toBe('Attune · Reminders paused until 13:30');
    expect(find(view.menu, 'resume')).toMatchObject({ enabled: true });
    const overnight = trayView({ ...base, pausedUntilMs: Date.UTC(2025, 5, 3, 7, 0) });
    expect(overnight.tooltip).toContain('until tomorrow 9:00');
  });

  it('carries a reminder the system could not show, with neutral words, at the top of the menu', () => {
    const view = trayView({ ...base, waiting: 'check-in' });
    expect(view.icon).toBe('attention');
    expect(view.menu[0]).toEqual({ type: 'action', action: 'open-waiting', label: 'Time for a check-in: open', enabled: true });
  });

  it('uses template images on macOS only', () => {
    expect(trayView(base).template).toBe(false);
    expect(trayView({ ...base, platform: 'darwin' }).template).toBe(true);
    expect(trayView({ ...base, platform: 'win32' }).title).toBe('');
  });
});

function decode(png: Buffer): { width: number; height: number; alpha: number[]; rgb: Set<string> } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  let offset = 8;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    if (type === 'IDAT') idat.push(png.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const alpha: number[] = [];
  const rgb = new Set<string>();
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * (width * 4 + 1) + 1 + x * 4;
      alpha.push(raw[i + 3]!);
      if (raw[i + 3]! > 0) rgb.add(`${raw[i]},${raw[i + 1]},${raw[i + 2]}`);
    }
  }
  return { width, height, alpha, rgb };
}

describe('tray icons drawn in code', () => {
  const names = ['idle', 'connected', 'flooded', 'break', 'paused', 'attention'] as const;

  it('are valid 16 and 32 px PNGs with a different shape for every state', () => {
    const shapes = new Set<string>();
    for (const name of names) {
      const { scale1, scale2 } = iconImages(name, false);
      const small = decode(scale1);
      expect([small.width, small.height]).toEqual([16, 16]);
      expect(decode(scale2).width).toBe(32);
      expect(small.alpha.some((a) => a > 200)).toBe(true);
      shapes.add(small.alpha.map((a) => (a > 127 ? 1 : 0)).join(''));
    }
    expect(shapes.size).toBe(names.length);
  });

  it('are pure black with alpha as macOS templates', () => {
    for (const name of names) expect([...decode(drawIcon(name, 16, true)).rgb]).toEqual(['0,0,0']);
  });
});
