// The one entry point for a whole recording (imported file or finished session): cleaning,
// time domain, Poincaré, frequency domain and coherence, in a JSON-ready shape the `analyze`
// command prints beside `file` and `format`, and the session summary stores.
import { valueOrNull } from './availability.ts';
import { cleanRrSeries } from './artefact-correction.ts';
import { recordingCoherence } from './coherence.ts';
import { frequencyDomainMetrics, type FrequencyDomainMetrics } from './frequency-domain.ts';
import { poincareMetrics, timeDomainMetrics } from './time-domain.ts';
import { isPlausibleRr, isPossibleInterval, MAX_PLAUSIBLE_RR_MS, MIN_PLAUSIBLE_RR_MS } from './rr-range.ts';

export type CleaningMethod = 'lipponen-tarvainen-2019' | 'none';

export type RecordingAnalysis = {
  /** RR intervals in the input. */
  beats: number;
  /** Sum of the input intervals that could be intervals at all (isPossibleInterval), seconds. */
  durationSec: number;
  cleaning: {
    method: CleaningMethod;
    corrected: number;
    correctedPercent: number;
    byClass: { ectopic: number; missed: number; extra: number; longShort: number };
    /** Clean: intervals outside 300–2000 ms. No clean: impossible values (see isPossibleInterval) left out. */
    outOfRange: number;
  };
  time: {
    meanNnMs: number;
    sdnnMs: number;
    rmssdMs: number;
    nn50: number;
    pnn50: number;
    meanHrBpm: number;
    minHrBpm: number;
    maxHrBpm: number;
  };
  /**
   * null below 60 s (HF needs one minute). From 60 s HF is given; VLF and LF from 120 s; the
   * ratio, normalised units and total power when both LF and HF have power (else null).
   */
  frequency: {
    vlfMs2: number | null;
    lfMs2: number | null;
    hfMs2: number;
    lfHf: number | null;
    lfNu: number | null;
    hfNu: number | null;
    totalMs2: number | null;
  } | null;
  poincare: { sd1Ms: number; sd2Ms: number };
  /** null when no 64 s window of varying beats exists. */
  coherence: { meanRatio: number; meanNormalized: number; peakHz: number } | null;
};


/** Fewest intervals every block of the analysis is defined for (SD1/SD2 need two differences). */
export const MIN_INTERVALS_FOR_ANALYSIS = 3;

export class TooFewBeatsError extends RangeError {
  override readonly name = 'TooFewBeatsError';
}

/**
 * Analyses a whole RR series (ms). With clean: true, the range gate and Lipponen & Tarvainen
 * correction run first; with clean: false the series is analysed as-is, except that values
 * that cannot be intervals at all (isPossibleInterval) are left out and counted in outOfRange.
 * Throws TooFewBeatsError when fewer than 3 usable intervals remain.
 */
export function analyzeRecording(rrMs: readonly number[], options: { clean: boolean }): RecordingAnalysis {
  let durationMs = 0;
  for (const rr of rrMs) if (isPossibleInterval(rr)) durationMs += rr;

  let nnMs: ArrayLike<number>;
  let cleaning: RecordingAnalysis['cleaning'];
  if (options.clean) {
    const cleaned = cleanRrSeries(rrMs);
    nnMs = cleaned.nnMs;
    cleaning = {
      method: 'lipponen-tarvainen-2019',
      corrected: cleaned.corrected,
      correctedPercent: cleaned.correctedPercent,
      byClass: { ...cleaned.byClass },
      outOfRange: cleaned.outOfRange,
    };
    // The range gate interpolates; with no plausible interval at all nothing is left to
    // analyse, and the reason is worth saying (often a file in seconds, not milliseconds).
    if (rrMs.length >= MIN_INTERVALS_FOR_ANALYSIS && !rrMs.some(isPlausibleRr)) {
      throw new TooFewBeatsError(
        `none of the ${rrMs.length} intervals is between ${MIN_PLAUSIBLE_RR_MS} and ${MAX_PLAUSIBLE_RR_MS} ms (30–200 beats a minute), ` +
          'so this does not look like heartbeats in milliseconds (a file in seconds would read like this)',
      );
    }
  } else {
    const usable = rrMs.filter(isPossibleInterval);
    nnMs = usable;
    cleaning = {
      method: 'none',
      corrected: 0,
      correctedPercent: 0,
      byClass: { ectopic: 0, missed: 0, extra: 0, longShort: 0 },
      outOfRange: rrMs.length - usable.length,
    };
  }
  if (nnMs.length < MIN_INTERVALS_FOR_ANALYSIS) {
    throw new TooFewBeatsError(
      `need at least ${MIN_INTERVALS_FOR_ANALYSIS} usable RR intervals to analyse a recording, got ${nnMs.length}`,
    );
  }

  const time = timeDomainMetrics(nnMs);
  const frequency = frequencyFigures(frequencyDomainMetrics(nnMs));
  const coherence = valueOrNull(recordingCoherence(nnMs));
  return {
    beats: rrMs.length,
    durationSec: durationMs / 1000,
    cleaning,
    time: { ...time },
    frequency: frequency && { ...frequency },
    poincare: { ...poincareMetrics(nnMs) },
    coherence: coherence && { meanRatio: coherence.meanRatio, meanNormalized: coherence.meanNormalized, peakHz: coherence.peakHz },
  };
}

function frequencyFigures(metrics: FrequencyDomainMetrics): RecordingAnalysis['frequency'] {
  const hfMs2 = valueOrNull(metrics.hfMs2);
  if (hfMs2 === null) return null;
  const bands = valueOrNull(metrics.bands);
  if (bands !== null) return { ...bands };
  return {
    vlfMs2: valueOrNull(metrics.vlfMs2),
    lfMs2: valueOrNull(metrics.lfMs2),
    hfMs2,
    lfHf: null,
    lfNu: null,
    hfNu: null,
    totalMs2: null,
  };
}
