// The Lipponen–Tarvainen thresholds of a whole recording (Th = α · quartile deviation of 91
// magnitudes, beat-classification.ts), found without sorting a window for every beat.
//
// Why: keeping every 91-beat window sorted (rolling-quantile.ts) costs a binary search and a
// shift of ~30 values per beat, and cleaning a day needs four such series: over half of a
// 24-hour analysis. Yet a beat needs its exact threshold only when its change comes near it.
// Most beats sit far inside, so a lower bound settles them:
//
// - Magnitudes fall into buckets by their leading bits (16 per octave, ~4 % wide; every whole
//   number up to 16 ms has its own), and a window keeps only a count per bucket, moved by one
//   increment and one decrement per beat.
// - Two cursors track the buckets holding the order statistic just above q1's position and
//   the one just below q3's (ranks 23 and 67 of 91); each moves a bucket or two at most.
// - q1 ≤ the first < its bucket's upper edge, q3 ≥ the second ≥ its bucket's lower edge, so
//   thresholdMs(upper edge, lower edge) ≤ Th: a beat within bounds under it is within bounds
//   under Th (isWithinBounds only grows with its thresholds). About 7 % of beats are left
//   unsettled on a day with 2 % artefacts, 6 % of them by their own threshold too.
// - For those, the window's values in the two buckets are sorted (a few each) and, when a
//   quartile's other rank lies outside its bucket, the value just beyond it found; the
//   quartiles are interpolated as the rolling window interpolates them: the same numbers, bit
//   for bit (tests/shared/signal/quartile-thresholds.test.ts). The values come from an index
//   of the series by bucket (each bucket's beats in order, found by binary search), not from a
//   scan of the 91: a scan per unsettled beat was a third of a day's cleaning.
import { LT_THRESHOLD_WINDOW_BEATS, thresholdMs } from './beat-classification.ts';
import { centredRollingQuantiles } from './rolling-quantile.ts';

const WIDTH = LT_THRESHOLD_WINDOW_BEATS;
const HALF = (WIDTH - 1) / 2;
const Q1_POSITION = 0.25 * (WIDTH - 1);
const Q3_POSITION = 0.75 * (WIDTH - 1);
/** The ranks the bound reads: q1 is at most the value of the first, q3 at least the second's. */
const Q1_UPPER_RANK = Math.ceil(Q1_POSITION);
const Q3_LOWER_RANK = Math.floor(Q3_POSITION);

// Buckets: the top 16 bits of a double (sign, exponent, 4 mantissa bits) for magnitudes in
// [2^-4, 2^16) ms; one bucket below for [0, 2^-4), one above for the rest (and NaN, which
// makes the whole series take the exact path).
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // little-endian: the second word
function topBits(value: number): number {
  bits[0] = value;
  return words[HIGH]! >>> 16;
}
/** The smallest double whose top 16 bits are `top`. */
function valueOfTop(top: number): number {
  words[HIGH] = top << 16;
  words[1 - HIGH] = 0;
  return bits[0]!;
}
const SMALLEST_BUCKETED = 2 ** -4;
const LARGEST_BUCKETED = 2 ** 16;
const FIRST_TOP = topBits(SMALLEST_BUCKETED);
const END_TOP = topBits(LARGEST_BUCKETED);
const BUCKETS = END_TOP - FIRST_TOP + 2;
const LAST_BUCKET = BUCKETS - 1;
const LOWER_EDGE = new Float64Array(BUCKETS);
const UPPER_EDGE = new Float64Array(BUCKETS);
for (let b = 1; b < LAST_BUCKET; b++) {
  LOWER_EDGE[b] = valueOfTop(FIRST_TOP + b - 1);
  UPPER_EDGE[b] = valueOfTop(FIRST_TOP + b);
}
LOWER_EDGE[0] = 0;
UPPER_EDGE[0] = SMALLEST_BUCKETED;
LOWER_EDGE[LAST_BUCKET] = LARGEST_BUCKETED;
UPPER_EDGE[LAST_BUCKET] = Infinity;

/** Each magnitude's bucket into `buckets`; whether all were finite. */
function bucketise(magnitudes: Float64Array, buckets: Uint16Array): boolean {
  let finite = true;
  for (let i = 0; i < magnitudes.length; i++) {
    const magnitude = magnitudes[i]!;
    if (magnitude < SMALLEST_BUCKETED) buckets[i] = 0;
    else if (magnitude < LARGEST_BUCKETED) buckets[i] = topBits(magnitude) - FIRST_TOP + 1;
    else {
      buckets[i] = LAST_BUCKET;
      if (!(magnitude < Infinity)) finite = false;
    }
    if (magnitude !== magnitude) finite = false; // NaN
  }
  return finite;
}

/**
 * Per whole window (by its first beat): the bucket holding Q1_UPPER_RANK and how many values
 * lie below it, the same for Q3_LOWER_RANK, and the bound.
 */
type WindowRanks = {
  readonly q1Bucket: Uint16Array;
  readonly q1Below: Uint8Array;
  readonly q3Bucket: Uint16Array;
  readonly q3Below: Uint8Array;
  readonly boundMs: Float64Array;
};

/**
 * One series' thresholds, for beat i the window that ends `lead` beats after it (clamped so
 * it is always a whole window when the series holds one; artefact-correction.ts explains).
 * Reusable: `prepare` takes the next series into the same buffers (a day's cleaning prepares
 * four, and fresh arrays for each were a tenth of its time in garbage collection).
 */
export class QuartileThresholds {
  private n = 0;
  private magnitudes: Float64Array = new Float64Array(0);
  private lead = 0;
  /** Set for a series without a whole window or with a value not finite: every threshold, exact. */
  private exactAll: Float64Array | null = null;
  private windows = 0;
  private buckets = new Uint16Array(0);
  private boundMs = new Float64Array(0);
  private q1Bucket = new Uint16Array(0);
  private q1Below = new Uint8Array(0);
  private q3Bucket = new Uint16Array(0);
  private q3Below = new Uint8Array(0);
  /** The series' indexes by bucket, in increasing order within each (bucketStart[b] … bucketStart[b + 1]). */
  private order = new Int32Array(0);
  private readonly bucketStart = new Int32Array(BUCKETS + 1);
  private readonly inBucket1 = new Float64Array(WIDTH);
  private readonly inBucket3 = new Float64Array(WIDTH);

  /** Takes a series of magnitudes (kept, not copied, until the next prepare). */
  prepare(magnitudes: Float64Array, lead: number): this {
    const n = magnitudes.length;
    this.n = n;
    this.magnitudes = magnitudes;
    this.lead = lead;
    if (this.buckets.length < n) this.grow(n);
    const windows = Math.max(0, n - WIDTH + 1);
    const buckets = this.buckets.subarray(0, n);
    const finite = bucketise(magnitudes, buckets);
    this.exactAll = windows > 0 && finite ? null : exactThresholds(magnitudes);
    if (!this.exactAll) {
      indexByBucket(buckets, this.bucketStart, this.order);
      sweep(windows, buckets, {
        boundMs: this.boundMs,
        q1Bucket: this.q1Bucket,
        q1Below: this.q1Below,
        q3Bucket: this.q3Bucket,
        q3Below: this.q3Below,
      });
    }
    this.windows = windows;
    return this;
  }

  private grow(n: number): void {
    const length = Math.max(n, 2 * this.buckets.length, 1024);
    this.buckets = new Uint16Array(length);
    this.order = new Int32Array(length);
    this.boundMs = new Float64Array(length);
    this.q1Bucket = new Uint16Array(length);
    this.q1Below = new Uint8Array(length);
    this.q3Bucket = new Uint16Array(length);
    this.q3Below = new Uint8Array(length);
  }

  /** For every beat, a value at most its threshold (ms), often close to it, into `out`. */
  fillLowerBounds(out: Float64Array): void {
    const { n, exactAll, boundMs, lead } = this;
    if (exactAll) {
      for (let i = 0; i < n; i++) out[i] = exactAll[this.centre(i)]!;
      return;
    }
    // Beat i's window starts at end − (WIDTH − 1), its end clamped as centre() clamps it.
    const lastWindow = this.windows - 1;
    for (let i = 0; i < n; i++) out[i] = boundMs[Math.min(Math.max(i + lead - (WIDTH - 1), 0), lastWindow)]!;
  }

  /** Beat i's threshold (ms), as thresholdMs of its window's quartiles. */
  exactMs(i: number): number {
    const centre = this.centre(i);
    if (this.exactAll) return this.exactAll[centre]!;
    const w = centre - HALF;
    const bucket1 = this.q1Bucket[w]!;
    const bucket3 = this.q3Bucket[w]!;
    const below1 = this.q1Below[w]!;
    const below3 = this.q3Below[w]!;
    // The ranks each quartile reads lie in the bucket its cursor holds (q1's upper one, q3's
    // lower one) or just outside it: those buckets' values in order, and only when a rank lies
    // outside, the value next to the bucket.
    const count1 = this.collect(bucket1, w, this.inBucket1);
    const count3 = this.collect(bucket3, w, this.inBucket3);
    // q1 reads below its bucket only when its lower rank is, q3 above only when its upper is.
    const justBelow1 = Math.floor(Q1_POSITION) < below1 ? this.nearestBeyond(bucket1, w, -1) : Number.NaN;
    const justAbove3 = Math.ceil(Q3_POSITION) >= below3 + count3 ? this.nearestBeyond(bucket3, w, 1) : Number.NaN;
    const q1 = quantileAround(this.inBucket1, count1, below1, Q1_POSITION, justBelow1, Number.NaN);
    const q3 = quantileAround(this.inBucket3, count3, below3, Q3_POSITION, Number.NaN, justAbove3);
    return thresholdMs(q1, q3);
  }

  /** The values of window w in `bucket`, sorted into `sorted`; returns how many. */
  private collect(bucket: number, w: number, sorted: Float64Array): number {
    const { order, magnitudes } = this;
    const last = this.bucketStart[bucket + 1]!;
    let count = 0;
    for (let k = this.firstInWindow(bucket, w); k < last && order[k]! < w + WIDTH; k++) count = insertSorted(sorted, count, magnitudes[order[k]!]!);
    return count;
  }

  /**
   * The largest value of window w in the nearest bucket below `bucket` that holds any
   * (direction −1), or the smallest in the nearest above (+1). Such a bucket exists whenever a
   * quartile's rank reads there.
   */
  private nearestBeyond(bucket: number, w: number, direction: -1 | 1): number {
    const { order, magnitudes, bucketStart } = this;
    for (let b = bucket + direction; b >= 0 && b < BUCKETS; b += direction) {
      const last = bucketStart[b + 1]!;
      let k = this.firstInWindow(b, w);
      if (k >= last || order[k]! >= w + WIDTH) continue;
      let nearest = magnitudes[order[k]!]!;
      for (k++; k < last && order[k]! < w + WIDTH; k++) {
        const value = magnitudes[order[k]!]!;
        nearest = direction < 0 ? Math.max(nearest, value) : Math.min(nearest, value);
      }
      return nearest;
    }
    return Number.NaN;
  }

  /** Where bucket's first index at or after w sits in `order` (its end if none). */
  private firstInWindow(bucket: number, w: number): number {
    const { order } = this;
    let low = this.bucketStart[bucket]!;
    let high = this.bucketStart[bucket + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order[middle]! < w) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private centre(i: number): number {
    const end = Math.min(Math.max(i + this.lead, WIDTH - 1), this.n - 1);
    return Math.max(0, end - HALF);
  }
}

/** The indexes of the series sorted by bucket, stably (a counting sort), and where each bucket starts. */
function indexByBucket(buckets: Uint16Array, bucketStart: Int32Array, order: Int32Array): void {
  bucketStart.fill(0);
  for (let i = 0; i < buckets.length; i++) bucketStart[buckets[i]! + 1]!++;
  for (let b = 1; b <= BUCKETS; b++) bucketStart[b] = bucketStart[b]! + bucketStart[b - 1]!;
  // Filled through a cursor per bucket, which then ends where the next bucket starts.
  const cursor = bucketStart.slice(0, BUCKETS);
  for (let i = 0; i < buckets.length; i++) order[cursor[buckets[i]!]!++] = i;
}

/** Inserts value in order into the first `count` of `sorted`; returns the new count. */
function insertSorted(sorted: Float64Array, count: number, value: number): number {
  let k = count;
  while (k > 0 && sorted[k - 1]! > value) {
    sorted[k] = sorted[k - 1]!;
    k--;
  }
  sorted[k] = value;
  return count + 1;
}

/**
 * The quantile at `position`, reading ranks among a bucket's `count` sorted values (the first
 * of rank `below`) or the value just below or above the bucket (found only when needed).
 */
function quantileAround(sorted: Float64Array, count: number, below: number, position: number, justBelow: number, justAbove: number): number {
  const lowRank = Math.floor(position);
  const fraction = position - lowRank;
  const low = lowRank < below ? justBelow : lowRank >= below + count ? justAbove : sorted[lowRank - below]!;
  if (fraction === 0) return low;
  const highRank = lowRank + 1;
  const high = highRank < below ? justBelow : highRank >= below + count ? justAbove : sorted[highRank - below]!;
  return low + (high - low) * fraction;
}

/**
 * Counts per bucket over each whole window in turn, with a cursor on the rank just above q1's
 * position and one on the rank just below q3's, the two the bound needs (written out: this
 * loop runs for every beat).
 */
function sweep(windows: number, buckets: Uint16Array, found: WindowRanks): void {
  const { q1Bucket, q1Below, q3Bucket, q3Below, boundMs } = found;
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < WIDTH; i++) counts[buckets[i]!]!++;
  let bucket1 = 0;
  let below1 = 0;
  let bucket3 = 0;
  let below3 = 0;
  for (let w = 0; w < windows; w++) {
    if (w > 0) {
      const leaving = buckets[w - 1]!;
      const entering = buckets[w + WIDTH - 1]!;
      counts[leaving]!--;
      counts[entering]!++;
      // A value leaving below a cursor's bucket lowers its count below, one entering raises it.
      // (x − bucket) >>> 31 is 1 when x < bucket: no branch for the processor to guess.
      below1 += ((entering - bucket1) >>> 31) - ((leaving - bucket1) >>> 31);
      below3 += ((entering - bucket3) >>> 31) - ((leaving - bucket3) >>> 31);
    }
    // Each cursor to the bucket that holds its rank k: below ≤ k < below + counts[bucket].
    while (Q1_UPPER_RANK < below1) below1 -= counts[--bucket1]!;
    while (Q1_UPPER_RANK >= below1 + counts[bucket1]!) below1 += counts[bucket1++]!;
    while (Q3_LOWER_RANK < below3) below3 -= counts[--bucket3]!;
    while (Q3_LOWER_RANK >= below3 + counts[bucket3]!) below3 += counts[bucket3++]!;
    q1Bucket[w] = bucket1;
    q1Below[w] = below1;
    q3Bucket[w] = bucket3;
    q3Below[w] = below3;
    boundMs[w] = thresholdMs(UPPER_EDGE[bucket1]!, LOWER_EDGE[bucket3]!);
  }
}

/** Every window's threshold by the sorted rolling window (short or non-finite series). */
function exactThresholds(magnitudes: Float64Array): Float64Array {
  const n = magnitudes.length;
  const q1 = new Float64Array(n);
  const q3 = new Float64Array(n);
  centredRollingQuantiles(magnitudes, WIDTH, [0.25, 0.75], [q1, q3]);
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) result[i] = thresholdMs(q1[i]!, q3[i]!);
  return result;
}
