import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRrSeries } from '../../../shared/signal/artefact-correction.ts';
import { LT_THRESHOLD_WINDOW_BEATS, thresholdMs } from '../../../shared/signal/beat-classification.ts';
import { QuartileThresholds } from '../../../shared/signal/quartile-thresholds.ts';
import { centredRollingQuantiles } from '../../../shared/signal/rolling-quantile.ts';
import { generateRrSeries, injectArtefacts } from '../../../shared/signal/synthetic-rr.ts';
import { CLEAN_RECORDINGS, readFixture } from '../../support/cleaning-evaluation.ts';

// The cleaning reads each beat's threshold from QuartileThresholds, which sorts a window only
// where a lower bound does not settle the beat. Its thresholds must be the sorted rolling
// window's to the bit, and its bounds never above them, or beats would be judged differently.

/** The thresholds as the cleaning computed them before: one sorted window per beat. */
function sortedWindowThresholds(magnitudes: Float64Array, lead: number): Float64Array {
  const n = magnitudes.length;
  const q1 = new Float64Array(n);
  const q3 = new Float64Array(n);
  centredRollingQuantiles(magnitudes, LT_THRESHOLD_WINDOW_BEATS, [0.25, 0.75], [q1, q3]);
  const half = (LT_THRESHOLD_WINDOW_BEATS - 1) / 2;
  return Float64Array.from({ length: n }, (_, i) => {
    const end = Math.min(Math.max(i + lead, LT_THRESHOLD_WINDOW_BEATS - 1), n - 1);
    const centre = Math.max(0, end - half);
    return thresholdMs(q1[centre]!, q3[centre]!);
  });
}

function expectSameThresholds(finder: QuartileThresholds, magnitudes: Float64Array, lead: number): void {
  finder.prepare(magnitudes, lead);
  const expected = sortedWindowThresholds(magnitudes, lead);
  const bounds = new Float64Array(magnitudes.length);
  finder.fillLowerBounds(bounds);
  for (let i = 0; i < magnitudes.length; i++) {
    if (finder.exactMs(i) !== expected[i]) expect.fail(`beat ${i}: threshold ${finder.exactMs(i)}, sorted window ${expected[i]}`);
    if (!(bounds[i]! <= expected[i]!)) expect.fail(`beat ${i}: bound ${bounds[i]} above the threshold ${expected[i]}`);
  }
}

const changes = (rrMs: ArrayLike<number>): Float64Array => Float64Array.from({ length: rrMs.length }, (_, i) => (i === 0 ? 0 : Math.abs(rrMs[i]! - rrMs[i - 1]!)));

describe('quartile thresholds without a sorted window per beat', () => {
  const finder = new QuartileThresholds();

  it.each(CLEAN_RECORDINGS)('equal the sorted window on the beat changes of %s, with artefacts injected', (name) => {
    const rrMs = readFixture(name);
    expectSameThresholds(finder, changes(rrMs), 6);
    expectSameThresholds(finder, changes(injectArtefacts(rrMs, { seed: 5, ratePercent: 5 }).rrMs), 1);
  });

  it('equal it on two hours of generated beats with 2 % artefacts, for every lead', () => {
    const rrMs = injectArtefacts(generateRrSeries({ seed: 9, durationSec: 7200 }), { seed: 9, ratePercent: 2 }).rrMs;
    for (const lead of [0, 1, 6, 45, 90, 200]) expectSameThresholds(finder, changes(rrMs), lead);
  });

  it('equal it for any magnitudes: ties, zeros, sub-millisecond and huge values, short series', () => {
    const magnitude = fc.oneof(
      fc.integer({ min: 0, max: 40 }), // whole milliseconds, many ties (a strap's 1 ms clock)
      fc.double({ min: 0, max: 0.1, noNaN: true }), // below the smallest bucket
      fc.double({ min: 0, max: 3000, noNaN: true }),
      fc.double({ min: 60_000, max: 1e12, noNaN: true }), // above the largest bucket
    );
    fc.assert(
      fc.property(fc.array(magnitude, { maxLength: 400 }), fc.integer({ min: 0, max: 100 }), (values, lead) => {
        expectSameThresholds(finder, Float64Array.from(values), lead);
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('fall back to sorting every window when a magnitude is not finite, and still agree', () => {
    const magnitudes = changes(generateRrSeries({ seed: 3, durationSec: 300 }));
    magnitudes[120] = Infinity;
    expectSameThresholds(finder, magnitudes, 6);
    magnitudes[120] = Number.NaN;
    finder.prepare(magnitudes, 6);
    const expected = sortedWindowThresholds(magnitudes, 6);
    // NaN spoils the sorted window's order; what matters is that both read the same values.
    for (let i = 0; i < magnitudes.length; i++) expect(Object.is(finder.exactMs(i), expected[i])).toBe(true);
  });

  it('give the same thresholds after being reused for a longer and a shorter series', () => {
    const long = changes(generateRrSeries({ seed: 1, durationSec: 3600 }));
    const short = changes(generateRrSeries({ seed: 2, durationSec: 200 }));
    expectSameThresholds(finder, long, 6);
    expectSameThresholds(finder, short, 1);
    expectSameThresholds(finder, long, 1);
  });

  it('leave the cleaning of a recording the same whichever order recordings are cleaned in', () => {
    const day = injectArtefacts(generateRrSeries({ seed: 24, durationSec: 4 * 3600 }), { seed: 24, ratePercent: 2 }).rrMs;
    const short = readFixture(CLEAN_RECORDINGS[0]!);
    const first = cleanRrSeries(day);
    cleanRrSeries(short);
    const again = cleanRrSeries(day);
    expect(Array.from(again.nnMs)).toEqual(Array.from(first.nnMs));
    expect(again.byClass).toEqual(first.byClass);
  });
});
