// Centred rolling quantiles (pandas `rolling(w, center=True, min_periods=1).quantile(q)`
// semantics: the window shrinks at the edges, linear interpolation between order statistics).
//
// Hand-written because artefact correction needs three of these per pass over up to ~100,000
// beats: re-sorting every window would cost O(n·w·log w); keeping one sorted window and
// moving it by one insert and one delete (binary search + copyWithin) costs O(n·w) memmove,
// which is fast for the fixed small windows used here (11 and 91 beats).

/** A sorted multiset of numbers with O(log w) search and O(w) memmove insert/delete. */
export class SortedWindow {
  private readonly values: Float64Array;
  private count = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  private lowerBound(value: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.values[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  insert(value: number): void {
    if (this.count === this.values.length) throw new RangeError('SortedWindow is full');
    const at = this.lowerBound(value);
    this.values.copyWithin(at + 1, at, this.count);
    this.values[at] = value;
    this.count++;
  }

  /** Removes one occurrence of value (which must be present). */
  remove(value: number): void {
    const at = this.lowerBound(value);
    if (at >= this.count || this.values[at] !== value) throw new RangeError('value not in SortedWindow');
    this.values.copyWithin(at, at + 1, this.count);
    this.count--;
  }

  /** Quantile q ∈ [0, 1] with linear interpolation (numpy/pandas 'linear'). */
  quantile(q: number): number {
    if (this.count === 0) throw new RangeError('quantile of an empty window');
    const position = q * (this.count - 1);
    const below = Math.floor(position);
    const fraction = position - below;
    const low = this.values[below]!;
    if (fraction === 0) return low;
    return low + (this.values[below + 1]! - low) * fraction;
  }
}

/**
 * For each index i, the quantiles of values[i − h … i + h] (clipped to the array), h = ⌊w/2⌋,
 * w odd. Returns one Float64Array per requested quantile (written into `outputs` when given,
 * each at least values.length long).
 *
 * In the steady state one value leaves and one enters per step; they are swapped in a single
 * insertion-sort move (only the entries between their ranks shift), which is what makes the
 * 91-beat thresholds cheap.
 */
export function centredRollingQuantiles(
  values: ArrayLike<number>,
  windowWidth: number,
  quantiles: readonly number[],
  outputs: Float64Array[] = quantiles.map(() => new Float64Array(values.length)),
): Float64Array[] {
  const n = values.length;
  const half = Math.floor(windowWidth / 2);
  const sorted = new Float64Array(2 * half + 1);
  let size = 0;

  const insert = (value: number): void => {
    let at = size++;
    while (at > 0 && sorted[at - 1]! > value) {
      sorted[at] = sorted[at - 1]!;
      at--;
    }
    sorted[at] = value;
  };
  const indexOf = (value: number): number => {
    let low = 0;
    let high = size;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const removeAt = (at: number): void => {
    for (let k = at; k < size - 1; k++) sorted[k] = sorted[k + 1]!;
    size--;
  };
  /** Replaces the entry at `at` by value and moves it to its sorted place. */
  const replaceAt = (at: number, value: number): void => {
    let k = at;
    while (k > 0 && sorted[k - 1]! > value) {
      sorted[k] = sorted[k - 1]!;
      k--;
    }
    while (k < size - 1 && sorted[k + 1]! < value) {
      sorted[k] = sorted[k + 1]!;
      k++;
    }
    sorted[k] = value;
  };

  for (let i = 0; i < Math.min(half, n); i++) insert(values[i]!);
  for (let i = 0; i < n; i++) {
    const leaving = i - half - 1;
    const entering = i + half;
    if (leaving >= 0 && entering < n) replaceAt(indexOf(values[leaving]!), values[entering]!);
    else if (leaving >= 0) removeAt(indexOf(values[leaving]!));
    else if (entering < n) insert(values[entering]!);
    for (let q = 0; q < quantiles.length; q++) {
      const position = quantiles[q]! * (size - 1);
      const below = Math.floor(position);
      const fraction = position - below;
      const low = sorted[below]!;
      outputs[q]![i] = fraction === 0 ? low : low + (sorted[below + 1]! - low) * fraction;
    }
  }
  return outputs;
}
