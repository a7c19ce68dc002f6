// Coherence ratio (signal.md; after McCraty et al., *The Coherent Heart*, 2009): a 64 s
// window of beats resampled at 2 Hz, its spectrum (coherence-spectrum.ts), the highest peak
// in 0.04–0.26 Hz, the power within ±0.015 Hz of it against the power in 0.0033–0.4 Hz.
// Reported as a coherence ratio, not a HeartMath score. Updated every 5 s of beat time.
//
// A choice the sources leave open: the window is resampled with the same cubic not-a-knot
// spline as the Welch spectrum, through the window's own beats. This file holds that
// per-window reading (the live analyser's), the schedule of windows, and a recording's mean,
// which gets the same readings with the spline work shared (stretch-coherence.ts).
import { available, unavailable, type Availability } from './availability.ts';
import {
  COHERENCE_SAMPLE_RATE_HZ,
  COHERENCE_SAMPLES,
  COHERENCE_UPDATE_MS,
  COHERENCE_WINDOW_MS,
  coherenceOfSamples,
  HIGH_COHERENCE_MIN_NORMALIZED,
  type CoherenceReading,
} from './coherence-spectrum.ts';
import { splineOnUniformGrid } from './cubic-spline.ts';
import { beatsLostPhrase, valuesBetweenBreaks, type Breaks } from './gaps.ts';
import { stretchCoherenceWindows } from './stretch-coherence.ts';

// What the live analyser needs besides this file's own functions.
export { COHERENCE_UPDATE_MS, COHERENCE_WINDOW_MS, HIGH_COHERENCE_MIN_NORMALIZED, type CoherenceReading } from './coherence-spectrum.ts';

const samples = new Float64Array(COHERENCE_SAMPLES);
const knotTimesSec = new Float64Array(4096);
const knotValuesMs = new Float64Array(4096);

/**
 * Coherence of the window that ends at windowEndMs, from beats first…last (inclusive) of a
 * beat list. The caller passes first = the last beat at or before the window start and last =
 * the first beat at or after its end, so the spline covers the whole window without
 * extrapolating.
 */
export function coherenceOfWindow(
  beatTimesMs: ArrayLike<number>,
  nnMs: ArrayLike<number>,
  first: number,
  last: number,
  windowEndMs: number,
): Availability<CoherenceReading> {
  const knotCount = last - first + 1;
  if (knotCount < 2) return unavailable('not enough beats in the last 64 seconds');
  const times = knotCount <= knotTimesSec.length ? knotTimesSec : new Float64Array(knotCount);
  const values = knotCount <= knotValuesMs.length ? knotValuesMs : new Float64Array(knotCount);
  // Times relative to the window start keep full precision however long the session is.
  const windowStartMs = windowEndMs - COHERENCE_WINDOW_MS;
  let knots = 0;
  for (let i = 0; i < knotCount; i++) {
    const timeSec = (beatTimesMs[first + i]! - windowStartMs) / 1000;
    // Beats stamped with the same time (several RR in one notification) would make a
    // zero-width spline segment: keep the first of them.
    if (knots > 0 && !(timeSec > times[knots - 1]!)) continue;
    times[knots] = timeSec;
    values[knots] = nnMs[first + i]!;
    knots++;
  }
  if (knots < 2) return unavailable('not enough beats in the last 64 seconds');
  splineOnUniformGrid(times, values, 0, 1 / COHERENCE_SAMPLE_RATE_HZ, COHERENCE_SAMPLES, samples, knots);
  return coherenceOfSamples(samples);
}

export type RecordingCoherence = {
  readonly meanRatio: number;
  readonly meanNormalized: number;
  /** Median of the windows' peak frequencies. */
  readonly peakHz: number;
  /** Windows whose coherence could be read. */
  readonly windows: number;
  /** Of those, the ones in high coherence (normalised peak share at least HIGH_COHERENCE_MIN_NORMALIZED). */
  readonly highWindows: number;
};

/**
 * The window end to compute next, given the scheduled one and the beat that closes it: ends
 * that lie a whole window or more before that beat (after a gap in the stream) are skipped,
 * since no beat falls inside them.
 */
export function skipEmptyWindowEnds(windowEndMs: number, closingBeatMs: number): number {
  if (closingBeatMs - windowEndMs < COHERENCE_WINDOW_MS) return windowEndMs;
  const skipped = Math.floor((closingBeatMs - windowEndMs - COHERENCE_WINDOW_MS) / COHERENCE_UPDATE_MS) + 1;
  return windowEndMs + skipped * COHERENCE_UPDATE_MS;
}

/**
 * Schedules coherence windows over a beat list the way the live analyser does: the first
 * window ends 64 s after the first beat, then one every 5 s, each computed once a beat at or
 * after its end exists. Calls `onWindow` with each window's end and its first and last beat
 * (the last at or before its start, the first at or after its end).
 */
function scheduleCoherenceWindows(
  beatTimesMs: ArrayLike<number>,
  onWindow: (windowEndMs: number, first: number, last: number) => void,
): void {
  const n = beatTimesMs.length;
  if (n < 2) return;
  let windowEndMs = beatTimesMs[0]! + COHERENCE_WINDOW_MS;
  let first = 0;
  let last = 0;
  while (true) {
    while (last < n && beatTimesMs[last]! < windowEndMs) last++;
    if (last >= n) return;
    windowEndMs = skipEmptyWindowEnds(windowEndMs, beatTimesMs[last]!);
    const windowStartMs = windowEndMs - COHERENCE_WINDOW_MS;
    while (first + 1 < n && beatTimesMs[first + 1]! <= windowStartMs) first++;
    onWindow(windowEndMs, first, last);
    windowEndMs += COHERENCE_UPDATE_MS;
  }
}

/** Each scheduled window (scheduleCoherenceWindows) with its reading from coherenceOfWindow: what the live analyser shows. */
export function forEachCoherenceWindow(
  beatTimesMs: ArrayLike<number>,
  nnMs: ArrayLike<number>,
  onWindow: (windowEndMs: number, reading: Availability<CoherenceReading>) => void,
): void {
  scheduleCoherenceWindows(beatTimesMs, (windowEndMs, first, last) =>
    onWindow(windowEndMs, coherenceOfWindow(beatTimesMs, nnMs, first, last, windowEndMs)),
  );
}

/** Beat times (ms) as the cumulative sum of NN: the end of each interval. */
export function cumulativeBeatTimesMs(nnMs: ArrayLike<number>): Float64Array {
  const times = new Float64Array(nnMs.length);
  let sum = 0;
  for (let i = 0; i < nnMs.length; i++) {
    sum += nnMs[i]!;
    times[i] = sum;
  }
  return times;
}

/**
 * Coherence of a whole recording: the mean over its windows. With breaks (indexes where beats
 * were lost between two intervals, gaps.ts) each unbroken stretch is scheduled on its own, as
 * if it were a recording by itself, so no window reaches across lost beats.
 */
export function recordingCoherence(nnMs: ArrayLike<number>, breaks: Breaks = []): Availability<RecordingCoherence> {
  let ratioSum = 0;
  let normalizedSum = 0;
  let highWindows = 0;
  const peaks: number[] = [];
  const stretches = valuesBetweenBreaks(nnMs, breaks);
  for (const stretch of stretches) {
    // The same windows as forEachCoherenceWindow, with the spline work shared between them
    // (stretch-coherence.ts; equal to the per-window readings to ~1e-11).
    const beatTimesMs = cumulativeBeatTimesMs(stretch);
    const readingOf = stretchCoherenceWindows(beatTimesMs, stretch, coherenceOfWindow);
    scheduleCoherenceWindows(beatTimesMs, (windowEndMs, first, last) => {
      const reading = readingOf(first, last, windowEndMs);
      if (!reading.available) return;
      ratioSum += reading.value.ratio;
      normalizedSum += reading.value.normalized;
      if (reading.value.normalized >= HIGH_COHERENCE_MIN_NORMALIZED) highWindows++;
      peaks.push(reading.value.peakHz);
    });
  }
  if (peaks.length === 0) {
    if (breaks.length === 0) return unavailable('coherence needs at least 64 seconds of varying beats');
    let longestMs = 0;
    for (const stretch of stretches) {
      let stretchMs = 0;
      for (let i = 0; i < stretch.length; i++) stretchMs += stretch[i]!;
      longestMs = Math.max(longestMs, stretchMs);
    }
    return unavailable(
      `coherence needs at least 64 seconds of varying beats without a gap; ${beatsLostPhrase(breaks.length)}, ` +
        `and the longest unbroken stretch has ${Math.floor(longestMs / 1000)} s`,
    );
  }
  peaks.sort((a, b) => a - b);
  const middle = peaks.length >> 1;
  const peakHz = peaks.length % 2 === 1 ? peaks[middle]! : (peaks[middle - 1]! + peaks[middle]!) / 2;
  return available({
    meanRatio: ratioSum / peaks.length,
    meanNormalized: normalizedSum / peaks.length,
    peakHz,
    windows: peaks.length,
    highWindows,
  });
}
