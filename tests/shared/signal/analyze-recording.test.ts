import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRecording, TooFewBeatsError } from '../../../shared/signal/analyze-recording.ts';
import { cleanRrSeries } from '../../../shared/signal/artefact-correction.ts';
import { cumulativeBeatTimesMs, forEachCoherenceWindow } from '../../../shared/signal/coherence.ts';
import { ENGINE_VERSION } from '../../../shared/signal/index.ts';
import { generateRrSeries, injectArtefacts } from '../../../shared/signal/synthetic-rr.ts';
import { CLEAN_RECORDINGS, readFixture } from '../../support/cleaning-evaluation.ts';

describe('analyzeRecording', () => {
  const clean = generateRrSeries({ seed: 21, durationSec: 300 });

  it('returns exactly the JSON shape the analyze command prints', () => {
    const analysis = analyzeRecording(clean, { clean: true });
    expect(Object.keys(analysis)).toEqual(['beats', 'durationSec', 'cleaning', 'time', 'frequency', 'poincare', 'coherence']);
    expect(Object.keys(analysis.cleaning)).toEqual(['method', 'corrected', 'correctedPercent', 'byClass', 'outOfRange']);
    expect(Object.keys(analysis.cleaning.byClass)).toEqual(['ectopic', 'missed', 'extra', 'longShort']);
    expect(Object.keys(analysis.time)).toEqual(['meanNnMs', 'sdnnMs', 'rmssdMs', 'nn50', 'pnn50', 'meanHrBpm', 'minHrBpm', 'maxHrBpm']);
    expect(Object.keys(analysis.frequency!)).toEqual(['vlfMs2', 'lfMs2', 'hfMs2', 'lfHf', 'lfNu', 'hfNu', 'totalMs2']);
    expect(Object.keys(analysis.poincare)).toEqual(['sd1Ms', 'sd2Ms']);
    expect(Object.keys(analysis.coherence!)).toEqual(['meanRatio', 'meanNormalized', 'peakHz', 'highSec', 'measuredSec']);
    expect(analysis.cleaning.method).toBe('lipponen-tarvainen-2019');
    expect(analysis.beats).toBe(clean.length);
    expect(analysis.durationSec).toBeCloseTo(clean.reduce((a, b) => a + b, 0) / 1000, 9);
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis); // nothing lost: no NaN, no Infinity
  });

  it('with clean: false analyses the series as-is', () => {
    const { rrMs } = injectArtefacts(clean, { seed: 4, ratePercent: 3, kinds: ['missed'] });
    const raw = analyzeRecording(rrMs, { clean: false });
    const cleaned = analyzeRecording(rrMs, { clean: true });
    expect(raw.cleaning).toEqual({
      method: 'none',
      corrected: 0,
      correctedPercent: 0,
      byClass: { ectopic: 0, missed: 0, extra: 0, longShort: 0 },
      outOfRange: 0,
    });
    expect(raw.time.rmssdMs).toBeGreaterThan(2 * cleaned.time.rmssdMs);
    expect(cleaned.cleaning.byClass.missed).toBeGreaterThan(0);
  });

  it('gives HF from 60 s, LF and the ratios from 120 s, and coherence from 64 s', () => {
    const ninety = analyzeRecording(generateRrSeries({ seed: 2, durationSec: 90 }), { clean: true });
    expect(ninety.frequency).toMatchObject({ vlfMs2: null, lfMs2: null, lfHf: null, lfNu: null, hfNu: null, totalMs2: null });
    expect(ninety.frequency!.hfMs2).toBeGreaterThan(0);
    expect(ninety.coherence).not.toBeNull();
    const fifty = analyzeRecording(generateRrSeries({ seed: 2, durationSec: 50 }), { clean: true });
    expect(fifty.frequency).toBeNull();
    expect(fifty.coherence).toBeNull();
    const long = analyzeRecording(generateRrSeries({ seed: 2, durationSec: 300 }), { clean: true });
    expect(long.frequency!.lfHf).toBeGreaterThan(0);
  });

  it('says why a file with no interval between 300 and 2000 ms cannot be analysed', () => {
    // A recording written in seconds instead of milliseconds.
    expect(() => analyzeRecording([0.81, 0.79, 0.83, 0.8], { clean: true })).toThrow(/none of the 4 intervals is between 300 and 2000 ms.*seconds/);
    expect(() => analyzeRecording([2600, 2700, 2650], { clean: true })).toThrow(TooFewBeatsError);
  });

  it('leaves impossible values out even without cleaning, and refuses fewer than 3 intervals', () => {
    const analysis = analyzeRecording([800, 0, 820, -5, 810, Number.POSITIVE_INFINITY, 805], { clean: false });
    expect(analysis.cleaning.outOfRange).toBe(3);
    expect(Number.isFinite(analysis.time.maxHrBpm)).toBe(true);
    expect(() => analyzeRecording([800, 900], { clean: true })).toThrow(TooFewBeatsError);
    expect(() => analyzeRecording([50, 60, 70, 80], { clean: true })).toThrow(TooFewBeatsError);
    expect(() => analyzeRecording([], { clean: false })).toThrow(/at least 3/);
  });

  it('exports an engine version', () => {
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

/**
 * A recording with dropouts cut into it, as a strap that lost contact would store it: the
 * beats inside each dropout removed, every other beat keeping its time.
 */
function withDropouts(rrMs: readonly number[], untilSec: number, dropouts: readonly (readonly [atSec: number, lastingSec: number])[]) {
  let clockMs = 0;
  const beats = rrMs.map((rr) => ({ rr, tMs: (clockMs += rr) })).filter(({ tMs }) => tMs <= untilSec * 1000);
  const lost = (tMs: number) => dropouts.some(([atSec, lastingSec]) => tMs > atSec * 1000 && tMs <= (atSec + lastingSec) * 1000);
  const kept = beats.filter(({ tMs }) => !lost(tMs));
  const stretches: number[][] = [[]];
  kept.forEach(({ rr, tMs }, i) => {
    if (i > 0 && dropouts.some(([atSec]) => kept[i - 1]!.tMs <= atSec * 1000 && tMs > atSec * 1000)) stretches.push([]);
    stretches.at(-1)!.push(rr);
  });
  const lostSec = beats.filter(({ tMs }) => lost(tMs)).reduce((sum, { rr }) => sum + rr, 0) / 1000;
  return { rrMs: kept.map(({ rr }) => rr), tMs: kept.map(({ tMs }) => tMs), stretches, lostSec };
}

/** RMSSD, pNN50 and SD1 by hand from the successive differences inside each stretch. */
function differencesWithin(stretches: readonly ArrayLike<number>[]) {
  const differences = stretches.flatMap((stretch) => Array.from({ length: stretch.length - 1 }, (_, i) => stretch[i + 1]! - stretch[i]!));
  const mean = differences.reduce((sum, d) => sum + d, 0) / differences.length;
  return {
    rmssdMs: Math.sqrt(differences.reduce((sum, d) => sum + d * d, 0) / differences.length),
    pnn50: (100 * differences.filter((d) => Math.abs(d) > 50).length) / differences.length,
    sd1Ms: Math.sqrt(differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (differences.length - 1) / 2),
  };
}

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('analyzeRecording with beat times: gaps are gaps', () => {
  // 12 minutes of a real recording (rest, then exercise from about minute 6: RR falls from
  // about 780 to 590 ms) with a 30 s dropout at 2:00 and a 150 s one from 5:00 to 7:30.
  const exercise = withDropouts(readFixture('rhenanbartels-hrv_exercise_rri_polar.rr_ms.txt'), 720, [
    [120, 30],
    [300, 150],
  ]);
  const timed = analyzeRecording(exercise.rrMs, { clean: true, beatTimesMs: exercise.tMs });
  const joined = analyzeRecording(exercise.rrMs, { clean: true });
  const cleanedStretches = exercise.stretches.map((stretch) => cleanRrSeries(stretch));

  it('says where beats were lost and how much time', () => {
    expect(exercise.stretches).toHaveLength(3);
    expect(timed.gaps).toMatchObject({ count: 2, frequencyReason: null, coherenceReason: null });
    expect(timed.gaps!.totalSec).toBeCloseTo(exercise.lostSec, 9);
    expect(timed.gaps!.totalSec).toBeGreaterThan(178);
    expect(timed.durationSec).toBeCloseTo(exercise.rrMs.reduce((sum, rr) => sum + rr, 0) / 1000, 9);
  });

  it('cleans each stretch on its own and takes no successive difference across a dropout', () => {
    const byHand = differencesWithin(cleanedStretches.map((cleaned) => cleaned.nnMs));
    expect(relative(timed.time.rmssdMs, byHand.rmssdMs)).toBeLessThan(1e-12);
    expect(relative(timed.time.pnn50, byHand.pnn50)).toBeLessThan(1e-12);
    expect(relative(timed.poincare.sd1Ms, byHand.sd1Ms)).toBeLessThan(1e-9);
    expect(timed.cleaning.corrected).toBe(cleanedStretches.reduce((sum, cleaned) => sum + cleaned.corrected, 0));
    // Mean and SDNN are over every interval, gaps or not.
    const allNn = cleanedStretches.flatMap((cleaned) => Array.from(cleaned.nnMs));
    expect(relative(timed.time.meanNnMs, allNn.reduce((sum, nn) => sum + nn, 0) / allNn.length)).toBeLessThan(1e-12);
    // Joined, the 190 ms step across the long dropout reads as beat-to-beat variability.
    expect(joined.time.rmssdMs).toBeGreaterThan(1.05 * timed.time.rmssdMs);
  });

  it('averages coherence only over windows inside one stretch', () => {
    const ratios: number[] = [];
    for (const { nnMs } of cleanedStretches) {
      forEachCoherenceWindow(cumulativeBeatTimesMs(nnMs), nnMs, (_end, reading) => {
        if (reading.available) ratios.push(reading.value.ratio);
      });
    }
    expect(ratios.length).toBeGreaterThan(20);
    expect(relative(timed.coherence!.meanRatio, ratios.reduce((sum, r) => sum + r, 0) / ratios.length)).toBeLessThan(1e-12);
    expect(timed.coherence!.meanRatio).not.toBeCloseTo(joined.coherence!.meanRatio, 3);
  });

  it('takes the spectrum from the gap-free stretches: the step across the dropout is no longer slow-rhythm power', () => {
    expect(timed.frequency!.vlfMs2).toBeLessThan(0.6 * joined.frequency!.vlfMs2!);
    // However long the dropouts lasted, the figures are the same: nothing is drawn across them.
    const later = exercise.tMs.map((tMs, i) => tMs + (i >= exercise.stretches[0]!.length ? 3_600_000 : 0));
    const { gaps, ...figures } = analyzeRecording(exercise.rrMs, { clean: true, beatTimesMs: later });
    const { gaps: _gaps, ...timedFigures } = timed;
    expect(figures).toEqual(timedFigures);
    expect(gaps!.totalSec).toBeCloseTo(exercise.lostSec + 3600, 6);
  });

  it('leaves out what the stretches are too short for, and says why', () => {
    // Five minutes at rest with 150 s lost in the middle: two stretches of about 75 s.
    const rest = withDropouts(readFixture('rhenanbartels-hrv_rest_rri_supine15min.rr_ms.txt'), 300, [[75, 150]]);
    const split = analyzeRecording(rest.rrMs, { clean: true, beatTimesMs: rest.tMs });
    expect(split.frequency).toMatchObject({ vlfMs2: null, lfMs2: null, lfHf: null });
    expect(split.frequency!.hfMs2).toBeGreaterThan(0);
    expect(split.gaps!.frequencyReason).toMatch(/^LF needs at least 120 s of beats without a gap; beats were lost once, and the longest unbroken stretch has 7\d s$/);
    expect(split.coherence).not.toBeNull();
    // The same beats without their times would claim LF from 150 s that were never one stretch.
    expect(analyzeRecording(rest.rrMs, { clean: true }).frequency!.lfMs2).not.toBeNull();

    // Three minutes with two 60 s dropouts: stretches under a minute, no spectrum, no coherence.
    const choppy = withDropouts(readFixture('rhenanbartels-hrv_rest_rri_supine15min.rr_ms.txt'), 180, [[30, 60], [120, 40]]);
    const none = analyzeRecording(choppy.rrMs, { clean: true, beatTimesMs: choppy.tMs });
    expect(none.frequency).toBeNull();
    expect(none.coherence).toBeNull();
    expect(none.gaps!.frequencyReason).toMatch(/^HF needs at least 60 s of beats without a gap; beats were lost 2 times/);
    expect(none.gaps!.coherenceReason).toMatch(/^coherence needs at least 64 seconds of varying beats without a gap; beats were lost 2 times/);
    expect(none.time.rmssdMs).toBeGreaterThan(0);
  });

  it('without a gap, beat times change nothing: the same numbers, bit for bit', () => {
    for (const name of CLEAN_RECORDINGS) {
      const rrMs = readFixture(name);
      let clockMs = 5_000;
      const beatTimesMs = rrMs.map((rr) => (clockMs += rr));
      const plain = analyzeRecording(rrMs, { clean: true });
      const { gaps, ...figures } = analyzeRecording(rrMs, { clean: true, beatTimesMs });
      expect('gaps' in plain).toBe(false);
      expect(figures).toEqual(plain);
      expect(gaps).toMatchObject({ count: 0, totalSec: 0, frequencyReason: null, coherenceReason: null });
    }
  });

  it('refuses stretches too broken to compare two beats in a row', () => {
    const rrMs = [800, 800, 800, 800];
    expect(() => analyzeRecording(rrMs, { clean: false, beatTimesMs: [800, 10_000, 20_000, 20_800] })).toThrow(/beats were lost so often/);
    expect(analyzeRecording(rrMs, { clean: false, beatTimesMs: [800, 1_600, 20_000, 20_800] }).time.rmssdMs).toBe(0);
  });

  it('never draws a spectrum or a coherence window across a gap (property)', () => {
    // Two stretches of rhythm and, between two gaps, an island of wild beats too short for
    // any window. Any window reaching across a gap would pick up the island, or depend on
    // the order of the stretches and on how long the gaps lasted.
    // At most 25 beats of at most 1.8 s: under 64 s, too short for a window of either kind.
    const island = fc.array(fc.double({ min: 350, max: 1800, noNaN: true }), { minLength: 1, maxLength: 25 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 130, max: 400 }),
        fc.integer({ min: 130, max: 400 }),
        island,
        fc.array(fc.double({ min: 2_100, max: 600_000, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        (seedA, seedB, secondsA, secondsB, islandRr, [gap1, gap2, gap3], clean) => {
          const a = generateRrSeries({ seed: seedA, durationSec: secondsA, breathingHz: 0.1 });
          const b = generateRrSeries({ seed: seedB, durationSec: secondsB, meanHrBpm: 80 });
          const first = joinWithGaps([a, islandRr, b], [gap1!, gap2!]);
          const second = joinWithGaps([b, a], [gap3!]);
          const one = analyzeRecording(first.rrMs, { clean, beatTimesMs: first.tMs });
          const other = analyzeRecording(second.rrMs, { clean, beatTimesMs: second.tMs });
          expectClose(one.frequency, other.frequency);
          expectClose(one.coherence, other.coherence);
        },
      ),
      { numRuns: 40 },
    );
  });
});

/** Stretches of RR laid end to end on one clock, with the given time lost between them. */
function joinWithGaps(stretches: readonly (readonly number[])[], gapsMs: readonly number[]) {
  const rrMs: number[] = [];
  const tMs: number[] = [];
  let clockMs = 0;
  stretches.forEach((stretch, k) => {
    if (k > 0) clockMs += gapsMs[k - 1]!;
    for (const rr of stretch) {
      rrMs.push(rr);
      tMs.push((clockMs += rr));
    }
  });
  return { rrMs, tMs };
}

/** Equal figure by figure to 1e-9 (summing segments in another order moves the last bits), null alike. */
function expectClose(actual: Record<string, number | null> | null, expected: Record<string, number | null> | null): void {
  if (expected === null || actual === null) {
    expect(actual).toEqual(expected);
    return;
  }
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const key of Object.keys(expected)) {
    const a = actual[key]!;
    const e = expected[key]!;
    if (a === null || e === null) expect(a).toBe(e);
    else expect(Math.abs(a - e), key).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  }
}
