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
// MAX_SAMPLE_ERROR_MS, and the correction of the samples near the ends. The samples between
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
    const leftEnd = correctLeftEnd(stretch, first, last - SETTLE_KNOTS, gridOffset, samples);
    if (leftEnd < 0) return alone(first, last, windowEndMs);
    const rightStart = correctRightEnd(stretch, last, Math.max(first + SETTLE_KNOTS, leftEnd), gridOffset, samples);
    if (rightStart < 0) return alone(first, last, windowEndMs);
    // Between the corrections the samples are the stretch's.
    const { grid, timesSec } = stretch;
    const fromSample = Math.max(0, gridIndexAtOrAfter(timesSec[leftEnd]!) - gridOffset);
    const toSample = Math.min(COHERENCE_SAMPLES, gridIndexAtOrAfter(timesSec[rightStart]!) - gridOffset);
    for (let k = fromSample; k < toSample; k++) samples[k] = grid[gridOffset + k]!;
    return coherenceOfSamples(samples);
  };
}

function strictlyIncreasing(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i]! > values[i - 1]!)) return false;
  return Number.isFinite(values[0]) && Number.isFinite(values[values.length - 1]);
}

/** The first grid point at or after a time (seconds from the first beat). */
function gridIndexAtOrAfter(timeSec: number): number {
  return Math.ceil(timeSec * COHERENCE_SAMPLE_RATE_HZ);
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
  return { timesSec, moments, inverseWidth, rightwardRatio, leftwardRatio, grid, negligibleMoment };
}

/**
 * Adds to the stretch's value, at the window's grid points on segment x0…x1, the spline with
 * moments d0, d1 at x0, x1 and values 0 there: −a·b·(d0·(h + a) + d1·(h + b)) / (6h), with
 * a = x1 − t, b = t − x0.
 */
function correctSegment(stretch: Stretch, segment: number, d0: number, d1: number, gridOffset: number, fromSample: number, toSample: number, samples: Float64Array): void {
  const { timesSec, inverseWidth, grid } = stretch;
  const x0 = timesSec[segment]!;
  const x1 = timesSec[segment + 1]!;
  const h = x1 - x0;
  const c0 = (-d0 * inverseWidth[segment]!) / 6;
  const c1 = (-d1 * inverseWidth[segment]!) / 6;
  for (let k = fromSample; k < toSample; k++) {
    const tSec = (gridOffset + k) * SAMPLE_STEP_SEC;
    const a = x1 - tSec;
    const b = tSec - x0;
    samples[k] = grid[gridOffset + k]! + a * b * (c0 * (h + a) + c1 * (h + b));
  }
}

/**
 * The window's samples from its first knot until its correction is negligible: Δ = α·φ with
 * α from the not-a-knot condition at the first knot. Returns the knot from which the samples
 * are the stretch's, or −1 if the correction reaches past `lastKnot`.
 */
function correctLeftEnd(stretch: Stretch, first: number, lastKnot: number, gridOffset: number, samples: Float64Array): number {
  const { timesSec, moments, inverseWidth, rightwardRatio: ratio, negligibleMoment } = stretch;
  // Not-a-knot: M_f = (1 + r)·M_f+1 − r·M_f+2 with r = h_f / h_f+1; the stretch's moments miss it by `defect`.
  const r = (timesSec[first + 1]! - timesSec[first]!) * inverseWidth[first + 1]!;
  const defect = (1 + r) * moments[first + 1]! - r * moments[first + 2]! - moments[first]!;
  let delta = defect / (1 - (1 + r) * ratio[first]! + r * ratio[first]! * ratio[first + 1]!);
  let fromSample = 0;
  for (let knot = first; ; knot++) {
    if (Math.abs(delta) <= negligibleMoment) return knot;
    if (knot >= lastKnot) return -1;
    const next = delta * ratio[knot]!;
    const toSample = Math.min(COHERENCE_SAMPLES, gridIndexAtOrAfter(timesSec[knot + 1]!) - gridOffset);
    correctSegment(stretch, knot, delta, next, gridOffset, fromSample, toSample, samples);
    fromSample = Math.max(fromSample, toSample);
    delta = next;
  }
}

/** The same at the window's last knot, Δ = β·ψ, going left; returns the knot up to which the samples are the stretch's, or −1 if it reaches below `firstKnot`. */
function correctRightEnd(stretch: Stretch, last: number, firstKnot: number, gridOffset: number, samples: Float64Array): number {
  const { timesSec, moments, inverseWidth, leftwardRatio: ratio, negligibleMoment } = stretch;
  const r = (timesSec[last]! - timesSec[last - 1]!) * inverseWidth[last - 2]!;
  const defect = (1 + r) * moments[last - 1]! - r * moments[last - 2]! - moments[last]!;
  let delta = defect / (1 - (1 + r) * ratio[last]! + r * ratio[last]! * ratio[last - 1]!);
  let toSample = COHERENCE_SAMPLES;
  for (let knot = last; ; knot--) {
    if (Math.abs(delta) <= negligibleMoment) return knot;
    if (knot <= firstKnot) return -1;
    const next = delta * ratio[knot]!;
    const fromSample = Math.max(0, gridIndexAtOrAfter(timesSec[knot - 1]!) - gridOffset);
    correctSegment(stretch, knot - 1, next, delta, gridOffset, fromSample, toSample, samples);
    toSample = Math.min(toSample, fromSample);
    delta = next;
  }
}
