import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeRecording, TooFewBeatsError } from '../../../shared/signal/analyze-recording.ts';
import { summarizeBeats } from '../../../shared/signal/session-summary.ts';
import { createStreamingAnalyser } from '../../../shared/signal/streaming-analyser.ts';

// Beat times from a damaged or crafted file (or a strap's clock gone wrong) must never stall
// the engine. A single interval of 1e300 ms once hung the session summary for good: every
// later beat time was 1e300 and more, where adding a window's 5 s step changes nothing, so
// the coherence schedule never caught up. The test finishing is half of what it proves.

const HOSTILE_TIMES = [1e300, -1e300, 1e20, -1e20, Number.MAX_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const HOSTILE_RR = [1e300, 1e20, -5, 0, Number.NaN, Number.POSITIVE_INFINITY, 65_535];

function steadyBeats(count: number): { tMs: number[]; rrMs: number[] } {
  const rrMs = Array.from({ length: count }, (_, i) => 800 + 40 * Math.sin(i / 3));
  let t = 0;
  return { tMs: rrMs.map((rr) => (t += rr)), rrMs };
}

describe('beat times and intervals no clock or strap could give', () => {
  it('summarises a session with one interval of 1e300 ms among ordinary beats, its times counted on from it', () => {
    const beats = steadyBeats(300);
    beats.rrMs[150] = 1e300;
    let t = 0;
    beats.tMs = beats.rrMs.map((rr) => (t += rr));
    const summary = summarizeBeats(beats, { baselineHrBpm: 70, markers: [] });
    expect(summary.beatCount).toBe(300);
    expect(summary.meanHrBpm).toBeGreaterThan(60);
    expect(summary.meanHrBpm).toBeLessThan(90);
  });

  it('never stalls, and gives only finite figures or none, whatever times and intervals are mixed in', () => {
    const hostile = fc.record({
      at: fc.integer({ min: 0, max: 199 }),
      time: fc.constantFrom(...HOSTILE_TIMES),
      rr: fc.option(fc.constantFrom(...HOSTILE_RR), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (damage) => {
        const beats = steadyBeats(200);
        for (const { at, time, rr } of damage) {
          beats.tMs[at] = time;
          if (rr !== undefined) beats.rrMs[at] = rr;
        }
        const summary = summarizeBeats(beats, { baselineHrBpm: 70, markers: [] });
        for (const value of [summary.meanHrBpm, summary.peakHrBpm, summary.calmDownSec, summary.rmssdMs]) {
          if (value !== null && value !== undefined) expect(Number.isFinite(value)).toBe(true);
        }

        const analyser = createStreamingAnalyser({ clock: { nowMs: () => 200_000 }, baselineHrBpm: 70 });
        beats.rrMs.forEach((rrMs, i) => analyser.push({ tMs: beats.tMs[i]!, rrMs }));
        analyser.finish();
        const live = analyser.snapshot();
        for (const reading of [live.liveHrBpm, live.rmssdMs]) if (reading.available) expect(Number.isFinite(reading.value)).toBe(true);
        expect(Number.isFinite(live.durationSec)).toBe(true);

        try {
          analyzeRecording(beats.rrMs, { clean: true, beatTimesMs: beats.tMs });
        } catch (error) {
          expect(error).toBeInstanceOf(TooFewBeatsError);
        }
      }),
      { numRuns: 150, seed: 300 },
    );
  });
});
