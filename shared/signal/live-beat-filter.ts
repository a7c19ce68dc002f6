// Causal beat filter for live sessions. Lipponen & Tarvainen needs a centred 91-beat window
// (45 beats, ~45 s, of look-ahead), which a live display cannot wait for; recordings are
// cleaned with it afterwards (analyze-recording.ts). Live, each beat is judged against the
// recent past only, with Kubios' threshold-based rule at its "medium" level: an interval
// deviating from the local median by more than 0.25 s at 60 bpm (25 % of the median, since
// Kubios scales the threshold with heart rate) is an artefact.
import { isPlausibleRr } from './rr-range.ts';
import { SortedWindow } from './rolling-quantile.ts';

export const LIVE_MEDIAN_BEATS = 11;
export const LIVE_THRESHOLD_FRACTION = 0.25;
/** Below this many plausible beats there is no local median yet: beats pass unjudged. */
const WARM_UP_BEATS = 3;

export type LiveBeatVerdict =
  /** Passed unchanged. */
  | 'accepted'
  /** Outside 300–2000 ms: dropped. */
  | 'out-of-range'
  /** About twice the median: split into two halves (a beat the sensor missed). */
  | 'split'
  /** Replaced by the local median. */
  | 'replaced';

export type LiveBeatFilter = {
  /**
   * Judges one RR interval. Writes the NN intervals to emit (0, 1 or 2) into `out` and returns
   * how many, so the hot path allocates nothing.
   */
  push(rrMs: number, out: Float64Array): { count: number; verdict: LiveBeatVerdict };
  reset(): void;
};

export function createLiveBeatFilter(): LiveBeatFilter {
  // The median history holds the raw plausible intervals, not the corrected ones: after a
  // genuine step change in heart rate the median follows within a few beats, instead of
  // replacing every new beat by the old level forever.
  const sorted = new SortedWindow(LIVE_MEDIAN_BEATS);
  const history = new Float64Array(LIVE_MEDIAN_BEATS);
  let historyCount = 0;
  let historyNext = 0;
  const result = { count: 0, verdict: 'accepted' as LiveBeatVerdict };

  const remember = (rrMs: number): void => {
    if (historyCount === LIVE_MEDIAN_BEATS) sorted.remove(history[historyNext]!);
    else historyCount++;
    history[historyNext] = rrMs;
    sorted.insert(rrMs);
    historyNext = (historyNext + 1) % LIVE_MEDIAN_BEATS;
  };

  return {
    push(rrMs, out) {
      if (!isPlausibleRr(rrMs)) {
        result.count = 0;
        result.verdict = 'out-of-range';
        return result;
      }
      if (historyCount < WARM_UP_BEATS) {
        remember(rrMs);
        out[0] = rrMs;
        result.count = 1;
        result.verdict = 'accepted';
        return result;
      }
      const median = sorted.quantile(0.5);
      const thresholdMs = LIVE_THRESHOLD_FRACTION * median;
      remember(rrMs);
      if (Math.abs(rrMs - median) <= thresholdMs) {
        out[0] = rrMs;
        result.count = 1;
        result.verdict = 'accepted';
      } else if (rrMs > median && Math.abs(rrMs / 2 - median) <= thresholdMs) {
        out[0] = rrMs / 2;
        out[1] = rrMs / 2;
        result.count = 2;
        result.verdict = 'split';
      } else {
        out[0] = median;
        result.count = 1;
        result.verdict = 'replaced';
      }
      return result;
    },
    reset() {
      sorted.clear();
      historyCount = 0;
      historyNext = 0;
    },
  };
}

export type LiveCleanedBeat = { readonly tMs: number; readonly nnMs: number };

/**
 * The live filter folded over a whole beat list: what the streaming analyser sees, as a
 * batch function (for tests and for replaying a session). A split beat's first half ends
 * halfway through the original interval, its second half at the original beat time.
 */
export function liveCleanBeats(beats: readonly { tMs: number; rrMs: number }[]): {
  beats: LiveCleanedBeat[];
  corrected: number;
  outOfRange: number;
} {
  const filter = createLiveBeatFilter();
  const out = new Float64Array(2);
  const cleaned: LiveCleanedBeat[] = [];
  let corrected = 0;
  let outOfRange = 0;
  let lastTMs = -Infinity;
  for (const beat of beats) {
    const { count, verdict } = filter.push(beat.rrMs, out);
    if (verdict === 'out-of-range') outOfRange++;
    if (verdict !== 'accepted') corrected++;
    const stampedMs = Number.isFinite(beat.tMs) ? beat.tMs : (Number.isFinite(lastTMs) ? lastTMs : 0) + beat.rrMs;
    const tMs = Math.max(stampedMs, lastTMs);
    if (count === 2) {
      cleaned.push({ tMs: Math.max(tMs - out[1]!, lastTMs), nnMs: out[0]! }, { tMs, nnMs: out[1]! });
    } else if (count === 1) {
      cleaned.push({ tMs, nnMs: out[0]! });
    }
    if (count > 0) lastTMs = tMs;
  }
  return { beats: cleaned, corrected, outOfRange };
}
