import { coherenceBand, type CoherenceBand, type SignalSample } from '../../../shared/check/live-check.ts';

// What the closing lines of a Breathe session say about the heart, from the live samples it
// showed (one a second): the heart rate over the first and the last 15 seconds of breathing,
// and the coherence band shown most of the time. Heart rates come from the samples' running
// sums of cleaned beats (mean over a stretch = Δsum / Δcount), so they are the figures the
// live view was built from, not a second analysis. Paused seconds are left out. Pure.

/** Seconds at each end the start and end heart rates are averaged over. */
export const EDGE_SEC = 15;
/** Fewer cleaned beats than this in a stretch give no heart rate for it. */
const MIN_BEATS = 5;
/** The band is named only after this many samples had one (coherence needs about a minute of beats first). */
const MIN_BANDED_SAMPLES = 10;

export type HeartSummary = {
  readonly startHrBpm: number | null;
  readonly endHrBpm: number | null;
  /** Over all the breathing: said instead when the session was too short for a start and an end. */
  readonly meanHrBpm: number | null;
  readonly band: CoherenceBand | null;
};

export type BreathTally = {
  /** A live sample taken while the pacer ran (not paused); `breathedMs` is the breathing time so far. */
  add(sample: SignalSample, breathedMs: number): void;
  summary(): HeartSummary;
};

type Point = { breathedMs: number; hrSum: number; hrCount: number };

export function createBreathTally(): BreathTally {
  const points: Point[] = [];
  const bands: Record<CoherenceBand, number> = { low: 0, medium: 0, high: 0 };
  return {
    add(sample, breathedMs) {
      points.push({ breathedMs, hrSum: sample.hrSum, hrCount: sample.hrCount });
      if (sample.receiving && sample.coherenceNormalized !== null) bands[coherenceBand(sample.coherenceNormalized)]++;
    },
    summary() {
      const first = points[0];
      const last = points[points.length - 1];
      if (first === undefined || last === undefined) return { startHrBpm: null, endHrBpm: null, meanHrBpm: null, band: null };
      const span = last.breathedMs - first.breathedMs;
      const mean = (from: Point, to: Point) => (to.hrCount - from.hrCount >= MIN_BEATS ? (to.hrSum - from.hrSum) / (to.hrCount - from.hrCount) : null);
      const zero: Point = { breathedMs: first.breathedMs, hrSum: 0, hrCount: 0 };
      // The start and end stretches must not overlap, or they would say the same thing twice.
      const twoEnds = span >= 2 * EDGE_SEC * 1000;
      const startEnd = points.find((p) => p.breathedMs - first.breathedMs >= EDGE_SEC * 1000) ?? last;
      const endStart = [...points].reverse().find((p) => last.breathedMs - p.breathedMs >= EDGE_SEC * 1000) ?? zero;
      return {
        startHrBpm: twoEnds ? mean(zero, startEnd) : null,
        endHrBpm: twoEnds ? mean(endStart, last) : null,
        meanHrBpm: mean(zero, last),
        band: mostOften(bands),
      };
    },
  };
}

function mostOften(bands: Record<CoherenceBand, number>): CoherenceBand | null {
  const total = bands.low + bands.medium + bands.high;
  if (total < MIN_BANDED_SAMPLES) return null;
  // A tie goes to the gentler middle word.
  const order: CoherenceBand[] = ['medium', 'high', 'low'];
  return order.reduce((best, band) => (bands[band] > bands[best] ? band : best), 'medium');
}
