// Small, exact statistics for Trends. Every figure is computed from all the data in view;
// only what is drawn is thinned (see lttb.ts).

/** Median of finite values; null when there are none. Even counts average the middle two. */
export function median(values: readonly number[]): number | null {
  const finite = values.filter((value) => Number.isFinite(value));
  if (finite.length === 0) return null;
  finite.sort((a, b) => a - b);
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? (finite[mid] as number) : ((finite[mid - 1] as number) + (finite[mid] as number)) / 2;
}

/**
 * Trailing rolling median: element i is the median of values i−window+1 … i. The first
 * `minCount − 1` elements are null (too few values yet to call it a trend).
 */
export function rollingMedian(values: readonly number[], window: number, minCount = Math.min(window, 3)): Array<number | null> {
  if (window < 1) throw new RangeError('window must be at least 1');
  const out: Array<number | null> = [];
  // A sorted copy of the window, kept by binary insertion and removal: O(n · window).
  const sorted: number[] = [];
  const insertAt = (value: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    sorted.splice(insertAt(value), 0, value);
    if (i >= window) {
      const leaving = values[i - window] as number;
      sorted.splice(insertAt(leaving), 1);
    }
    if (sorted.length < minCount) {
      out.push(null);
      continue;
    }
    const mid = sorted.length >> 1;
    out.push(sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
  }
  return out;
}

/** Percentage change from `before` to `after`; null when `before` is not a positive number. */
export function percentChange(before: number, after: number): number | null {
  if (!Number.isFinite(before) || !Number.isFinite(after) || before <= 0) return null;
  return ((after - before) / before) * 100;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of finite values, interpolating between the two nearest ranks
 * (the spreadsheet's PERCENTILE.INC); null when there are none. quantile(v, 0.5) is the median.
 */
export function quantile(values: readonly number[], q: number): number | null {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  return quantileOfSorted(finite, q);
}

/** quantile() of values already sorted ascending and finite: no copy. */
export function quantileOfSorted(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}
