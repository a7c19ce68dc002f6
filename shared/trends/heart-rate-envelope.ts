import type { XY } from './lttb.ts';

// A long session's heart rate as a reader can take it in: a smoothed line (a moving median)
// and, around it, the lowest and highest beat in each slice of the chart's width. Drawn
// beat by beat, 60 minutes is 4,000+ points in 1,000 pixels: a solid band where the trend
// cannot be seen. Display only: every number and the table still use every beat.

/** Sessions longer than this get the envelope; shorter ones keep every beat's detail. */
export const ENVELOPE_MIN_SESSION_SEC = 10 * 60;

/** The smoothing window is the session's length divided by this (30 s for an hour)… */
const WINDOW_PER_SESSION = 120;
/** …and never shorter or longer than these. */
const WINDOW_MIN_SEC = 10;
const WINDOW_MAX_SEC = 300;

/** One slice of the chart: its middle (x), the smoothed value there, and the slice's lowest and highest beat. */
export type EnvelopeBucket = {
  readonly x: number;
  /** Median of the beats within half a window either side of x; null when there are none (a gap). */
  readonly y: number | null;
  /** [lowest, highest] beat in the slice; null when the slice holds no beat. */
  readonly band: readonly [number, number] | null;
};

export type HeartRateDrawing =
  | { readonly kind: 'beats'; readonly points: readonly XY[] }
  | { readonly kind: 'envelope'; readonly windowSec: number; readonly buckets: readonly EnvelopeBucket[] };

/** The smoothing window for a session this long, in whole seconds. */
export function smoothingWindowSec(durationSec: number): number {
  return Math.round(Math.min(WINDOW_MAX_SEC, Math.max(WINDOW_MIN_SEC, durationSec / WINDOW_PER_SESSION)));
}

/** The smoothing window when `points` (x in seconds, in order) are long enough for an envelope, else null. */
export function envelopeWindowSec(points: readonly XY[]): number | null {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || last.x - first.x <= ENVELOPE_MIN_SESSION_SEC) return null;
  return smoothingWindowSec(last.x - first.x);
}

/**
 * How to draw `points` (x in seconds, in order) across `bucketCount` slices: as they are when
 * the series spans ENVELOPE_MIN_SESSION_SEC or less, else as an envelope. A moving median
 * rather than a mean because one missed or extra beat (a 40 or 180 bpm spike) would drag a
 * mean along for the whole window, and because a median keeps a sudden rise as a step.
 */
export function heartRateDrawing(points: readonly XY[], bucketCount: number): HeartRateDrawing {
  const windowSec = envelopeWindowSec(points);
  if (windowSec === null) return { kind: 'beats', points };
  return { kind: 'envelope', windowSec, buckets: envelope(points, Math.max(1, Math.floor(bucketCount)), windowSec) };
}

/**
 * `bucketCount` equal slices from the first point's x to the last's: each with its lowest
 * and highest y, and the median of every y within windowSec / 2 of the slice's middle.
 */
export function envelope(points: readonly XY[], bucketCount: number, windowSec: number): EnvelopeBucket[] {
  const n = points.length;
  if (n === 0) return [];
  const x0 = (points[0] as XY).x;
  const span = Math.max((points[n - 1] as XY).x - x0, Number.EPSILON);
  const width = span / bucketCount;
  const half = windowSec / 2;
  const buckets: EnvelopeBucket[] = new Array(bucketCount);
  // Three cursors move forward only: the slice's own points and the window around its middle.
  let sliceStart = 0;
  let windowStart = 0;
  let windowEnd = 0;
  const scratch = new Float64Array(n);
  for (let b = 0; b < bucketCount; b += 1) {
    const end = b === bucketCount - 1 ? Infinity : x0 + (b + 1) * width;
    let lo = Infinity;
    let hi = -Infinity;
    let i = sliceStart;
    for (; i < n && (points[i] as XY).x < end; i += 1) {
      const y = (points[i] as XY).y;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    sliceStart = i;
    const mid = x0 + (b + 0.5) * width;
    while (windowStart < n && (points[windowStart] as XY).x < mid - half) windowStart += 1;
    if (windowEnd < windowStart) windowEnd = windowStart;
    while (windowEnd < n && (points[windowEnd] as XY).x <= mid + half) windowEnd += 1;
    buckets[b] = { x: mid, y: median(points, windowStart, windowEnd, scratch), band: lo <= hi ? [lo, hi] : null };
  }
  return buckets;
}

/** Median of points[from…to)'s y, or null when the range is empty. */
function median(points: readonly XY[], from: number, to: number, scratch: Float64Array): number | null {
  const count = to - from;
  if (count <= 0) return null;
  const values = scratch.subarray(0, count);
  for (let i = 0; i < count; i += 1) values[i] = (points[from + i] as XY).y;
  values.sort();
  const m = count >> 1;
  return count % 2 === 1 ? (values[m] as number) : ((values[m - 1] as number) + (values[m] as number)) / 2;
}
