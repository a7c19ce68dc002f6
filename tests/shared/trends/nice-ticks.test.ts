import { describe, expect, it } from 'vitest';
import { durationTicks, niceTicks } from '../../../shared/trends/nice-ticks.ts';

// Axis ticks a reader can read at a glance: round values in the unit shown.

describe('nice ticks', () => {
  it('puts heart rates on tens: 60, 70, 80 bpm (not 658/743/828)', () => {
    expect(niceTicks(62, 84).ticks).toEqual([60, 70, 80, 90]);
    expect(niceTicks(658, 828).ticks).toEqual([650, 700, 750, 800, 850]);
  });

  it('covers the values: the first tick at or below the least, the last at or above the most', () => {
    for (const [min, max] of [[0.3, 9.7], [41, 43], [-12, 7], [1234, 98765], [0.012, 0.019]] as const) {
      const { ticks, domain } = niceTicks(min, max);
      expect(ticks[0]).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(domain).toEqual([ticks[0], ticks.at(-1)]);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('steps by 1, 2, 2.5 or 5 times a power of ten, without floating-point crumbs', () => {
    expect(niceTicks(0, 1).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, 0.3, 4).ticks).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 37).ticks).toEqual([0, 10, 20, 30, 40]);
  });

  it('keeps counts whole, and gives a flat series some room', () => {
    expect(niceTicks(0, 3, 5, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 1, 5, { integer: true }).ticks).toEqual([0, 1]);
    expect(niceTicks(0, 0, 5, { integer: true }).ticks).toEqual([0, 1]);
    const flat = niceTicks(70, 70);
    expect(flat.ticks[0]).toBeLessThan(70);
    expect(flat.ticks.at(-1)).toBeGreaterThan(70);
  });
});

describe('time axes in the unit shown', () => {
  it('writes whole minutes from two minutes up: 0, 1, 2, 3 min (not 1.3 min, 2.7 min)', () => {
    const axis = durationTicks(160);
    expect(axis.unit).toBe('min');
    expect(axis.ticks.map(axis.label)).toEqual(['0 min', '1 min', '2 min', '3 min']);
    expect(axis.ticks).toEqual([0, 60, 120, 180]);
    const long = durationTicks(14 * 60);
    expect(long.ticks.map(long.label)).toEqual(['0 min', '5 min', '10 min', '15 min']);
  });

  it('writes seconds under two minutes, on round values', () => {
    const axis = durationTicks(95);
    expect(axis.unit).toBe('s');
    expect(axis.ticks.map(axis.label)).toEqual(['0 s', '25 s', '50 s', '75 s', '100 s']);
    expect(durationTicks(0).ticks.map(durationTicks(0).label)).toEqual(['0 s', '5 s', '10 s']);
  });
});
