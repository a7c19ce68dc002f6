import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localMonthStarts, localWeekStarts, startOfLocalMonthMs, startOfLocalWeekMs } from '../../../shared/trends/local-calendar.ts';

const BERLIN = 'Europe/Berlin';

describe('local weeks and months', () => {
  it('starts weeks on Monday at local midnight, also across daylight saving', () => {
    // Sunday 2025-03-30 is the day Berlin moves to summer time.
    expect(new Date(startOfLocalWeekMs(Date.parse('2025-03-30T20:00:00Z'), BERLIN)).toISOString()).toBe('2025-03-23T23:00:00.000Z');
    expect(new Date(startOfLocalWeekMs(Date.parse('2025-03-31T08:00:00Z'), BERLIN)).toISOString()).toBe('2025-03-30T22:00:00.000Z');
    // Sunday 23:30 in Berlin is still the old week, though it is Sunday 21:30 UTC.
    expect(new Date(startOfLocalWeekMs(Date.parse('2025-01-12T22:30:00Z'), BERLIN)).toISOString()).toBe('2025-01-05T23:00:00.000Z');
    // Monday 00:30 in Berlin is a new week, though UTC still says Sunday.
    expect(new Date(startOfLocalWeekMs(Date.parse('2025-01-12T23:30:00Z'), BERLIN)).toISOString()).toBe('2025-01-12T23:00:00.000Z');
  });

  it('puts every instant in the week that starts at most 7 days before it, on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') }), (ms) => {
        const start = startOfLocalWeekMs(ms, BERLIN);
        expect(start).toBeLessThanOrEqual(ms);
        expect(ms - start).toBeLessThan(7 * 86_400_000 + 3_600_000);
        expect(new Intl.DateTimeFormat('en-GB', { timeZone: BERLIN, weekday: 'short', hour: 'numeric', hourCycle: 'h23' }).format(start)).toMatch(/^Mon,? 00$/);
      }),
      { numRuns: 200 },
    );
  });

  it('lists consecutive weeks and months', () => {
    const weeks = localWeekStarts(Date.parse('2025-03-01T12:00:00Z'), Date.parse('2025-04-15T12:00:00Z'), BERLIN);
    expect(weeks).toHaveLength(8);
    expect(weeks.every((w, i) => i === 0 || w - weeks[i - 1]! >= 6.9 * 86_400_000)).toBe(true);
    const months = localMonthStarts(Date.parse('2024-11-20T00:00:00Z'), Date.parse('2025-02-02T00:00:00Z'), BERLIN);
    expect(months.map((m) => new Date(m).toISOString())).toEqual(['2024-10-31T23:00:00.000Z', '2024-11-30T23:00:00.000Z', '2024-12-31T23:00:00.000Z', '2025-01-31T23:00:00.000Z']);
    expect(startOfLocalMonthMs(Date.parse('2025-01-31T23:30:00Z'), BERLIN)).toBe(Date.parse('2025-01-31T23:00:00Z'));
  });
});
