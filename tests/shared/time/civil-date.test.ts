import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilDateOf,
  dateKey,
  instantOf,
  localParts,
  nextTimeOfDayMs,
  parseTimeOfDay,
  timeOfDayText,
  weekdayOf,
} from '../../../shared/time/civil-date.ts';
import { zoneOffsetMs } from '../../../shared/time/wall-clock.ts';

const BERLIN = 'Europe/Berlin';

describe('wall-clock time in an IANA zone, whatever the process TZ', () => {
  it('reads Berlin summer and winter time', () => {
    expect(zoneOffsetMs(Date.UTC(2025, 0, 15, 12), BERLIN)).toBe(3_600_000);
    expect(zoneOffsetMs(Date.UTC(2025, 6, 15, 12), BERLIN)).toBe(7_200_000);
    expect(localParts(Date.UTC(2025, 6, 15, 12), BERLIN)).toMatchObject({ hour: 14, minute: 0, weekday: 2 });
  });

  it('finds the instant of a local time on both sides of the spring change', () => {
    expect(instantOf({ year: 2025, month: 3, day: 29 }, 20 * 60 + 30, BERLIN)).toBe(Date.UTC(2025, 2, 29, 19, 30));
    expect(instantOf({ year: 2025, month: 3, day: 30 }, 20 * 60 + 30, BERLIN)).toBe(Date.UTC(2025, 2, 30, 18, 30));
  });

  it('moves a time inside the skipped spring hour forward, as the clock does', () => {
    // 02:30 does not exist in Berlin on 30 March 2025; it becomes 03:30 summer time.
    const at = instantOf({ year: 2025, month: 3, day: 30 }, 2 * 60 + 30, BERLIN);
    expect(localParts(at, BERLIN)).toMatchObject({ hour: 3, minute: 30 });
  });

  it('takes the first of the two autumn readings of the repeated hour', () => {
    const at = instantOf({ year: 2025, month: 10, day: 26 }, 2 * 60 + 30, BERLIN);
    expect(at).toBe(Date.UTC(2025, 9, 26, 0, 30));
  });

  it('counts civil days across month ends', () => {
    expect(addDays({ year: 2025, month: 2, day: 28 }, 1)).toEqual({ year: 2025, month: 3, day: 1 });
    expect(civilDateOf(Date.UTC(2025, 2, 30, 23, 30), BERLIN)).toEqual({ year: 2025, month: 3, day: 31 });
  });

  it('weekdays count from Sunday, dates sort by their key', () => {
    expect(weekdayOf({ year: 2025, month: 3, day: 30 })).toBe(0);
    expect(weekdayOf({ year: 1969, month: 12, day: 31 })).toBe(3);
    expect(dateKey({ year: 2025, month: 3, day: 9 })).toBe('2025-03-09');
    expect(addDays({ year: 2024, month: 12, day: 31 }, 60)).toEqual({ year: 2025, month: 3, day: 1 });
  });
});

describe(`the next time the clock reads a chosen time (a break's "come back at")`, () => {
  it('is today while the time is still ahead, tomorrow once it has passed', () => {
    const at1800 = instantOf({ year: 2025, month: 6, day: 10 }, 18 * 60, BERLIN);
    expect(nextTimeOfDayMs(at1800, 19 * 60 + 30, BERLIN)).toBe(instantOf({ year: 2025, month: 6, day: 10 }, 19 * 60 + 30, BERLIN));
    expect(nextTimeOfDayMs(at1800, 17 * 60, BERLIN)).toBe(instantOf({ year: 2025, month: 6, day: 11 }, 17 * 60, BERLIN));
    expect(nextTimeOfDayMs(at1800, 18 * 60, BERLIN)).toBe(at1800);
  });

  it('lands on the chosen time across the night the clocks change, not an hour off', () => {
    // 23:50 on Saturday 29 March 2025 in Berlin; the clocks go forward at 02:00 that night.
    const beforeSpring = instantOf({ year: 2025, month: 3, day: 29 }, 23 * 60 + 50, BERLIN);
    const spring = nextTimeOfDayMs(beforeSpring, 9 * 60, BERLIN);
    expect(localParts(spring, BERLIN)).toMatchObject({ day: 30, hour: 9, minute: 0 });
    expect(spring - beforeSpring).toBe((9 * 60 + 10 - 60) * 60_000);
    // 23:50 on Saturday 25 October 2025; the clocks go back at 03:00 that night.
    const beforeAutumn = instantOf({ year: 2025, month: 10, day: 25 }, 23 * 60 + 50, BERLIN);
    const autumn = nextTimeOfDayMs(beforeAutumn, 9 * 60, BERLIN);
    expect(localParts(autumn, BERLIN)).toMatchObject({ day: 26, hour: 9, minute: 0 });
    expect(autumn - beforeAutumn).toBe((9 * 60 + 10 + 60) * 60_000);
  });

  it(`reads and writes the time field's "HH:MM", refusing what is not a time`, () => {
    expect(parseTimeOfDay('07:05')).toBe(7 * 60 + 5);
    expect(parseTimeOfDay('23:59')).toBe(23 * 60 + 59);
    for (const bad of ['24:00', '12:60', '7:05', '', '12:30:00']) expect(parseTimeOfDay(bad)).toBeNull();
    expect(timeOfDayText(instantOf({ year: 2025, month: 1, day: 2 }, 7 * 60 + 5, BERLIN), BERLIN)).toBe('07:05');
  });
});
