import type { FloodedLineRule } from '../signal/regulation-rules.ts';
import { isFloodingEpisode } from './aggregate.ts';
import type { TrendSession } from './timeline.ts';

// When Attune mentions, once and calmly, that a couples counsellor can help: after the body
// has flooded in several checks of the last two weeks. A flooded check is what Trends counts
// as a flooding episode (one home for that rule, aggregate.ts); only checks count, since a
// check is the conversation with the partner, where the article points to outside help.

export const REPEATED_FLOODING = {
  /** How far back to look, days before now. */
  windowDays: 14,
  /** Flooded checks within the window that make it "repeated". */
  minFloodedChecks: 3,
} as const;

const DAY_MS = 86_400_000;

/**
 * True when at least `minFloodedChecks` checks started within the last `windowDays` before
 * `nowMs` were flooding episodes. `floodedNow`: the check still running (not among the
 * finished `sessions` yet) flooded too, so it counts as one more.
 */
export function floodedRepeatedly(sessions: readonly TrendSession[], nowMs: number, rule: FloodedLineRule, floodedNow = false): boolean {
  const sinceMs = nowMs - REPEATED_FLOODING.windowDays * DAY_MS;
  let flooded = floodedNow ? 1 : 0;
  if (flooded >= REPEATED_FLOODING.minFloodedChecks) return true;
  for (const session of sessions) {
    if (session.kind !== 'check' || session.startedAtMs < sinceMs || session.startedAtMs > nowMs) continue;
    if (isFloodingEpisode(session, rule)) flooded += 1;
    if (flooded >= REPEATED_FLOODING.minFloodedChecks) return true;
  }
  return false;
}
