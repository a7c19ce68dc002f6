import { describe, expect, it } from 'vitest';
import { addDays, civilDateOf, instantOf, localParts, zoneOffsetMs } from '../../../main/reminders/zoned-time.ts';

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
});
