import { describe, expect, it } from 'vitest';
import { Menu, Tray, nativeImage } from 'electron';
import type * as StandIn from '../../mocks/electron.ts';
import { createTrayAdapter } from '../../../main/tray/tray-adapter.ts';
import { createTrayController } from '../../../main/tray/tray-controller.ts';
import { createLiveStatus } from '../../../main/tray/live-status.ts';
import { trayView } from '../../../main/tray/tray-model.ts';
import type { TrayElectron } from '../../../main/tray/tray-adapter.ts';
import { reminderSettings, simulate } from '../reminders/simulation.ts';

const electron = { Tray, Menu, nativeImage } as unknown as TrayElectron;
const BERLIN = 'Europe/Berlin';
const NOON = Date.UTC(2025, 5, 2, 10, 0);

async function setUp() {
  const sim = await simulate({ startMs: NOON, settings: reminderSettings(), timeZone: BERLIN });
  const live = createLiveStatus();
  const effects = { opened: [] as unknown[], inPage: [] as string[], shown: 0, quit: 0 };
  const timers: Array<{ at: number; cb: () => void }> = [];
  const controller = createTrayController({
    reminders: sim.service,
    live,
    clock: { nowMs: () => sim.nowMs() },
    timer: { set: (cb, ms) => timers.push({ at: sim.nowMs() + ms, cb }), clear: () => {} },
    platform: 'linux',
    timeZone: () => BERLIN,
    locale: 'en-GB',
    effects: {
      openScreen: (request) => effects.opened.push(request),
      runInPage: (intent) => effects.inPage.push(intent),
      showWindow: () => (effects.shown += 1),
      quit: () => (effects.quit += 1),
    },
  });
  const adapter = createTrayAdapter(electron, controller.view(), (action) => controller.handle(action), 'linux');
  controller.attach((view) => adapter.apply(view));
  const tray = (Tray as unknown as typeof StandIn.Tray).all.at(-1)!;
  const click = (id: string) => tray.contextMenu!.getMenuItemById(id)!.click!();
  return { sim, live, effects, tray, click, timers };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('tray adapter and controller against the electron stand-in', () => {
  it('builds the tray with an icon, tooltip and the full menu', async () => {
    const { tray } = await setUp();
    expect(tray.image.representations.map((r) => r.scaleFactor)).toEqual([1, 2]);
    expect(tray.tooltip).toBe('Attune');
    const ids = ['start-check', 'breathe', 'check-in', 'note-moment', 'new-journal', 'take-break', 'pause-30m', 'pause-1h', 'pause-2h', 'pause-tomorrow', 'resume', 'open', 'quit'];
    for (const id of ids) expect(tray.contextMenu!.getMenuItemById(id), id).not.toBeNull();
  });

  it('pauses from the menu and shows it: paused icon, tooltip, Resume enabled; Resume undoes it', async () => {
    const { tray, click } = await setUp();
    const before = tray.image;
    click('pause-1h');
    await flush();
    expect(tray.tooltip).toBe('Attune · Reminders paused until 13:00');
    expect(tray.image).not.toBe(before);
    expect(tray.contextMenu!.getMenuItemById('resume')!.enabled).toBe(true);
    click('resume');
    await flush();
    expect(tray.tooltip).toBe('Attune');
  });

  it('opens the right screens and starts a break with a countdown', async () => {
    const { click, effects, tray } = await setUp();
    click('check-in');
    click('note-moment');
    click('breathe');
    click('new-journal');
    click('take-break');
    await flush();
    expect(effects.opened).toEqual([
      { route: 'check', query: 'checkin' },
      { route: 'check', query: 'moment' },
      { route: 'breathe', query: 'minutes=1' },
      { route: 'journal', query: 'new' },
      { route: 'check', query: 'break=20' },
    ]);
    expect(tray.tooltip).toBe('Attune · On a break: 20 minutes left');
    click('open');
    click('quit');
    expect(effects).toMatchObject({ shown: 1, quit: 1 });
  });

  it('follows the live heart reading the window reports', async () => {
    const { live, tray } = await setUp();
    live.set({ connected: true, bpm: 81, state: 'elevated' });
    expect(tray.tooltip).toBe('Attune · 81 bpm, a little stirred up');
    live.set({ connected: false, bpm: null, state: null });
    expect(tray.tooltip).toBe('Attune');
  });

  it('offers "Reconnect to <strap>" while the window says its link is lost, and opens the Device screen at it', async () => {
    const { live, tray, click, effects } = await setUp();
    live.setLostStrap('Polar H10 8C4E');
    expect(tray.contextMenu!.getMenuItemById('reconnect-strap')!.label).toBe('Reconnect to Polar H10 8C4E…');
    click('reconnect-strap');
    expect(effects.opened).toEqual([{ route: 'device', query: 'reconnect' }]);
    expect(effects.inPage).toEqual(['reconnect-strap']);
    live.setLostStrap(null);
    expect(tray.contextMenu!.getMenuItemById('reconnect-strap')).toBeNull();
  });

  it('fails loudly when the desktop has no tray, so the app can fall back', () => {
    (Tray as unknown as typeof StandIn.Tray).failNext = true;
    const view = trayView({ platform: 'linux', nowMs: NOON, timeZone: BERLIN, locale: 'en-GB', live: null, breakEndsAtMs: null, pausedUntilMs: null, waiting: null, lostStrap: null });
    expect(() => createTrayAdapter(electron, view, () => {}, 'linux')).toThrow();
  });
});
