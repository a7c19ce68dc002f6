// Gaps: stretches of a beat stream where beats were lost (a strap dropout, a radio drop-out).
// Two stored beats are successive only if the time between them is about the interval that
// ended at the second; when the clock moved on by more than that plus GAP_TOLERANCE_MS, beats
// went missing in between and nothing computed from pairs of beats (a successive difference,
// a spline, a spectrum) may bridge them.
import { isPossibleInterval } from './rr-range.ts';

/** Time between two beats beyond the second one's RR by more than this is a gap: beats were lost. */
export const GAP_TOLERANCE_MS = 2_000;

/** A run of beats with no gap inside it: indexes from (inclusive) to `to` (exclusive). */
export type BeatSegment = { readonly from: number; readonly to: number };

export type GapSplit = {
  /** Consecutive, non-empty, covering every beat in order; one segment when nothing was lost. */
  readonly segments: readonly BeatSegment[];
  /** Number of gaps (segments − 1 when there are beats). */
  readonly gaps: number;
  /** Time lost in the gaps: for each, the time between its two beats not covered by the second one's RR. */
  readonly lostMs: number;
};

/**
 * Splits beats (the RR that ended at each and when it ended, ms) into gap-free segments.
 *
 * Times are taken as they come when they can be: a beat whose time is not a finite number is
 * placed one interval after the previous beat (before the first timed beat: one interval
 * before the next), and a time that goes backwards is held at the previous one. Neither is
 * ever a gap by itself: a beat with a broken clock is still a beat that arrived in order. An
 * interval that cannot be an interval at all (isPossibleInterval) covers no time.
 */
export function splitAtGaps(rrMs: ArrayLike<number>, beatTimesMs: ArrayLike<number>): GapSplit {
  const n = rrMs.length;
  if (n === 0) return { segments: [], gaps: 0, lostMs: 0 };
  const timesMs = usableBeatTimesMs(rrMs, beatTimesMs);
  const segments: BeatSegment[] = [];
  let from = 0;
  let lostMs = 0;
  for (let i = 1; i < n; i++) {
    const unaccountedMs = timesMs[i]! - timesMs[i - 1]! - coveredMs(rrMs[i]!);
    if (unaccountedMs > GAP_TOLERANCE_MS) {
      segments.push({ from, to: i });
      from = i;
      lostMs += unaccountedMs;
    }
  }
  segments.push({ from, to: n });
  return { segments, gaps: segments.length - 1, lostMs };
}

function coveredMs(rrMs: number): number {
  return isPossibleInterval(rrMs) ? rrMs : 0;
}

/** Beat times with the unusable ones filled in and backward steps held (see splitAtGaps). */
function usableBeatTimesMs(rrMs: ArrayLike<number>, beatTimesMs: ArrayLike<number>): Float64Array {
  const n = rrMs.length;
  const timesMs = new Float64Array(n);
  let firstTimed = -1;
  for (let i = 0; i < n && i < beatTimesMs.length; i++) {
    if (Number.isFinite(beatTimesMs[i])) {
      firstTimed = i;
      break;
    }
  }
  if (firstTimed < 0) {
    // No usable time at all: the beats follow one another, as cumulative RR would place them.
    let cumulativeMs = 0;
    for (let i = 0; i < n; i++) timesMs[i] = cumulativeMs += coveredMs(rrMs[i]!);
    return timesMs;
  }
  timesMs[firstTimed] = beatTimesMs[firstTimed]!;
  for (let i = firstTimed - 1; i >= 0; i--) timesMs[i] = timesMs[i + 1]! - coveredMs(rrMs[i + 1]!);
  for (let i = firstTimed + 1; i < n; i++) {
    const stampedMs = i < beatTimesMs.length ? beatTimesMs[i]! : Number.NaN;
    const previousMs = timesMs[i - 1]!;
    timesMs[i] = Number.isFinite(stampedMs) ? Math.max(stampedMs, previousMs) : previousMs + coveredMs(rrMs[i]!);
  }
  return timesMs;
}

/** "beats were lost once" / "… 3 times": how reasons name the gaps. */
export function beatsLostPhrase(gaps: number): string {
  return `beats were lost ${gaps === 1 ? 'once' : `${gaps} times`}`;
}

/** Indexes i ≥ 1 (ascending, distinct) where values[i − 1] and values[i] are not successive beats: beats were lost between them. */
export type Breaks = readonly number[];

/** The values cut at the breaks, as views when the values are a typed array. */
export function valuesBetweenBreaks(values: ArrayLike<number>, breaks: Breaks): ArrayLike<number>[] {
  if (breaks.length === 0) return [values];
  const bounds = [0, ...breaks, values.length];
  const parts: ArrayLike<number>[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) parts.push(sliceOf(values, bounds[k]!, bounds[k + 1]!));
  return parts;
}

function sliceOf(values: ArrayLike<number>, from: number, to: number): ArrayLike<number> {
  if (values instanceof Float64Array) return values.subarray(from, to);
  return Array.prototype.slice.call(values, from, to) as number[];
}
