// The Lipponen & Tarvainen 2019 beat classification (J Med Eng Technol 43:173–181), one beat
// at a time: the one home of its rules, used by the batch cleaning (artefact-correction.ts,
// centred windows over the whole recording) and by the live filter (live-beat-filter.ts, the
// same windows a few beats behind the newest). Both fill BeatSignals and ask classifyBeat.
//
// Hand-written because no pure TypeScript implementation exists; it follows the paper with
// the structure peers use (NeuroKit2, systole), read, not copied. Where the paper leaves a
// detail open, or where we depart from it, the choice is commented here.

/** Lipponen & Tarvainen 2019 constants. */
export const LT_ALPHA = 5.2;
export const LT_C1 = 0.13;
export const LT_C2 = 0.17;
export const LT_THRESHOLD_WINDOW_BEATS = 91;
export const LT_MEDIAN_WINDOW_BEATS = 11;
/** Beats after a beat that its centred median window reaches. */
export const LT_MEDIAN_HALF_WINDOW_BEATS = (LT_MEDIAN_WINDOW_BEATS - 1) / 2;
/**
 * Lower bound for Th1/Th2 in ms. With a very regular or coarsely quantised rhythm (128 Hz
 * recordings move in 7.8 ms steps) the quartile deviation of a window can be 0, and every
 * one-step change would then count as an artefact. Our own choice; the paper is silent.
 */
export const MIN_THRESHOLD_MS = 10;
/**
 * How far (a share of the local median) one of an ectopic pair must stray, or how far apart
 * its early and late beat must be; see isClearlyOffRhythm.
 */
export const ECTOPIC_MIN_OFFSET = 0.25;
export const ECTOPIC_MIN_SPREAD = 0.45;
/**
 * How far a split half or a merged pair may be from the local median (and from the beats
 * either side) and still count as an ordinary beat: the paper's Th2, widened up to 1.5 · Th2
 * but never beyond 20 % of the median. Th2 alone missed beats lost in fast stretches of
 * breathing, where the two real halves sat 15–20 % below the median; 25 % split single junk
 * values (1.5–1.8 times the median) of calm rhythms, where a false split costs most.
 */
export const COUNT_ERROR_MAX_SHARE = 0.2;
export const COUNT_ERROR_TH2_FACTOR = 1.5;
/** A beat this share or more below the local median came early (a premature beat). */
const PREMATURE_MIN_SHARE = 0.15;
/**
 * A premature beat and its compensatory pause take about two beats' time (the sinus rhythm
 * goes on underneath), while a beat that came early and a lost detection right after it span
 * the early beat plus two more, 2.6–2.85 medians for a beat 15–40 % early. A pair is read as
 * the first when it is nearer two beats than three. (At 2.6 a lost beat after a swing's fast
 * stretch, 956 ms then 1968 ms where the median is 1133 ms, 2.58 medians, was taken for a
 * pause, and re-timing the pair lost the beat.)
 */
const PREMATURE_PAIR_MAX_BEATS = 2.5;

export type ArtefactClass = 'ectopic' | 'missed' | 'extra' | 'longShort';

export type ArtefactDetection = { readonly index: number; readonly kind: ArtefactClass };

/**
 * What the classification reads around a beat, index by index, in ms: the intervals, their
 * changes (dRR), their deviations from the local median (mRR, medianDeviationMs) and that
 * median. Entries at `length` and beyond count as "no change".
 */
export type BeatSignals = {
  readonly rrMs: Float64Array;
  /** RR_i − RR_{i−1} (0 for a segment's first beat). */
  readonly dRRMs: Float64Array;
  readonly mRRMs: Float64Array;
  readonly medianMs: Float64Array;
  readonly length: number;
};

/**
 * Where the 91-beat threshold windows sit: Th1 over the 91 changes ending 6 beats after the
 * judged beat, Th2 over the 91 median deviations ending 1 beat after it. The paper centres
 * them; we place them where a live stream can have them once the beat's median and the next
 * beat's are settled (live-beat-filter.ts), and the batch cleaning uses the very same windows,
 * so live and batch judge a beat alike. The quartiles of 91 beats move little over 40 beats.
 */
export const TH1_WINDOW_LEAD_BEATS = LT_MEDIAN_HALF_WINDOW_BEATS + 1;
export const TH2_WINDOW_LEAD_BEATS = 1;

/** Th = α · quartile deviation of the window's magnitudes, floored. */
export function thresholdMs(q1: number, q3: number): number {
  return Math.max(MIN_THRESHOLD_MS, (LT_ALPHA * (q3 - q1)) / 2);
}

/** Deviation from the local median with negatives doubled (short beats matter more). */
export function medianDeviationMs(rrMs: number, medianMs: number): number {
  const deviation = rrMs - medianMs;
  return deviation < 0 ? 2 * deviation : deviation;
}

/**
 * Figure 1 of the paper: a beat is examined only when its dRR or its mRR is out of bounds;
 * this is the test that lets an ordinary beat through (dRR and mRR scaled by its thresholds).
 * (NeuroKit2 skips beats with |dRR| ≤ 1 outright, which never lets the mRR test fire; the
 * paper's flow lets a sustained deviation from the median be caught on mRR alone.) Exported
 * so the batch cleaning can pass over ordinary beats without a call per beat.
 */
export function isWithinBounds(dRRMs: number, mRRMs: number, th1Ms: number, th2Ms: number): boolean {
  return isChangeWithinBound(dRRMs, th1Ms) && isDeviationWithinBound(mRRMs, th2Ms);
}

/** How many times Th1 a beat's change (dRR) may be and pass: the paper's bound. */
const CHANGE_LIMIT = 1;
/** How many times Th2 a beat's deviation from the local median (mRR) may be and pass. */
const DEVIATION_LIMIT = 3;

/** The dRR half of isWithinBounds. */
export function isChangeWithinBound(dRRMs: number, th1Ms: number): boolean {
  return Math.abs(dRRMs / th1Ms) <= CHANGE_LIMIT;
}

/** The mRR half of isWithinBounds. */
export function isDeviationWithinBound(mRRMs: number, th2Ms: number): boolean {
  return Math.abs(mRRMs / th2Ms) <= DEVIATION_LIMIT;
}

/** dRR_j / Th1, or 0 outside the signals (no change). */
function scaledChange(dRRMs: Float64Array, n: number, j: number, th1Ms: number): number {
  return j >= 0 && j < n ? dRRMs[j]! / th1Ms : 0;
}

/**
 * Classifies beat i: null for a normal beat, else the detection, which may name beat i + 1
 * (the paper's long/short test looks one beat ahead when that beat's change is the smaller of
 * the two that follow). Reads signals from i − 1 to i + 3, and the intervals (rrMs) of the
 * merged beat's median window, i − 5 to i + 6 (see beatCountError); th1Ms and th2Ms are beat
 * i's thresholds, used for its neighbours too (their own would need beats not yet arrived live).
 */
export function classifyBeat(signals: BeatSignals, i: number, th1Ms: number, th2Ms: number): ArtefactDetection | null {
  const { rrMs, dRRMs, mRRMs, medianMs, length: n } = signals;
  // Plain functions of their arguments rather than closures: this runs for every beat of a
  // recording, and a closure pair per call was a measurable share of the batch cleaning.
  const drr = scaledChange(dRRMs, n, i, th1Ms);
  // isWithinBounds, with a dRR outside the signals counting as no change.
  if (Math.abs(drr) <= CHANGE_LIMIT && Math.abs(mRRMs[i]! / th2Ms) <= DEVIATION_LIMIT) return null;

  // A lost or a doubled detection first: its signature (a long beat that is two ordinary
  // ones, or two short beats that are one) is sharper than the ectopic pattern it also
  // makes, and only splitting or merging keeps the beat count and the total time.
  const countError = beatCountError(signals, i, th2Ms);
  if (countError) return { index: i, kind: countError };

  // Ectopic: an NPN or PNP pattern in dRR (subspace S11 vs S12).
  // S12: for a positive dRR the larger neighbour, for a negative one the smaller.
  const before = scaledChange(dRRMs, n, i - 1, th1Ms);
  const after = scaledChange(dRRMs, n, i + 1, th1Ms);
  const s12 = drr > 0 ? Math.max(before, after) : Math.min(before, after);
  if (isEctopicPattern(drr, s12) && isClearlyOffRhythm(signals, i)) return { index: i, kind: 'ectopic' };

  // Long/short candidates: this beat, and the next if its change is the smaller of the two
  // that follow (the artefact may sit one beat later).
  const lastCandidate = Math.abs(after) < Math.abs(scaledChange(dRRMs, n, i + 2, th1Ms)) && i + 1 < n ? i + 1 : i;
  for (let j = i; j <= lastCandidate; j++) {
    const dj = scaledChange(dRRMs, n, j, th1Ms);
    // S22: for a non-negative dRR the smaller of the next two, for a negative one the larger.
    const next1 = scaledChange(dRRMs, n, j + 1, th1Ms);
    const next2 = scaledChange(dRRMs, n, j + 2, th1Ms);
    const s22 = dj >= 0 ? Math.min(next1, next2) : Math.max(next1, next2);
    const isLong = dj > 1 && s22 < -1;
    const isShort = dj < -1 && s22 > 1;
    const farFromMedian = Math.abs(mRRMs[j]! / th2Ms) > 3;
    if (!isLong && !isShort && !farFromMedian) continue;
    const rr = rrMs[j]!;
    const median = medianMs[j]!;
    const tolerance = th2Ms;
    const next = j + 1 < n ? rrMs[j + 1]! : Number.NaN;
    // Extra: a short beat that together with the next makes one ordinary interval.
    if (isShort && Math.abs(rr + next - median) < tolerance) return { index: j, kind: 'extra' };
    // Missed: a long beat that is two ordinary intervals. Our floor, as in beatCountError: it
    // must be over 1.5 medians, or it could be one beat. Th2 grows with the artefacts around
    // (to a third of the median with 2 % lost beats in pyhrv's nsrdb segment), and the paper's
    // test alone then split natural beats of 1.35 medians (1172 ms where the median is 867).
    if (isLong && rr > 1.5 * median && Math.abs(rr / 2 - median) < tolerance) return { index: j, kind: 'missed' };
    // Our choice (the paper flags either test alone): a long or short beat must both break
    // the beat-to-beat pattern and sit far from the local median, by Th2 and by at least
    // ECTOPIC_MIN_OFFSET, as an ectopic pair must. Looser, these flagged 1–3 % of the beats
    // of clean recordings with deep breathing swings (one early beat 23 % short, too), and
    // replacing those lowered their RMSSD by up to 9 %.
    const offMedian = Math.abs(rr - median) >= ECTOPIC_MIN_OFFSET * median;
    if (farFromMedian && offMedian && (isLong || isShort)) return { index: j, kind: 'longShort' };
  }
  return null;
}

/**
 * Whether beat i is a detection the sensor lost ('missed': a long interval whose halves are
 * each an ordinary beat) or one it invented ('extra': a short interval that, with the short
 * one after it, makes one ordinary beat). Our addition to the paper's order of tests.
 *
 * An invented beat is judged against the median of the window as the merge would leave it,
 * too. Its two short fragments sit in the beat's own 11-beat window and pull the median down
 * by up to two places; where the rhythm lengthens fast (paced breathing: 942, 1066, 1085 ms
 * after beats of 850 ms) that median (876 ms) lags the beat the fragments make (1066 ms, 22 %
 * above it), and the fragments were interpolated, leaving a beat invented. In the window with
 * the merged beat in their place the median is 1040 ms. The fragments' own median is still
 * asked first; in a steady rhythm the two medians are within a place of each other, so the
 * second changes nothing there. The window reaches beat i + 6, the newest beat the live
 * filter has when it judges beat i.
 */
function beatCountError(signals: BeatSignals, i: number, th2: number): 'missed' | 'extra' | null {
  const { rrMs, medianMs, length: n } = signals;
  const rr = rrMs[i]!;
  const median = medianMs[i]!;
  const tolerance = Math.max(th2, Math.min(COUNT_ERROR_MAX_SHARE * median, COUNT_ERROR_TH2_FACTOR * th2));
  // After a premature (short) beat a long interval is most likely its compensatory pause,
  // which the ectopic test judges, in the paper's order.
  const previous = i > 0 ? rrMs[i - 1]! : median;
  const next = i + 1 < n ? rrMs[i + 1]! : Number.NaN;
  const afterPremature =
    previous < (1 - PREMATURE_MIN_SHARE) * median && previous + rr < PREMATURE_PAIR_MAX_BEATS * median;
  // A lost beat is a lone outlier: its halves match the beats either side, too. A slow swing
  // of deep breathing (900, 1100, 900 ms where the median is 700) is long together with its
  // neighbours, and splitting its peak would invent a beat.
  const neighboursMs = i + 1 < n ? (previous + next) / 2 : previous;
  if (
    !afterPremature &&
    rr > 1.5 * median &&
    Math.abs(rr / 2 - median) < tolerance &&
    Math.abs(rr / 2 - neighboursMs) < tolerance
  ) {
    return 'missed';
  }
  if (rr >= 0.75 * median || i + 1 >= n) return null;
  const mergedMs = rr + next;
  if (next < median && Math.abs(mergedMs - median) < tolerance) return 'extra';
  const mergedMedianMs = medianWithMerged(rrMs, n, i, mergedMs);
  if (next < mergedMedianMs && Math.abs(mergedMs - mergedMedianMs) < tolerance) return 'extra';
  return null;
}

// One window's values, sorted in place: count-error candidates are rare, so a small sort per
// candidate costs nothing next to the rolling medians.
const mergedWindow = new Float64Array(LT_MEDIAN_WINDOW_BEATS);

/**
 * The median of beat i's 11-beat window (clipped to the signals, as the rolling median is) in
 * the series with beats i and i + 1 merged into one interval of mergedMs: beats i − 5 … i − 1,
 * the merged beat, and i + 2 … i + 6.
 */
function medianWithMerged(rrMs: Float64Array, n: number, i: number, mergedMs: number): number {
  let count = 0;
  for (let j = Math.max(0, i - LT_MEDIAN_HALF_WINDOW_BEATS); j < i; j++) mergedWindow[count++] = rrMs[j]!;
  mergedWindow[count++] = mergedMs;
  const last = Math.min(n - 1, i + 1 + LT_MEDIAN_HALF_WINDOW_BEATS);
  for (let j = i + 2; j <= last; j++) mergedWindow[count++] = rrMs[j]!;
  const sorted = mergedWindow.subarray(0, count).sort();
  const middle = (count - 1) / 2;
  const below = Math.floor(middle);
  return below === middle ? sorted[below]! : (sorted[below]! + sorted[below + 1]!) / 2;
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
function isClearlyOffRhythm(signals: BeatSignals, i: number): boolean {
  const { rrMs, medianMs } = signals;
  const median = medianMs[i]!;
  const before = i > 0 ? rrMs[i - 1]! : rrMs[i]!;
  const shortest = Math.min(rrMs[i]!, before);
  const longest = Math.max(rrMs[i]!, before);
  return (
    shortest < (1 - ECTOPIC_MIN_OFFSET) * median ||
    longest > (1 + ECTOPIC_MIN_OFFSET) * median ||
    longest - shortest > ECTOPIC_MIN_SPREAD * median
  );
}
