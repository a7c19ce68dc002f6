import { describe, expect, it } from 'vitest';
import { simulate, reminderSettings, wallClock } from './simulation.ts';

const BERLIN = 'Europe/Berlin';
const HOUR = 3_600_000;
const MINUTE = 60_000;
// Monday 2025-06-02 06:00 in Berlin (04:00 UTC).
const MONDAY_6AM = Date.UTC(2025, 5, 2, 4, 0);

describe('reminders over ordinary days', () => {
  it('gives the chosen number of check-ins each day, inside active hours, plus the journal prompt and the weekly look back', async () => {
    const settings = reminderSettings({ checkInsPerDay: 4, activeRanges: [{ start: '09:00', end: '21:30' }], journalTime: '20:30', weeklyDay: 0 });
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, actOnEvery: true });
    sim.advanceTo(MONDAY_6AM + 7 * 24 * HOUR);
    const byDay = new Map<string, string[]>();
    for (const s of sim.shown) {
      const { date } = wallClock(s.atMs, BERLIN);
      byDay.set(date, [...(byDay.get(date) ?? []), s.kind]);
    }
    expect(byDay.size).toBe(7);
    for (const [date, kinds] of byDay) {
      expect(kinds.filter((k) => k === 'check-in'), date).toHaveLength(4);
      expect(kinds.filter((k) => k === 'journal'), date).toHaveLength(1);
    }
    expect(sim.shown.filter((s) => s.kind === 'weekly')).toHaveLength(1);
    // At the chosen time, or up to half an hour later if a check-in came just before.
    for (const journal of sim.shown.filter((s) => s.kind === 'journal')) {
      expect(wallClock(journal.atMs, BERLIN).minute).toBeGreaterThanOrEqual(20 * 60 + 30);
      expect(wallClock(journal.atMs, BERLIN).minute).toBeLessThanOrEqual(21 * 60);
    }
  });

  it('shows neutral words only and opens the check screen on click, counting it as acted on', async () => {
    const sim = await simulate({ startMs: MONDAY_6AM, settings: reminderSettings({ journalPrompt: false, weeklyProgress: false }), timeZone: BERLIN });
    sim.advanceTo(MONDAY_6AM + 12 * HOUR);
    const first = sim.shown.at(-1)!;
    expect(first.text).toEqual({ title: 'Attune', body: 'Time for a check-in' });
    first.handlers.onClick();
    expect(sim.opened).toEqual([{ route: 'check', query: 'checkin' }]);
    expect(sim.service.status().recent[0]).toMatchObject({ kind: 'check-in', outcome: 'acted' });
  });

  it('keeps the same check-in times after a restart on the same day (seeded jitter)', async () => {
    const settings = reminderSettings({ journalPrompt: false, weeklyProgress: false, checkInsPerDay: 3 });
    const a = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    const b = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    a.advanceTo(MONDAY_6AM + 18 * HOUR);
    b.advanceTo(MONDAY_6AM + 18 * HOUR);
    expect(a.shown.map((s) => s.atMs)).toEqual(b.shown.map((s) => s.atMs));
    // Spread over the day, not bunched.
    const times = a.shown.map((s) => s.atMs);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThan(HOUR);
  });
});

describe('catching up and holding back', () => {
  it('after a 10-hour sleep through the day shows one catch-up at most, then keeps a gentle gap', async () => {
    const settings = reminderSettings({ checkInsPerDay: 12, activeRanges: [{ start: '08:00', end: '21:30' }] });
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    sim.advanceTo(MONDAY_6AM + 2 * HOUR); // 08:00
    const before = sim.shown.length;
    const wake = MONDAY_6AM + 12 * HOUR; // 18:00
    sim.sleepUntil(wake);
    sim.advanceTo(wake + 29 * MINUTE);
    expect(sim.shown.length - before).toBeLessThanOrEqual(1);
    expect(sim.shown.slice(before).every((s) => s.atMs >= wake)).toBe(true);
  });

  it('shows nothing on waking outside active hours, and nothing of the night later', async () => {
    const settings = reminderSettings({ checkInsPerDay: 6, journalTime: '20:30' });
    const sim = await simulate({ startMs: MONDAY_6AM + 13 * HOUR, settings, timeZone: BERLIN }); // 19:00
    const wake = MONDAY_6AM + 17 * HOUR; // 23:00, inside quiet hours
    sim.sleepUntil(wake);
    sim.advanceTo(wake + 8 * HOUR); // 07:00 next morning
    expect(sim.shown).toEqual([]);
  });

  it('waits while a check is in progress and shows the reminder once it ends', async () => {
    const settings = reminderSettings({ checkInsPerDay: 1, journalPrompt: false, weeklyProgress: false, activeRanges: [{ start: '09:00', end: '10:00' }] });
    const sim = await simulate({ startMs: MONDAY_6AM + 2 * HOUR + 55 * MINUTE, settings, timeZone: BERLIN }); // 08:55
    sim.service.setBusy('check', true);
    sim.advanceTo(MONDAY_6AM + 4 * HOUR - 5 * MINUTE); // 09:55
    expect(sim.shown).toEqual([]);
    sim.service.setBusy('check', false);
    expect(sim.shown.map((s) => s.kind)).toEqual(['check-in']);
  });

  it('waits while the screen is locked', async () => {
    const settings = reminderSettings({ checkInsPerDay: 1, journalPrompt: false, weeklyProgress: false, activeRanges: [{ start: '09:00', end: '10:00' }] });
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    sim.system.screenLocked = true;
    sim.advanceTo(MONDAY_6AM + 3 * HOUR + 50 * MINUTE);
    expect(sim.shown).toEqual([]);
    sim.system.screenLocked = false;
    sim.service.poke(); // unlock-screen
    expect(sim.shown).toHaveLength(1);
  });

  it('holds everything during a pause, snoozing the open reminder, and only the break end comes through', async () => {
    const settings = reminderSettings({ checkInsPerDay: 8 });
    const sim = await simulate({ startMs: MONDAY_6AM + 4 * HOUR, settings, timeZone: BERLIN }); // 10:00
    sim.advanceTo(MONDAY_6AM + 6 * HOUR);
    const shownBefore = sim.shown.length;
    expect(shownBefore).toBeGreaterThan(0);
    const status = await sim.service.pause('tomorrow');
    expect(wallClock(status.pausedUntilMs!, BERLIN)).toMatchObject({ minute: 9 * 60 });
    await sim.service.startBreak(20);
    sim.advanceTo(MONDAY_6AM + 20 * HOUR);
    expect(sim.shown.slice(shownBefore).map((s) => s.kind)).toEqual(['break-over']);
    expect(sim.service.status().recent.some((e) => e.outcome === 'snoozed')).toBe(true);
  });

  it('never repeats a reminder when the clock is turned back', async () => {
    const settings = reminderSettings({ checkInsPerDay: 3, journalPrompt: false, weeklyProgress: false });
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    sim.advanceTo(MONDAY_6AM + 16 * HOUR);
    const keys = sim.service.status().recent.map((e) => e.key);
    sim.setClock(MONDAY_6AM + 2 * HOUR);
    sim.service.poke();
    sim.advanceTo(MONDAY_6AM + 16 * HOUR);
    const shownKeys = sim.service.status().recent.filter((e) => e.outcome === 'shown').map((e) => e.key);
    expect(new Set(shownKeys).size).toBe(shownKeys.length);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('carries a reminder in the tray when the system will not show notifications', async () => {
    const settings = reminderSettings({ checkInsPerDay: 1, journalPrompt: false, weeklyProgress: false });
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    sim.notificationsWork = false;
    // Up to the moment the day's check-in comes: it stays open for 90 minutes.
    for (let t = MONDAY_6AM; sim.service.status().recent.length === 0; t += 5 * MINUTE) sim.advanceTo(t);
    await Promise.resolve();
    expect(sim.service.status().waiting).toBe('check-in');
    expect(sim.service.status().recent[0]).toMatchObject({ outcome: 'shown', via: 'tray' });
    sim.service.openWaiting();
    expect(sim.opened).toEqual([{ route: 'check', query: 'checkin' }]);
    expect(sim.service.status().waiting).toBeNull();
  });
});

describe('fewer check-ins after a week of mostly skipped ones', () => {
  it('halves the daily number, says so, and is back to normal once check-ins are taken up again', async () => {
    const settings = reminderSettings({ checkInsPerDay: 4, journalPrompt: false, weeklyProgress: false });
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN });
    sim.advanceTo(MONDAY_6AM + 7 * 24 * HOUR); // a week, nothing answered
    expect(sim.service.status()).toMatchObject({ checkInsPerDay: 2, fewerBecauseSkipped: true });
    const day8 = sim.shown.length;
    sim.advanceTo(MONDAY_6AM + 8 * 24 * HOUR);
    expect(sim.shown.length - day8).toBe(2);
    expect(sim.service.status().lastSevenDays.skipped).toBeGreaterThan(10);
  });
});
