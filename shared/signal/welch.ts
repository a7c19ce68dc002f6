// Welch power spectral density (scipy.signal.welch conventions: periodic Hann window,
// per-segment constant detrend, zero-padding to nfft, density scaling, one-sided, mean of
// segment periodograms). The FFT is fft.js; this module only frames, windows and scales.
//
// Speed: a 256-sample segment zero-padded to 4096 wastes most of a 4096-point FFT. The sum of
// the segments' periodograms is the Fourier transform of the sum of their autocorrelations,
// which have only 2·256 − 1 lags; so the segments are transformed at 512 points (enough to
// hold those lags without wrap-around), the summed power is turned back into the summed
// autocorrelation, and one 4096-point transform of it gives exactly the 4096-bin sum. Same
// numbers to rounding (~1e-13), an order of magnitude fewer operations for a 24-hour file.
// Only the sum of the segments' power is needed, so two real segments share one complex
// transform (one as its real part, one as its imaginary part), which fft.js does in less time
// than two real ones; and since the segments fill only half of its points, it is done as two
// transforms of half the size (accumulatePeriodogramPair).
import FFT from 'fft.js';

export type WelchOptions = {
  readonly sampleRateHz: number;
  /** Samples per segment; shrunk to the signal length when the signal is shorter (as scipy does). */
  readonly segmentLength: number;
  /** Samples shared by consecutive segments. */
  readonly overlap: number;
  /** FFT length (power of two, ≥ segmentLength); segments are zero-padded to it. */
  readonly nfft: number;
};

export type PowerSpectrum = {
  /** Frequency of bin k is k · binWidthHz, for k = 0 … nfft/2. */
  readonly binWidthHz: number;
  /** One-sided power spectral density, (input unit)² / Hz. */
  readonly density: Float64Array;
  readonly segmentCount: number;
};

type FftWorkspace = { fft: FFT; spectrum: Float64Array; frame: Float64Array };
const fftBySize = new Map<number, FftWorkspace>();

/** One FFT plan and scratch buffers per size, reused: plan construction costs more than a transform. */
function fftWorkspace(size: number): FftWorkspace {
  let workspace = fftBySize.get(size);
  if (!workspace) {
    workspace = { fft: new FFT(size), spectrum: new Float64Array(2 * size), frame: new Float64Array(size) };
    fftBySize.set(size, workspace);
  }
  return workspace;
}

/** Periodic ("DFT-even") Hann window, scipy's `get_window('hann', n)` used by welch. */
export function periodicHannWindow(length: number): Float64Array {
  const window = new Float64Array(length);
  for (let i = 0; i < length; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length);
  return window;
}

const hannByLength = new Map<number, Float64Array>();
function cachedHann(length: number): Float64Array {
  let window = hannByLength.get(length);
  if (!window) {
    window = periodicHannWindow(length);
    hannByLength.set(length, window);
  }
  return window;
}

/**
 * Accumulates |FFT(frame)|² of a windowed, mean-removed frame of `signal` into `sumOfSquares`
 * (bins 0 … nfft/2).
 */
function accumulatePeriodogram(
  signal: ArrayLike<number>,
  offset: number,
  length: number,
  window: Float64Array,
  nfft: number,
  sumOfSquares: Float64Array,
): void {
  const { fft, spectrum, frame } = fftWorkspace(nfft);
  let mean = 0;
  for (let i = 0; i < length; i++) mean += signal[offset + i]!;
  mean /= length;
  for (let i = 0; i < length; i++) frame[i] = (signal[offset + i]! - mean) * window[i]!;
  frame.fill(0, length);
  fft.realTransform(spectrum, frame);
  const bins = nfft / 2;
  for (let k = 0; k <= bins; k++) {
    const re = spectrum[2 * k]!;
    const im = spectrum[2 * k + 1]!;
    sumOfSquares[k] = sumOfSquares[k]! + re * re + im * im;
  }
}

type PairWorkspace = {
  /** fft.js at half the pair's size. */
  fft: FFT;
  frame: Float64Array;
  twisted: Float64Array;
  even: Float64Array;
  odd: Float64Array;
  /** W_size^m = exp(−2πi·m/size) for m < size/2. */
  twiddleRe: Float64Array;
  twiddleIm: Float64Array;
};
const pairBySize = new Map<number, PairWorkspace>();

function pairWorkspace(size: number): PairWorkspace {
  let workspace = pairBySize.get(size);
  if (!workspace) {
    const half = size / 2;
    workspace = {
      fft: new FFT(half),
      frame: new Float64Array(size),
      twisted: new Float64Array(size),
      even: new Float64Array(size),
      odd: new Float64Array(size),
      twiddleRe: Float64Array.from({ length: half }, (_, m) => Math.cos((-2 * Math.PI * m) / size)),
      twiddleIm: Float64Array.from({ length: half }, (_, m) => Math.sin((-2 * Math.PI * m) / size)),
    };
    pairBySize.set(size, workspace);
  }
  return workspace;
}

/**
 * Accumulates |X_k|² + |Y_k|² of two windowed, mean-removed frames into `sumOfSquares` (bins
 * 0 … size/2) with one complex transform Z of x + i·y: since X_k = (Z_k + conj Z_{−k})/2 and
 * Y_k = (Z_k − conj Z_{−k})/2i, their powers add up to (|Z_k|² + |Z_{−k}|²)/2.
 *
 * The frames fill at most the first half of the size points (size holds 2·length − 1 lags), so
 * Z is taken as two transforms of half the size: the even bins Z_2q are the half-size
 * transform of z_m, the odd bins Z_2q+1 that of z_m·W_size^m. fft.js does the two in less time
 * than one of the full size, and no zeros need writing.
 */
function accumulatePeriodogramPair(
  firstSignal: ArrayLike<number>,
  firstOffset: number,
  secondSignal: ArrayLike<number>,
  secondOffset: number,
  length: number,
  window: Float64Array,
  size: number,
  sumOfSquares: Float64Array,
): void {
  const { fft, frame, twisted, even, odd, twiddleRe, twiddleIm } = pairWorkspace(size);
  const half = size / 2;
  let firstMean = 0;
  let secondMean = 0;
  for (let i = 0; i < length; i++) {
    firstMean += firstSignal[firstOffset + i]!;
    secondMean += secondSignal[secondOffset + i]!;
  }
  firstMean /= length;
  secondMean /= length;
  for (let m = 0; m < length; m++) {
    const re = (firstSignal[firstOffset + m]! - firstMean) * window[m]!;
    const im = (secondSignal[secondOffset + m]! - secondMean) * window[m]!;
    frame[2 * m] = re;
    frame[2 * m + 1] = im;
    twisted[2 * m] = re * twiddleRe[m]! - im * twiddleIm[m]!;
    twisted[2 * m + 1] = re * twiddleIm[m]! + im * twiddleRe[m]!;
  }
  frame.fill(0, 2 * length);
  twisted.fill(0, 2 * length);
  fft.transform(even, frame);
  fft.transform(odd, twisted);
  // Bin k's mirror is size − k: for k = 2q the even bin half − q, for k = 2q + 1 the odd bin half − 1 − q.
  for (let q = 0; q <= half / 2; q++) {
    const mirror = (half - q) & (half - 1);
    const re = even[2 * q]!;
    const im = even[2 * q + 1]!;
    const mirrorRe = even[2 * mirror]!;
    const mirrorIm = even[2 * mirror + 1]!;
    sumOfSquares[2 * q] = sumOfSquares[2 * q]! + (re * re + im * im + mirrorRe * mirrorRe + mirrorIm * mirrorIm) * 0.5;
  }
  for (let q = 0; q < half / 2; q++) {
    const mirror = half - 1 - q;
    const re = odd[2 * q]!;
    const im = odd[2 * q + 1]!;
    const mirrorRe = odd[2 * mirror]!;
    const mirrorIm = odd[2 * mirror + 1]!;
    sumOfSquares[2 * q + 1] = sumOfSquares[2 * q + 1]! + (re * re + im * im + mirrorRe * mirrorRe + mirrorIm * mirrorIm) * 0.5;
  }
}

export function welchPsd(signal: ArrayLike<number>, options: WelchOptions): PowerSpectrum {
  if (signal.length < 2) throw new RangeError('Welch needs at least 2 samples');
  return welchPsdOfSignals([signal], options);
}

/**
 * Welch over several separate signals (the stretches between gaps in a beat stream): the
 * segments are taken within each signal, never across two, and their periodograms averaged
 * together, so the result is the spectrum of the data that was actually recorded. With one
 * signal this is welchPsd. With several, each must hold at least one whole segment (the
 * shrinking of a short signal's segment would give its periodogram another resolution).
 */
export function welchPsdOfSignals(signals: readonly ArrayLike<number>[], options: WelchOptions): PowerSpectrum {
  const { sampleRateHz, nfft } = options;
  if (signals.length === 0) throw new RangeError('Welch needs at least one signal');
  const shortest = Math.min(...signals.map((signal) => signal.length));
  if (signals.length > 1 && shortest < options.segmentLength) {
    throw new RangeError(`each of several signals needs at least one whole segment (${options.segmentLength} samples)`);
  }
  const segmentLength = Math.min(options.segmentLength, shortest);
  const overlap = segmentLength === options.segmentLength ? options.overlap : Math.floor(segmentLength / 2);
  const stepLength = segmentLength - overlap;
  const window = cachedHann(segmentLength);
  let windowEnergy = 0;
  for (let i = 0; i < segmentLength; i++) windowEnergy += window[i]! * window[i]!;

  let segmentCount = 0;
  let density: Float64Array = new Float64Array(nfft / 2 + 1);
  const shortSize = shortestAliasFreeSize(segmentLength);
  const accumulateSize = shortSize < nfft ? shortSize : nfft;
  const accumulated = shortSize < nfft ? new Float64Array(shortSize / 2 + 1) : density;
  // Segments in pairs (see the top of the file); a pair may span two signals, a segment never.
  const pairs = shortSize < nfft;
  let waiting: ArrayLike<number> | null = null;
  let waitingOffset = 0;
  for (const signal of signals) {
    const count = Math.floor((signal.length - segmentLength) / stepLength) + 1;
    for (let segment = 0; segment < count; segment++) {
      const offset = segment * stepLength;
      if (!pairs) accumulatePeriodogram(signal, offset, segmentLength, window, accumulateSize, accumulated);
      else if (waiting === null) {
        waiting = signal;
        waitingOffset = offset;
      } else {
        accumulatePeriodogramPair(waiting, waitingOffset, signal, offset, segmentLength, window, accumulateSize, accumulated);
        waiting = null;
      }
    }
    segmentCount += count;
  }
  if (waiting !== null) accumulatePeriodogram(waiting, waitingOffset, segmentLength, window, accumulateSize, accumulated);
  if (shortSize < nfft) density = refinePowerSpectrum(accumulated, shortSize, segmentLength, nfft);
  // Density scaling 1/(fs·Σw²), mean over segments, and doubling of every bin but DC and
  // Nyquist to fold the negative frequencies into a one-sided spectrum.
  const scale = 1 / (sampleRateHz * windowEnergy * segmentCount);
  for (let k = 0; k < density.length; k++) {
    const oneSided = k === 0 || k === nfft / 2 ? 1 : 2;
    density[k] = density[k]! * scale * oneSided;
  }
  return { binWidthHz: sampleRateHz / nfft, density, segmentCount };
}

/** Smallest power of two that holds all 2·length − 1 autocorrelation lags of a segment. */
function shortestAliasFreeSize(segmentLength: number): number {
  let size = 2;
  while (size < 2 * segmentLength - 1) size *= 2;
  return size;
}

/**
 * From Σ|Y_s(k)|² on a shortSize-point grid (bins 0 … shortSize/2) to Σ|X_s(k)|² on the
 * nfft-point grid (bins 0 … nfft/2), through the summed autocorrelation R (lags < length).
 */
function refinePowerSpectrum(shortPower: Float64Array, shortSize: number, segmentLength: number, nfft: number): Float64Array {
  // R[l] = (1/N) Σ_k P[k] e^{+2πikl/N}; P is real and even, so a forward transform of the
  // full symmetric P gives N·R[l] in its real parts.
  const short = fftWorkspace(shortSize);
  const symmetric = short.frame;
  for (let k = 0; k <= shortSize / 2; k++) symmetric[k] = shortPower[k]!;
  for (let k = 1; k < shortSize / 2; k++) symmetric[shortSize - k] = shortPower[k]!;
  short.fft.realTransform(short.spectrum, symmetric);
  const lags = new Float64Array(segmentLength);
  for (let l = 0; l < segmentLength; l++) lags[l] = short.spectrum[2 * l]! / shortSize;

  // S[k] = R[0] + 2 Σ_{l≥1} R[l] cos(2πkl/nfft): the transform of R laid out circularly.
  const long = fftWorkspace(nfft);
  const circular = long.frame;
  circular.fill(0);
  circular[0] = lags[0]!;
  for (let l = 1; l < segmentLength; l++) {
    circular[l] = lags[l]!;
    circular[nfft - l] = lags[l]!;
  }
  long.fft.realTransform(long.spectrum, circular);
  const power = new Float64Array(nfft / 2 + 1);
  // A power cannot be negative; clamp the rounding residue around true zeros.
  for (let k = 0; k <= nfft / 2; k++) power[k] = Math.max(0, long.spectrum[2 * k]!);
  return power;
}

/** Trapezoid rule over the bins whose frequency lies in [lowHz, highHz); no edge interpolation. */
export function bandPower(spectrum: PowerSpectrum, lowHz: number, highHz: number): number {
  const { binWidthHz, density } = spectrum;
  let first = -1;
  let last = -1;
  for (let k = 0; k < density.length; k++) {
    const frequencyHz = k * binWidthHz;
    if (frequencyHz >= lowHz && frequencyHz < highHz) {
      if (first < 0) first = k;
      last = k;
    }
  }
  if (first < 0 || last === first) return 0;
  let area = 0;
  for (let k = first; k < last; k++) area += (density[k]! + density[k + 1]!) / 2;
  return area * binWidthHz;
}
