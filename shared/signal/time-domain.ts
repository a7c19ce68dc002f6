// Time-domain and Poincaré HRV metrics, one convention each (signal.md, Kubios where peers
// disagree). Inputs are NN intervals in ms; every function needs at least 2 intervals and
// throws a RangeError otherwise, so callers check length once instead of getting NaN.
//
// Beats lost between two intervals (a gap, see gaps.ts) make them not successive: the
// functions built on successive differences take `breaks`, the indexes i where nn[i − 1] and
// nn[i] are not successive, and take no difference there. With no breaks the arithmetic is
// exactly that of one unbroken series.
import type { Breaks } from './gaps.ts';

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

const NO_BREAKS: Breaks = [];

/** Where the unbroken stretches start and end: 0, the breaks in range (ascending), length. */
function stretchEnds(length: number, breaks: Breaks): number[] {
  const ends = [0];
  for (const index of breaks) if (index > ends[ends.length - 1]! && index < length) ends.push(index);
  ends.push(length);
  return ends;
}

/** Number of successive differences within the unbroken stretches; throws when there is none. */
export function successiveDifferenceCount(nnMs: ArrayLike<number>, breaks: Breaks = NO_BREAKS): number {
  requireIntervals(nnMs);
  const count = nnMs.length - (stretchEnds(nnMs.length, breaks).length - 1);
  if (count < 1) throw new RangeError('no two successive NN intervals: beats were lost between every pair');
  return count;
}

// The measures below loop over each stretch's differences in order (with no breaks: one
// stretch, the plain loop), so they all skip the same pairs.

/** √(mean of squared successive differences), over the N − 1 differences (fewer across breaks). */
export function rmssdMs(nnMs: ArrayLike<number>, breaks: Breaks = NO_BREAKS): number {
  const count = successiveDifferenceCount(nnMs, breaks);
  const ends = stretchEnds(nnMs.length, breaks);
  let squares = 0;
  for (let stretch = 0; stretch + 1 < ends.length; stretch++) {
    for (let i = ends[stretch]! + 1; i < ends[stretch + 1]!; i++) {
      const difference = nnMs[i]! - nnMs[i - 1]!;
      squares += difference * difference;
    }
  }
  return Math.sqrt(squares / count);
}

/** Count of successive differences strictly greater than 50 ms in magnitude. */
export function nn50(nnMs: ArrayLike<number>, breaks: Breaks = NO_BREAKS): number {
  successiveDifferenceCount(nnMs, breaks);
  const ends = stretchEnds(nnMs.length, breaks);
  let count = 0;
  for (let stretch = 0; stretch + 1 < ends.length; stretch++) {
    for (let i = ends[stretch]! + 1; i < ends[stretch + 1]!; i++) {
      if (Math.abs(nnMs[i]! - nnMs[i - 1]!) > 50) count++;
    }
  }
  return count;
}

/** 100 · NN50 / (N − 1), the denominator being the differences actually taken. */
export function pnn50(nnMs: ArrayLike<number>, breaks: Breaks = NO_BREAKS): number {
  return (100 * nn50(nnMs, breaks)) / successiveDifferenceCount(nnMs, breaks);
}

/** Mean of beat-wise HR: the hrv-analysis / pyHRV "mean HR", and the live-HR rule's average. */
export function meanBeatwiseHrBpm(nnMs: ArrayLike<number>): number {
  if (nnMs.length === 0) throw new RangeError('need at least 1 NN interval');
  let sum = 0;
  for (let i = 0; i < nnMs.length; i++) sum += 60000 / nnMs[i]!;
  return sum / nnMs.length;
}

/** Mean, SDNN and heart rates over every interval; RMSSD and NN50 within the unbroken stretches. */
export function timeDomainMetrics(nnMs: ArrayLike<number>, breaks: Breaks = NO_BREAKS): TimeDomainMetrics {
  requireIntervals(nnMs);
  const mean = meanNnMs(nnMs);
  let shortestMs = Infinity;
  let longestMs = -Infinity;
  for (let i = 0; i < nnMs.length; i++) {
    const value = nnMs[i]!;
    if (value < shortestMs) shortestMs = value;
    if (value > longestMs) longestMs = value;
  }
  const count50 = nn50(nnMs, breaks);
  return {
    meanNnMs: mean,
    sdnnMs: sdnnMs(nnMs),
    rmssdMs: rmssdMs(nnMs, breaks),
    nn50: count50,
    pnn50: (100 * count50) / successiveDifferenceCount(nnMs, breaks),
    meanHrBpm: 60000 / mean,
    minHrBpm: 60000 / longestMs,
    maxHrBpm: 60000 / shortestMs,
  };
}

/**
 * Poincaré SD1/SD2 with sample variances: SD1² = var(ΔNN)/2, SD2² = 2·var(NN) − var(ΔNN)/2
 * (the identities Kubios and hrv-analysis use; no rotation needed). var(NN) is over every
 * interval, var(ΔNN) over the successive differences within the unbroken stretches.
 */
export function poincareMetrics(nnMs: ArrayLike<number>, breaks: Breaks = NO_BREAKS): PoincareMetrics {
  if (nnMs.length < 3) throw new RangeError(`need at least 3 NN intervals for SD1/SD2, got ${nnMs.length}`);
  const nnVariance = sdnnMs(nnMs) ** 2;
  const differenceCount = successiveDifferenceCount(nnMs, breaks);
  if (differenceCount < 2) throw new RangeError('need at least 2 successive differences for SD1/SD2');
  const ends = stretchEnds(nnMs.length, breaks);
  let differenceSum = 0;
  for (let stretch = 0; stretch + 1 < ends.length; stretch++) {
    for (let i = ends[stretch]! + 1; i < ends[stretch + 1]!; i++) differenceSum += nnMs[i]! - nnMs[i - 1]!;
  }
  const differenceMean = differenceSum / differenceCount;
  let differenceSquares = 0;
  for (let stretch = 0; stretch + 1 < ends.length; stretch++) {
    for (let i = ends[stretch]! + 1; i < ends[stretch + 1]!; i++) {
      const deviation = nnMs[i]! - nnMs[i - 1]! - differenceMean;
      differenceSquares += deviation * deviation;
    }
  }
  const differenceVariance = differenceSquares / (differenceCount - 1);
  return {
    sd1Ms: Math.sqrt(differenceVariance / 2),
    // max(0, …) guards the last-bit rounding of a difference of nearly equal numbers.
    sd2Ms: Math.sqrt(Math.max(0, 2 * nnVariance - differenceVariance / 2)),
  };
}
