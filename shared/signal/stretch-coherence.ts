// Coherence windows of a whole unbroken stretch of beats, the way a recording's analysis
// needs them: thousands of 64 s windows, 5 s apart, each resampled by its own not-a-knot
// spline (coherence.ts). Solving 17,000 of those for a 24-hour recording was half of the
// coherence time, and most of that work is shared.
//
// Why it can be shared: a window's spline and the spline through the whole stretch obey the
// same continuity equations at every knot inside the window; they differ only in the two
// not-a-knot end conditions. So the window's moments (second derivatives) are the stretch's
// plus Δ, where Δ solves the continuity equations with no right-hand side and takes up the
// stretch moments' defect in the window's end conditions. Such a Δ is α·φ + β·ψ: φ the
// solution that dies away to the right of the window's first knot, ψ the one that dies away
// to the left of its last, each by a factor of about 2 − √3 ≈ 0.27 per knot. Their ratios
// from knot to knot do not depend on the window: one sweep over the stretch each way gives
// them for every window (and where a window ends changes them by at most 1/8 per knot, so 18
// knots from its far end they are the window's own to rounding). Per window that leaves:
// α and β from the two end conditions, Δ knot by knot until its effect on a sample is below
// MAX_SAMPLE_ERROR_MS, and the correction of the samples near the ends, each Δ times a shape
// that the stretch works out once per grid point (correctionShapes). The samples between
// are the stretch's, which is solved and sampled on the 2 Hz grid once (window starts fall on
// that grid: the first window starts at the first beat, the others 5 s apart).
//
// The result equals the window's own spline to MAX_SAMPLE_ERROR_MS and rounding. A window
// whose two corrections reach too close to each other or to its other end, or whose start is
// off the grid, is computed the per-window way. tests/shared/signal/coherence.test.ts
// compares both on every window of real recordings and a 24-hour one.
import type { Availability } from './availability.ts';
import { COHERENCE_SAMPLE_RATE_HZ, COHERENCE_SAMPLES, COHERENCE_WINDOW_MS, coherenceOfSamples, type CoherenceReading } from './coherence-spectrum.ts';
import { evaluateSpline, solveMoments } from './cubic-spline.ts';

/** Largest difference from the window's own spline left in a sample (ms; samples are 300–2000 ms, so this is about one rounding step). */
const MAX_SAMPLE_ERROR_MS = 1e-13;
/**
 * Knots between a correction's last knot and the window's other end: the knot-to-knot ratios
 * there are the window's own to (1/8)^18 ≈ 6e-17.
 */
const SETTLE_KNOTS = 18;
/** How far a window start may sit from the stretch's grid (ms): 1e-7 ms moves a sample by under 1e-8 ms at 100 ms/s. */
const MAX_OFF_GRID_MS = 1e-7;
const SAMPLE_STEP_SEC = 1 / COHERENCE_SAMPLE_RATE_HZ;
const SAMPLE_STEP_MS = 1000 * SAMPLE_STEP_SEC;
/**
 * On a segment of width h, the spline with moments d0, d1 at its knots and values 0 there is
 * at most (|d0| + |d1|)·h²/(9√3) (each term peaks h/√3 from its far knot); with |d1| ≤ |d0|/2 that is under
 * 0.1·|d0|·h², the bound used to stop.
 */
const CORRECTION_PER_MOMENT = 0.1;

export type WindowReading = (first: number, last: number, windowEndMs: number) => Availability<CoherenceReading>;
type PerWindow = (beatTimesMs: ArrayLike<number>, nnMs: ArrayLike<number>, first: number, last: number, windowEndMs: number) => Availability<CoherenceReading>;

/** The stretch's spline, sampled on the grid, with what each window's correction needs. */
type Stretch = {
  /** Knot times, seconds from the first beat. */
  readonly timesSec: Float64Array;
  readonly moments: Float64Array;
  readonly inverseWidth: Float64Array;
  /** φ_i+1 / φ_i of the solution that dies away to the right. */
  readonly rightwardRatio: Float64Array;
  /** ψ_i−1 / ψ_i of the solution that dies away to the left. */
  readonly leftwardRatio: Float64Array;
  /** The spline at grid point g, g·SAMPLE_STEP_SEC from the first beat. */
  readonly grid: Float64Array;
  /** The first grid point at or after knot i. */
  readonly firstGridPoint: Int32Array;
  /** The segment i…i+1 grid point g lies on (x_i ≤ t < x_i+1). */
  readonly segmentOfGridPoint: Int32Array;
  /**
   * At grid point g on segment i…i+1: the left-end correction there per unit Δ_i (its moment
   * at knot i; the one at i+1 is Δ_i times the rightward ratio). See correctionShapes.
   */
  readonly leftShape: Float64Array;
  /** The same for the right-end correction, per unit Δ_i+1 (the one at i is Δ_i+1 times the leftward ratio). */
  readonly rightShape: Float64Array;
  /** |Δ| below which a correction is negligible: MAX_SAMPLE_ERROR_MS / (0.1·longest segment²). */
  readonly negligibleMoment: number;
};

/**
 * The reading of each window (first and last beat, end time, as scheduled by coherence.ts) of
 * one unbroken stretch: beat times strictly increasing, the first window starting at the first
 * beat. `perWindow` is coherenceOfWindow, used where sharing does not apply.
 */
export function stretchCoherenceWindows(beatTimesMs: ArrayLike<number>, nnMs: ArrayLike<number>, perWindow: PerWindow): WindowReading {
  const alone: WindowReading = (first, last, windowEndMs) => perWindow(beatTimesMs, nnMs, first, last, windowEndMs);
  if (beatTimesMs.length < 2 * SETTLE_KNOTS + 6 || !strictlyIncreasing(beatTimesMs)) return alone;
  const stretch = solveStretch(beatTimesMs, nnMs);
  const originMs = beatTimesMs[0]!;
  const samples = new Float64Array(COHERENCE_SAMPLES);

  return (first, last, windowEndMs) => {
    const windowStartMs = windowEndMs - COHERENCE_WINDOW_MS;
    // Window starts lie on the stretch's grid, up to the rounding of adding 5 s to a time that
    // may be any double (a few 1e-8 ms: far below what moves a sample).
    const gridOffset = Math.round((windowStartMs - originMs) / SAMPLE_STEP_MS);
    const offGridMs = Math.abs(gridOffset * SAMPLE_STEP_MS - (windowStartMs - originMs));
    if (last - first < 2 * SETTLE_KNOTS + 4 || offGridMs > MAX_OFF_GRID_MS) return alone(first, last, windowEndMs);
    if (!windowSamples(stretch, first, last, gridOffset, samples)) return alone(first, last, windowEndMs);
    return coherenceOfSamples(samples);
  };
}

function strictlyIncreasing(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i]! > values[i - 1]!)) return false;
  return Number.isFinite(values[0]) && Number.isFinite(values[values.length - 1]);
}

function solveStretch(beatTimesMs: ArrayLike<number>, nnMs: ArrayLike<number>): Stretch {
  const n = beatTimesMs.length;
  const originMs = beatTimesMs[0]!;
  const timesSec = new Float64Array(n);
  for (let i = 0; i < n; i++) timesSec[i] = (beatTimesMs[i]! - originMs) / 1000;
  const moments = new Float64Array(n);
  const inverseWidth = new Float64Array(n);
  solveMoments(timesSec, nnMs, n, moments, inverseWidth);
  const gridCount = Math.floor(timesSec[n - 1]! / SAMPLE_STEP_SEC) + 1;
  const grid = new Float64Array(gridCount);
  evaluateSpline(timesSec, nnMs, moments, inverseWidth, 0, n - 2, 0, SAMPLE_STEP_SEC, gridCount, grid, 0);

  // The continuity equation at knot i: h_i−1·Δ_i−1 + 2(h_i−1 + h_i)·Δ_i + h_i·Δ_i+1 = 0. Each
  // ratio is in (−1/2, 0), and a change in the one it is computed from moves it by at most
  // 1/8 of that (h_i−1·h_i / (2h_i−1 + h_i)² ≤ 1/8), so the sweeps forget where they started.
  const rightwardRatio = new Float64Array(n);
  for (let i = n - 2; i >= 1; i--) {
    const hBefore = timesSec[i]! - timesSec[i - 1]!;
    const hAfter = timesSec[i + 1]! - timesSec[i]!;
    rightwardRatio[i - 1] = -hBefore / (2 * (hBefore + hAfter) + hAfter * rightwardRatio[i]!);
  }
  const leftwardRatio = new Float64Array(n);
  let longestSec = 0;
  for (let i = 1; i <= n - 2; i++) {
    const hBefore = timesSec[i]! - timesSec[i - 1]!;
    const hAfter = timesSec[i + 1]! - timesSec[i]!;
    leftwardRatio[i + 1] = -hAfter / (2 * (hBefore + hAfter) + hBefore * leftwardRatio[i]!);
    longestSec = Math.max(longestSec, hBefore, hAfter);
  }
  const negligibleMoment = MAX_SAMPLE_ERROR_MS / (CORRECTION_PER_MOMENT * longestSec * longestSec);
  const { firstGridPoint, segmentOfGridPoint } = gridSegments(timesSec, gridCount);
  const { leftShape, rightShape } = correctionShapes(timesSec, inverseWidth, rightwardRatio, leftwardRatio, segmentOfGridPoint);
  return { timesSec, moments, inverseWidth, rightwardRatio, leftwardRatio, grid, firstGridPoint, segmentOfGridPoint, leftShape, rightShape, negligibleMoment };
}

/** Which grid points lie on which segment, both ways. */
function gridSegments(timesSec: Float64Array, gridCount: number): { firstGridPoint: Int32Array; segmentOfGridPoint: Int32Array } {
  const n = timesSec.length;
  const firstGridPoint = new Int32Array(n);
  for (let i = 0; i < n; i++) firstGridPoint[i] = Math.ceil(timesSec[i]! * COHERENCE_SAMPLE_RATE_HZ);
  // Count the knots (after the first) at or before each grid point, then sum them up.
  const segmentOfGridPoint = new Int32Array(gridCount);
  for (let i = 1; i < n; i++) {
    const at = firstGridPoint[i]!;
    if (at < gridCount) segmentOfGridPoint[at] = segmentOfGridPoint[at]! + 1;
  }
  for (let g = 1; g < gridCount; g++) segmentOfGridPoint[g] = segmentOfGridPoint[g]! + segmentOfGridPoint[g - 1]!;
  // A grid point on the last knot belongs to the last segment (both shapes are 0 there).
  if (gridCount > 0) segmentOfGridPoint[gridCount - 1] = Math.min(segmentOfGridPoint[gridCount - 1]!, n - 2);
  return { firstGridPoint, segmentOfGridPoint };
}

/**
 * A correction on segment x0…x1 is the spline with moments d0, d1 at its knots and values 0
 * there: −a·b·(d0·(h + a) + d1·(h + b)) / (6h), with a = x1 − t, b = t − x0. Going right,
 * d1 = d0 × the rightward ratio of x0; going left, d0 = d1 × the leftward ratio of x1. So at
 * each grid point the correction is Δ times a number that does not depend on the window:
 * worked out once here, a window's correction costs one multiply-add a sample. A grid point
 * on a knot belongs to the segment it starts (where both shapes are 0 anyway).
 */
function correctionShapes(
  timesSec: Float64Array,
  inverseWidth: Float64Array,
  rightwardRatio: Float64Array,
  leftwardRatio: Float64Array,
  segmentOfGridPoint: Int32Array,
): { leftShape: Float64Array; rightShape: Float64Array } {
  const gridCount = segmentOfGridPoint.length;
  const leftShape = new Float64Array(gridCount);
  const rightShape = new Float64Array(gridCount);
  for (let g = 0; g < gridCount; g++) {
    const segment = segmentOfGridPoint[g]!;
    const x0 = timesSec[segment]!;
    const x1 = timesSec[segment + 1]!;
    const h = x1 - x0;
    const tSec = g * SAMPLE_STEP_SEC;
    const a = x1 - tSec;
    const b = tSec - x0;
    const ab = (-inverseWidth[segment]! / 6) * a * b;
    leftShape[g] = ab * (h + a + rightwardRatio[segment]! * (h + b));
    rightShape[g] = ab * (leftwardRatio[segment + 1]! * (h + a) + (h + b));
  }
  return { leftShape, rightShape };
}

/** Δ at each knot of a window's end correction, from the end inwards (a few dozen). */
let leftMoments = new Float64Array(256);
let rightMoments = new Float64Array(256);

/**
 * The window's samples into `samples`: the stretch's, corrected near each end (see the top of
 * the file). False if a correction reaches too far in (the window is then computed alone).
 */
function windowSamples(stretch: Stretch, first: number, last: number, gridOffset: number, samples: Float64Array): boolean {
  if (leftMoments.length < last - first + 1) {
    leftMoments = new Float64Array(2 * (last - first + 1));
    rightMoments = new Float64Array(2 * (last - first + 1));
  }
  const leftEnd = leftCorrection(stretch, first, last - SETTLE_KNOTS);
  if (leftEnd < 0) return false;
  const rightStart = rightCorrection(stretch, last, Math.max(first + SETTLE_KNOTS, leftEnd));
  if (rightStart < 0) return false;
  // Each sample takes the Δ of its segment's knot: a gather rather than a loop over segments,
  // whose one or two samples each made the loop's exit a coin toss for the branch predictor.
  const { grid, firstGridPoint, segmentOfGridPoint, leftShape, rightShape } = stretch;
  const leftTo = Math.min(COHERENCE_SAMPLES, Math.max(0, firstGridPoint[leftEnd]! - gridOffset));
  const rightFrom = Math.max(leftTo, Math.min(COHERENCE_SAMPLES, firstGridPoint[rightStart]! - gridOffset));
  for (let k = 0; k < leftTo; k++) {
    const g = gridOffset + k;
    // A window may start a rounding error before its first knot, on the segment before it.
    samples[k] = grid[g]! + leftMoments[Math.max(0, segmentOfGridPoint[g]! - first)]! * leftShape[g]!;
  }
  // Between the corrections the samples are the stretch's.
  for (let k = leftTo; k < rightFrom; k++) samples[k] = grid[gridOffset + k]!;
  for (let k = rightFrom; k < COHERENCE_SAMPLES; k++) {
    const g = gridOffset + k;
    samples[k] = grid[g]! + rightMoments[last - 1 - segmentOfGridPoint[g]!]! * rightShape[g]!;
  }
  return true;
}

/**
 * The left correction's Δ = α·φ, α from the not-a-knot condition at the first knot, into
 * leftMoments[knot − first] until it is negligible. Returns the knot from which the samples
 * are the stretch's, or −1 if the correction reaches past `lastKnot`.
 */
function leftCorrection(stretch: Stretch, first: number, lastKnot: number): number {
  const { timesSec, moments, inverseWidth, rightwardRatio: ratio, negligibleMoment } = stretch;
  // Not-a-knot: M_f = (1 + r)·M_f+1 − r·M_f+2 with r = h_f / h_f+1; the stretch's moments miss it by `defect`.
  const r = (timesSec[first + 1]! - timesSec[first]!) * inverseWidth[first + 1]!;
  const defect = (1 + r) * moments[first + 1]! - r * moments[first + 2]! - moments[first]!;
  let delta = defect / (1 - (1 + r) * ratio[first]! + r * ratio[first]! * ratio[first + 1]!);
  for (let knot = first; ; knot++) {
    if (Math.abs(delta) <= negligibleMoment) return knot;
    if (knot >= lastKnot) return -1;
    leftMoments[knot - first] = delta;
    delta *= ratio[knot]!;
  }
}

/**
 * The same at the window's last knot, Δ = β·ψ, going left, into rightMoments[last − knot];
 * returns the knot up to which the samples are the stretch's, or −1 if it reaches below
 * `firstKnot`.
 */
function rightCorrection(stretch: Stretch, last: number, firstKnot: number): number {
  const { timesSec, moments, inverseWidth, leftwardRatio: ratio, negligibleMoment } = stretch;
  const r = (timesSec[last]! - timesSec[last - 1]!) * inverseWidth[last - 2]!;
  const defect = (1 + r) * moments[last - 1]! - r * moments[last - 2]! - moments[last]!;
  let delta = defect / (1 - (1 + r) * ratio[last]! + r * ratio[last]! * ratio[last - 1]!);
  for (let knot = last; ; knot--) {
    if (Math.abs(delta) <= negligibleMoment) return knot;
    if (knot <= firstKnot) return -1;
    rightMoments[last - knot] = delta;
    delta *= ratio[knot]!;
  }
}
