// Gives each RR interval the time its beat ended. Packets arrive about once a second, but
// arrival times are not beat times (signal.md): within a run of packets, beat times follow
// from cumulative RR, which keeps the rhythm exact however late a notification is delivered.
//
// The clock of arrival keeps the cumulative time honest in both directions, with the same
// tolerance as the gap finder (GAP_TOLERANCE_MS):
// - Behind: when the cumulative time falls more than the tolerance behind the arrival time,
//   beats were lost (a disconnect, a radio drop-out). The timeline re-anchors to the arrival
//   and reports the gap instead of papering over it.
// - Ahead: a beat cannot end after the packet carrying it arrived. When the cumulative time
//   runs more than the tolerance ahead of the arrival time, an interval was wrong (a strap
//   that lost skin contact may send tens of seconds), and the timeline re-anchors to the
//   arrival too. Left ahead, every later beat would be stamped in the future, so a real
//   drop-out afterwards would look covered: no gap, and "signal lost" shown that much later.
// A value that cannot be an interval at all (isPossibleInterval: over 60 s, 0, 0xFFFF "no
// value" markers) covers no time, as in the batch gap finder, so it hides no gap either.

import { GAP_TOLERANCE_MS } from '../signal/gaps.ts';
import { isPossibleInterval } from '../signal/rr-range.ts';

export type TimedBeat = { readonly tMs: number; readonly rrMs: number };

export type BeatGap = {
  /** End of the last beat before the gap. */
  readonly fromMs: number;
  /** Start of the first beat after it (its end minus its RR). */
  readonly toMs: number;
};

export type PlacedBeats = { beats: TimedBeat[]; gap: BeatGap | null };

export type BeatTimeline = {
  place(rrMs: readonly number[], arrivalMs: number): PlacedBeats;
  lastBeatTMs(): number | null;
};

/** The time an interval moves the timeline on. */
function coveredMs(rrMs: number): number {
  return isPossibleInterval(rrMs) ? rrMs : 0;
}

export function createBeatTimeline(): BeatTimeline {
  let lastBeatTMs: number | null = null;

  return {
    place(rrMs, arrivalMs) {
      if (rrMs.length === 0) return { beats: [], gap: null };
      let totalMs = 0;
      for (const rr of rrMs) totalMs += coveredMs(rr);
      let gap: BeatGap | null = null;
      // Where the packet's first beat starts; its last beat then ends at startMs + totalMs.
      let startMs: number;
      if (lastBeatTMs === null) {
        startMs = arrivalMs - totalMs;
      } else {
        const cumulativeEndMs = lastBeatTMs + totalMs;
        if (arrivalMs - cumulativeEndMs > GAP_TOLERANCE_MS) {
          startMs = arrivalMs - totalMs;
          gap = { fromMs: lastBeatTMs, toMs: startMs };
        } else if (cumulativeEndMs - arrivalMs > GAP_TOLERANCE_MS) {
          startMs = arrivalMs - totalMs;
        } else {
          startMs = lastBeatTMs;
        }
      }
      // Never earlier than the previous beat: after re-anchoring ahead, the beats before the
      // wrong interval would otherwise land before beats already placed. Such a beat is held
      // at the previous one's time; beats arrive in order even when their timing is unknown.
      const floorMs = lastBeatTMs ?? -Infinity;
      const beats: TimedBeat[] = [];
      let cumulativeMs = startMs;
      for (const rr of rrMs) {
        cumulativeMs += coveredMs(rr);
        beats.push({ tMs: Math.max(floorMs, cumulativeMs), rrMs: rr });
      }
      lastBeatTMs = Math.max(floorMs, cumulativeMs);
      return { beats, gap };
    },
    lastBeatTMs: () => lastBeatTMs,
  };
}
