// Coherence ratio (signal.md; after McCraty et al., *The Coherent Heart*, 2009): a 64 s
// window of beats resampled at 2 Hz, its spectrum, the highest peak in 0.04–0.26 Hz, the
// power within ±0.015 Hz of it against the power in 0.0033–0.4 Hz. Reported as a coherence
// ratio, not a HeartMath score. Updated every 5 s of beat time.
//
// Choices the sources leave open: the window is resampled with the same cubic not-a-knot
// spline as the Welch spectrum; the 128 samples are mean-removed, Hann-windowed and zero-padded
// to 512 points, so ±0.015 Hz spans 7 bins (0.027 Hz, close to HeartMath's 0.030 Hz).
import { available, unavailable, type Availability } from './availability.ts';
import FFT from 'fft.js';
import { splineOnUniformGrid } from './cubic-spline.ts';
import { beatsLostPhrase, valuesBetweenBreaks, type Breaks } from './gaps.ts';
import { periodicHannWindow } from './welch.ts';

export const COHERENCE_WINDOW_MS = 64_000;
export const COHERENCE_UPDATE_MS = 5_000;
export const COHERENCE_SAMPLE_RATE_HZ = 2;
/**
 * Below this root-mean-square spread of the window's intervals there is no rhythm to speak of:
 * a 1 ms alternation (rounding, a quantised clock) would otherwise score a coherence ratio near
 * 1.5. Breathing rhythms move the intervals by tens of ms; our choice, the sources are silent.
 */
export const COHERENCE_MIN_SPREAD_MS = 2;
const SAMPLES = (COHERENCE_WINDOW_MS / 1000) * COHERENCE_SAMPLE_RATE_HZ; // 128
const NFFT = 512;
const BIN_HZ = COHERENCE_SAMPLE_RATE_HZ / NFFT;
const PEAK_SEARCH_HZ = [0.04, 0.26] as const;
const PEAK_HALF_WIDTH_HZ = 0.015;
const TOTAL_BAND_HZ = [0.0033, 0.4] as const;

// Bin ranges of the bands (bin k is k·BIN_HZ; the 1e-12 keeps exact edges from rounding away).
const PEAK_FIRST_BIN = Math.ceil(PEAK_SEARCH_HZ[0] / BIN_HZ - 1e-12);
const PEAK_LAST_BIN = Math.floor(PEAK_SEARCH_HZ[1] / BIN_HZ + 1e-12);
const TOTAL_FIRST_BIN = Math.ceil(TOTAL_BAND_HZ[0] / BIN_HZ - 1e-12);
const TOTAL_LAST_BIN = Math.floor(TOTAL_BAND_HZ[1] / BIN_HZ + 1e-12);
const PEAK_HALF_WIDTH_BINS = Math.floor(PEAK_HALF_WIDTH_HZ / BIN_HZ + 1e-12);

export type CoherenceReading = {
  /** peak / (total − peak). */
  readonly ratio: number;
  /** peak / total, 0–1, for display. */
  readonly normalized: number;
  readonly peakHz: number;
};

const hann = periodicHannWindow(SAMPLES);
const samples = new Float64Array(SAMPLES);
const power = new Float64Array(TOTAL_LAST_BIN + 1);

// Speed: the live analyser and a 24-hour recording need tens of thousands of these spectra,
// and only bins up to 0.4 Hz (103 of 257). The 512-point transform of the 128 real samples is
// computed as the classic "two real halves in one complex transform": even and odd samples
// packed into a 256-point complex FFT (fft.js), then split and twiddled, for those bins only.
const HALF = NFFT / 2;
const packedFft = new FFT(HALF);
const packed = new Float64Array(2 * HALF); // entries past the samples stay 0 (the zero-padding)
const packedSpectrum = new Float64Array(2 * HALF);
const twiddleCos = Float64Array.from({ length: TOTAL_LAST_BIN + 1 }, (_, k) => Math.cos((-2 * Math.PI * k) / NFFT));
const twiddleSin = Float64Array.from({ length: TOTAL_LAST_BIN + 1 }, (_, k) => Math.sin((-2 * Math.PI * k) / NFFT));

/** |X_k|² of the mean-removed, Hann-windowed samples zero-padded to NFFT, k = 0 … TOTAL_LAST_BIN. */
function lowBinPower(): void {
  let mean = 0;
  for (let i = 0; i < SAMPLES; i++) mean += samples[i]!;
  mean /= SAMPLES;
  for (let i = 0; i < SAMPLES; i++) packed[i] = (samples[i]! - mean) * hann[i]!;
  packedFft.transform(packedSpectrum, packed);
  for (let k = 0; k <= TOTAL_LAST_BIN; k++) {
    const mirror = k === 0 ? 0 : HALF - k;
    const zr = packedSpectrum[2 * k]!;
    const zi = packedSpectrum[2 * k + 1]!;
    const cr = packedSpectrum[2 * mirror]!;
    const ci = -packedSpectrum[2 * mirror + 1]!;
    // Even-sample spectrum E = (Z + conj Z_mirror)/2, odd O = (Z − conj Z_mirror)/(2i).
    const er = (zr + cr) / 2;
    const ei = (zi + ci) / 2;
    const or = (zi - ci) / 2;
    const oi = -(zr - cr) / 2;
    const wr = twiddleCos[k]!;
    const wi = twiddleSin[k]!;
    const xr = er + wr * or - wi * oi;
    const xi = ei + wr * oi + wi * or;
    power[k] = xr * xr + xi * xi;
  }
}
/** Root-mean-square deviation of the samples from their mean, in ms. */
function spreadMs(values: Float64Array): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

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
  splineOnUniformGrid(times, values, 0, 1 / COHERENCE_SAMPLE_RATE_HZ, SAMPLES, samples, knots);
  if (spreadMs(samples) < COHERENCE_MIN_SPREAD_MS) {
    return unavailable(`the heartbeat barely varied in the last 64 seconds (under ${COHERENCE_MIN_SPREAD_MS} ms), too little to find a rhythm in`);
  }
  lowBinPower();

  let peakBin = PEAK_FIRST_BIN;
  for (let k = PEAK_FIRST_BIN + 1; k <= PEAK_LAST_BIN; k++) {
    if (power[k]! > power[peakBin]!) peakBin = k;
  }
  let total = 0;
  for (let k = TOTAL_FIRST_BIN; k <= TOTAL_LAST_BIN; k++) total += power[k]!;
  let peak = 0;
  const peakFrom = Math.max(TOTAL_FIRST_BIN, peakBin - PEAK_HALF_WIDTH_BINS);
  const peakTo = Math.min(TOTAL_LAST_BIN, peakBin + PEAK_HALF_WIDTH_BINS);
  for (let k = peakFrom; k <= peakTo; k++) peak += power[k]!;
  const peakHz = peakBin * BIN_HZ;
  // Parseval: Σ|X_k|² ≈ NFFT · Σ(w·x)² / 2 over the one-sided bins; below a 1e-9 ms² mean
  // square the window is flat and what is left is rounding residue.
  if (!(total > (NFFT * SAMPLES * 1e-9) / 2)) return unavailable('the beat-to-beat intervals did not vary in the last 64 seconds');
  const rest = total - peak;
  if (!(rest > total * 1e-12)) return unavailable('the spectrum has no power outside its peak');
  return available({ ratio: peak / rest, normalized: peak / total, peakHz });
}

export type RecordingCoherence = {
  readonly meanRatio: number;
  readonly meanNormalized: number;
  /** Median of the windows' peak frequencies. */
  readonly peakHz: number;
  readonly windows: number;
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
 * after its end exists. Calls `onWindow` for each.
 */
export function forEachCoherenceWindow(
  beatTimesMs: ArrayLike<number>,
  nnMs: ArrayLike<number>,
  onWindow: (windowEndMs: number, reading: Availability<CoherenceReading>) => void,
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
    onWindow(windowEndMs, coherenceOfWindow(beatTimesMs, nnMs, first, last, windowEndMs));
    windowEndMs += COHERENCE_UPDATE_MS;
  }
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
  const peaks: number[] = [];
  const stretches = valuesBetweenBreaks(nnMs, breaks);
  for (const stretch of stretches) {
    forEachCoherenceWindow(cumulativeBeatTimesMs(stretch), stretch, (_end, reading) => {
      if (!reading.available) return;
      ratioSum += reading.value.ratio;
      normalizedSum += reading.value.normalized;
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
  });
}
