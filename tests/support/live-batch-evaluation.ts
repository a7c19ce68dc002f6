import { cleanRrSeries } from '../../shared/signal/artefact-correction.ts';
import { createStreamingAnalyser } from '../../shared/signal/streaming-analyser.ts';
import { meanBeatwiseHrBpm, rmssdMs } from '../../shared/signal/time-domain.ts';

// Live against batch on the same heartbeats, the way issue 14 states the goal: every real
// recording is streamed beat by beat through the live analyser (live filter included), and
// after every beat its rolling 60 s RMSSD and 10 s heart rate are compared with the batch
// cleaning of the whole recording over the same window.

/** Every real recording in tests/fixtures/rr, each once (the originals/ twins hold the same beats). */
export const REAL_RECORDINGS = [
  'rhenanbartels-hrv_rest_rri_supine15min.rr_ms.txt',
  'rhenanbartels-hrv_tests_real_rri.rr_ms.txt',
  'rhenanbartels-hrv_exercise_rri_polar.rr_ms.txt',
  'rhenanbartels-hrv_noisy_rri_polar.rr_ms.txt',
  'rhenanbartels-hrv_notebook_08012805_maxexercise.rr_ms.txt',
  'pyhrv_SampleNNISeriesShort_nsrdb16539_seg9.rr_ms.txt',
  'pyhrv_SampleNNISeriesLong_60min.rr_ms.txt',
  'original/pgomes92-kubios_SampleExport.kubios.txt',
  'original/dont-hold-your-breath_polar-h10_paced-breathing_ibi.csv',
] as const;

export type LiveVersusBatch = {
  /** Windows compared (one per analysed beat once 60 s of beats are in). */
  readonly windows: number;
  /** Median and 95th percentile of |live − batch| / batch rolling 60 s RMSSD, percent. */
  readonly rmssdMedianPercent: number;
  readonly rmssdP95Percent: number;
  /** Largest |live − batch| 10 s heart rate, bpm. */
  readonly hrMaxDifferenceBpm: number;
};

const RMSSD_WINDOW_MS = 60_000;
const HR_WINDOW_MS = 10_000;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** First index whose time is after `afterMs` (times ascending). */
function firstAfter(timesMs: Float64Array, afterMs: number): number {
  let low = 0;
  let high = timesMs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (timesMs[middle]! <= afterMs) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function liveVersusBatch(rrMs: readonly number[]): LiveVersusBatch {
  // Beats arrive at the times their intervals add up to, as from a strap with no dropouts.
  let clockMs = 0;
  const beats = rrMs.map((rr) => ({ tMs: (clockMs += Number.isFinite(rr) && rr > 0 ? rr : 0), rrMs: rr }));
  const startMs = 0;

  const nnMs = cleanRrSeries(rrMs).nnMs;
  const nnTimesMs = new Float64Array(nnMs.length);
  let t = startMs;
  for (let i = 0; i < nnMs.length; i++) nnTimesMs[i] = t += nnMs[i]!;

  const analyser = createStreamingAnalyser({ clock: { nowMs: () => clockMs }, baselineHrBpm: null });
  const rmssdErrors: number[] = [];
  let hrMaxDifferenceBpm = 0;
  let lastComparedEnd = Number.NaN;
  for (const beat of beats) {
    clockMs = beat.tMs;
    analyser.push(beat);
    const snapshot = analyser.snapshot();
    const endMs = snapshot.analysedUntilMs;
    if (endMs === null || endMs === lastComparedEnd) continue;
    lastComparedEnd = endMs;
    const last = firstAfter(nnTimesMs, endMs + 0.5); // NN beats up to the same end
    if (snapshot.liveHrBpm.available && endMs - startMs >= HR_WINDOW_MS) {
      const from = firstAfter(nnTimesMs, endMs - HR_WINDOW_MS);
      const batchHr = meanBeatwiseHrBpm(nnMs.subarray(from, last));
      hrMaxDifferenceBpm = Math.max(hrMaxDifferenceBpm, Math.abs(snapshot.liveHrBpm.value - batchHr));
    }
    if (snapshot.rmssdMs.available && endMs - startMs >= RMSSD_WINDOW_MS) {
      const from = firstAfter(nnTimesMs, endMs - RMSSD_WINDOW_MS);
      const batchRmssd = rmssdMs(nnMs.subarray(from, last));
      rmssdErrors.push((100 * Math.abs(snapshot.rmssdMs.value - batchRmssd)) / batchRmssd);
    }
  }
  rmssdErrors.sort((a, b) => a - b);
  return {
    windows: rmssdErrors.length,
    rmssdMedianPercent: quantile(rmssdErrors, 0.5),
    rmssdP95Percent: quantile(rmssdErrors, 0.95),
    hrMaxDifferenceBpm,
  };
}
