import { describe, expect, it } from 'vitest';
import { wallClockAt, zoneOffsetMs } from '../../../shared/time/wall-clock.ts';

describe('wall clock in a time zone', () => {
  it('reads Berlin time on both sides of the spring change', () => {
    // 2026-03-29 01:30 UTC is 03:30 in Berlin (clocks went from 02:00 to 03:00 at 01:00 UTC).
    expect(wallClockAt(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 });
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 0, 30), 'Europe/Berlin')).toBe(3_600_000);
    expect(zoneOffsetMs(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Berlin')).toBe(7_200_000);
  });

  it('gives midnight as hour 0 and a date line crossing as the next day', () => {
    expect(wallClockAt(Date.UTC(2026, 10, 25, 23, 0), 'Europe/Berlin')).toMatchObject({ day: 26, hour: 0 });
    expect(wallClockAt(Date.UTC(2026, 10, 25, 12, 0), 'Pacific/Kiritimati')).toMatchObject({ day: 26, hour: 2 });
  });
});
