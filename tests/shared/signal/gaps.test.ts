import { describe, expect, it } from 'vitest';
import { GAP_TOLERANCE_MS, splitAtGaps, valuesBetweenBreaks } from '../../../shared/signal/gaps.ts';

/** Beat end times as a strap's cumulative clock would give them, starting at `startMs`. */
function timesOf(rrMs: readonly number[], startMs = 0): number[] {
  let tMs = startMs;
  return rrMs.map((rr) => (tMs += rr));
}

describe('gaps between stored beats', () => {
  it('finds none in an unbroken stream, whatever its clock offset', () => {
    const rr = [800, 810, 790, 805, 820];
    expect(splitAtGaps(rr, timesOf(rr, 123_456))).toEqual({ segments: [{ from: 0, to: 5 }], gaps: 0, lostMs: 0 });
  });

  it('splits where the clock moved on by more than the RR plus 2 s, and says how much time was lost', () => {
    const rr = [800, 800, 800, 800, 800, 800];
    const times = timesOf(rr);
    times[3]! += 30_000; // a 30 s dropout before beat 3
    for (let i = 4; i < times.length; i++) times[i]! += 30_000;
    times[5]! += GAP_TOLERANCE_MS; // exactly the tolerance: not a gap
    const split = splitAtGaps(rr, times);
    expect(split.segments).toEqual([{ from: 0, to: 3 }, { from: 3, to: 6 }]);
    expect(split.gaps).toBe(1);
    expect(split.lostMs).toBe(30_000);
  });

  it('places a beat without a usable time one interval after the previous one: never a gap by itself', () => {
    const rr = [800, 800, 800, 800, 800];
    const times = [800, Number.NaN, 2400, Number.POSITIVE_INFINITY, 4000];
    expect(splitAtGaps(rr, times).gaps).toBe(0);
    // The beat after an untimed one is still judged against where that one must have been.
    expect(splitAtGaps(rr, [800, Number.NaN, 2400 + 5_000, Number.NaN, 9_000]).segments).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 5 },
    ]);
    // Untimed beats before the first timed one sit one interval before the next.
    expect(splitAtGaps(rr, [Number.NaN, Number.NaN, 50_000, 50_800, 51_600]).gaps).toBe(0);
    // No usable time at all, or fewer times than beats: the beats follow one another.
    expect(splitAtGaps(rr, [Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]).gaps).toBe(0);
    expect(splitAtGaps(rr, [800, 1600]).gaps).toBe(0);
  });

  it('holds a time that goes backwards instead of finding a gap after it', () => {
    const rr = [800, 800, 800, 800];
    expect(splitAtGaps(rr, [10_000, 4_000, 10_800, 11_600])).toMatchObject({ gaps: 0 });
    expect(splitAtGaps(rr, [800, 1600, 1600, 2400]).gaps).toBe(0); // several RR in one notification
  });

  it('counts no time for an interval that cannot be one (a 65535 marker), so the time it claims is lost', () => {
    const rr = [800, 800, 65_535, 800];
    const times = [800, 1600, 1600 + 65_535, 1600 + 65_535 + 800];
    const split = splitAtGaps(rr, times);
    expect(split.gaps).toBe(1);
    expect(split.segments[1]).toEqual({ from: 2, to: 4 });
  });

  it('has no segment for no beats', () => {
    expect(splitAtGaps([], [])).toEqual({ segments: [], gaps: 0, lostMs: 0 });
  });

  it('cuts values at breaks, as views of a typed array', () => {
    const values = Float64Array.from([1, 2, 3, 4, 5]);
    const parts = valuesBetweenBreaks(values, [2, 4]);
    expect(parts.map((part) => Array.from(part))).toEqual([[1, 2], [3, 4], [5]]);
    expect(valuesBetweenBreaks([1, 2, 3], [])).toEqual([[1, 2, 3]]);
    expect(valuesBetweenBreaks([1, 2, 3], [1])).toEqual([[1], [2, 3]]);
  });
});
