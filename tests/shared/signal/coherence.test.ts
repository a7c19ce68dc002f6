import { describe, expect, it } from 'vitest';
import {
  coherenceOfWindow,
  cumulativeBeatTimesMs,
  forEachCoherenceWindow,
  recordingCoherence,
  skipEmptyWindowEnds,
} from '../../../shared/signal/coherence.ts';
import { cleanRrSeries } from '../../../shared/signal/artefact-correction.ts';
import { stretchCoherenceWindows } from '../../../shared/signal/stretch-coherence.ts';
import { generateRrSeries, injectArtefacts } from '../../../shared/signal/synthetic-rr.ts';
import { CLEAN_RECORDINGS, readFixture } from '../../support/cleaning-evaluation.ts';

function sinusoidalRr(durationSec: number, meanMs: number, amplitudeMs: number, frequencyHz: number): number[] {
  const rr: number[] = [];
  let tSec = 0;
  while (tSec < durationSec) {
    const value = meanMs + amplitudeMs * Math.sin(2 * Math.PI * frequencyHz * tSec);
    rr.push(value);
    tSec += value / 1000;
  }
  return rr;
}

describe('coherence ratio', () => {
  it('finds no rhythm in a heartbeat that barely varies (a 1 ms alternation), where a gentle 0.1 Hz swing of 3 ms still counts', () => {
    const alternation = Array.from({ length: 300 }, (_, i) => (i % 2 ? 801 : 799));
    const flat = recordingCoherence(alternation);
    expect(flat.available).toBe(false);
    const reasons = new Set<string>();
    forEachCoherenceWindow(cumulativeBeatTimesMs(alternation), alternation, (_end, reading) => reasons.add(reading.available ? 'available' : reading.reason));
    expect([...reasons]).toEqual([expect.stringMatching(/barely varied.*under 2 ms/)]);
    expect(recordingCoherence(sinusoidalRr(300, 900, 3, 0.1)).available).toBe(true);
  });

  it('slow breathing at 0.1 Hz gives a high ratio with its peak at 0.1 Hz', () => {
    const result = recordingCoherence(sinusoidalRr(300, 900, 60, 0.1));
    if (!result.available) throw new Error(result.reason);
    expect(result.value.peakHz).toBeCloseTo(0.1, 2);
    expect(result.value.meanRatio).toBeGreaterThan(5);
    expect(result.value.meanNormalized).toBeGreaterThan(0.8);
    expect(result.value.meanNormalized).toBeLessThanOrEqual(1);
  });

  it('an irregular rhythm gives a low ratio', () => {
    const noisy = generateRrSeries({ seed: 7, durationSec: 300, rsaAmplitudeMs: 0, mayerAmplitudeMs: 0, noiseMs: 30, driftMs: 0 });
    const result = recordingCoherence(noisy);
    if (!result.available) throw new Error(result.reason);
    expect(result.value.meanRatio).toBeLessThan(1);
  });

  it('is unavailable below 64 s and for a flat rhythm, never 0 or NaN', () => {
    expect(recordingCoherence(sinusoidalRr(60, 900, 50, 0.1)).available).toBe(false);
    const flat = recordingCoherence(new Array(200).fill(1000));
    expect(flat.available).toBe(false);
  });

  it('schedules the first window 64 s after the first beat, then one every 5 s', () => {
    const rr = new Array(200).fill(1000).map((v, i) => v + 40 * Math.sin(i));
    const times = cumulativeBeatTimesMs(rr);
    const ends: number[] = [];
    forEachCoherenceWindow(times, rr, (end) => ends.push(end));
    expect(ends[0]).toBe(times[0]! + 64_000);
    expect(ends[1]! - ends[0]!).toBe(5_000);
    expect(ends[ends.length - 1]!).toBeLessThanOrEqual(times[times.length - 1]!);
  });

  it('skips window ends that a gap in the stream left empty', () => {
    expect(skipEmptyWindowEnds(100_000, 120_000)).toBe(100_000);
    expect(skipEmptyWindowEnds(100_000, 300_000)).toBe(240_000);
  });

  it('ignores beats stamped with the same time instead of dividing by zero', () => {
    const times = [0, 1000, 1000, 2000, ...Array.from({ length: 70 }, (_, i) => 3000 + i * 1000)];
    const rr = times.map((_, i) => 1000 + 30 * Math.sin(i / 2));
    const reading = coherenceOfWindow(times, rr, 0, times.length - 1, 64_000);
    if (!reading.available) throw new Error(reading.reason);
    expect(Number.isFinite(reading.value.ratio)).toBe(true);
  });
});

describe("a whole recording's coherence", () => {
  /** Every window of a stretch two ways: on its own spline (what the live view shows) and with the stretch's spline work shared. */
  function compareWindows(nnMs: ArrayLike<number>): { windows: number; worstRelative: number; sameAvailability: boolean; samePeaks: boolean } {
    const times = cumulativeBeatTimesMs(nnMs);
    const shared = stretchCoherenceWindows(times, nnMs, coherenceOfWindow);
    let first = 0;
    let last = 0;
    let windows = 0;
    let worstRelative = 0;
    let sameAvailability = true;
    let samePeaks = true;
    forEachCoherenceWindow(times, nnMs, (end, own) => {
      while (times[last]! < end) last++;
      while (times[first + 1]! <= end - 64_000) first++;
      const reading = shared(first, last, end);
      windows++;
      if (reading.available !== own.available) sameAvailability = false;
      if (!reading.available || !own.available) return;
      worstRelative = Math.max(
        worstRelative,
        Math.abs(reading.value.ratio - own.value.ratio) / own.value.ratio,
        Math.abs(reading.value.normalized - own.value.normalized) / own.value.normalized,
      );
      if (reading.value.peakHz !== own.value.peakHz) samePeaks = false;
    });
    return { windows, worstRelative, sameAvailability, samePeaks };
  }

  it('shares the spline work between windows and still gives every window the reading the live view shows, to 1e-10', () => {
    const day = cleanRrSeries(injectArtefacts(generateRrSeries({ seed: 24, durationSec: 86_400, meanHrBpm: 70, circadianSwingBpm: 12 }), { seed: 3, ratePercent: 2 }).rrMs).nnMs;
    const recordings = [day, ...CLEAN_RECORDINGS.map((name) => readFixture(name)), readFixture('rhenanbartels-hrv_notebook_08012805_maxexercise.rr_ms.txt')];
    for (const nnMs of recordings) {
      const result = compareWindows(nnMs);
      expect(result.windows).toBeGreaterThan(20);
      expect(result.sameAvailability).toBe(true);
      expect(result.samePeaks).toBe(true);
      expect(result.worstRelative).toBeLessThan(1e-10);
    }
    // Not bit for bit the per-window readings: the shared path did run.
    expect(compareWindows(day).worstRelative).toBeGreaterThan(0);
  });

  it('a slow heart (too few beats in a window to share anything) gets the per-window readings exactly', () => {
    const slow = sinusoidalRr(400, 1600, 60, 0.1); // about 40 beats a window
    const result = compareWindows(slow);
    expect(result.windows).toBeGreaterThan(50);
    expect(result.worstRelative).toBe(0);
  });

  it('averages the same readings forEachCoherenceWindow gives', () => {
    const rr = readFixture('rhenanbartels-hrv_rest_rri_supine15min.rr_ms.txt');
    const ratios: number[] = [];
    forEachCoherenceWindow(cumulativeBeatTimesMs(rr), rr, (_end, reading) => {
      if (reading.available) ratios.push(reading.value.ratio);
    });
    const whole = recordingCoherence(rr);
    if (!whole.available) throw new Error(whole.reason);
    expect(whole.value.windows).toBe(ratios.length);
    expect(Math.abs(whole.value.meanRatio - ratios.reduce((sum, r) => sum + r, 0) / ratios.length)).toBeLessThan(1e-9 * whole.value.meanRatio);
  });
});
