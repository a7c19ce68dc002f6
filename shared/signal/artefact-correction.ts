// RR validation and artefact correction (signal.md): the Lipponen & Tarvainen 2019 beat
// classification (beat-classification.ts) over centred windows of the whole recording and its
// correction, iterated while the number of detected artefacts falls, then a 300–2000 ms range
// gate for whatever it left.
import {
  classifyBeat,
  isChangeWithinBound,
  isDeviationWithinBound,
  isWithinBounds,
  LT_MEDIAN_WINDOW_BEATS,
  medianDeviationMs,
  TH1_WINDOW_LEAD_BEATS,
  TH2_WINDOW_LEAD_BEATS,
  type ArtefactClass,
  type ArtefactDetection,
} from './beat-classification.ts';
import { QuartileThresholds } from './quartile-thresholds.ts';
import { centredRollingQuantiles } from './rolling-quantile.ts';
import { isPlausibleRr, isPossibleInterval } from './rr-range.ts';

export type { ArtefactDetection } from './beat-classification.ts';
const MAX_PASSES = 10;

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

/**
 * Replaces intervals outside [300, 2000] ms (and non-finite values) by linear interpolation
 * between the nearest plausible neighbours, as hrv-analysis and Kubios do, so the series
 * keeps its length. Returns the gated series and how many were replaced.
 */
export function gateRange(rrMs: ArrayLike<number>): { rrMs: Float64Array; outOfRange: number } {
  return gateWith(rrMs, isPlausibleRr);
}

function gateWith(rrMs: ArrayLike<number>, isPlausible: (value: number) => boolean): { rrMs: Float64Array; outOfRange: number } {
  const n = rrMs.length;
  // Copied by index rather than with Float64Array.from, whose iteration costs more than the
  // rest of the gate on a day of beats; both convert each value the same way.
  const gated = new Float64Array(n);
  for (let i = 0; i < n; i++) gated[i] = rrMs[i]!;
  let invalid: Uint8Array | null = null;
  let outOfRange = 0;
  for (let i = 0; i < n; i++) {
    if (isPlausible(gated[i]!)) continue;
    invalid ??= new Uint8Array(n);
    invalid[i] = 1;
    outOfRange++;
  }
  if (invalid) interpolateMarked(gated, invalid);
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
// would otherwise allocate several arrays of 100,000 doubles per pass). Views of length n.
type Scratch = {
  dRR: Float64Array;
  mRR: Float64Array;
  median: Float64Array;
  dRRMagnitudes: Float64Array;
  mRRMagnitudes: Float64Array;
  th1Bound: Float64Array;
  th2Bound: Float64Array;
};
let scratchBuffers: Scratch | null = null;
function scratchViews(n: number): Scratch {
  if (!scratchBuffers || n > scratchBuffers.dRR.length) {
    const length = Math.max(n, 2 * (scratchBuffers?.dRR.length ?? 0), 1024);
    const buffer = (): Float64Array => new Float64Array(length);
    scratchBuffers = { dRR: buffer(), mRR: buffer(), median: buffer(), dRRMagnitudes: buffer(), mRRMagnitudes: buffer(), th1Bound: buffer(), th2Bound: buffer() };
  }
  const b = scratchBuffers;
  return {
    dRR: b.dRR.subarray(0, n),
    mRR: b.mRR.subarray(0, n),
    median: b.median.subarray(0, n),
    dRRMagnitudes: b.dRRMagnitudes.subarray(0, n),
    mRRMagnitudes: b.mRRMagnitudes.subarray(0, n),
    th1Bound: b.th1Bound.subarray(0, n),
    th2Bound: b.th2Bound.subarray(0, n),
  };
}

/**
 * Th = α · quartile deviation of |signal| over the 91 values ending `lead` beats after each
 * beat, floored (quartile-thresholds.ts finds them, exactly where a beat needs its own). Near
 * the start of a recording the window is the first 91 values, as many as later beats get:
 * the live filter, which has only the beats so far there, may judge the first minute and a
 * half differently (signal.md).
 */
function thresholds(signal: Float64Array, lead: number, magnitudes: Float64Array, finder: QuartileThresholds): QuartileThresholds {
  fillMagnitudes(signal, magnitudes);
  return finder.prepare(magnitudes, lead);
}
const th1Finder = new QuartileThresholds();
const th2Finder = new QuartileThresholds();

function fillMagnitudes(signal: Float64Array, magnitudes: Float64Array): void {
  for (let i = 0; i < signal.length; i++) magnitudes[i] = Math.abs(signal[i]!);
}

/** Classifies the beats of an in-range RR series (one pass, no correction). */
export function detectArtefacts(rrMs: Float64Array): ArtefactDetection[] {
  return classifyBeats(rrMs, 0, rrMs.length);
}

/**
 * How far a change to one interval can move a classification: the 91-beat threshold windows
 * reach 90 beats back (Th2's, of median deviations, 5 more through the 11-beat median) and 6
 * ahead, and the subspaces look 3 beats ahead.
 */
const INFLUENCE_RADIUS_BEATS = 100;

/**
 * Classifies only the beats in [from, to): the rolling statistics are computed over the range
 * widened by the influence radius, so the result equals detectArtefacts restricted to it.
 */
function detectArtefactsIn(rrMs: Float64Array, from: number, to: number): ArtefactDetection[] {
  const low = Math.max(0, from - INFLUENCE_RADIUS_BEATS);
  const high = Math.min(rrMs.length, to + INFLUENCE_RADIUS_BEATS);
  return classifyBeats(rrMs.subarray(low, high), from - low, to - low).map((d) => ({ index: d.index + low, kind: d.kind }));
}

// classifyBeats runs in separate functions, each with its own loop: as one function V8
// optimised it on its first loop and threw that away at the next (a bailout on every call of
// a cleaning, hundreds per 24-hour recording).
function classifyBeats(rrMs: Float64Array, loopFrom: number, loopTo: number): ArtefactDetection[] {
  const n = rrMs.length;
  if (n < 4) return [];
  const scratch = scratchViews(n);
  const { dRR, mRR, median } = scratch;
  fillChanges(rrMs, dRR);
  const th1 = thresholds(dRR, TH1_WINDOW_LEAD_BEATS, scratch.dRRMagnitudes, th1Finder);
  centredRollingQuantiles(rrMs, LT_MEDIAN_WINDOW_BEATS, [0.5], [median]);
  fillMedianDeviations(rrMs, median, mRR);
  const th2 = thresholds(mRR, TH2_WINDOW_LEAD_BEATS, scratch.mRRMagnitudes, th2Finder);
  th1.fillLowerBounds(scratch.th1Bound);
  th2.fillLowerBounds(scratch.th2Bound);
  const signals = { rrMs, dRRMs: dRR, mRRMs: mRR, medianMs: median, length: n };
  const detections: ArtefactDetection[] = [];
  let i = loopFrom;
  while ((i = nextUnsettled(dRR, mRR, scratch.th1Bound, scratch.th2Bound, i, loopTo)) < loopTo) {
    // A measure within its bound is within its threshold: an unsettled beat needs the exact
    // threshold only of a measure out of its bound, and both only if it is examined (most
    // unsettled beats are ordinary).
    const th1Ms = isChangeWithinBound(dRR[i]!, scratch.th1Bound[i]!) ? null : th1.exactMs(i);
    const th2Ms = isDeviationWithinBound(mRR[i]!, scratch.th2Bound[i]!) ? null : th2.exactMs(i);
    const examined = (th1Ms !== null && !isChangeWithinBound(dRR[i]!, th1Ms)) || (th2Ms !== null && !isDeviationWithinBound(mRR[i]!, th2Ms));
    const detection = examined ? classifyBeat(signals, i, th1Ms ?? th1.exactMs(i), th2Ms ?? th2.exactMs(i)) : null;
    if (detection) {
      // The interval before an ectopic beat's pattern centre is its other half (the short
      // beat of a short–long pair); the long/short test flags it first. It is one event.
      const previous = detections[detections.length - 1];
      if (detection.kind === 'ectopic' && previous && previous.index === i - 1 && previous.kind === 'longShort') detections.pop();
      detections.push(detection);
    }
    i++;
  }
  return dedupe(detections);
}

/** dRR_i = RR_i − RR_{i−1}; the first interval has no predecessor, so it shows no change. */
function fillChanges(rrMs: Float64Array, dRR: Float64Array): void {
  dRR[0] = 0;
  for (let i = 1; i < rrMs.length; i++) dRR[i] = rrMs[i]! - rrMs[i - 1]!;
}

function fillMedianDeviations(rrMs: Float64Array, median: Float64Array, mRR: Float64Array): void {
  for (let i = 0; i < rrMs.length; i++) mRR[i] = medianDeviationMs(rrMs[i]!, median[i]!);
}

/**
 * The first beat from `from` (before `to`) that lower bounds of its thresholds do not settle
 * as ordinary, or `to`. Under thresholds no larger than its own a beat within bounds is
 * within its own (isWithinBounds only grows with them).
 */
function nextUnsettled(dRR: Float64Array, mRR: Float64Array, th1Bound: Float64Array, th2Bound: Float64Array, from: number, to: number): number {
  let i = from;
  while (i < to && isWithinBounds(dRR[i]!, mRR[i]!, th1Bound[i]!, th2Bound[i]!)) i++;
  return i;
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
