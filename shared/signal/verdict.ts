// The regulation check's verdict, with its reason in plain, warm, second-person words.
// Never a medical claim: the thresholds are rules of thumb, and the copy says what we saw.
import { BREAK_MIN_MINUTES } from '../check/break-bounds.ts';
import type { RegulationState } from './regulation-rules.ts';

export type VerdictKind = 'ready' | 'breathe-more' | 'take-a-break' | 'signal-too-noisy';
export type Verdict = { readonly kind: VerdictKind; readonly reason: string };

/** A verdict needs at least this much analysed data… */
export const MIN_VERDICT_DATA_SEC = 60;
/** …with at most this share of corrected beats (signal.md). */
export const MAX_CORRECTED_PERCENT = 5;

export type VerdictInput = {
  /** Seconds of beats analysed in the reading. */
  readonly durationSec: number;
  /** Share of beats the artefact correction changed, percent. */
  readonly correctedPercent: number;
  /** False when the sensor sends heart rate without RR intervals (many optical sensors). */
  readonly sensorSendsRr: boolean;
  /** The state the sustain rules reached at the end of the reading; null if none yet. */
  readonly state: RegulationState | null;
  /** The user's limit on corrected beats (a setting); signal.md's 5 % when not given. */
  readonly maxCorrectedPercent?: number;
};

/** Said with every verdict reached on heart rate alone, so the user knows what it rests on. */
export const HEART_RATE_ONLY_BASIS =
  'This comes from your heart rate alone: your sensor does not send the time between beats, so the finer signs of settling are not part of it. A chest strap sends both.';

export function decideVerdict(input: VerdictInput): Verdict {
  const verdict = verdictOnHeartRules(input);
  // The calm and flooded rules use heart rate only, so a sensor without beat intervals still
  // gets a verdict; it says what it was based on.
  if (input.sensorSendsRr || verdict.kind === 'signal-too-noisy') return verdict;
  return { kind: verdict.kind, reason: `${verdict.reason} ${HEART_RATE_ONLY_BASIS}` };
}

function verdictOnHeartRules(input: VerdictInput): Verdict {
  if (!(input.durationSec >= MIN_VERDICT_DATA_SEC)) {
    return {
      kind: 'signal-too-noisy',
      reason:
        `We only got ${Math.max(0, Math.floor(input.durationSec))} seconds of clean beats, and a verdict needs ${MIN_VERDICT_DATA_SEC}. ` +
        'The strap may have slipped or lost contact: moisten the electrodes, snug it up and try again.',
    };
  }
  const maxCorrectedPercent = input.maxCorrectedPercent ?? MAX_CORRECTED_PERCENT;
  if (!(input.correctedPercent <= maxCorrectedPercent)) {
    return {
      kind: 'signal-too-noisy',
      reason:
        `${Math.round(input.correctedPercent)} % of your beats had to be corrected, more than the ${maxCorrectedPercent} % a fair reading allows. ` +
        'That usually means a loose or dry strap: moisten the electrodes, tighten it a little and try again.',
    };
  }
  switch (input.state) {
    case 'calm':
      return {
        kind: 'ready',
        reason: 'Your heart rate has stayed close to your resting level. You seem settled enough to go into this conversation.',
      };
    case 'flooded':
      return {
        kind: 'take-a-break',
        reason:
          `Your heart rate has stayed well above your resting level for a while. Taking at least ${BREAK_MIN_MINUTES} minutes for yourself ` +
          'first usually makes the conversation go better; you can come back when you feel settled.',
      };
    default:
      return {
        kind: 'breathe-more',
        reason:
          'Your heart rate is still a little above your resting level. A few more minutes of slow breathing, ' +
          'with long easy exhales, can help you settle before you start.',
      };
  }
}
