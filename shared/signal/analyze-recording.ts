// The one entry point for a whole recording (imported file or finished session): cleaning,
// time domain, Poincaré, frequency domain and coherence, in a JSON-ready shape the `analyze`
// command prints beside `file` and `format`, and the session summary stores.
//
// A stored session also knows when each beat ended; from those times the analysis finds the
// gaps where beats were lost (gaps.ts) and treats the stretches between them as what they
// are: cleaned one by one (a neighbourhood across a gap is not a neighbourhood), no successive
// difference across a gap, spectra and coherence windows only within a stretch.
import { valueOrNull, type Availability } from './availability.ts';
import { cleanRrSeries, type CleaningResult } from './artefact-correction.ts';
import { COHERENCE_UPDATE_MS, recordingCoherence } from './coherence.ts';
import { frequencyDomainMetrics, type FrequencyDomainMetrics } from './frequency-domain.ts';
import { splitAtGaps, valuesBetweenBreaks, type BeatSegment, type Breaks } from './gaps.ts';
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
  coherence: {
    meanRatio: number;
    meanNormalized: number;
    peakHz: number;
    /** Seconds in high coherence: its 5 s windows at or above HIGH_COHERENCE_MIN_NORMALIZED. */
    highSec: number;
    /** Seconds whose coherence could be read: every window counted, 5 s each. */
    measuredSec: number;
  } | null;
  /**
   * Only when the beats came with their times (a stored session): where beats were lost, and
   * why a figure above is null when one is (gaps are the usual reason; a short session is
   * another). Absent for a plain list of intervals, which cannot show a gap.
   */
  gaps?: {
    /** Times beats were lost: the time between two beats exceeded the second one's RR by more than 2 s. */
    count: number;
    /** Time lost in them, seconds (not part of durationSec). */
    totalSec: number;
    /** The longest stretch without a gap, seconds of NN: the frequency bands need theirs in one stretch. */
    longestStretchSec: number;
    /** Why frequency is null, or VLF, LF and the ratios are; null when every frequency figure is given. */
    frequencyReason: string | null;
    /** Why coherence is null; null when it is given. */
    coherenceReason: string | null;
  };
};

export type AnalysisOptions = {
  clean: boolean;
  /**
   * When each beat ended (ms on any fixed clock, one per interval), as a session stores them.
   * With them, gaps split the recording; without them it is taken as unbroken.
   */
  beatTimesMs?: ArrayLike<number>;
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
 * With beatTimesMs, each gap-free stretch is cleaned and measured on its own (see above).
 * Throws TooFewBeatsError when fewer than 3 usable intervals (or 2 successive pairs) remain.
 */
export function analyzeRecording(rrMs: readonly number[], options: AnalysisOptions): RecordingAnalysis {
  let durationMs = 0;
  for (const rr of rrMs) if (isPossibleInterval(rr)) durationMs += rr;

  // The range gate interpolates; with no plausible interval at all nothing is left to
  // analyse, and the reason is worth saying (often a file in seconds, not milliseconds).
  if (options.clean && rrMs.length >= MIN_INTERVALS_FOR_ANALYSIS && !rrMs.some(isPlausibleRr)) {
    throw new TooFewBeatsError(
      `none of the ${rrMs.length} intervals is between ${MIN_PLAUSIBLE_RR_MS} and ${MAX_PLAUSIBLE_RR_MS} ms (30–200 beats a minute), ` +
        'so this does not look like heartbeats in milliseconds (a file in seconds would read like this)',
    );
  }
  const split = options.beatTimesMs === undefined ? null : splitAtGaps(rrMs, options.beatTimesMs);
  const { nnMs, breaks, cleaning } =
    split !== null && split.segments.length > 1 ? prepareSegments(rrMs, split.segments, options.clean) : prepareWhole(rrMs, options.clean);
  if (nnMs.length < MIN_INTERVALS_FOR_ANALYSIS) {
    throw new TooFewBeatsError(
      `need at least ${MIN_INTERVALS_FOR_ANALYSIS} usable RR intervals to analyse a recording, got ${nnMs.length}`,
    );
  }
  if (nnMs.length - breaks.length - 1 < MIN_INTERVALS_FOR_ANALYSIS - 1) {
    throw new TooFewBeatsError(
      `beats were lost so often that fewer than ${MIN_INTERVALS_FOR_ANALYSIS} intervals in a row remain to compare ` +
        `(${nnMs.length} intervals in ${breaks.length + 1} stretches)`,
    );
  }

  const time = timeDomainMetrics(nnMs, breaks);
  const frequencyMetrics = frequencyDomainMetrics(nnMs, breaks);
  const frequency = frequencyFigures(frequencyMetrics);
  const coherenceMetrics = recordingCoherence(nnMs, breaks);
  const coherence = valueOrNull(coherenceMetrics);
  const analysis: RecordingAnalysis = {
    beats: rrMs.length,
    durationSec: durationMs / 1000,
    cleaning,
    time: { ...time },
    frequency: frequency && { ...frequency },
    poincare: { ...poincareMetrics(nnMs, breaks) },
    coherence: coherence && {
      meanRatio: coherence.meanRatio,
      meanNormalized: coherence.meanNormalized,
      peakHz: coherence.peakHz,
      highSec: (coherence.highWindows * COHERENCE_UPDATE_MS) / 1000,
      measuredSec: (coherence.windows * COHERENCE_UPDATE_MS) / 1000,
    },
  };
  if (split !== null) {
    analysis.gaps = {
      count: split.gaps,
      totalSec: split.lostMs / 1000,
      longestStretchSec: longestStretchMs(nnMs, breaks) / 1000,
      frequencyReason: frequencyReason(frequencyMetrics),
      coherenceReason: reasonOrNull(coherenceMetrics),
    };
  }
  return analysis;
}

type Prepared = { nnMs: ArrayLike<number>; breaks: Breaks; cleaning: RecordingAnalysis['cleaning'] };

const NO_CORRECTIONS = { ectopic: 0, missed: 0, extra: 0, longShort: 0 } as const;

/** The series as one stretch: cleaned whole, or with impossible values left out. */
function prepareWhole(rrMs: readonly number[], clean: boolean): Prepared {
  if (clean) {
    const cleaned = cleanRrSeries(rrMs);
    return { nnMs: cleaned.nnMs, breaks: [], cleaning: cleaningSummary(cleaned) };
  }
  const usable = rrMs.filter(isPossibleInterval);
  return {
    nnMs: usable,
    breaks: [],
    cleaning: { method: 'none', corrected: 0, correctedPercent: 0, byClass: { ...NO_CORRECTIONS }, outOfRange: rrMs.length - usable.length },
  };
}

function cleaningSummary(cleaned: CleaningResult): RecordingAnalysis['cleaning'] {
  return {
    method: 'lipponen-tarvainen-2019',
    corrected: cleaned.corrected,
    correctedPercent: cleaned.correctedPercent,
    byClass: { ...cleaned.byClass },
    outOfRange: cleaned.outOfRange,
  };
}

/**
 * Segment by segment: the cleaning's neighbourhoods (11 and 91 beats) stop at a gap, as the
 * differences do. A segment with no plausible interval has nothing to interpolate from: its
 * beats are left out and counted as out of range (and, when cleaning, as corrected).
 */
function prepareSegments(rrMs: readonly number[], segments: readonly BeatSegment[], clean: boolean): Prepared {
  const parts: ArrayLike<number>[] = [];
  const byClass = { ...NO_CORRECTIONS };
  let corrected = 0;
  let outOfRange = 0;
  for (const { from, to } of segments) {
    const raw = rrMs.slice(from, to);
    if (!clean) {
      const usable = raw.filter(isPossibleInterval);
      outOfRange += raw.length - usable.length;
      if (usable.length > 0) parts.push(usable);
      continue;
    }
    if (!raw.some(isPlausibleRr)) {
      outOfRange += raw.length;
      corrected += raw.length;
      continue;
    }
    const cleaned = cleanRrSeries(raw);
    parts.push(cleaned.nnMs);
    corrected += cleaned.corrected;
    outOfRange += cleaned.outOfRange;
    byClass.ectopic += cleaned.byClass.ectopic;
    byClass.missed += cleaned.byClass.missed;
    byClass.extra += cleaned.byClass.extra;
    byClass.longShort += cleaned.byClass.longShort;
  }
  const nnMs = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  const breaks: number[] = [];
  let offset = 0;
  for (const part of parts) {
    if (offset > 0) breaks.push(offset);
    nnMs.set(part, offset);
    offset += part.length;
  }
  const cleaning: RecordingAnalysis['cleaning'] = clean
    ? { method: 'lipponen-tarvainen-2019', corrected, correctedPercent: rrMs.length === 0 ? 0 : (100 * corrected) / rrMs.length, byClass, outOfRange }
    : { method: 'none', corrected: 0, correctedPercent: 0, byClass, outOfRange };
  return { nnMs, breaks, cleaning };
}

function longestStretchMs(nnMs: ArrayLike<number>, breaks: Breaks): number {
  let longest = 0;
  for (const stretch of valuesBetweenBreaks(nnMs, breaks)) {
    let total = 0;
    for (let i = 0; i < stretch.length; i++) total += stretch[i]!;
    longest = Math.max(longest, total);
  }
  return longest;
}

function reasonOrNull(measurement: Availability<unknown>): string | null {
  return measurement.available ? null : measurement.reason;
}

/** The first reason a frequency figure is missing: HF's (then all are), else that of the band block. */
function frequencyReason(metrics: FrequencyDomainMetrics): string | null {
  return reasonOrNull(metrics.hfMs2) ?? reasonOrNull(metrics.bands);
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
