import { describe, expect, it } from 'vitest';
import {
  coherenceOfWindow,
  cumulativeBeatTimesMs,
  forEachCoherenceWindow,
  recordingCoherence,
  skipEmptyWindowEnds,
} from '../../../shared/signal/coherence.ts';
import { generateRrSeries } from '../../../shared/signal/synthetic-rr.ts';

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
