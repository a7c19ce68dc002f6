import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAUSE_SPANS, type PauseSpan } from '../../../shared/model/reminders.ts';
import type { ReminderSettings } from '../../../shared/model/reminder-settings.ts';
import { reminderSettings, simulate, toMinutes, wallClock } from './simulation.ts';

// Simulated weeks with a fake clock in Europe/Berlin (computed with Intl, not the process
// TZ), with random settings, pauses, sleeps and locked screens. Whatever happens, nudges
// never come in quiet hours, outside active hours or during a pause, never more check-ins a
// day than chosen, never two within half an hour, and a wake from sleep brings one at most.

const ZONE = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Weeks that contain a daylight-saving change in Berlin, and one that does not.
const WEEK_STARTS = [Date.UTC(2025, 2, 26, 23), Date.UTC(2025, 9, 22, 22), Date.UTC(2025, 5, 10, 22)];

const clock = (stepMinutes: number) =>
  fc.integer({ min: 0, max: Math.floor(1439 / stepMinutes) }).map((n) => {
    const minutes = n * stepMinutes;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });

const range = fc
  .tuple(clock(15), clock(15))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => (a < b ? { start: a, end: b } : { start: b, end: a }));

const settingsArb: fc.Arbitrary<ReminderSettings> = fc
  .record({
    checkInsPerDay: fc.integer({ min: 1, max: 12 }),
    activeDays: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
    activeRanges: fc.array(range, { minLength: 1, maxLength: 3 }),
    quietHours: fc.boolean(),
    quietStart: clock(30),
    quietEnd: clock(30),
    journalPrompt: fc.boolean(),
    journalTime: clock(5),
    weeklyProgress: fc.boolean(),
    weeklyDay: fc.integer({ min: 0, max: 6 }),
    weeklyTime: clock(5),
  })
  .map((overrides) => reminderSettings(overrides));

type Happening =
  | { at: number; type: 'pause'; span: PauseSpan }
  | { at: number; type: 'sleep'; minutes: number }
  | { at: number; type: 'lock'; minutes: number };

const happeningArb: fc.Arbitrary<Happening> = fc.oneof(
  fc.record({ at: fc.integer({ min: 0, max: 7 * 24 * 60 }), type: fc.constant('pause' as const), span: fc.constantFrom(...PAUSE_SPANS) }),
  fc.record({ at: fc.integer({ min: 0, max: 7 * 24 * 60 }), type: fc.constant('sleep' as const), minutes: fc.constantFrom(45, 180, 600, 600, 900) }),
  fc.record({ at: fc.integer({ min: 0, max: 7 * 24 * 60 }), type: fc.constant('lock' as const), minutes: fc.integer({ min: 5, max: 240 }) }),
);

function inRanges(minute: number, ranges: Array<{ start: string; end: string }>): boolean {
  return ranges.some((r) => minute >= toMinutes(r.start) && minute < toMinutes(r.end));
}

function inQuiet(minute: number, settings: ReminderSettings): boolean {
  if (!settings.quietHours) return false;
  const start = toMinutes(settings.quietStart);
  const end = toMinutes(settings.quietEnd);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

describe('scheduler properties over simulated weeks (Europe/Berlin)', () => {
  it('respects quiet hours, active hours, pauses, the daily count, the gap and sleep', async () => {
    await fc.assert(
      fc.asyncProperty(
        settingsArb,
        fc.constantFrom(...WEEK_STARTS),
        fc.array(happeningArb, { maxLength: 12 }),
        async (settings, weekStart, happenings) => {
          // A baseline still short of readings: the resting-reading reminder takes part too.
          const baselineFacts = () => ({ readingsSoFar: 1, lastReadingAtMs: weekStart - DAY, lastFloodAtMs: null });
          const sim = await simulate({ startMs: weekStart, settings, timeZone: ZONE, baselineFacts });
          const pauses: Array<{ from: number; until: number }> = [];
          const sleeps: Array<{ from: number; until: number }> = [];
          const locks: Array<{ from: number; until: number }> = [];
          const sorted = [...happenings].sort((a, b) => a.at - b.at);
          for (const happening of sorted) {
            const at = weekStart + happening.at * MINUTE;
            if (at < sim.nowMs()) continue; // inside an earlier sleep
            sim.advanceTo(at);
            if (happening.type === 'pause') {
              const status = await sim.service.pause(happening.span);
              // A later pause replaces an earlier one.
              const previous = pauses.at(-1);
              if (previous && previous.until > at) previous.until = at;
              pauses.push({ from: at, until: status.pausedUntilMs! });
            } else if (happening.type === 'sleep') {
              const wake = at + happening.minutes * MINUTE;
              sleeps.push({ from: at, until: wake });
              sim.sleepUntil(wake);
            } else {
              sim.system.screenLocked = true;
              const until = at + happening.minutes * MINUTE;
              locks.push({ from: at, until });
              sim.advanceTo(until);
              sim.system.screenLocked = false;
              sim.service.poke();
            }
          }
          sim.advanceTo(weekStart + 7 * DAY);

          // A reminder at the very minute of a pause, lock or sleep came just before it
          // (timers due at that moment run first), hence the strict comparisons below.
          const nudges = sim.shown.filter((s) => s.kind !== 'break-over');
          const checkInsPerDay = new Map<string, number>();
          const restingPerDay = new Map<string, number>();
          for (const shown of nudges) {
            const local = wallClock(shown.atMs, ZONE);
            expect(inQuiet(local.minute, settings), 'quiet hours').toBe(false);
            expect(settings.activeDays.includes(local.weekday), 'active day').toBe(true);
            expect(inRanges(local.minute, settings.activeRanges), 'active hours').toBe(true);
            expect(pauses.some((p) => shown.atMs > p.from && shown.atMs < p.until), 'pause').toBe(false);
            expect(sleeps.some((s) => shown.atMs > s.from && shown.atMs < s.until), 'asleep').toBe(false);
            expect(locks.some((l) => shown.atMs > l.from && shown.atMs < l.until), 'locked').toBe(false);
            if (shown.kind === 'check-in') checkInsPerDay.set(local.date, (checkInsPerDay.get(local.date) ?? 0) + 1);
            if (shown.kind === 'resting-reading') restingPerDay.set(local.date, (restingPerDay.get(local.date) ?? 0) + 1);
          }
          for (const [date, count] of restingPerDay) expect(count, `resting readings asked on ${date}`).toBe(1);
          for (const [date, count] of checkInsPerDay) expect(count, date).toBeLessThanOrEqual(settings.checkInsPerDay);
          for (let i = 1; i < nudges.length; i += 1) {
            expect(nudges[i]!.atMs - nudges[i - 1]!.atMs, 'gap between nudges').toBeGreaterThanOrEqual(30 * MINUTE);
          }
          for (const sleep of sleeps) {
            const afterWake = sim.shown.filter((s) => s.atMs >= sleep.until && s.atMs < sleep.until + 30 * MINUTE);
            expect(afterWake.length, 'burst after waking').toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it('after a 10-hour sleep through active hours, shows one catch-up at most and no missed ones one after another', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 12 }),
        fc.constantFrom(...WEEK_STARTS),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 8 * 60 }),
        async (perDay, weekStart, dayOffset, sleepStartMinute) => {
          const settings = reminderSettings({ checkInsPerDay: perDay, activeRanges: [{ start: '07:00', end: '23:00' }], quietHours: false });
          const sim = await simulate({ startMs: weekStart, settings, timeZone: ZONE });
          // weekStart is local midnight; sleep starts between 07:00 and 15:00 local (±DST hour).
          const sleepAt = weekStart + dayOffset * DAY + 7 * HOUR + sleepStartMinute * MINUTE;
          sim.advanceTo(sleepAt);
          const before = sim.shown.length;
          const wake = sleepAt + 10 * HOUR;
          sim.sleepUntil(wake);
          sim.advanceTo(wake + 29 * MINUTE);
          const caughtUp = sim.shown.slice(before);
          expect(caughtUp.length).toBeLessThanOrEqual(1);
          expect(caughtUp.every((s) => s.atMs >= wake)).toBe(true);
          sim.advanceTo(wake + 6 * HOUR);
          // Afterwards the day goes on at its usual pace: never two within half an hour.
          const later = sim.shown.slice(before).map((s) => s.atMs);
          for (let i = 1; i < later.length; i += 1) expect(later[i]! - later[i - 1]!).toBeGreaterThanOrEqual(30 * MINUTE);
          const shownKeys = sim.service.status().recent.filter((e) => e.outcome === 'shown').map((e) => e.key);
          expect(new Set(shownKeys).size).toBe(shownKeys.length);
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);

  it('on the day the clocks change, gives exactly the chosen check-ins and keeps the journal prompt at local time', async () => {
    for (const dayStart of [Date.UTC(2025, 2, 29, 23), Date.UTC(2025, 9, 25, 22)]) {
      const settings = reminderSettings({
        checkInsPerDay: 10,
        activeRanges: [{ start: '00:00', end: '23:55' }],
        quietHours: false,
        journalTime: '02:30',
        weeklyProgress: false,
      });
      const sim = await simulate({ startMs: dayStart, settings, timeZone: ZONE, actOnEvery: true });
      sim.advanceTo(dayStart + 26 * HOUR);
      const sameDay = sim.shown.filter((s) => wallClock(s.atMs, ZONE).date === wallClock(dayStart + HOUR, ZONE).date);
      expect(sameDay.filter((s) => s.kind === 'check-in')).toHaveLength(10);
      const journal = sameDay.find((s) => s.kind === 'journal')!;
      // Spring: 02:30 does not exist and comes as 03:30; autumn: the first 02:30. Either may wait out the gap.
      const minute = wallClock(journal.atMs, ZONE).minute;
      expect(minute).toBeGreaterThanOrEqual(dayStart === Date.UTC(2025, 2, 29, 23) ? 3 * 60 + 30 : 2 * 60 + 30);
      expect(minute).toBeLessThanOrEqual(4 * 60);
    }
  });
});
