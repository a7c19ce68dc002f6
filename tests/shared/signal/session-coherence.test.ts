import { describe, expect, it } from 'vitest';
import { HIGH_COHERENCE_MIN_NORMALIZED } from '../../../shared/signal/coherence.ts';
import { SessionSummarySchema, type BeatColumns } from '../../../shared/model/session.ts';
import { HEART_RATE_ONLY_LABEL } from '../../../shared/sensors/heart-rate-beats.ts';
import { coherenceTime, coherenceWindows, summarizeBeats } from '../../../shared/signal/session-summary.ts';
import { generateRrSeries } from '../../../shared/signal/synthetic-rr.ts';
import { readFixture } from '../../support/cleaning-evaluation.ts';

// A session's coherence over time: its windows, its time in high coherence and its mean, as
// the summary keeps them and the session page draws them.

function columns(rrMs: readonly number[]): BeatColumns {
  let clockMs = 0;
  return { tMs: rrMs.map((rr) => (clockMs += rr)), rrMs: [...rrMs] };
}

/** Ten minutes of paced breathing at 6 a minute: large, steady swings locked to the breath. */
const PACED = columns(generateRrSeries({ seed: 7, durationSec: 600, meanHrBpm: 68, breathingHz: 0.1, rsaAmplitudeMs: 70, mayerAmplitudeMs: 0, noiseMs: 6, driftMs: 4 }));
/** Ten minutes of ordinary, unpaced rest: small fast breathing swings in noise and drift. */
const UNPACED = columns(generateRrSeries({ seed: 7, durationSec: 600, meanHrBpm: 68, breathingHz: 0.27, rsaAmplitudeMs: 12, mayerAmplitudeMs: 8, noiseMs: 14, driftMs: 40 }));

describe('time in high coherence', () => {
  it('is most of a paced-breathing session and little of an unpaced one', () => {
    const paced = summarizeBeats(PACED, { baselineHrBpm: 68 }).coherence;
    const unpaced = summarizeBeats(UNPACED, { baselineHrBpm: 68 }).coherence;
    // The first window closes 64 s in, then one every 5 s: about 107 windows in ten minutes.
    expect(paced.measuredSec).toBeGreaterThan(500);
    expect(paced.highSec!).toBeGreaterThan(0.9 * paced.measuredSec!);
    expect(unpaced.measuredSec).toBeGreaterThan(500);
    expect(unpaced.highSec!).toBeLessThan(0.2 * unpaced.measuredSec!);
    expect(paced.meanNormalized!).toBeGreaterThan(HIGH_COHERENCE_MIN_NORMALIZED);
    expect(unpaced.meanNormalized!).toBeLessThan(HIGH_COHERENCE_MIN_NORMALIZED);
  });

  it('counts the windows of a real recording as the mean does: every window is 5 s, the mean is theirs', () => {
    const beats = columns(readFixture('rhenanbartels-hrv_rest_rri_supine15min.rr_ms.txt'));
    const summary = summarizeBeats(beats, { baselineHrBpm: 60 });
    const windows = coherenceWindows(beats);
    const read = windows.filter((w) => w.normalized !== null).map((w) => w.normalized as number);
    expect(read.length).toBeGreaterThan(100);
    expect(summary.coherence.measuredSec).toBe(read.length * 5);
    expect(summary.coherence.highSec).toBe(read.filter((n) => n >= HIGH_COHERENCE_MIN_NORMALIZED).length * 5);
    expect(summary.coherence.highSec!).toBeLessThan(summary.coherence.measuredSec!);
    // The same windows as the summary's mean coherence (recordingCoherence shares the spline work).
    expect(read.reduce((sum, n) => sum + n, 0) / read.length).toBeCloseTo(summary.coherence.meanNormalized!, 9);
    // On the session's clock: the first window ends 64 s after the first beat, the next 5 s later.
    expect(windows[0]!.endSec).toBeCloseTo(beats.tMs[0]! / 1000 + 64, 6);
    expect(windows[1]!.endSec - windows[0]!.endSec).toBeCloseTo(5, 6);
    expect(SessionSummarySchema.safeParse(summary).success).toBe(true);
  });

  it('has no window across lost beats, and the stretch after a dropout starts its own windows on the session clock', () => {
    const kept = PACED.tMs.map((tMs, i) => ({ tMs, rrMs: PACED.rrMs[i]! })).filter(({ tMs }) => !(tMs > 200_000 && tMs <= 320_000));
    const beats: BeatColumns = { tMs: kept.map((b) => b.tMs), rrMs: kept.map((b) => b.rrMs) };
    const windows = coherenceWindows(beats);
    expect(windows.some((w) => w.endSec > 200 && w.endSec < 320 + 64 - 1)).toBe(false);
    expect(windows.find((w) => w.endSec > 200)!.endSec).toBeCloseTo(320 + 64, -0.5);
    const summary = summarizeBeats(beats, { baselineHrBpm: 68 });
    expect(summary.coherence.measuredSec).toBeLessThan(summarizeBeats(PACED, { baselineHrBpm: 68 }).coherence.measuredSec! - 100);
  });

  it('counts a window at the threshold as high, one just below as not, and an unreadable one as neither', () => {
    const time = coherenceTime([
      { endSec: 64, normalized: HIGH_COHERENCE_MIN_NORMALIZED },
      { endSec: 69, normalized: HIGH_COHERENCE_MIN_NORMALIZED - 0.001 },
      { endSec: 74, normalized: null },
      { endSec: 79, normalized: 0.9 },
    ]);
    expect(time).toEqual({ highSec: 10, measuredSec: 15 });
    expect(coherenceTime([{ endSec: 64, normalized: null }])).toEqual({ highSec: null, measuredSec: null });
  });

  it('is not kept for a session shorter than one window, nor for one from a heart-rate-only sensor', () => {
    const short = columns(PACED.rrMs.slice(0, 50));
    expect(summarizeBeats(short, { baselineHrBpm: 68 }).coherence).toMatchObject({ highSec: null, measuredSec: null });
    const derived = summarizeBeats(PACED, { baselineHrBpm: 68, markers: [{ tMs: 0, phase: 'note', edge: 'point', label: HEART_RATE_ONLY_LABEL }] });
    expect(derived.coherence).toMatchObject({ highSec: null, measuredSec: null, meanNormalized: null });
  });

  it('reads a summary stored before it was kept: the fields are simply absent', () => {
    const stored = summarizeBeats(PACED, { baselineHrBpm: 68 });
    const { highSec: _high, measuredSec: _measured, ...older } = stored.coherence;
    const parsed = SessionSummarySchema.parse({ ...stored, coherence: older });
    expect(parsed.coherence.highSec).toBeUndefined();
    expect(parsed.coherence.meanNormalized).toBe(stored.coherence.meanNormalized);
  });
});
