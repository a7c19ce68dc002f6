// The live beat filter: the batch cleaning's method (Lipponen & Tarvainen, beat-classification.ts)
// run over the beat stream a few beats behind the newest, so live figures equal what the
// recording gives when it is cleaned afterwards.
//
// The batch cleaning judges each beat with centred windows: an 11-beat median (5 beats on each
// side) and 91-beat thresholds (45 on each side). Live, a beat is judged once the 6 beats after
// it have arrived (LIVE_LOOKAHEAD_BEATS): its median and the next beat's are then exactly the
// batch ones, and the thresholds come from the 91 newest beats instead of a centred window (the
// quartiles of a minute and a half of beats hardly move in the 40 s between the two). One more
// beat is held back, because an ectopic beat moves the beat before it. A gap (lost beats) ends
// a segment: the held beats are judged with what the segment has, as the batch cleaning does at
// the end of a recording, and nothing is compared across the gap.
import {
  classifyBeat,
  LT_MEDIAN_HALF_WINDOW_BEATS,
  LT_MEDIAN_WINDOW_BEATS,
  LT_THRESHOLD_WINDOW_BEATS,
  medianDeviationMs,
  TH1_WINDOW_LEAD_BEATS,
  thresholdMs,
  type ArtefactClass,
} from './beat-classification.ts';
import { isUsableBeatTime } from './beat-time.ts';
import { GAP_TOLERANCE_MS } from './gaps.ts';
import { isPlausibleRr, isPossibleInterval } from './rr-range.ts';
import { SortedWindow } from './rolling-quantile.ts';

/**
 * Beats that must follow a beat before it is judged: the next beat's median window, which is
 * also where the threshold windows end (beat-classification.ts).
 */
export const LIVE_LOOKAHEAD_BEATS = TH1_WINDOW_LEAD_BEATS;
/** How far behind the newest beat the analysed beats are: the look-ahead plus the held one. */
export const LIVE_DELAY_BEATS = LIVE_LOOKAHEAD_BEATS + 1;

export type RawBeat = { readonly tMs: number; readonly rrMs: number };

/** Receives each cleaned beat, in time order; afterGap marks the first beat after lost ones. */
export type CleanedBeatSink = (tMs: number, nnMs: number, afterGap: boolean) => void;

export type LiveFilterCounts = {
  /** Intervals received. */
  readonly received: number;
  /** Intervals changed: every class plus out of range (dropped or replaced). */
  readonly corrected: number;
  readonly outOfRange: number;
  readonly byClass: Readonly<Record<ArtefactClass, number>>;
  /** Times the beat stream jumped by more than the interval it carried (lost beats). */
  readonly gaps: number;
  readonly gapMs: number;
};

export type LiveBeatFilter = {
  /** Takes one beat from the strap; hands the beats it has now judged to `emit`. */
  push(beat: RawBeat, emit: CleanedBeatSink): void;
  /** Judges and hands over every beat still held (the session ended). */
  flush(emit: CleanedBeatSink): void;
  counts(): LiveFilterCounts;
};

// Ring buffers hold the current segment's recent beats by absolute index. They reach back
// further than any window: the thresholds drop the value 91 beats behind the newest median.
const RING = 256;
const MASK = RING - 1;
const NORMAL = 0;
const KIND_CODE: Record<ArtefactClass, number> = { ectopic: 1, missed: 2, extra: 3, longShort: 4 };
const KIND_NAMES = ['normal', 'ectopic', 'missed', 'extra', 'longShort'] as const;
const UNDECIDED = -1;
const CONSUMED = -2;

/**
 * What classifyBeat reads: the signals of beats j − 1 … j + 3, and the intervals of the 11-beat
 * window a merged extra beat would sit in, j − 5 … j + 6 (the newest beat when j is judged).
 */
const LOCAL_BEFORE_BEATS = LT_MEDIAN_HALF_WINDOW_BEATS;
const LOCAL_AFTER_BEATS = LT_MEDIAN_HALF_WINDOW_BEATS + 1;
const LOCAL_BEATS = LOCAL_BEFORE_BEATS + 1 + LOCAL_AFTER_BEATS;

type HeldBeat = { tMs: number; nnMs: number; rawIndex: number; rawMs: number; kind: number; afterGap: boolean };

export function createLiveBeatFilter(): LiveBeatFilter {
  const rr = new Float64Array(RING);
  const times = new Float64Array(RING);
  const dRaw = new Float64Array(RING);
  const medianMs = new Float64Array(RING);
  const deviationMs = new Float64Array(RING);
  const decision = new Int8Array(RING);

  const dWindow = new SortedWindow(LT_THRESHOLD_WINDOW_BEATS);
  const medianWindow = new SortedWindow(LT_MEDIAN_WINDOW_BEATS);
  const deviationWindow = new SortedWindow(LT_THRESHOLD_WINDOW_BEATS);

  const local = {
    rrMs: new Float64Array(LOCAL_BEATS),
    dRRMs: new Float64Array(LOCAL_BEATS),
    mRRMs: new Float64Array(LOCAL_BEATS),
    medianMs: new Float64Array(LOCAL_BEATS),
    length: 0,
  };

  let segmentStart = 0;
  let count = 0; // beats ever appended (absolute index of the next one)
  let medianFrom = 0; // oldest beat in medianWindow
  let mediansUntil = -1; // newest beat whose median is known
  let nextToJudge = 0;
  let held: HeldBeat | null = null;
  let gapPending = false;
  let lastRawTMs = Number.NaN;
  let lastEmittedTMs = -Infinity;

  let received = 0;
  let corrected = 0;
  let outOfRange = 0;
  let gaps = 0;
  let gapMs = 0;
  const byClass = { ectopic: 0, missed: 0, extra: 0, longShort: 0 };

  const at = (index: number): number => index & MASK;

  const startSegment = (): void => {
    dWindow.clear();
    medianWindow.clear();
    deviationWindow.clear();
    segmentStart = count;
    medianFrom = count;
    mediansUntil = count - 1;
    nextToJudge = count;
  };

  /** The median of beat j over [j − 5, j + 5] clipped to the segment's beats so far. */
  const settleMedian = (j: number): void => {
    const from = Math.max(segmentStart, j - LT_MEDIAN_HALF_WINDOW_BEATS);
    while (medianFrom < from) medianWindow.remove(rr[at(medianFrom++)]!);
    const median = medianWindow.quantile(0.5);
    medianMs[at(j)] = median;
    deviationMs[at(j)] = medianDeviationMs(rr[at(j)]!, median);
    if (j - segmentStart >= LT_THRESHOLD_WINDOW_BEATS) deviationWindow.remove(Math.abs(deviationMs[at(j - LT_THRESHOLD_WINDOW_BEATS)]!));
    deviationWindow.insert(Math.abs(deviationMs[at(j)]!));
    mediansUntil = j;
  };

  const append = (tMs: number, rrMs: number): void => {
    const k = count++;
    rr[at(k)] = rrMs;
    times[at(k)] = tMs;
    decision[at(k)] = UNDECIDED;
    dRaw[at(k)] = k === segmentStart ? 0 : rrMs - rr[at(k - 1)]!;
    if (k - segmentStart >= LT_THRESHOLD_WINDOW_BEATS) dWindow.remove(Math.abs(dRaw[at(k - LT_THRESHOLD_WINDOW_BEATS)]!));
    dWindow.insert(Math.abs(dRaw[at(k)]!));
    // The window for the median settled now, of beat k − 5: beats k − 10 … k.
    const from = Math.max(segmentStart, k - (LT_MEDIAN_WINDOW_BEATS - 1));
    while (medianFrom < from) medianWindow.remove(rr[at(medianFrom++)]!);
    medianWindow.insert(rrMs);
    const settled = k - LT_MEDIAN_HALF_WINDOW_BEATS;
    if (settled >= segmentStart) settleMedian(settled);
  };

  const hand = (emit: CleanedBeatSink, beat: HeldBeat): void => {
    const tMs = Math.max(beat.tMs, lastEmittedTMs);
    lastEmittedTMs = tMs;
    emit(tMs, beat.nnMs, beat.afterGap);
  };

  /** Queues one cleaned beat; the one held before it is final now and goes out. */
  const output = (emit: CleanedBeatSink, tMs: number, nnMs: number, rawIndex: number, kind: number): void => {
    if (held) hand(emit, held);
    held = { tMs, nnMs, rawIndex, rawMs: rr[at(rawIndex)]!, kind, afterGap: gapPending };
    gapPending = false;
  };

  /** An ordinary value for beat j from its neighbours, as the batch interpolation; null if none is usable. */
  const interpolated = (j: number, th2: number): number | null => {
    const next = j + 1 < count ? rr[at(j + 1)]! : Number.NaN;
    const nextIsOrdinary = j + 1 <= mediansUntil && Math.abs(deviationMs[at(j + 1)]!) / th2 <= 3 && isPlausibleRr(next);
    const right = nextIsOrdinary ? next : isPlausibleRr(medianMs[at(j)]!) ? medianMs[at(j)]! : null;
    const left = held && isPlausibleRr(held.nnMs) ? held.nnMs : null;
    if (left !== null && right !== null) return (left + right) / 2;
    return left ?? right;
  };

  const judge = (j: number, emit: CleanedBeatSink): void => {
    const slot = at(j);
    if (decision[slot] === CONSUMED) return;
    // The windows end at the newest beat (6 after j) and the newest settled median (j + 1),
    // as TH1_WINDOW_LEAD_BEATS and TH2_WINDOW_LEAD_BEATS place them; at a flush, at the last.
    const th1 = thresholdMs(dWindow.quantile(0.25), dWindow.quantile(0.75));
    const th2 = thresholdMs(deviationWindow.quantile(0.25), deviationWindow.quantile(0.75));
    let kind = decision[slot]!;
    // Most beats are plainly normal: the paper's first test, asked here before any copying
    // (classifyBeat asks it again for the rest).
    if (kind === UNDECIDED && Math.abs(dRaw[slot]! / th1) <= 1 && Math.abs(deviationMs[slot]! / th2) <= 3) kind = NORMAL;
    if (kind === UNDECIDED) {
      const from = Math.max(segmentStart, j - LOCAL_BEFORE_BEATS);
      const to = Math.min(count - 1, j + LOCAL_AFTER_BEATS);
      for (let index = from; index <= to; index++) {
        const x = index - from;
        local.rrMs[x] = rr[at(index)]!;
        local.dRRMs[x] = dRaw[at(index)]!;
        const known = index <= mediansUntil;
        local.medianMs[x] = known ? medianMs[at(index)]! : Number.NaN;
        local.mRRMs[x] = known ? deviationMs[at(index)]! : Number.NaN;
      }
      local.length = to - from + 1;
      const detection = classifyBeat(local, j - from, th1, th2);
      kind = NORMAL;
      if (detection && detection.index + from === j) kind = KIND_CODE[detection.kind];
      else if (detection) decision[at(j + 1)] = KIND_CODE[detection.kind];
    }
    decision[slot] = kind;
    if (kind !== NORMAL) {
      corrected++;
      byClass[KIND_NAMES[kind] as ArtefactClass]++;
    }

    const rrMs = rr[slot]!;
    const tMs = times[slot]!;
    if (kind === KIND_CODE.ectopic && held && held.rawIndex === j - 1 && held.kind === KIND_CODE.longShort) {
      // The short half of an ectopic pair is flagged long/short first; it is one event, so
      // the held beat gets its own value back and the pair is re-timed together (as batch).
      byClass.longShort--;
      corrected--;
      held.tMs = times[at(j - 1)]!;
      held.nnMs = held.rawMs;
      held.kind = NORMAL;
    }
    if (kind === KIND_CODE.extra && j + 1 < count) {
      decision[at(j + 1)] = CONSUMED;
      gateAndOutput(emit, times[at(j + 1)]!, rrMs + rr[at(j + 1)]!, j, kind, th2);
    } else if (kind === KIND_CODE.missed) {
      gateAndOutput(emit, tMs - rrMs / 2, rrMs / 2, j, kind, th2);
      gateAndOutput(emit, tMs, rrMs / 2, j, kind, th2);
    } else if (kind === KIND_CODE.ectopic && held && held.rawIndex === j - 1 && held.kind === NORMAL) {
      // The misplaced beat between the two intervals moves midway: both take their mean.
      const meanMs = (held.nnMs + rrMs) / 2;
      held.tMs += meanMs - held.nnMs;
      held.nnMs = meanMs;
      gateAndOutput(emit, tMs, meanMs, j, kind, th2);
    } else if (kind === NORMAL) {
      gateAndOutput(emit, tMs, rrMs, j, kind, th2);
    } else {
      // Long/short, or an artefact next to another: an ordinary value from the neighbours.
      const value = interpolated(j, th2);
      if (value !== null) output(emit, tMs, value, j, KIND_CODE.longShort);
    }
  };

  /** The range gate for what the classification left: implausible values are interpolated. */
  const gateAndOutput = (emit: CleanedBeatSink, tMs: number, nnMs: number, j: number, kind: number, th2: number): void => {
    if (isPlausibleRr(nnMs)) {
      output(emit, tMs, nnMs, j, kind);
      return;
    }
    outOfRange++;
    corrected++;
    const value = interpolated(j, th2);
    // With nothing plausible around (a stream in the wrong unit) the beat is left out.
    if (value !== null) output(emit, tMs, value, j, KIND_CODE.longShort);
  };

  const flushSegment = (emit: CleanedBeatSink): void => {
    for (let j = mediansUntil + 1; j < count; j++) settleMedian(j);
    while (nextToJudge < count) judge(nextToJudge++, emit);
    if (held) hand(emit, held);
    held = null;
    startSegment();
  };

  return {
    push(beat, emit) {
      received++;
      const rrMs = beat.rrMs;
      if (!isPossibleInterval(rrMs)) {
        // Not an interval at all (0, NaN, a "no value" marker): nothing to judge or time.
        outOfRange++;
        corrected++;
        return;
      }
      // A beat without a usable time is placed one interval after the previous beat.
      const stampedMs = isUsableBeatTime(beat.tMs) ? beat.tMs : (Number.isFinite(lastRawTMs) ? lastRawTMs : 0) + rrMs;
      const tMs = Number.isFinite(lastRawTMs) ? Math.max(stampedMs, lastRawTMs) : stampedMs;
      const unaccountedMs = tMs - lastRawTMs - rrMs;
      if (unaccountedMs > GAP_TOLERANCE_MS) {
        gaps++;
        gapMs += unaccountedMs;
        flushSegment(emit);
        gapPending = true;
      }
      lastRawTMs = tMs;
      append(tMs, rrMs);
      while (nextToJudge + LIVE_LOOKAHEAD_BEATS < count) judge(nextToJudge++, emit);
    },
    flush(emit) {
      flushSegment(emit);
    },
    counts() {
      return { received, corrected, outOfRange, byClass: { ...byClass }, gaps, gapMs };
    },
  };
}

export type LiveCleanedBeat = { readonly tMs: number; readonly nnMs: number; readonly afterGap: boolean };

/**
 * The live filter folded over a whole beat list and flushed: what the streaming analyser
 * sees, as a batch function (for tests and for replaying a session).
 */
export function liveCleanBeats(beats: readonly RawBeat[]): { beats: LiveCleanedBeat[]; counts: LiveFilterCounts } {
  const filter = createLiveBeatFilter();
  const cleaned: LiveCleanedBeat[] = [];
  const collect: CleanedBeatSink = (tMs, nnMs, afterGap) => cleaned.push({ tMs, nnMs, afterGap });
  for (const beat of beats) filter.push(beat, collect);
  filter.flush(collect);
  return { beats: cleaned, counts: filter.counts() };
}
