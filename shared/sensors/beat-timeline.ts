// Gives each RR interval the time its beat ended. Packets arrive about once a second, but
// arrival times are not beat times (signal.md): within a run of packets, beat times follow
// from cumulative RR, which keeps the rhythm exact however late a notification is delivered.
// The timeline is anchored to the clock at the first packet, and again whenever the
// cumulative time falls more than GAP_TOLERANCE_MS behind the arrival time: beats were lost
// (a disconnect, a radio drop-out), and the gap is reported instead of being papered over.

import { GAP_TOLERANCE_MS } from '../signal/gaps.ts';

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


export function createBeatTimeline(): BeatTimeline {
  let lastBeatTMs: number | null = null;

  return {
    place(rrMs, arrivalMs) {
      if (rrMs.length === 0) return { beats: [], gap: null };
      const total = rrMs.reduce((sum, rr) => sum + rr, 0);
      let gap: BeatGap | null = null;
      let startMs: number;
      if (lastBeatTMs === null) {
        startMs = arrivalMs - total;
      } else if (arrivalMs - (lastBeatTMs + total) > GAP_TOLERANCE_MS) {
        startMs = arrivalMs - total;
        gap = { fromMs: lastBeatTMs, toMs: startMs };
      } else {
        // Cumulative: never earlier than the previous beat, even if the strap's clock runs
        // a little fast against ours.
        startMs = lastBeatTMs;
      }
      const beats: TimedBeat[] = [];
      let tMs = startMs;
      for (const rr of rrMs) {
        tMs += rr;
        beats.push({ tMs, rrMs: rr });
      }
      lastBeatTMs = tMs;
      return { beats, gap };
    },
    lastBeatTMs: () => lastBeatTMs,
  };
}
