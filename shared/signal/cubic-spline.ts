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

/** Second derivatives at the knots of the not-a-knot spline through (x_i, y_i); x strictly increasing. */
export function notAKnotSecondDerivatives(x: ArrayLike<number>, y: ArrayLike<number>): Float64Array {
  const n = x.length;
  const moments = new Float64Array(n);
  if (n < 3) return moments; // a line (or a point): second derivative 0
  if (n === 3) {
    // Not-a-knot with 3 knots is the single parabola through them.
    const h0 = x[1]! - x[0]!;
    const h1 = x[2]! - x[1]!;
    const secondDerivative = (2 * ((y[2]! - y[1]!) / h1 - (y[1]! - y[0]!) / h0)) / (h0 + h1);
    moments.fill(secondDerivative);
    return moments;
  }

  const size = n - 2; // unknowns M_1 … M_{n-2}
  const lower = new Float64Array(size);
  const diagonal = new Float64Array(size);
  const upper = new Float64Array(size);
  const rhs = new Float64Array(size);
  for (let i = 1; i <= n - 2; i++) {
    const hPrev = x[i]! - x[i - 1]!;
    const hNext = x[i + 1]! - x[i]!;
    const row = i - 1;
    lower[row] = hPrev;
    diagonal[row] = 2 * (hPrev + hNext);
    upper[row] = hNext;
    rhs[row] = 6 * ((y[i + 1]! - y[i]!) / hNext - (y[i]! - y[i - 1]!) / hPrev);
  }
  // Left not-a-knot: M_0 = (1 + h0/h1)·M_1 − (h0/h1)·M_2, folded into row 0.
  const h0 = x[1]! - x[0]!;
  const h1 = x[2]! - x[1]!;
  diagonal[0] = diagonal[0]! + h0 * (1 + h0 / h1);
  upper[0] = upper[0]! - (h0 * h0) / h1;
  // Right not-a-knot: M_{n-1} = (1 + hL/hP)·M_{n-2} − (hL/hP)·M_{n-3}, folded into the last row.
  const hLast = x[n - 1]! - x[n - 2]!;
  const hBeforeLast = x[n - 2]! - x[n - 3]!;
  const last = size - 1;
  diagonal[last] = diagonal[last]! + hLast * (1 + hLast / hBeforeLast);
  lower[last] = lower[last]! - (hLast * hLast) / hBeforeLast;

  // Thomas algorithm (the system is diagonally dominant, so no pivoting is needed).
  for (let row = 1; row < size; row++) {
    const factor = lower[row]! / diagonal[row - 1]!;
    diagonal[row] = diagonal[row]! - factor * upper[row - 1]!;
    rhs[row] = rhs[row]! - factor * rhs[row - 1]!;
  }
  moments[size] = rhs[last]! / diagonal[last]!;
  for (let row = size - 2; row >= 0; row--) {
    moments[row + 1] = (rhs[row]! - upper[row]! * moments[row + 2]!) / diagonal[row]!;
  }
  moments[0] = (1 + h0 / h1) * moments[1]! - (h0 / h1) * moments[2]!;
  moments[n - 1] = (1 + hLast / hBeforeLast) * moments[n - 2]! - (hLast / hBeforeLast) * moments[n - 3]!;
  return moments;
}

/**
 * Evaluates the not-a-knot spline through (x, y) at start + k·step for k = 0 … count − 1.
 * Grid points outside [x_0, x_{n-1}] use the end polynomials (callers keep them inside).
 */
export function splineOnUniformGrid(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  start: number,
  step: number,
  count: number,
  output: Float64Array = new Float64Array(count),
): Float64Array {
  const n = x.length;
  if (n === 0) throw new RangeError('spline needs at least one knot');
  if (n === 1) return output.fill(y[0]!, 0, count);
  const moments = notAKnotSecondDerivatives(x, y);
  let segment = 0;
  for (let k = 0; k < count; k++) {
    const t = start + k * step;
    while (segment < n - 2 && t > x[segment + 1]!) segment++;
    const x0 = x[segment]!;
    const x1 = x[segment + 1]!;
    const h = x1 - x0;
    const a = x1 - t;
    const b = t - x0;
    const m0 = moments[segment]!;
    const m1 = moments[segment + 1]!;
    output[k] =
      (m0 * a * a * a + m1 * b * b * b) / (6 * h) +
      (y[segment]! / h - (m0 * h) / 6) * a +
      (y[segment + 1]! / h - (m1 * h) / 6) * b;
  }
  return output;
}
