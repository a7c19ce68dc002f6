import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, percentChange, rollingMedian } from '../../../shared/trends/statistics.ts';
import { lttb } from '../../../shared/trends/lttb.ts';

const naiveMedian = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('median', () => {
  it('takes the middle value, averaging the middle two for even counts, and ignores non-numbers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([Number.NaN, 5])).toBe(5);
    expect(median([])).toBeNull();
  });
});

describe('rolling median', () => {
  it('is the median of the last `window` values, null until there are enough', () => {
    expect(rollingMedian([10, 20, 30, 40, 50, 60], 3)).toEqual([null, null, 20, 30, 40, 50]);
    expect(rollingMedian([5, 1, 9, 3], 4, 1)).toEqual([5, 3, 5, 4]);
  });

  it('matches a naive median of each trailing window for any series', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3600 }), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (values, window) => {
        const rolled = rollingMedian(values, window, 1);
        rolled.forEach((value, i) => {
          expect(value).toBe(naiveMedian(values.slice(Math.max(0, i - window + 1), i + 1)));
        });
      }),
    );
  });

  it('is not moved by one outlier session', () => {
    const rolled = rollingMedian([60, 62, 58, 3000, 61, 59, 60], 7);
    expect(rolled.at(-1)).toBe(60);
  });
});

describe('percentage change', () => {
  it('is relative to the earlier value and undefined from zero', () => {
    expect(percentChange(100, 62)).toBeCloseTo(-38);
    expect(percentChange(50, 75)).toBeCloseTo(50);
    expect(percentChange(0, 10)).toBeNull();
    expect(percentChange(Number.NaN, 10)).toBeNull();
  });
});

describe('LTTB downsampling (display only)', () => {
  const series = fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 1, maxLength: 400 }).map((ys) => ys.map((y, x) => ({ x, y })));

  it('keeps the first and last points, the global extremes, x order, and stays near the threshold', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 120 }), (points, threshold) => {
        const out = lttb(points, threshold);
        expect(out[0]).toBe(points[0]);
        expect(out.at(-1)).toBe(points.at(-1));
        const ys = points.map((p) => p.y);
        expect(out.some((p) => p.y === Math.min(...ys))).toBe(true);
        expect(out.some((p) => p.y === Math.max(...ys))).toBe(true);
        for (let i = 1; i < out.length; i += 1) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
        expect(out.length).toBeLessThanOrEqual(Math.max(3, threshold) + 2);
      }),
    );
  });

  it('returns short series as they are, and keeps a lone spike in a long flat one', () => {
    const short = [{ x: 0, y: 1 }, { x: 1, y: 2 }];
    expect(lttb(short, 10)).toEqual(short);
    const flat = Array.from({ length: 10_000 }, (_, x) => ({ x, y: x === 7777 ? 190 : 60 }));
    const out = lttb(flat, 100);
    expect(out.length).toBeLessThanOrEqual(102);
    expect(out.some((p) => p.x === 7777)).toBe(true);
  });
});
