import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openRemindersFile, RemindersFileSchema, type RemindersFileStore } from '../../../main/reminders/reminders-file.ts';
import { SNOOZE_MS } from '../../../main/reminders/plan.ts';
import { createTrayController } from '../../../main/tray/tray-controller.ts';
import { createLiveStatus } from '../../../main/tray/live-status.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { reminderSettings, simulate, type Simulation } from './simulation.ts';

// Snooze and Skip through the real reminders service, scheduler and history, with
// reminders.json in a temp folder, on the injected clock.

const BERLIN = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// Monday 2025-06-02 06:00 in Berlin (04:00 UTC).
const MONDAY_6AM = Date.UTC(2025, 5, 2, 4, 0);
// One check-in a day, somewhere between late morning and early evening, and nothing else.
const settings = reminderSettings({ checkInsPerDay: 1, journalPrompt: false, weeklyProgress: false, activeRanges: [{ start: '09:00', end: '21:00' }] });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempFile(): { dir: string; store: RemindersFileStore } {
  const temp = makeTempDir('attune-reminders-');
  cleanups.push(async () => temp.cleanup());
  return { dir: temp.path, store: openRemindersFile(temp.path) };
}

async function started(store: RemindersFileStore, startMs = MONDAY_6AM): Promise<Simulation> {
  const sim = await simulate({ startMs, settings, timeZone: BERLIN, store });
  cleanups.push(() => sim.service.stop());
  return sim;
}

/** Runs the clock in five-minute steps until the next reminder shows. */
function untilShown(sim: Simulation): void {
  const before = sim.shown.length;
  for (let t = sim.nowMs(); sim.shown.length === before; t += 5 * MINUTE) {
    if (t > MONDAY_6AM + 48 * HOUR) throw new Error('no reminder came');
    sim.advanceTo(t);
  }
}

/** Lets the system's answer to a notification (here: not shown) arrive. */
function systemAnswered(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function onDisk(store: RemindersFileStore) {
  await store.settled();
  return RemindersFileSchema.parse(JSON.parse(readFileSync(store.path, 'utf8')));
}

describe('snooze', () => {
  it('puts the reminder off for an hour, keeps it in reminders.json, and brings it back on time', async () => {
    const { store } = tempFile();
    const sim = await started(store);
    untilShown(sim);
    const first = sim.shown[0]!;
    const snoozedAtMs = sim.nowMs();
    first.handlers.onSnooze();

    expect(sim.service.status().recent[0]).toMatchObject({ kind: 'check-in', outcome: 'snoozed', via: 'notification' });
    expect(sim.service.status().waiting).toBeNull();
    expect(sim.service.status().next).toEqual({ kind: 'check-in', atMs: snoozedAtMs + SNOOZE_MS });
    const saved = await onDisk(store);
    expect(saved.snoozed).toHaveLength(1);
    expect(saved.snoozed[0]).toMatchObject({ kind: 'check-in', dueAtMs: snoozedAtMs + SNOOZE_MS });

    sim.advanceTo(snoozedAtMs + SNOOZE_MS - MINUTE);
    expect(sim.shown).toHaveLength(1);
    sim.advanceTo(snoozedAtMs + SNOOZE_MS);
    // Back once, though the day's one check-in had already come: the snoozed one is that check-in.
    expect(sim.shown.map((s) => s.kind)).toEqual(['check-in', 'check-in']);
    expect(sim.shown[1]!.atMs).toBe(snoozedAtMs + SNOOZE_MS);
    expect(sim.service.status().waiting).toBe('check-in');
    expect((await onDisk(store)).snoozed).toEqual([]);

    sim.advanceTo(snoozedAtMs + 6 * HOUR);
    expect(sim.shown).toHaveLength(2);
  });

  it('comes back after a restart, from the file', async () => {
    const { dir, store } = tempFile();
    const sim = await started(store);
    untilShown(sim);
    const snoozedAtMs = sim.nowMs();
    sim.shown[0]!.handlers.onSnooze();
    await sim.service.stop();

    const again = await started(openRemindersFile(dir), snoozedAtMs + 10 * MINUTE);
    expect(again.service.status().next).toEqual({ kind: 'check-in', atMs: snoozedAtMs + SNOOZE_MS });
    again.advanceTo(snoozedAtMs + SNOOZE_MS);
    expect(again.shown.map((s) => [s.kind, s.atMs])).toEqual([['check-in', snoozedAtMs + SNOOZE_MS]]);
  });
});

describe('snooze and the settings', () => {
  it('keeps a snoozed reminder away once its kind is turned off', async () => {
    const { store } = tempFile();
    let current = settings;
    const sim = await simulate({ startMs: MONDAY_6AM, settings: () => current, timeZone: BERLIN, store });
    cleanups.push(() => sim.service.stop());
    untilShown(sim);
    const snoozedAtMs = sim.nowMs();
    sim.shown[0]!.handlers.onSnooze();
    current = reminderSettings({ ...settings, checkIns: false });
    sim.service.poke();
    expect(sim.service.status().next).toBeNull();
    sim.advanceTo(snoozedAtMs + 3 * HOUR);
    expect(sim.shown).toHaveLength(1);
  });
});

describe('skip', () => {
  it('lets this one go, records it as skipped in the history file, and nothing comes back', async () => {
    const { store } = tempFile();
    const sim = await started(store);
    untilShown(sim);
    const first = sim.shown[0]!;
    first.handlers.onSkip();

    expect(sim.service.status().recent[0]).toMatchObject({ kind: 'check-in', outcome: 'skipped', via: 'notification' });
    expect(sim.service.status().waiting).toBeNull();
    expect(sim.service.status().lastSevenDays).toMatchObject({ shown: 1, skipped: 1, snoozed: 0 });
    const saved = await onDisk(store);
    expect(saved.history.map((e) => e.outcome)).toEqual(['shown', 'skipped']);
    expect(saved.snoozed).toEqual([]);

    sim.advanceTo(first.atMs + 8 * HOUR);
    expect(sim.shown).toHaveLength(1);
    // A second answer to the same reminder changes nothing.
    first.handlers.onSnooze();
    expect(sim.service.status().recent[0]).toMatchObject({ outcome: 'skipped' });
  });
});

describe('snooze and skip from the tray', () => {
  function trayFor(sim: Simulation) {
    return createTrayController({
      reminders: sim.service,
      live: createLiveStatus(),
      clock: { nowMs: () => sim.nowMs() },
      timer: { set: () => 0, clear: () => {} },
      platform: 'linux',
      timeZone: () => BERLIN,
      locale: 'en-GB',
      effects: { openScreen: () => {}, runInPage: () => {}, showWindow: () => {}, quit: () => {} },
    });
  }
  const actions = (tray: ReturnType<typeof trayFor>) => tray.view().menu.flatMap((item) => (item.type === 'action' ? [item.action] : []));

  it('offers the open reminder with Snooze and Skip while it waits, and carries out each', async () => {
    const { store } = tempFile();
    const sim = await started(store);
    // This system shows no notification (nor buttons): the tray is the only way to answer.
    sim.notificationsWork = false;
    const tray = trayFor(sim);
    expect(actions(tray)).not.toContain('snooze-waiting');

    for (let t = sim.nowMs(); sim.service.status().waiting === null; t += 5 * MINUTE) sim.advanceTo(t);
    await systemAnswered();
    expect(actions(tray).slice(0, 3)).toEqual(['open-waiting', 'snooze-waiting', 'skip-waiting']);

    const snoozedAtMs = sim.nowMs();
    tray.handle('snooze-waiting');
    expect(sim.service.status().recent[0]).toMatchObject({ outcome: 'snoozed', via: 'tray' });
    expect(actions(tray)).not.toContain('snooze-waiting');

    sim.advanceTo(snoozedAtMs + SNOOZE_MS);
    await systemAnswered();
    expect(sim.service.status().waiting).toBe('check-in');
    tray.handle('skip-waiting');
    expect(sim.service.status().recent[0]).toMatchObject({ outcome: 'skipped', via: 'tray' });
    expect(actions(tray)).not.toContain('skip-waiting');
    expect((await onDisk(store)).history.map((e) => [e.outcome, e.via ?? null])).toEqual([
      ['shown', 'tray'],
      ['snoozed', 'tray'],
      ['shown', 'tray'],
      ['skipped', 'tray'],
    ]);
  });

  it('stops offering a reminder once it is too old to answer', async () => {
    const { store } = tempFile();
    const sim = await started(store);
    untilShown(sim);
    const tray = trayFor(sim);
    expect(actions(tray)).toContain('skip-waiting');
    // A check-in is worth answering for 90 minutes.
    sim.advanceTo(sim.shown[0]!.atMs + 91 * MINUTE);
    expect(sim.service.status().waiting).toBeNull();
    expect(actions(tray)).not.toContain('skip-waiting');
  });
});
