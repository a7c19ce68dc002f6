// Properties over random beat series (fast-check): streaming equals batch, and no NaN or
// Infinity ever escapes the engine, whatever the sensor sends.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRecording, TooFewBeatsError } from '../../../shared/signal/analyze-recording.ts';
import { cleanRrSeries } from '../../../shared/signal/artefact-correction.ts';
import { liveCleanBeats } from '../../../shared/signal/live-beat-filter.ts';
import { createStreamingAnalyser } from '../../../shared/signal/streaming-analyser.ts';
import { generateRrSeries, injectArtefacts } from '../../../shared/signal/synthetic-rr.ts';
import { meanBeatwiseHrBpm, rmssdMs } from '../../../shared/signal/time-domain.ts';

/** Plausible RR with occasional junk: what a real strap stream looks like at its worst. */
const rrValue = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: 400, max: 1400, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 5000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY, 65535, 1e-9) },
);

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  return Object.values(value).every(allFinite);
}

describe('properties', () => {
  it('the streaming analyser equals the batch functions on the live-cleaned beats', () => {
    fc.assert(
      fc.property(fc.array(rrValue, { minLength: 1, maxLength: 400 }), (rrs) => {
        let tMs = 0;
        const beats = rrs.map((rr) => ({ tMs: (tMs += Number.isFinite(rr) && rr > 0 ? rr : 0), rrMs: rr }));
        const analyser = createStreamingAnalyser({ clock: { nowMs: () => tMs }, baselineHrBpm: 65 });
        for (const beat of beats) analyser.push(beat);
        analyser.finish();
        const snapshot = analyser.snapshot();
        const cleaned = liveCleanBeats(beats);
        expect(snapshot.beats).toBe(cleaned.beats.length);
        expect(snapshot.quality.corrected).toBe(cleaned.counts.corrected);
        if (cleaned.beats.length === 0) return;
        const lastT = cleaned.beats.at(-1)!.tMs;
        if (snapshot.liveHrBpm.available) {
          const window = cleaned.beats.filter((b) => b.tMs > lastT - 10_000).map((b) => b.nnMs);
          expect(snapshot.liveHrBpm.value).toBeCloseTo(meanBeatwiseHrBpm(window), 8);
        }
        if (snapshot.rmssdMs.available) {
          const window = cleaned.beats.filter((b) => b.tMs > lastT - 60_000).map((b) => b.nnMs);
          expect(Math.abs(snapshot.rmssdMs.value - rmssdMs(window))).toBeLessThan(1e-6 * Math.max(1, rmssdMs(window)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('no NaN or Infinity escapes the streaming analyser', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            gapMs: fc.oneof(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.constantFrom(Number.NaN, -500)),
            rrMs: rrValue,
          }),
          { maxLength: 300 },
        ),
        fc.option(fc.double({ min: 30, max: 150, noNaN: true }), { nil: null }),
        (steps, baselineHrBpm) => {
          let tMs = 0;
          const analyser = createStreamingAnalyser({ clock: { nowMs: () => tMs + 1000 }, baselineHrBpm });
          for (const step of steps) {
            // A NaN gap stands for a beat with no usable time stamp; a negative one for clock jitter.
            if (Number.isFinite(step.gapMs)) tMs += step.gapMs;
            analyser.push({ tMs: Number.isFinite(step.gapMs) ? tMs : Number.NaN, rrMs: step.rrMs });
          }
          const snapshot = analyser.snapshot();
          const { peak, ...rest } = snapshot;
          expect(allFinite(rest)).toBe(true);
          if (peak) expect(Number.isFinite(peak.hrBpm)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('no NaN or Infinity escapes analyzeRecording (it throws TooFewBeatsError instead)', () => {
    fc.assert(
      fc.property(fc.array(rrValue, { maxLength: 300 }), fc.boolean(), (rrs, clean) => {
        try {
          const analysis = analyzeRecording(rrs, { clean });
          expect(allFinite(analysis)).toBe(true);
          expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
        } catch (error) {
          expect(error).toBeInstanceOf(TooFewBeatsError);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('cleaning never produces implausible intervals and keeps the recording duration close', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 400, max: 1400, noNaN: true }), { minLength: 20, maxLength: 400 }), (rrs) => {
        const result = cleanRrSeries(rrs);
        for (const nn of result.nnMs) expect(nn >= 150 && nn <= 2000 && Number.isFinite(nn)).toBe(true);
        expect(result.correctedPercent).toBeGreaterThanOrEqual(0);
        expect(result.correctedPercent).toBeLessThanOrEqual(100 * 10); // counts sum over passes
      }),
      { numRuns: 150 },
    );
  });
});

describe('cleaning keeps the beats that were there', () => {
  const profiles = [
    { meanHrBpm: 58, rsaAmplitudeMs: 45 },
    {},
    { meanHrBpm: 88, rsaAmplitudeMs: 8, mayerAmplitudeMs: 5, noiseMs: 3, driftMs: 10 },
  ];
  const sum = (values: ArrayLike<number>): number => {
    let total = 0;
    for (let i = 0; i < values.length; i++) total += values[i]!;
    return total;
  };

  it('splits every missed beat and merges every extra one: beat count and total time kept', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(1, 2, 5),
        fc.constantFrom<('missed' | 'extra')[]>(['missed'], ['extra'], ['missed', 'extra']),
        (seed, profile, ratePercent, kinds) => {
          const clean = generateRrSeries({ seed, durationSec: 600, ...profiles[profile] });
          const { rrMs, injected } = injectArtefacts(clean, { seed: seed + 1, ratePercent, kinds });
          const cleaned = cleanRrSeries(rrMs);
          expect(cleaned.nnMs.length).toBe(clean.length);
          expect(sum(cleaned.nnMs)).toBeCloseTo(sum(clean), 6);
          expect(cleaned.corrected).toBe(injected.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('returns a series with nothing to clean untouched', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(0, 1, 2), (seed, profile) => {
        const clean = generateRrSeries({ seed, durationSec: 600, ...profiles[profile] });
        const cleaned = cleanRrSeries(clean);
        // Generated rhythms have no artefacts, yet the odd deep swing may look like one:
        // at most 0.5 % of beats touched and RMSSD within 1 %, the goals on real recordings.
        expect(cleaned.correctedPercent).toBeLessThanOrEqual(0.5);
        expect(Math.abs(rmssdMs(cleaned.nnMs) / rmssdMs(clean) - 1)).toBeLessThanOrEqual(0.01);
      }),
      { numRuns: 60 },
    );
  });
});
