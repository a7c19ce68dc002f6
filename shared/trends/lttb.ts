// Largest-Triangle-Three-Buckets downsampling (Steinarsson 2013) for drawing long series:
// it keeps the shape a reader would see at full resolution. Display only: statistics always
// use every point. Hand-written because it is 40 lines and the npm packages either mutate
// their input or drop the series' extremes; we add those back on purpose, because a chart
// that hides the highest heart rate of a session would not be honest.

export type XY = { readonly x: number; readonly y: number };

/**
 * At most `threshold` points (3 at least) (plus the global minimum and maximum when LTTB skipped them),
 * in x order, always including the first and last. Points are returned as given (same
 * objects), so extra fields travel along.
 */
export function lttb<P extends XY>(points: readonly P[], threshold: number): P[] {
  const n = points.length;
  // Fewer than 3 cannot hold the first, the last and anything between: 3 is the floor.
  threshold = Math.max(3, Math.floor(threshold));
  if (threshold >= n) return [...points];
  const picked: number[] = [0];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let bucket = 0; bucket < threshold - 2; bucket += 1) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.min(Math.floor((bucket + 1) * bucketSize) + 1, n - 1);
    // Average of the next bucket (the last point for the final bucket).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    const count = Math.max(1, nextEnd - nextStart);
    for (let j = nextStart; j < nextStart + count && j < n; j += 1) {
      avgX += (points[j] as P).x;
      avgY += (points[j] as P).y;
    }
    avgX /= count;
    avgY /= count;
    const pa = points[a] as P;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j += 1) {
      const p = points[j] as P;
      const area = Math.abs((pa.x - avgX) * (p.y - pa.y) - (pa.x - p.x) * (avgY - pa.y));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    picked.push(best);
    a = best;
  }
  picked.push(n - 1);
  // Keep the extremes even when the triangles passed them by.
  let minIndex = 0;
  let maxIndex = 0;
  for (let i = 1; i < n; i += 1) {
    const y = (points[i] as P).y;
    if (y < (points[minIndex] as P).y) minIndex = i;
    if (y > (points[maxIndex] as P).y) maxIndex = i;
  }
  const chosen = new Set(picked);
  chosen.add(minIndex);
  chosen.add(maxIndex);
  return [...chosen].sort((i, j) => i - j).map((i) => points[i] as P);
}
