// RR validation and artefact correction (signal.md): the Lipponen & Tarvainen 2019 beat
// classification and correction, iterated while the number of detected artefacts falls, then a
// 300–2000 ms range gate for whatever it left.
//
// Hand-written because no pure TypeScript implementation exists; the algorithm follows the
// paper (J Med Eng Technol 43:173–181) with the structure peers use (NeuroKit2, systole),
// read, not copied. Where the paper leaves a detail open the choice is commented here.
// Over 300 lines on purpose: the classification, its thresholds and the correction are one
// algorithm from one paper, and reading them side by side is how it is checked against it.
import { centredRollingQuantiles } from './rolling-quantile.ts';
import { isPlausibleRr, isPossibleInterval } from './rr-range.ts';

/** Lipponen & Tarvainen 2019 constants. */
export const LT_ALPHA = 5.2;
export const LT_C1 = 0.13;
export const LT_C2 = 0.17;
export const LT_THRESHOLD_WINDOW_BEATS = 91;
export const LT_MEDIAN_WINDOW_BEATS = 11;
/**
 * Lower bound for Th1/Th2 in ms. With a very regular or coarsely quantised rhythm (128 Hz
 * recordings move in 7.8 ms steps) the quartile deviation of a window can be 0, and every
 * one-step change would then count as an artefact. Our own choice; the paper is silent.
 */
export const MIN_THRESHOLD_MS = 10;
/** How far (a share of the local median) an ectopic pair must stray; see isClearlyOffRhythm. */
export const ECTOPIC_MIN_OFFSET = 0.25;
const MAX_PASSES = 10;

export type ArtefactClass = 'ectopic' | 'missed' | 'extra' | 'longShort';

export type ArtefactCounts = {
  readonly ectopic: number;
  readonly missed: number;
  readonly extra: number;
  readonly longShort: number;
};

export type CleaningResult = {
  /** The corrected (NN) series. */
  readonly nnMs: Float64Array;
  /** Beats changed: out-of-range plus every class, summed over passes. */
  readonly corrected: number;
  /** 100 · corrected / number of input intervals. */
  readonly correctedPercent: number;
  readonly byClass: ArtefactCounts;
  /** Intervals outside 300–2000 ms (or not finite), replaced by interpolation. */
  readonly outOfRange: number;
  readonly passes: number;
};

export type ArtefactDetection = { readonly index: number; readonly kind: ArtefactClass };

/**
 * Replaces intervals outside [300, 2000] ms (and non-finite values) by linear interpolation
 * between the nearest plausible neighbours, as hrv-analysis and Kubios do, so the series
 * keeps its length. Returns the gated series and how many were replaced.
 */
export function gateRange(rrMs: ArrayLike<number>): { rrMs: Float64Array; outOfRange: number } {
  return gateWith(rrMs, isPlausibleRr);
}

function gateWith(rrMs: ArrayLike<number>, isPlausible: (value: number) => boolean): { rrMs: Float64Array; outOfRange: number } {
  const gated = Float64Array.from(rrMs as ArrayLike<number>);
  const invalid = new Uint8Array(gated.length);
  let outOfRange = 0;
  for (let i = 0; i < gated.length; i++) {
    if (!isPlausible(gated[i]!)) {
      invalid[i] = 1;
      outOfRange++;
    }
  }
  if (outOfRange > 0) interpolateMarked(gated, invalid);
  return { rrMs: gated, outOfRange };
}

/**
 * Overwrites marked entries by linear interpolation (in beat index) between the nearest
 * unmarked neighbours; a marked run at an edge copies its one neighbour. If nothing is
 * unmarked the series is left as is.
 */
function interpolateMarked(series: Float64Array, marked: Uint8Array): void {
  let previousGood = -1;
  for (let i = 0; i <= series.length; i++) {
    if (i < series.length && marked[i]) continue;
    const runStart = previousGood + 1;
    if (runStart < i) {
      const left = previousGood >= 0 ? series[previousGood]! : undefined;
      const right = i < series.length ? series[i]! : undefined;
      for (let j = runStart; j < i; j++) {
        if (left !== undefined && right !== undefined) {
          series[j] = left + ((right - left) * (j - previousGood)) / (i - previousGood);
        } else if (left !== undefined) series[j] = left;
        else if (right !== undefined) series[j] = right;
      }
    }
    previousGood = i;
  }
}

// Working arrays for classification, reused across passes and ranges (a 24-hour recording
// would otherwise allocate ~10 arrays of 100,000 doubles per pass). Views of length n.
const scratchNames = ['dRR', 'mRR', 'th1', 'th2', 'median', 'magnitudes', 'q1', 'q3'] as const;
type Scratch = Record<(typeof scratchNames)[number], Float64Array>;
let scratchLength = 0;
let scratchBuffers = {} as Scratch;
function scratchViews(n: number): Scratch {
  if (n > scratchLength) {
    scratchLength = Math.max(n, 2 * scratchLength, 1024);
    scratchBuffers = Object.fromEntries(scratchNames.map((name) => [name, new Float64Array(scratchLength)])) as Scratch;
  }
  return Object.fromEntries(scratchNames.map((name) => [name, scratchBuffers[name].subarray(0, n)])) as Scratch;
}

/** Th = α · quartile deviation of |signal| over the 91-beat centred window, floored; into `result`. */
function thresholds(signal: Float64Array, result: Float64Array, scratch: Scratch): Float64Array {
  const { magnitudes, q1, q3 } = scratch;
  for (let i = 0; i < signal.length; i++) magnitudes[i] = Math.abs(signal[i]!);
  centredRollingQuantiles(magnitudes, LT_THRESHOLD_WINDOW_BEATS, [0.25, 0.75], [q1, q3]);
  for (let i = 0; i < signal.length; i++) {
    result[i] = Math.max(MIN_THRESHOLD_MS, (LT_ALPHA * (q3[i]! - q1[i]!)) / 2);
  }
  return result;
}

/** Classifies the beats of an in-range RR series (one pass, no correction). */
export function detectArtefacts(rrMs: Float64Array): ArtefactDetection[] {
  return classifyBeats(rrMs, 0, rrMs.length);
}

/**
 * How far a change to one interval can move a classification: the 91-beat threshold window
 * (45) on top of the 11-beat median (5), plus the three beats the subspaces look ahead.
 */
const INFLUENCE_RADIUS_BEATS = 60;

/**
 * Classifies only the beats in [from, to): the rolling statistics are computed over the range
 * widened by the influence radius, so the result equals detectArtefacts restricted to it.
 */
function detectArtefactsIn(rrMs: Float64Array, from: number, to: number): ArtefactDetection[] {
  const low = Math.max(0, from - INFLUENCE_RADIUS_BEATS);
  const high = Math.min(rrMs.length, to + INFLUENCE_RADIUS_BEATS);
  return classifyBeats(rrMs.subarray(low, high), from - low, to - low).map((d) => ({ index: d.index + low, kind: d.kind }));
}

function classifyBeats(rrMs: Float64Array, loopFrom: number, loopTo: number): ArtefactDetection[] {
  const n = rrMs.length;
  if (n < 4) return [];

  const scratch = scratchViews(n);
  // dRR_i = RR_i − RR_{i−1}; the first interval has no predecessor, so it shows no change.
  const { dRR, mRR } = scratch;
  dRR[0] = 0;
  for (let i = 1; i < n; i++) dRR[i] = rrMs[i]! - rrMs[i - 1]!;
  const th1 = thresholds(dRR, scratch.th1, scratch);
  for (let i = 0; i < n; i++) dRR[i] = dRR[i]! / th1[i]!;

  // mRR: deviation from the 11-beat median, negatives doubled (short beats matter more).
  const medianRR = scratch.median;
  centredRollingQuantiles(rrMs, LT_MEDIAN_WINDOW_BEATS, [0.5], [medianRR]);
  for (let i = 0; i < n; i++) {
    const deviation = rrMs[i]! - medianRR[i]!;
    mRR[i] = deviation < 0 ? 2 * deviation : deviation;
  }
  const th2 = thresholds(mRR, scratch.th2, scratch);
  for (let i = 0; i < n; i++) mRR[i] = mRR[i]! / th2[i]!;

  // Neighbours beyond the ends count as "no change" (0).
  const d = (i: number): number => (i >= 0 && i < n ? dRR[i]! : 0);
  // S12: for a positive dRR the larger neighbour, for a negative one the smaller.
  const s12 = (i: number): number => (d(i) > 0 ? Math.max(d(i - 1), d(i + 1)) : Math.min(d(i - 1), d(i + 1)));
  // S22: for a non-negative dRR the smaller of the next two, for a negative one the larger.
  const s22 = (i: number): number => (d(i) >= 0 ? Math.min(d(i + 1), d(i + 2)) : Math.max(d(i + 1), d(i + 2)));

  const detections: ArtefactDetection[] = [];
  for (let i = loopFrom; i < loopTo; i++) {
    const drr = dRR[i]!;
    // Figure 1 of the paper: a beat is examined when its dRR or its mRR is out of bounds.
    // (NeuroKit2 skips beats with |dRR| ≤ 1 outright, which never lets the mRR test fire; the
    // paper's flow lets a sustained deviation from the median be caught on mRR alone.)
    if (Math.abs(drr) <= 1 && Math.abs(mRR[i]!) <= 3) continue;

    // A lost or a doubled detection first: its signature (a long beat that is two ordinary
    // ones, or two short beats that are one) is sharper than the ectopic pattern it also
    // makes, and only splitting or merging keeps the beat count and the total time.
    const countError = beatCountError(rrMs, medianRR, th2, i);
    if (countError) {
      detections.push({ index: i, kind: countError });
      continue;
    }

    // Ectopic: an NPN or PNP pattern in dRR (subspace S11 vs S12).
    const s12i = s12(i);
    if (isEctopicPattern(drr, s12i) && isClearlyOffRhythm(rrMs, medianRR, i)) {
      // The interval before an ectopic beat's pattern centre is its other half (the short
      // beat of a short–long pair); the long/short test flags it first. It is one event.
      const previous = detections[detections.length - 1];
      if (previous && previous.index === i - 1 && previous.kind === 'longShort') detections.pop();
      detections.push({ index: i, kind: 'ectopic' });
      continue;
    }

    // Long/short candidates: this beat, and the next if its change is the smaller of the two
    // that follow (the artefact may sit one beat later).
    const candidates = Math.abs(d(i + 1)) < Math.abs(d(i + 2)) && i + 1 < n ? [i, i + 1] : [i];
    for (const j of candidates) {
      const dj = d(j);
      const s22j = s22(j);
      const isLong = dj > 1 && s22j < -1;
      const isShort = dj < -1 && s22j > 1;
      const farFromMedian = Math.abs(mRR[j]!) > 3;
      if (!isLong && !isShort && !farFromMedian) continue;
      const rr = rrMs[j]!;
      const median = medianRR[j]!;
      const tolerance = th2[j]!;
      const next = j + 1 < n ? rrMs[j + 1]! : Number.NaN;
      // Extra: a short beat that together with the next makes one ordinary interval.
      if (isShort && Math.abs(rr + next - median) < tolerance) {
        detections.push({ index: j, kind: 'extra' });
      } else if (isLong && Math.abs(rr / 2 - median) < tolerance) {
        // Missed: a long beat that is two ordinary intervals.
        detections.push({ index: j, kind: 'missed' });
      } else if (farFromMedian && (isLong || isShort)) {
        // Our choice (the paper flags either test alone): a long or short beat must both break
        // the beat-to-beat pattern and sit far from the local median. Either alone flags 1–3 %
        // of the beats of clean recordings with deep breathing swings, and replacing those
        // lowered their RMSSD by up to 9 %.
        detections.push({ index: j, kind: 'longShort' });
      } else continue;
      break;
    }
  }
  return dedupe(detections);
}

/**
 * How far a split half or a merged pair may be from the local median and still count as an
 * ordinary beat: the paper's Th2, widened up to 1.5 · Th2 but never beyond 25 % of the median.
 * Th2 alone missed beats lost in fast stretches of breathing, where the two real halves sat
 * 15–24 % below the median; a fixed 25 % split single junk values (1.5–1.8 times the median)
 * of calm, regular rhythms, where Th2 is small and a false split costs most.
 */
export const COUNT_ERROR_MAX_SHARE = 0.25;
export const COUNT_ERROR_TH2_FACTOR = 1.5;
/** A beat this share or more below the local median came early (a premature beat). */
const PREMATURE_MIN_SHARE = 0.15;
/** A premature beat and its compensatory pause take about two beats' time, never this many. */
const PREMATURE_PAIR_MAX_BEATS = 2.6;

/**
 * Whether beat i is a detection the sensor lost ('missed': a long interval whose halves are
 * each an ordinary beat) or one it invented ('extra': a short interval that, with the short
 * one after it, makes one ordinary beat). Our addition to the paper's order of tests.
 */
function beatCountError(rrMs: Float64Array, medianRR: Float64Array, th2: Float64Array, i: number): 'missed' | 'extra' | null {
  const rr = rrMs[i]!;
  const median = medianRR[i]!;
  const tolerance = Math.max(th2[i]!, Math.min(COUNT_ERROR_MAX_SHARE * median, COUNT_ERROR_TH2_FACTOR * th2[i]!));
  // After a premature (short) beat a long interval is most likely its compensatory pause,
  // which the ectopic test judges, in the paper's order.
  const previous = i > 0 ? rrMs[i - 1]! : median;
  const afterPremature =
    previous < (1 - PREMATURE_MIN_SHARE) * median && previous + rr < PREMATURE_PAIR_MAX_BEATS * median;
  if (!afterPremature && rr > 1.5 * median && Math.abs(rr / 2 - median) < tolerance) return 'missed';
  const next = i + 1 < rrMs.length ? rrMs[i + 1]! : Number.NaN;
  if (rr < 0.75 * median && next < median && Math.abs(rr + next - median) < tolerance) return 'extra';
  return null;
}

/** NPN or PNP in dRR: subspace S11 against S12 (Figure 2 of the paper). */
function isEctopicPattern(drr: number, s12: number): boolean {
  return (drr > 1 && s12 < -LT_C1 * drr - LT_C2) || (drr < -1 && s12 > -LT_C1 * drr + LT_C2);
}

/**
 * Our choice, on top of the paper: an ectopic pair is corrected only when one of its two
 * intervals is at least ECTOPIC_MIN_OFFSET off the local median (a premature beat comes early,
 * its compensatory pause late). Deep, slow breathing makes the same up-down-up pattern in
 * dRR with smaller steps; correcting those smoothed away real variability.
 */
function isClearlyOffRhythm(rrMs: Float64Array, medianRR: Float64Array, i: number): boolean {
  const median = medianRR[i]!;
  const before = i > 0 ? rrMs[i - 1]! : rrMs[i]!;
  const shortest = Math.min(rrMs[i]!, before);
  const longest = Math.max(rrMs[i]!, before);
  return shortest < (1 - ECTOPIC_MIN_OFFSET) * median || longest > (1 + ECTOPIC_MIN_OFFSET) * median;
}

/**
 * Keeps one detection per beat (the first), in index order, and none for the interval an
 * extra beat is merged with: the merge consumes it, so it was never corrected on its own.
 */
function dedupe(detections: ArtefactDetection[]): ArtefactDetection[] {
  const byIndex = new Map<number, ArtefactDetection>();
  for (const detection of detections) if (!byIndex.has(detection.index)) byIndex.set(detection.index, detection);
  const unique: ArtefactDetection[] = [];
  for (const detection of [...byIndex.values()].sort((a, b) => a.index - b.index)) {
    const previous = unique[unique.length - 1];
    if (previous && previous.kind === 'extra' && previous.index === detection.index - 1) continue;
    unique.push(detection);
  }
  return unique;
}

/**
 * Applies one pass of corrections:
 * - extra → merged with the next interval;
 * - missed → split into two halves;
 * - ectopic → the misplaced beat (between RR_{i−1} and RR_i) moved midway between its
 *   neighbours, i.e. both intervals replaced by their mean: interpolation in time that keeps
 *   the total duration, as the paper corrects beat times;
 * - long/short → replaced by linear interpolation between the nearest unflagged intervals
 *   (Kubios replaces artefacts by interpolation).
 */
export function applyCorrections(rrMs: Float64Array, detections: readonly ArtefactDetection[]): Float64Array {
  return correct(rrMs, detections).corrected;
}

const NO_ARTEFACT = 0;
const KIND_CODE: Record<ArtefactClass, number> = { ectopic: 1, missed: 2, extra: 3, longShort: 4 };

function correct(
  rrMs: Float64Array,
  detections: readonly ArtefactDetection[],
): { corrected: Float64Array; changed: number[] } {
  const n = rrMs.length;
  // Kinds by beat in a typed array: this loop runs over every beat of every pass.
  const kindAt = new Uint8Array(n);
  for (const detection of detections) kindAt[detection.index] = KIND_CODE[detection.kind];
  const output = new Float64Array(n + detections.length); // a split adds one interval
  const marked = new Uint8Array(output.length);
  const changed: number[] = [];
  let length = 0;
  let interpolate = false;
  for (let i = 0; i < n; i++) {
    const kind = kindAt[i]!;
    const rr = rrMs[i]!;
    if (kind === NO_ARTEFACT) {
      output[length++] = rr;
      continue;
    }
    changed.push(length, length + 1); // a split or a re-timing writes the next one too
    if (kind === KIND_CODE.extra && i + 1 < n) {
      output[length++] = rr + rrMs[i + 1]!;
      i++; // the next interval is consumed by the merge
    } else if (kind === KIND_CODE.missed) {
      output[length++] = rr / 2;
      output[length++] = rr / 2;
    } else if (kind === KIND_CODE.ectopic && length > 0 && kindAt[i - 1] === NO_ARTEFACT) {
      const mean = (output[length - 1]! + rr) / 2;
      output[length - 1] = mean;
      output[length++] = mean;
    } else {
      // long/short, or an ectopic beat next to another artefact: interpolate.
      marked[length] = 1;
      interpolate = true;
      output[length++] = rr;
    }
  }
  const corrected = output.slice(0, length);
  if (interpolate) interpolateMarked(corrected, marked.subarray(0, length));
  return { corrected, changed };
}

/** Merged [from, to) ranges of beats within the influence radius of a changed interval. */
function rangesAround(changed: readonly number[], length: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (const index of changed) { // already in increasing order
    const from = Math.max(0, index - INFLUENCE_RADIUS_BEATS);
    const to = Math.min(length, index + INFLUENCE_RADIUS_BEATS + 1);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges;
}

function countByClass(detections: readonly ArtefactDetection[]): Record<ArtefactClass, number> {
  const counts = { ectopic: 0, missed: 0, extra: 0, longShort: 0 };
  for (const detection of detections) counts[detection.kind]++;
  return counts;
}

/** Range gate, then Lipponen & Tarvainen detection and correction while the count falls. */
export function cleanRrSeries(rrMs: ArrayLike<number>): CleaningResult {
  const inputCount = rrMs.length;
  // Values that cannot be intervals at all (NaN, 0, "no value" markers) go first, so the
  // classification can run; the plausible range gate comes after it, for what it left. Gating
  // first would interpolate a missed beat below 60 bpm (over 2000 ms) instead of splitting it,
  // and an extra beat's fragment under 300 ms instead of merging it: beats lost or invented.
  const gated = gateWith(rrMs, isPossibleInterval);
  let series = gated.rrMs;
  const totals = { ectopic: 0, missed: 0, extra: 0, longShort: 0 };
  let previousCount = Infinity;
  let passes = 0;
  // After the first pass only beats near a correction can change class (everything else was
  // judged normal with the very same neighbourhood), so later passes look only there.
  let ranges: [number, number][] = [[0, series.length]];
  while (passes < MAX_PASSES && ranges.length > 0) {
    const current = series;
    const detections = ranges.flatMap(([from, to]) => detectArtefactsIn(current, from, to));
    if (detections.length === 0 || detections.length >= previousCount) break;
    const counts = countByClass(detections);
    totals.ectopic += counts.ectopic;
    totals.missed += counts.missed;
    totals.extra += counts.extra;
    totals.longShort += counts.longShort;
    const { corrected, changed } = correct(series, detections);
    series = corrected;
    ranges = rangesAround(changed, series.length);
    previousCount = detections.length;
    passes++;
  }
  const late = gateRange(series);
  series = late.rrMs;
  const outOfRange = gated.outOfRange + late.outOfRange;
  const corrected = outOfRange + totals.ectopic + totals.missed + totals.extra + totals.longShort;
  return {
    nnMs: series,
    corrected,
    correctedPercent: inputCount === 0 ? 0 : (100 * corrected) / inputCount,
    byClass: totals,
    outOfRange,
    passes,
  };
}
