// Cubic spline interpolation with not-a-knot end conditions, evaluated on a uniform grid.
//
// Hand-written because the spectrum convention (signal.md, and the reference values from
// hrv-analysis/scipy `interp1d(kind='cubic')`) needs exactly the not-a-knot spline, no pure
// ES library on the approved list provides it, and the 24-hour benchmark needs an O(n)
// solver that writes straight into a Float64Array.
//
// Formulation: unknowns are the second derivatives M_i at the knots. Interior rows are the
// classic C² continuity equations; not-a-knot (third derivative continuous at the second and
// second-to-last knots) eliminates M_0 and M_{n-1}, which leaves a tridiagonal system in
// M_1 … M_{n-2}, solved by the Thomas algorithm.

// Scratch rows for the tridiagonal solve, reused across calls: the live analyser and the
// coherence windows solve thousands of small systems, and fresh arrays each time cost more
// than the arithmetic.
let scratchCapacity = 0;
let scratch = {
  lower: new Float64Array(0),
  diagonal: new Float64Array(0),
  upper: new Float64Array(0),
  rhs: new Float64Array(0),
  inverseWidth: new Float64Array(0),
};
function tridiagonalScratch(size: number): typeof scratch {
  if (size > scratchCapacity) {
    scratchCapacity = Math.max(size, 2 * scratchCapacity, 256);
    scratch = {
      lower: new Float64Array(scratchCapacity),
      diagonal: new Float64Array(scratchCapacity),
      upper: new Float64Array(scratchCapacity),
      rhs: new Float64Array(scratchCapacity),
      inverseWidth: new Float64Array(scratchCapacity),
    };
  }
  return scratch;
}

/** Second derivatives at the knots of the not-a-knot spline through (x_i, y_i); x strictly increasing. */
export function notAKnotSecondDerivatives(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  n: number = x.length,
  moments: Float64Array = new Float64Array(n),
): Float64Array {
  moments.fill(0, 0, n);
  if (n < 3) return moments; // a line (or a point): second derivative 0
  if (n === 3) {
    // Not-a-knot with 3 knots is the single parabola through them.
    const h0 = x[1]! - x[0]!;
    const h1 = x[2]! - x[1]!;
    const secondDerivative = (2 * ((y[2]! - y[1]!) / h1 - (y[1]! - y[0]!) / h0)) / (h0 + h1);
    moments.fill(secondDerivative, 0, 3);
    return moments;
  }

  const size = n - 2; // unknowns M_1 … M_{n-2}
  const { lower, diagonal, upper, rhs, inverseWidth } = tridiagonalScratch(n);
  // Divisions dominate a spline this size: each 1/h is computed once and multiplied after.
  for (let i = 0; i < n - 1; i++) inverseWidth[i] = 1 / (x[i + 1]! - x[i]!);
  let slopeBefore = (y[1]! - y[0]!) * inverseWidth[0]!;
  for (let i = 1; i <= n - 2; i++) {
    const hPrev = x[i]! - x[i - 1]!;
    const hNext = x[i + 1]! - x[i]!;
    const slopeAfter = (y[i + 1]! - y[i]!) * inverseWidth[i]!;
    const row = i - 1;
    lower[row] = hPrev;
    diagonal[row] = 2 * (hPrev + hNext);
    upper[row] = hNext;
    rhs[row] = 6 * (slopeAfter - slopeBefore);
    slopeBefore = slopeAfter;
  }
  // Left not-a-knot: M_0 = (1 + h0/h1)·M_1 − (h0/h1)·M_2, folded into row 0.
  const h0 = x[1]! - x[0]!;
  const h0OverH1 = h0 * inverseWidth[1]!;
  diagonal[0] = diagonal[0]! + h0 * (1 + h0OverH1);
  upper[0] = upper[0]! - h0 * h0OverH1;
  // Right not-a-knot: M_{n-1} = (1 + hL/hP)·M_{n-2} − (hL/hP)·M_{n-3}, folded into the last row.
  const hLast = x[n - 1]! - x[n - 2]!;
  const hLastOverHBefore = hLast * inverseWidth[n - 3]!;
  const last = size - 1;
  diagonal[last] = diagonal[last]! + hLast * (1 + hLastOverHBefore);
  lower[last] = lower[last]! - hLast * hLastOverHBefore;

  // Thomas algorithm (the system is diagonally dominant, so no pivoting is needed). The
  // diagonal is replaced by its inverse on the way down, for one division per row.
  diagonal[0] = 1 / diagonal[0]!;
  for (let row = 1; row < size; row++) {
    const factor = lower[row]! * diagonal[row - 1]!;
    diagonal[row] = 1 / (diagonal[row]! - factor * upper[row - 1]!);
    rhs[row] = rhs[row]! - factor * rhs[row - 1]!;
  }
  moments[size] = rhs[last]! * diagonal[last]!;
  for (let row = size - 2; row >= 0; row--) {
    moments[row + 1] = (rhs[row]! - upper[row]! * moments[row + 2]!) * diagonal[row]!;
  }
  moments[0] = (1 + h0OverH1) * moments[1]! - h0OverH1 * moments[2]!;
  moments[n - 1] = (1 + hLastOverHBefore) * moments[n - 2]! - hLastOverHBefore * moments[n - 3]!;
  return moments;
}

let momentsScratch = new Float64Array(256);

/**
 * Evaluates the not-a-knot spline through the first knotCount points of (x, y) at
 * start + k·step for k = 0 … count − 1. Grid points outside [x_0, x_{n-1}] use the end
 * polynomials (callers keep them inside).
 */
export function splineOnUniformGrid(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  start: number,
  step: number,
  count: number,
  output: Float64Array = new Float64Array(count),
  knotCount: number = x.length,
): Float64Array {
  const n = knotCount;
  if (n === 0) throw new RangeError('spline needs at least one knot');
  if (n === 1) return output.fill(y[0]!, 0, count);
  if (momentsScratch.length < n) momentsScratch = new Float64Array(Math.max(n, 2 * momentsScratch.length));
  const moments = notAKnotSecondDerivatives(x, y, n, momentsScratch);
  // Per segment: S(t) = c0·a³ + c1·b³ + d0·a + d1·b with a = x1 − t, b = t − x0; the
  // coefficients are recomputed only when the grid moves to a new segment.
  let segment = -1;
  let x0 = 0;
  let x1 = 0;
  let c0 = 0;
  let c1 = 0;
  let d0 = 0;
  let d1 = 0;
  for (let k = 0; k < count; k++) {
    const t = start + k * step;
    let next = segment < 0 ? 0 : segment;
    while (next < n - 2 && t > x[next + 1]!) next++;
    if (next !== segment) {
      segment = next;
      x0 = x[segment]!;
      x1 = x[segment + 1]!;
      const h = x1 - x0;
      const inverseH = 1 / h;
      const m0 = moments[segment]!;
      const m1 = moments[segment + 1]!;
      c0 = (m0 * inverseH) / 6;
      c1 = (m1 * inverseH) / 6;
      d0 = y[segment]! * inverseH - (m0 * h) / 6;
      d1 = y[segment + 1]! * inverseH - (m1 * h) / 6;
    }
    const a = x1 - t;
    const b = t - x0;
    output[k] = c0 * a * a * a + c1 * b * b * b + d0 * a + d1 * b;
  }
  return output;
}
