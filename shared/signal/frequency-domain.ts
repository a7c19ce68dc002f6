// Frequency-domain HRV (signal.md table): NN resampled at 4 Hz by a cubic spline, mean
// removed, Welch (Hann, 256-sample = 64 s segments, 50 % overlap, nfft 4096, density,
// one-sided), band powers by the trapezoid rule over the bins in half-open bands, ms².
//
// Across lost beats (gaps.ts) there is no signal to resample: each unbroken stretch is
// resampled on its own, Welch segments are taken within the stretches only, and a band needs
// its minimum duration in one stretch, not in total.
import { available, unavailable, type Availability } from './availability.ts';
import { beatsLostPhrase, valuesBetweenBreaks, type Breaks } from './gaps.ts';
import { resampleNnUniform } from './resample.ts';
import { bandPower, welchPsd, welchPsdOfSignals, type PowerSpectrum, type WelchOptions } from './welch.ts';

export const SPECTRUM_SAMPLE_RATE_HZ = 4;
export const WELCH_SEGMENT_SAMPLES = 256;
export const WELCH_OVERLAP_SAMPLES = 128;
export const WELCH_NFFT = 4096;

export const VLF_BAND_HZ = [0.003, 0.04] as const;
export const LF_BAND_HZ = [0.04, 0.15] as const;
export const HF_BAND_HZ = [0.15, 0.4] as const;

/** Shortest data for each band: a few cycles of its slowest rhythm (signal.md). */
export const MIN_DURATION_FOR_HF_SEC = 60;
export const MIN_DURATION_FOR_LF_SEC = 120;

export type BandPowers = {
  readonly vlfMs2: number;
  readonly lfMs2: number;
  readonly hfMs2: number;
  readonly lfHf: number;
  readonly lfNu: number;
  readonly hfNu: number;
  readonly totalMs2: number;
};

export type FrequencyDomainMetrics = {
  readonly hfMs2: Availability<number>;
  readonly lfMs2: Availability<number>;
  readonly vlfMs2: Availability<number>;
  /** All band figures together; available when LF is (every band then has enough data). */
  readonly bands: Availability<BandPowers>;
};

function sumMs(nnMs: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < nnMs.length; i++) total += nnMs[i]!;
  return total;
}

/**
 * Band powers below this are rounding residue of the spline and FFT (a perfectly constant
 * series gives ~1e-30 ms²), reported as exactly 0; real heart rhythms have ≥ 1 ms².
 */
const NEGLIGIBLE_POWER_MS2 = 1e-9;

function bandPowerMs2(spectrum: PowerSpectrum, band: readonly [number, number]): number {
  const power = bandPower(spectrum, band[0], band[1]);
  return power < NEGLIGIBLE_POWER_MS2 ? 0 : power;
}

const WELCH_OPTIONS: WelchOptions = {
  sampleRateHz: SPECTRUM_SAMPLE_RATE_HZ,
  segmentLength: WELCH_SEGMENT_SAMPLES,
  overlap: WELCH_OVERLAP_SAMPLES,
  nfft: WELCH_NFFT,
};

/** The NN series on the 4 Hz grid, its mean removed. */
function centredSamples(nnMs: ArrayLike<number>): Float64Array {
  const samples = resampleNnUniform(nnMs, SPECTRUM_SAMPLE_RATE_HZ);
  let mean = 0;
  for (let i = 0; i < samples.length; i++) mean += samples[i]!;
  mean /= samples.length;
  for (let i = 0; i < samples.length; i++) samples[i] = samples[i]! - mean;
  return samples;
}

export function nnPowerSpectrum(nnMs: ArrayLike<number>): PowerSpectrum {
  return welchPsd(centredSamples(nnMs), WELCH_OPTIONS);
}

/**
 * The spectrum of unbroken stretches of NN: every stretch that holds a whole Welch segment
 * (64 s) contributes its segments; when none does, the longest alone gives one shorter
 * segment, as a short recording would.
 */
export function nnPowerSpectrumOfStretches(stretches: readonly ArrayLike<number>[]): PowerSpectrum {
  const signals = stretches.filter((stretch) => stretch.length >= 2).map(centredSamples);
  const whole = signals.filter((signal) => signal.length >= WELCH_SEGMENT_SAMPLES);
  if (whole.length > 0) return welchPsdOfSignals(whole, WELCH_OPTIONS);
  const longest = signals.reduce((best, signal) => (signal.length > best.length ? signal : best), new Float64Array(0));
  return welchPsd(longest, WELCH_OPTIONS);
}

function tooShort(band: string, durationSec: number, neededSec: number): string {
  return `${band} needs at least ${neededSec} s of beats; this recording has ${Math.floor(durationSec)} s`;
}

function tooShortBetweenGaps(band: string, longestSec: number, neededSec: number, gaps: number): string {
  return (
    `${band} needs at least ${neededSec} s of beats without a gap; ${beatsLostPhrase(gaps)}, ` +
    `and the longest unbroken stretch has ${Math.floor(longestSec)} s`
  );
}

/**
 * Band powers of an NN series. With breaks (indexes where beats were lost between two
 * intervals, see time-domain.ts) the spectrum comes from the unbroken stretches only and the
 * duration each band needs must be found in one stretch; without breaks, the whole series.
 */
export function frequencyDomainMetrics(nnMs: ArrayLike<number>, breaks: Breaks = []): FrequencyDomainMetrics {
  if (breaks.length === 0) {
    const durationSec = sumMs(nnMs) / 1000;
    return bandMetrics(durationSec, nnMs.length, () => nnPowerSpectrum(nnMs), (band, neededSec) => tooShort(band, durationSec, neededSec));
  }
  const stretches = valuesBetweenBreaks(nnMs, breaks);
  let longest = stretches[0]!;
  let longestSec = 0;
  for (const stretch of stretches) {
    const seconds = sumMs(stretch) / 1000;
    if (seconds > longestSec) {
      longest = stretch;
      longestSec = seconds;
    }
  }
  return bandMetrics(
    longestSec,
    longest.length,
    () => nnPowerSpectrumOfStretches(stretches),
    (band, neededSec) => tooShortBetweenGaps(band, longestSec, neededSec, breaks.length),
  );
}

/** The availability rules on the data's duration (s) and beat count, then the bands. */
function bandMetrics(
  durationSec: number,
  beats: number,
  spectrumOf: () => PowerSpectrum,
  tooShortReason: (band: string, neededSec: number) => string,
): FrequencyDomainMetrics {
  if (durationSec < MIN_DURATION_FOR_HF_SEC || beats < 4) {
    const reason = tooShortReason('HF', MIN_DURATION_FOR_HF_SEC);
    const lfReason = tooShortReason('LF', MIN_DURATION_FOR_LF_SEC);
    return { hfMs2: unavailable(reason), lfMs2: unavailable(lfReason), vlfMs2: unavailable(lfReason), bands: unavailable(lfReason) };
  }
  const spectrum = spectrumOf();
  const hf = bandPowerMs2(spectrum, HF_BAND_HZ);
  if (durationSec < MIN_DURATION_FOR_LF_SEC) {
    const reason = tooShortReason('LF', MIN_DURATION_FOR_LF_SEC);
    return { hfMs2: available(hf), lfMs2: unavailable(reason), vlfMs2: unavailable(reason), bands: unavailable(reason) };
  }
  const lf = bandPowerMs2(spectrum, LF_BAND_HZ);
  const vlf = bandPowerMs2(spectrum, VLF_BAND_HZ);
  const lfPlusHf = lf + hf;
  if (!(lf > 0 && hf > 0)) {
    // A perfectly regular (or purely one-band) rhythm: the powers are real, the ratios are not.
    const reason = 'there is no power in the LF or HF band, so LF/HF and normalised units are undefined';
    return { hfMs2: available(hf), lfMs2: available(lf), vlfMs2: available(vlf), bands: unavailable(reason) };
  }
  const bands: BandPowers = {
    vlfMs2: vlf,
    lfMs2: lf,
    hfMs2: hf,
    lfHf: lf / hf,
    lfNu: (100 * lf) / lfPlusHf,
    hfNu: (100 * hf) / lfPlusHf,
    totalMs2: vlf + lf + hf,
  };
  return { hfMs2: available(hf), lfMs2: available(lf), vlfMs2: available(vlf), bands: available(bands) };
}
