import { describe, expect, it } from 'vitest';
import {
  BASELINE_STALE_AFTER_MS,
  CALM_AFTER_FLOOD_MS,
  baselineFactsFrom,
  isCalmMoment,
  restingReadingNeeded,
  type BaselineFacts,
  type RestingFacts,
} from '../../../main/reminders/resting-reminder.ts';
import type { SessionListItem, SummaryPhases } from '../../../shared/model/session.ts';
import { testSummary } from '../../support/session-summary.ts';
import { reminderSettings, simulate, wallClock, type Simulation } from './simulation.ts';

// The resting-reading reminder: asked for on calm days until the baseline has its three
// readings, then not again until a month passes without one. Everything on the injected clock.

const BERLIN = 'Europe/Berlin';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Monday 2025-06-02 06:00 in Berlin (04:00 UTC).
const MONDAY_6AM = Date.UTC(2025, 5, 2, 4, 0);
const MONDAY_NOON = MONDAY_6AM + 6 * HOUR;

const noFlood = { lastFloodAtMs: null };

function session(overrides: Partial<SessionListItem>, phases: Partial<SummaryPhases> = {}): SessionListItem {
  return {
    id: `s${Math.random().toString(36).slice(2, 12)}`,
    kind: 'calibration',
    status: 'finished',
    startedAtMs: MONDAY_6AM,
    endedAtMs: MONDAY_6AM + 2 * MINUTE,
    sourceKind: 'demo',
    beatCount: 80,
    verdict: null,
    journalEntryIds: [],
    summary: testSummary({ beatCount: 80, durationSec: 80, meanHrBpm: 64, rmssdMs: 40, phases }),
    ...overrides,
  };
}

describe('what the records say', () => {
  it('counts the readings the baseline is made of, the newest one, and the last flooded moment', () => {
    const facts = baselineFactsFrom([
      session({ startedAtMs: MONDAY_6AM - 3 * DAY }, { readingHrBpm: 62 }),
      session({ startedAtMs: MONDAY_6AM - DAY }, { readingHrBpm: 64 }),
      // A calibration stopped before its reading is no reading.
      session({ startedAtMs: MONDAY_6AM }, {}),
      session({ kind: 'check', verdict: 'take-a-break', startedAtMs: MONDAY_6AM - 2 * DAY, endedAtMs: MONDAY_6AM - 2 * DAY + 10 * MINUTE }),
      session({ kind: 'conversation', floodCueCount: 2, startedAtMs: MONDAY_6AM - 5 * HOUR, endedAtMs: MONDAY_6AM - 4 * HOUR }),
      // A calm check says nothing about flooding.
      session({ kind: 'check', verdict: 'ready', startedAtMs: MONDAY_6AM - HOUR, endedAtMs: MONDAY_6AM - 50 * MINUTE }),
    ]);
    expect(facts).toEqual({ readingsSoFar: 2, lastReadingAtMs: MONDAY_6AM - DAY, lastFloodAtMs: MONDAY_6AM - 4 * HOUR });
  });

  it('counts a break taken as a flooded moment', () => {
    const facts = baselineFactsFrom([session({ kind: 'break', startedAtMs: MONDAY_6AM, endedAtMs: MONDAY_6AM + 20 * MINUTE })]);
    expect(facts.lastFloodAtMs).toBe(MONDAY_6AM + 20 * MINUTE);
    expect(facts.readingsSoFar).toBe(0);
  });
});

describe('whether the baseline wants a reading', () => {
  const facts = (readingsSoFar: number, lastReadingAtMs: number | null): BaselineFacts => ({ readingsSoFar, lastReadingAtMs, ...noFlood });

  it('wants one while there are fewer than three, from the day after the last', () => {
    expect(restingReadingNeeded(facts(1, MONDAY_6AM - DAY), MONDAY_NOON, BERLIN)).toBe(true);
    expect(restingReadingNeeded(facts(2, MONDAY_6AM - DAY), MONDAY_NOON, BERLIN)).toBe(true);
    // One was taken this morning: enough for today.
    expect(restingReadingNeeded(facts(2, MONDAY_6AM + HOUR), MONDAY_NOON, BERLIN)).toBe(false);
  });

  it('wants none before the first reading, and none once the baseline is steady', () => {
    expect(restingReadingNeeded(facts(0, null), MONDAY_NOON, BERLIN)).toBe(false);
    expect(restingReadingNeeded(null, MONDAY_NOON, BERLIN)).toBe(false);
    expect(restingReadingNeeded(facts(3, MONDAY_6AM - DAY), MONDAY_NOON, BERLIN)).toBe(false);
    expect(restingReadingNeeded(facts(7, MONDAY_NOON - BASELINE_STALE_AFTER_MS + HOUR), MONDAY_NOON, BERLIN)).toBe(false);
  });

  it('wants one again once the newest reading is a month old', () => {
    expect(restingReadingNeeded(facts(7, MONDAY_NOON - BASELINE_STALE_AFTER_MS), MONDAY_NOON, BERLIN)).toBe(true);
    expect(BASELINE_STALE_AFTER_MS).toBe(30 * DAY);
  });
});

describe('the calm-day rule', () => {
  const settings = reminderSettings({ activeRanges: [{ start: '09:00', end: '21:30' }], quietHours: true, quietStart: '13:00', quietEnd: '14:00' });
  const facts = (overrides: Partial<RestingFacts> = {}): RestingFacts => ({
    readingsSoFar: 1,
    lastReadingAtMs: MONDAY_6AM - DAY,
    lastFloodAtMs: null,
    lastReminderAtMs: null,
    ...overrides,
  });

  it('is calm inside the reminder hours with nothing flooded lately', () => {
    expect(isCalmMoment(MONDAY_NOON, facts(), settings, BERLIN)).toBe(true);
  });

  it('is not calm within six hours of a flooded check, and is again after', () => {
    expect(CALM_AFTER_FLOOD_MS).toBe(6 * HOUR);
    expect(isCalmMoment(MONDAY_NOON, facts({ lastFloodAtMs: MONDAY_NOON - 6 * HOUR + MINUTE }), settings, BERLIN)).toBe(false);
    expect(isCalmMoment(MONDAY_NOON, facts({ lastFloodAtMs: MONDAY_NOON - 6 * HOUR }), settings, BERLIN)).toBe(true);
  });

  it('keeps to the reminder hours and quiet hours', () => {
    expect(isCalmMoment(MONDAY_6AM + 2 * HOUR, facts(), settings, BERLIN)).toBe(false); // 08:00, before the hours
    expect(isCalmMoment(MONDAY_6AM + 7 * HOUR + 30 * MINUTE, facts(), settings, BERLIN)).toBe(false); // 13:30, quiet
    expect(isCalmMoment(MONDAY_6AM + 16 * HOUR, facts(), settings, BERLIN)).toBe(false); // 22:00
  });

  it('asks once a day at most, and not on a day a reading was taken', () => {
    expect(isCalmMoment(MONDAY_NOON, facts({ lastReminderAtMs: MONDAY_6AM + 4 * HOUR }), settings, BERLIN)).toBe(false);
    expect(isCalmMoment(MONDAY_NOON, facts({ lastReminderAtMs: MONDAY_6AM - 10 * HOUR }), settings, BERLIN)).toBe(true); // Sunday evening
    expect(isCalmMoment(MONDAY_NOON, facts({ lastReadingAtMs: MONDAY_6AM + 3 * HOUR }), settings, BERLIN)).toBe(false);
  });
});

describe('the schedule on the injected clock', () => {
  // Only the resting-reading reminder, so what comes is its own.
  const settings = reminderSettings({ checkIns: false, journalPrompt: false, weeklyProgress: false, activeRanges: [{ start: '09:00', end: '21:30' }] });

  /** A person who takes the reading each time they are asked, as the records would then say. */
  function takesTheReading(sim: Simulation, facts: BaselineFacts): void {
    const last = sim.shown.at(-1);
    if (last === undefined || last.kind !== 'resting-reading' || facts.lastReadingAtMs === last.atMs) return;
    last.handlers.onClick();
    facts.readingsSoFar = Math.min(7, facts.readingsSoFar + 1);
    facts.lastReadingAtMs = last.atMs;
  }

  function restingShown(sim: Simulation): number[] {
    return sim.shown.filter((s) => s.kind === 'resting-reading').map((s) => s.atMs);
  }

  it('asks once a day inside the hours until there are three readings, then stops, and asks again when they go stale', async () => {
    const facts: BaselineFacts = { readingsSoFar: 1, lastReadingAtMs: MONDAY_6AM - DAY, lastFloodAtMs: null };
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    for (let t = MONDAY_6AM; t <= MONDAY_6AM + 20 * DAY; t += 30 * MINUTE) {
      sim.advanceTo(t);
      takesTheReading(sim, facts);
    }
    const asked = restingShown(sim);
    // Monday and Tuesday bring the two readings still needed; nothing after that.
    expect(asked.map((ms) => wallClock(ms, BERLIN).date)).toEqual(['2025-06-02', '2025-06-03']);
    for (const ms of asked) {
      const { minute } = wallClock(ms, BERLIN);
      expect(minute).toBeGreaterThanOrEqual(9 * 60);
      expect(minute).toBeLessThan(21 * 60 + 30);
    }
    expect(facts.readingsSoFar).toBe(3);
    expect(sim.opened.at(-1)).toEqual({ route: 'check', query: 'resting' });

    // A month after the last reading the baseline is stale: the reminder comes back, once.
    const staleFrom = facts.lastReadingAtMs! + BASELINE_STALE_AFTER_MS;
    for (let t = MONDAY_6AM + 20 * DAY; t <= staleFrom + 3 * DAY; t += 30 * MINUTE) {
      sim.advanceTo(t);
      takesTheReading(sim, facts);
    }
    const again = restingShown(sim).slice(2);
    expect(again).toHaveLength(1);
    expect(again[0]!).toBeGreaterThanOrEqual(staleFrom);
    expect(again[0]! - staleFrom).toBeLessThan(2 * DAY);
  });

  it('lets a flooded morning pass and asks the next calm day instead', async () => {
    const facts: BaselineFacts = { readingsSoFar: 1, lastReadingAtMs: MONDAY_6AM - DAY, lastFloodAtMs: null };
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    // A hard conversation flooded just before the day's hours began: the whole window is within six hours.
    facts.lastFloodAtMs = MONDAY_6AM + 2 * HOUR + 50 * MINUTE;
    sim.advanceTo(MONDAY_6AM + 18 * HOUR);
    const monday = restingShown(sim);
    // Either the day's moment fell in the six hours and went by, or it came after them.
    for (const ms of monday) expect(ms - facts.lastFloodAtMs).toBeGreaterThanOrEqual(6 * HOUR);
    sim.advanceTo(MONDAY_6AM + 2 * DAY);
    expect(restingShown(sim).length).toBeGreaterThan(monday.length);
  });

  it('lets the day\'s moment go by quietly when it falls within six hours of a flooded check', async () => {
    const facts: BaselineFacts = { readingsSoFar: 2, lastReadingAtMs: MONDAY_6AM - DAY, lastFloodAtMs: null };
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    // Find the day's moment on a copy, then flood just before it on the real run.
    const probe = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    probe.advanceTo(MONDAY_6AM + 18 * HOUR);
    const moment = restingShown(probe)[0]!;
    facts.lastFloodAtMs = moment - HOUR;
    sim.advanceTo(MONDAY_6AM + 18 * HOUR);
    expect(restingShown(sim)).toEqual([]);
    expect(sim.service.status().recent).toEqual([]);
  });

  it('keeps quiet hours and the switch in Settings', async () => {
    const facts: BaselineFacts = { readingsSoFar: 1, lastReadingAtMs: MONDAY_6AM - DAY, lastFloodAtMs: null };
    // Quiet hours that cover the whole of the reminder hours: nothing may come.
    const quiet = reminderSettings({ ...settings, quietHours: true, quietStart: '08:30', quietEnd: '22:00' });
    const hushed = await simulate({ startMs: MONDAY_6AM, settings: quiet, timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    hushed.advanceTo(MONDAY_6AM + 3 * DAY);
    expect(restingShown(hushed)).toEqual([]);

    const off = await simulate({ startMs: MONDAY_6AM, settings: reminderSettings({ ...settings, restingReadings: false }), timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    off.advanceTo(MONDAY_6AM + 3 * DAY);
    expect(restingShown(off)).toEqual([]);
    expect(off.service.status().next).toBeNull();
  });

  it('comes back after a snooze the same day, as the day\'s one reminder', async () => {
    const facts: BaselineFacts = { readingsSoFar: 1, lastReadingAtMs: MONDAY_6AM - DAY, lastFloodAtMs: null };
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, baselineFacts: () => ({ ...facts }) });
    while (sim.shown.length === 0) sim.advanceTo(sim.nowMs() + 5 * MINUTE);
    const snoozedAtMs = sim.nowMs();
    sim.shown[0]!.handlers.onSnooze();
    sim.advanceTo(snoozedAtMs + HOUR);
    expect(restingShown(sim)).toEqual([sim.shown[0]!.atMs, snoozedAtMs + HOUR]);
    // Taken this time: nothing more that day, and the next day asks again (two readings so far).
    takesTheReading(sim, facts);
    sim.advanceTo(MONDAY_6AM + 18 * HOUR);
    expect(restingShown(sim)).toHaveLength(2);
    sim.advanceTo(MONDAY_6AM + DAY + 18 * HOUR);
    expect(restingShown(sim)).toHaveLength(3);
  });

  it('asks nothing when the records cannot be read', async () => {
    const sim = await simulate({ startMs: MONDAY_6AM, settings, timeZone: BERLIN, baselineFacts: () => null });
    sim.advanceTo(MONDAY_6AM + 3 * DAY);
    expect(restingShown(sim)).toEqual([]);
  });
});
