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

/**
 * The second derivatives at the knots of the not-a-knot spline through the first n points of
 * (x, y), x strictly increasing, into `moments`, leaving 1 / (x_{i+1} − x_i) in `inverseWidth`
 * for the evaluation (divisions dominate a spline this size, so each is done once).
 */
export function solveMoments(x: ArrayLike<number>, y: ArrayLike<number>, n: number, moments: Float64Array, inverseWidth: Float64Array): void {
  for (let i = 0; i < n - 1; i++) inverseWidth[i] = 1 / (x[i + 1]! - x[i]!);
  if (n < 3) {
    moments.fill(0, 0, n); // a line (or a point): second derivative 0
    return;
  }
  if (n === 3) {
    // Not-a-knot with 3 knots is the single parabola through them.
    const h0 = x[1]! - x[0]!;
    const h1 = x[2]! - x[1]!;
    const secondDerivative = (2 * ((y[2]! - y[1]!) / h1 - (y[1]! - y[0]!) / h0)) / (h0 + h1);
    moments.fill(secondDerivative, 0, 3);
    return;
  }

  const size = n - 2; // unknowns M_1 … M_{n-2}
  const { lower, diagonal, upper, rhs } = tridiagonalScratch(n);
  let slopeBefore = (y[1]! - y[0]!) * inverseWidth[0]!;
  let hPrev = x[1]! - x[0]!;
  for (let i = 1; i <= n - 2; i++) {
    const hNext = x[i + 1]! - x[i]!;
    const slopeAfter = (y[i + 1]! - y[i]!) * inverseWidth[i]!;
    const row = i - 1;
    lower[row] = hPrev;
    diagonal[row] = 2 * (hPrev + hNext);
    upper[row] = hNext;
    rhs[row] = 6 * (slopeAfter - slopeBefore);
    slopeBefore = slopeAfter;
    hPrev = hNext;
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

  solveTridiagonal(lower, diagonal, upper, rhs, size, moments);
  moments[0] = (1 + h0OverH1) * moments[1]! - h0OverH1 * moments[2]!;
  moments[n - 1] = (1 + hLastOverHBefore) * moments[n - 2]! - hLastOverHBefore * moments[n - 3]!;
}

/**
 * Solves the tridiagonal rows 0…size−1 into moments[1…size] with the Thomas algorithm (the
 * spline systems are diagonally dominant, so no pivoting is needed). The diagonal and the
 * right-hand side are overwritten: the diagonal by its inverse, for one division per row.
 */
export function solveTridiagonal(lower: Float64Array, diagonal: Float64Array, upper: Float64Array, rhs: Float64Array, size: number, moments: Float64Array): void {
  let inverseDiagonal = 1 / diagonal[0]!;
  diagonal[0] = inverseDiagonal;
  let previousRhs = rhs[0]!;
  for (let row = 1; row < size; row++) {
    const factor = lower[row]! * inverseDiagonal;
    inverseDiagonal = 1 / (diagonal[row]! - factor * upper[row - 1]!);
    diagonal[row] = inverseDiagonal;
    previousRhs = rhs[row]! - factor * previousRhs;
    rhs[row] = previousRhs;
  }
  let after = rhs[size - 1]! * diagonal[size - 1]!;
  moments[size] = after;
  for (let row = size - 2; row >= 0; row--) {
    after = (rhs[row]! - upper[row]! * after) * diagonal[row]!;
    moments[row + 1] = after;
  }
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
  const { inverseWidth } = tridiagonalScratch(n);
  solveMoments(x, y, n, momentsScratch, inverseWidth);
  evaluateSpline(x, y, momentsScratch, inverseWidth, 0, n - 2, start, step, count, output, 0);
  return output;
}

const ONE_SIXTH = 1 / 6;

/**
 * Writes the cubic spline with second derivatives `moments` at the knots (x, y) at
 * start + k·step, k = 0 … count − 1, into output[at + k]. Only segments fromSegment …
 * lastSegment are used (grid points before or after them use the first or last of them), so
 * a caller may evaluate one end of a spline with its own knots.
 */
export function evaluateSpline(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  moments: ArrayLike<number>,
  inverseWidth: ArrayLike<number>,
  fromSegment: number,
  lastSegment: number,
  start: number,
  step: number,
  count: number,
  output: Float64Array,
  at: number,
): void {
  // Segment by segment, each with the grid points up to its right knot: deciding per grid
  // point whether a knot had passed cost a mispredicted branch every other point, three times
  // the arithmetic. On a segment: S(t) = (c0·a² + d0)·a + (c1·b² + d1)·b, a = x1 − t, b = t − x0.
  const perStep = 1 / step;
  let k = 0;
  for (let segment = fromSegment; segment <= lastSegment && k < count; segment++) {
    const x0 = x[segment]!;
    const x1 = x[segment + 1]!;
    const end = segment === lastSegment ? count : Math.min(count, Math.floor((x1 - start) * perStep) + 1);
    if (end <= k) continue;
    const h = x1 - x0;
    const inverseH = inverseWidth[segment]!;
    const m0 = moments[segment]! * ONE_SIXTH;
    const m1 = moments[segment + 1]! * ONE_SIXTH;
    const c0 = m0 * inverseH;
    const c1 = m1 * inverseH;
    const d0 = y[segment]! * inverseH - m0 * h;
    const d1 = y[segment + 1]! * inverseH - m1 * h;
    for (; k < end; k++) {
      const t = start + k * step;
      const a = x1 - t;
      const b = t - x0;
      output[at + k] = (c0 * a * a + d0) * a + (c1 * b * b + d1) * b;
    }
  }
}
