// Coherence windows of a whole unbroken stretch of beats, the way a recording's analysis
// needs them: thousands of 64 s windows, 5 s apart, each resampled by its own not-a-knot
// spline (coherence.ts). Solving 17,000 of those for a 24-hour recording was half of the
// coherence time, and most of that work is shared.
//
// Why it can be shared: a window's spline and the spline through the whole stretch obey the
// same continuity equations at every knot inside the window; they differ only through the end
// conditions, and in a cubic spline the effect of an end condition dies away by a factor of
// about 2 − √3 ≈ 0.27 per knot. So one spline is solved and sampled on the 2 Hz grid for the
// whole stretch (window starts fall on that grid: the first window starts at the first beat,
// the others 5 s apart), and each window only re-solves EDGE_KNOTS knots at either end, with
// its own not-a-knot end there and the stretch spline's value where the edge meets the
// middle. The samples between the edges are the stretch's.
//
// The result equals the window's own spline to rounding: after solving, the two places where
// the edges meet the middle leave residuals in the window's equations, and their size bounds
// the difference (the system is diagonally dominant, so ‖error‖ ≤ ‖residual‖ / dominance
// margin); a window whose bound exceeds MAX_SAMPLE_ERROR_MS, or that is too short to have a
// middle, is computed the per-window way. tests/shared/signal/coherence.test.ts compares both
// on every window of real recordings and a 24-hour one.
import type { Availability } from './availability.ts';
import { COHERENCE_SAMPLE_RATE_HZ, COHERENCE_SAMPLES, COHERENCE_WINDOW_MS, coherenceOfSamples, type CoherenceReading } from './coherence-spectrum.ts';
import { evaluateSpline, solveMoments, solveTridiagonal } from './cubic-spline.ts';

/** Knots re-solved at each end of a window: 0.27^20 ≈ 4e-12 of an end condition's effect is left. */
const EDGE_KNOTS = 20;
/** Largest difference from the window's own spline allowed for a sample (ms; samples are 300–2000 ms). */
const MAX_SAMPLE_ERROR_MS = 1e-8;
/** How far a window start may sit from the stretch's grid (ms): 1e-7 ms moves a sample by under 1e-8 ms at 100 ms/s. */
const MAX_OFF_GRID_MS = 1e-7;
const SAMPLE_STEP_SEC = 1 / COHERENCE_SAMPLE_RATE_HZ;
const SAMPLE_STEP_MS = 1000 * SAMPLE_STEP_SEC;

export type WindowReading = (first: number, last: number, windowEndMs: number) => Availability<CoherenceReading>;
type PerWindow = (beatTimesMs: ArrayLike<number>, nnMs: ArrayLike<number>, first: number, last: number, windowEndMs: number) => Availability<CoherenceReading>;

/**
 * The reading of each window (first and last beat, end time, as scheduled by coherence.ts) of
 * one unbroken stretch: beat times strictly increasing, the first window starting at the first
 * beat. `perWindow` is coherenceOfWindow, used where sharing does not apply.
 */
export function stretchCoherenceWindows(beatTimesMs: ArrayLike<number>, nnMs: ArrayLike<number>, perWindow: PerWindow): WindowReading {
  const n = beatTimesMs.length;
  const alone: WindowReading = (first, last, windowEndMs) => perWindow(beatTimesMs, nnMs, first, last, windowEndMs);
  if (n < 2 * EDGE_KNOTS + 6 || !strictlyIncreasing(beatTimesMs)) return alone;

  // The stretch's spline, in seconds from its first beat, and its samples on the 2 Hz grid.
  const originMs = beatTimesMs[0]!;
  const timesSec = new Float64Array(n);
  for (let i = 0; i < n; i++) timesSec[i] = (beatTimesMs[i]! - originMs) / 1000;
  const moments = new Float64Array(n);
  const inverseWidth = new Float64Array(n);
  solveMoments(timesSec, nnMs, n, moments, inverseWidth);
  const gridCount = Math.floor(timesSec[n - 1]! / SAMPLE_STEP_SEC) + 1;
  const grid = new Float64Array(gridCount);
  evaluateSpline(timesSec, nnMs, moments, inverseWidth, 0, n - 2, 0, SAMPLE_STEP_SEC, gridCount, grid, 0);
  let shortestSec = Infinity;
  let longestSec = 0;
  for (let i = 0; i + 1 < n; i++) {
    const widthSec = timesSec[i + 1]! - timesSec[i]!;
    shortestSec = Math.min(shortestSec, widthSec);
    longestSec = Math.max(longestSec, widthSec);
  }
  // |∂sample/∂M_i| ≤ h²/8 per neighbouring knot, so h²/4 covers both; the dominance margin of
  // every row is at least 2·h_min.
  const errorPerResidual = (longestSec * longestSec) / 4 / (2 * shortestSec);

  const left = new EdgeSpline();
  const right = new EdgeSpline();
  const samples = new Float64Array(COHERENCE_SAMPLES);

  return (first, last, windowEndMs) => {
    const windowStartMs = windowEndMs - COHERENCE_WINDOW_MS;
    // Window starts lie on the stretch's grid, up to the rounding of adding 5 s to a time that
    // may be any double (a few 1e-8 ms: far below what moves a sample).
    const gridOffset = Math.round((windowStartMs - originMs) / SAMPLE_STEP_MS);
    const offGridMs = Math.abs(gridOffset * SAMPLE_STEP_MS - (windowStartMs - originMs));
    if (last - first < 2 * EDGE_KNOTS + 4 || offGridMs > MAX_OFF_GRID_MS) return alone(first, last, windowEndMs);

    // Left edge: knots first … first + EDGE_KNOTS + 1, the last one held at the stretch's value.
    left.load(beatTimesMs, nnMs, first, windowStartMs);
    left.solve('left', moments[first + EDGE_KNOTS + 1]!);
    // Right edge: knots last − EDGE_KNOTS − 1 … last, the first one held.
    const rightFrom = last - EDGE_KNOTS - 1;
    right.load(beatTimesMs, nnMs, rightFrom, windowStartMs);
    right.solve('right', moments[rightFrom]!);
    // Where the edges meet the middle, the stretch's moments were used beside the edges' own:
    // the window's equations there are off by these residuals.
    const residualLeft = left.widthSec(EDGE_KNOTS) * (left.moment(EDGE_KNOTS) - moments[first + EDGE_KNOTS]!);
    const residualRight = right.widthSec(0) * (right.moment(1) - moments[rightFrom + 1]!);
    if ((Math.abs(residualLeft) + Math.abs(residualRight)) * errorPerResidual > MAX_SAMPLE_ERROR_MS) return alone(first, last, windowEndMs);

    // Samples up to the left edge's last knot, the middle from the stretch, the rest from the right edge.
    const leftCount = Math.min(COHERENCE_SAMPLES, Math.floor(left.positionSec(EDGE_KNOTS + 1) / SAMPLE_STEP_SEC) + 1);
    const rightFromSample = Math.min(COHERENCE_SAMPLES, Math.floor(right.positionSec(0) / SAMPLE_STEP_SEC) + 1);
    if (rightFromSample < leftCount) return alone(first, last, windowEndMs);
    left.evaluate(0, leftCount, samples);
    samples.set(grid.subarray(gridOffset + leftCount, gridOffset + rightFromSample), leftCount);
    right.evaluate(rightFromSample, COHERENCE_SAMPLES - rightFromSample, samples);
    return coherenceOfSamples(samples);
  };
}

function strictlyIncreasing(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i]! > values[i - 1]!)) return false;
  return Number.isFinite(values[0]) && Number.isFinite(values[values.length - 1]);
}

/**
 * EDGE_KNOTS + 2 knots at one end of a window, in seconds from the window start, and the
 * second derivatives of the window's spline there: the not-a-knot condition at the window's
 * end, the stretch spline's moment at the knot where the edge meets the middle.
 */
class EdgeSpline {
  private readonly positions = new Float64Array(EDGE_KNOTS + 2);
  private readonly values = new Float64Array(EDGE_KNOTS + 2);
  private readonly moments = new Float64Array(EDGE_KNOTS + 2);
  private readonly inverseWidth = new Float64Array(EDGE_KNOTS + 1);
  private readonly lower = new Float64Array(EDGE_KNOTS);
  private readonly diagonal = new Float64Array(EDGE_KNOTS);
  private readonly upper = new Float64Array(EDGE_KNOTS);
  private readonly rhs = new Float64Array(EDGE_KNOTS);

  /** Knots from…from + EDGE_KNOTS + 1 of the beat list, relative to the window start (as coherenceOfWindow places them). */
  load(beatTimesMs: ArrayLike<number>, nnMs: ArrayLike<number>, from: number, windowStartMs: number): void {
    for (let j = 0; j < EDGE_KNOTS + 2; j++) {
      this.positions[j] = (beatTimesMs[from + j]! - windowStartMs) / 1000;
      this.values[j] = nnMs[from + j]!;
    }
    for (let j = 0; j <= EDGE_KNOTS; j++) this.inverseWidth[j] = 1 / (this.positions[j + 1]! - this.positions[j]!);
  }

  positionSec(knot: number): number {
    return this.positions[knot]!;
  }

  widthSec(segment: number): number {
    return this.positions[segment + 1]! - this.positions[segment]!;
  }

  moment(knot: number): number {
    return this.moments[knot]!;
  }

  /**
   * The moments of knots 1…EDGE_KNOTS from the continuity equations at those knots, with the
   * not-a-knot condition folded in at the window's end ('left': knot 0; 'right': knot
   * EDGE_KNOTS + 1) and the given moment held at the other end; then the end knot's moment.
   */
  solve(end: 'left' | 'right', heldMoment: number): void {
    const { positions: x, values: y, inverseWidth, lower, diagonal, upper, rhs, moments } = this;
    const size = EDGE_KNOTS;
    let hPrevious = x[1]! - x[0]!;
    let slopeBefore = (y[1]! - y[0]!) * inverseWidth[0]!;
    for (let j = 1; j <= size; j++) {
      const hNext = x[j + 1]! - x[j]!;
      const slopeAfter = (y[j + 1]! - y[j]!) * inverseWidth[j]!;
      lower[j - 1] = hPrevious;
      diagonal[j - 1] = 2 * (hPrevious + hNext);
      upper[j - 1] = hNext;
      rhs[j - 1] = 6 * (slopeAfter - slopeBefore);
      slopeBefore = slopeAfter;
      hPrevious = hNext;
    }
    const h0 = x[1]! - x[0]!;
    const hLast = x[size + 1]! - x[size]!;
    if (end === 'left') {
      // M_0 = (1 + h0/h1)·M_1 − (h0/h1)·M_2 folded into the first row; M_{size+1} held.
      const ratio = h0 * inverseWidth[1]!;
      diagonal[0] = diagonal[0]! + h0 * (1 + ratio);
      upper[0] = upper[0]! - h0 * ratio;
      rhs[size - 1] = rhs[size - 1]! - hLast * heldMoment;
      solveTridiagonal(lower, diagonal, upper, rhs, size, moments);
      moments[size + 1] = heldMoment;
      moments[0] = (1 + ratio) * moments[1]! - ratio * moments[2]!;
    } else {
      // M_0 held; M_{size+1} = (1 + hL/hP)·M_size − (hL/hP)·M_{size−1} folded into the last row.
      const ratio = hLast * inverseWidth[size - 1]!;
      diagonal[size - 1] = diagonal[size - 1]! + hLast * (1 + ratio);
      lower[size - 1] = lower[size - 1]! - hLast * ratio;
      rhs[0] = rhs[0]! - h0 * heldMoment;
      solveTridiagonal(lower, diagonal, upper, rhs, size, moments);
      moments[0] = heldMoment;
      moments[size + 1] = (1 + ratio) * moments[size]! - ratio * moments[size - 1]!;
    }
  }

  /** Samples `count` grid points from sample index `from` (window time from·0.5 s) into output[from …]. */
  evaluate(from: number, count: number, output: Float64Array): void {
    evaluateSpline(this.positions, this.values, this.moments, this.inverseWidth, 0, EDGE_KNOTS, from * SAMPLE_STEP_SEC, SAMPLE_STEP_SEC, count, output, from);
  }
}

