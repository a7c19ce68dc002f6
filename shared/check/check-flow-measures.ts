// Figures the check's flow reads from the live samples: the counts at the start of a phase
// (a mark), the span since a mark, how long the breathing has run and what is wrong with the
// signal, if anything.

import { MAX_CORRECTED_PERCENT } from '../signal/verdict.ts';
import { NO_BEATS_HINT_MS, type Mark, type SignalProblem, type Step } from './check-flow-types.ts';
import type { SignalSample } from './live-check.ts';

export function markOf(sample: SignalSample | null): Mark {
  if (sample === null) return { received: 0, corrected: 0, analysedSec: 0, hrSum: 0, hrCount: 0 };
  return { received: sample.received, corrected: sample.corrected, analysedSec: sample.analysedSec, hrSum: sample.hrSum, hrCount: sample.hrCount };
}

/** The figures of the span since `mark`, from the latest sample. */
export function spanSince(mark: Mark, sample: SignalSample | null): { durationSec: number; correctedPercent: number; meanHrBpm: number | null } {
  const now = markOf(sample);
  const received = now.received - mark.received;
  const count = now.hrCount - mark.hrCount;
  return {
    durationSec: Math.max(0, now.analysedSec - mark.analysedSec),
    correctedPercent: received > 0 ? (100 * (now.corrected - mark.corrected)) / received : 0,
    meanHrBpm: count > 0 ? (now.hrSum - mark.hrSum) / count : null,
  };
}

/** How long the breathing has run, pauses excluded. */
export function breathingElapsedMs(step: Extract<Step, { name: 'breathing' }>, nowMs: number): number {
  const pausedNow = step.pausedAtMs === null ? 0 : nowMs - step.pausedAtMs;
  return Math.max(0, nowMs - step.sinceMs - step.pausedMs - pausedNow);
}

export function signalProblem(sample: SignalSample, sinceMs: number): SignalProblem | null {
  // At once, not after a wait like 'no-beats': the strap has said so, and the fix (moisten,
  // tighten) is the user's to make. First, because a strap off the skin explains the rest.
  if (sample.contact === 'no') return 'no-contact';
  if (!sample.receiving) return sample.atMs - sinceMs >= NO_BEATS_HINT_MS ? 'no-beats' : null;
  if (sample.recentCorrectedPercent > MAX_CORRECTED_PERCENT * 2) return 'noisy';
  return null;
}
