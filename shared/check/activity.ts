// What the shell says about a check that is running while the user is elsewhere (another
// screen, or the window title in the task bar): which part of it, for how long, and the
// figure that matters there. Pure, so the words and their conditions are tested without a window.
import { ACTIVITY_WORDS as WORDS } from '../content/check-steps-copy.ts';
import type { RegulationState } from '../signal/regulation-rules.ts';
import type { FlowState } from './check-flow-types.ts';

export type RunningActivity = {
  readonly kind: 'check' | 'conversation' | 'break';
  /** Short enough for a window title: "In conversation". */
  readonly title: string;
  /** Seconds in this part so far (the conversation counts from its start, breaks included). */
  readonly elapsedSec: number;
  /** For a break: when the user planned to come back (ms). */
  readonly returnAtMs: number | null;
  /** The body state now, when the check has one. */
  readonly state: RegulationState | null;
};

/** The running part of a check, or null when none runs (not started, finished, or a finished resting reading). */
export function runningActivity(flow: FlowState | null, nowMs: number): RunningActivity | null {
  if (flow === null || flow.startedAtMs === null) return null;
  const { step } = flow;
  const state = flow.last?.receiving === true && flow.last.contact !== 'no' ? flow.last.state : null;
  switch (step.name) {
    case 'idle':
    case 'finished':
    case 'calibrated':
      return null;
    case 'conversation':
      return { kind: 'conversation', title: WORDS.conversation, elapsedSec: (nowMs - step.sinceMs) / 1000, returnAtMs: null, state };
    case 'break':
      return { kind: 'break', title: WORDS.break, elapsedSec: (nowMs - step.sinceMs) / 1000, returnAtMs: step.returnAtMs, state };
    default:
      return {
        kind: 'check',
        title: flow.mode === 'calibration' ? WORDS.restingReading : WORDS.check,
        elapsedSec: (nowMs - flow.startedAtMs) / 1000,
        returnAtMs: null,
        state,
      };
  }
}
