// Time-domain and Poincaré HRV metrics, one convention each (signal.md, Kubios where peers
// disagree). Inputs are NN intervals in ms; every function needs at least 2 intervals and
// throws a RangeError otherwise, so callers check length once instead of getting NaN.

export type TimeDomainMetrics = {
  readonly meanNnMs: number;
  readonly sdnnMs: number;
  readonly rmssdMs: number;
  readonly nn50: number;
  readonly pnn50: number;
  /** 60000 / meanNN (Kubios). */
  readonly meanHrBpm: number;
  /** From beat-wise HR (60000 / NN of each beat). */
  readonly minHrBpm: number;
  readonly maxHrBpm: number;
};

export type PoincareMetrics = { readonly sd1Ms: number; readonly sd2Ms: number };

export const MIN_INTERVALS_FOR_TIME_DOMAIN = 2;

function requireIntervals(nnMs: ArrayLike<number>): void {
  if (nnMs.length < MIN_INTERVALS_FOR_TIME_DOMAIN) {
    throw new RangeError(`need at least ${MIN_INTERVALS_FOR_TIME_DOMAIN} NN intervals, got ${nnMs.length}`);
  }
}

export function meanNnMs(nnMs: ArrayLike<number>): number {
  requireIntervals(nnMs);
  let sum = 0;
  for (let i = 0; i < nnMs.length; i++) sum += nnMs[i]!;
  return sum / nnMs.length;
}

/** Sample standard deviation (N − 1). */
export function sdnnMs(nnMs: ArrayLike<number>): number {
  const mean = meanNnMs(nnMs);
  let squares = 0;
  for (let i = 0; i < nnMs.length; i++) {
    const deviation = nnMs[i]! - mean;
    squares += deviation * deviation;
  }
  return Math.sqrt(squares / (nnMs.length - 1));
}

/** √(mean of squared successive differences), over the N − 1 differences. */
export function rmssdMs(nnMs: ArrayLike<number>): number {
  requireIntervals(nnMs);
  let squares = 0;
  for (let i = 1; i < nnMs.length; i++) {
    const difference = nnMs[i]! - nnMs[i - 1]!;
    squares += difference * difference;
  }
  return Math.sqrt(squares / (nnMs.length - 1));
}

/** Count of successive differences strictly greater than 50 ms in magnitude. */
export function nn50(nnMs: ArrayLike<number>): number {
  requireIntervals(nnMs);
  let count = 0;
  for (let i = 1; i < nnMs.length; i++) {
    if (Math.abs(nnMs[i]! - nnMs[i - 1]!) > 50) count++;
  }
  return count;
}

/** 100 · NN50 / (N − 1). */
export function pnn50(nnMs: ArrayLike<number>): number {
  return (100 * nn50(nnMs)) / (nnMs.length - 1);
}

/** Mean of beat-wise HR: the hrv-analysis / pyHRV "mean HR", and the live-HR rule's average. */
export function meanBeatwiseHrBpm(nnMs: ArrayLike<number>): number {
  if (nnMs.length === 0) throw new RangeError('need at least 1 NN interval');
  let sum = 0;
  for (let i = 0; i < nnMs.length; i++) sum += 60000 / nnMs[i]!;
  return sum / nnMs.length;
}

export function timeDomainMetrics(nnMs: ArrayLike<number>): TimeDomainMetrics {
  requireIntervals(nnMs);
  const mean = meanNnMs(nnMs);
  let shortestMs = Infinity;
  let longestMs = -Infinity;
  for (let i = 0; i < nnMs.length; i++) {
    const value = nnMs[i]!;
    if (value < shortestMs) shortestMs = value;
    if (value > longestMs) longestMs = value;
  }
  const count50 = nn50(nnMs);
  return {
    meanNnMs: mean,
    sdnnMs: sdnnMs(nnMs),
    rmssdMs: rmssdMs(nnMs),
    nn50: count50,
    pnn50: (100 * count50) / (nnMs.length - 1),
    meanHrBpm: 60000 / mean,
    minHrBpm: 60000 / longestMs,
    maxHrBpm: 60000 / shortestMs,
  };
}

/**
 * Poincaré SD1/SD2 with sample variances: SD1² = var(ΔNN)/2, SD2² = 2·var(NN) − var(ΔNN)/2
 * (the identities Kubios and hrv-analysis use; no rotation needed).
 */
export function poincareMetrics(nnMs: ArrayLike<number>): PoincareMetrics {
  if (nnMs.length < 3) throw new RangeError(`need at least 3 NN intervals for SD1/SD2, got ${nnMs.length}`);
  const nnVariance = sdnnMs(nnMs) ** 2;
  const differenceCount = nnMs.length - 1;
  let differenceSum = 0;
  for (let i = 1; i < nnMs.length; i++) differenceSum += nnMs[i]! - nnMs[i - 1]!;
  const differenceMean = differenceSum / differenceCount;
  let differenceSquares = 0;
  for (let i = 1; i < nnMs.length; i++) {
    const deviation = nnMs[i]! - nnMs[i - 1]! - differenceMean;
    differenceSquares += deviation * deviation;
  }
  const differenceVariance = differenceSquares / (differenceCount - 1);
  return {
    sd1Ms: Math.sqrt(differenceVariance / 2),
    // max(0, …) guards the last-bit rounding of a difference of nearly equal numbers.
    sd2Ms: Math.sqrt(Math.max(0, 2 * nnVariance - differenceVariance / 2)),
  };
}
