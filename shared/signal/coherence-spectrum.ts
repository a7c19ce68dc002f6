// The coherence ratio of one 64 s window's samples (signal.md; after McCraty et al., *The
// Coherent Heart*, 2009): the 128 samples at 2 Hz are mean-removed, Hann-windowed and
// zero-padded to 512 points; the highest peak in 0.04–0.26 Hz, the power within ±0.015 Hz of
// it (7 bins, 0.027 Hz, close to HeartMath's 0.030 Hz) against the power in 0.0033–0.4 Hz.
// Shared by the live analyser's windows and a whole recording's (coherence.ts and
// stretch-coherence.ts), which differ only in how they get the samples.
import { available, unavailable, type Availability } from './availability.ts';
import { PADDED_SPECTRUM_SAMPLES, paddedPowerSpectrum } from './padded-spectrum.ts';
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
/** Samples in a window: 64 s at 2 Hz. */
export const COHERENCE_SAMPLES = (COHERENCE_WINDOW_MS / 1000) * COHERENCE_SAMPLE_RATE_HZ;
const SAMPLES = COHERENCE_SAMPLES;
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

/**
 * Where "high coherence" starts, as the normalised peak share (peak power / total power).
 * At 0.5 the one peak near the breathing rate holds as much of the rhythm's power as
 * everything else together (a coherence ratio of 1): the heartbeat mostly follows one wave.
 * The one home for it: the live view, Breathe's closing line, a recording's time in high
 * coherence (coherence.ts) and the session page all read it.
 */
export const HIGH_COHERENCE_MIN_NORMALIZED = 0.5;

export type CoherenceReading = {
  /** peak / (total − peak). */
  readonly ratio: number;
  /** peak / total, 0–1, for display. */
  readonly normalized: number;
  readonly peakHz: number;
};

const hann = periodicHannWindow(SAMPLES);
const power = new Float64Array(TOTAL_LAST_BIN + 1);

// Speed: the live analyser and a 24-hour recording need tens of thousands of these spectra,
// and only bins up to 0.4 Hz (103 of 257): padded-spectrum.ts is a transform pruned and
// fixed for exactly this size, zero-padding and bins.
const windowed = new Float64Array(SAMPLES);
if (PADDED_SPECTRUM_SAMPLES !== SAMPLES || 2 * TOTAL_LAST_BIN >= NFFT) throw new Error('padded-spectrum.ts is fixed for 128 samples and the low half of 512 bins');

/**
 * Removes the samples' mean and puts them, Hann-windowed, into `windowed` (what the transform
 * reads); returns their root-mean-square spread in ms. Sums run in four lanes so each addition
 * need not wait for the one before (the order of summation moves only the last bits).
 */
function centreAndWindow(samples: Float64Array): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  for (let i = 0; i < SAMPLES; i += 4) {
    sum0 += samples[i]!;
    sum1 += samples[i + 1]!;
    sum2 += samples[i + 2]!;
    sum3 += samples[i + 3]!;
  }
  const mean = (sum0 + sum1 + (sum2 + sum3)) / SAMPLES;
  let squares0 = 0;
  let squares1 = 0;
  for (let i = 0; i < SAMPLES; i += 2) {
    const deviation0 = samples[i]! - mean;
    const deviation1 = samples[i + 1]! - mean;
    squares0 += deviation0 * deviation0;
    squares1 += deviation1 * deviation1;
    windowed[i] = deviation0 * hann[i]!;
    windowed[i + 1] = deviation1 * hann[i + 1]!;
  }
  return Math.sqrt((squares0 + squares1) / SAMPLES);
}

/** The coherence reading of a window's COHERENCE_SAMPLES samples (ms, 2 Hz). */
export function coherenceOfSamples(samples: Float64Array): Availability<CoherenceReading> {
  if (centreAndWindow(samples) < COHERENCE_MIN_SPREAD_MS) {
    return unavailable(`the heartbeat barely varied in the last 64 seconds (under ${COHERENCE_MIN_SPREAD_MS} ms), too little to find a rhythm in`);
  }
  paddedPowerSpectrum(windowed, TOTAL_LAST_BIN, power); // |X_k|², k = 0 … TOTAL_LAST_BIN

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
