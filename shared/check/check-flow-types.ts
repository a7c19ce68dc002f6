// The regulation check's vocabulary: its steps, the state the flow keeps, the events it
// takes and the effects it asks for, and the durations that shape it. The transitions are in
// check-flow.ts; the step components and the controller read these types.

import type { PhaseMarker } from '../model/session.ts';
import type { RegulationState } from '../signal/regulation-rules.ts';
import type { Verdict } from '../signal/verdict.ts';
import type { CheckFeeling } from './feeling.ts';
import type { SignalSample } from './live-check.ts';

export type CheckMode = 'check' | 'calibration';

export const SIGNAL_CHECK_CLEAN_SEC = 15;
export const READING_SEC = 60;
/** Beats missing this long in the signal check: say the strap seems loose or off. */
export const NO_BEATS_HINT_MS = 8_000;
/** During the conversation, one flooding cue per this long at most. */
export const FLOOD_CUE_REPEAT_MS = 10 * 60_000;
/**
 * Grounding for a stirred-up body ('settle': the flooded and elevated path) or for going quiet
 * ('shutdown': back into the room and the body before any breathing).
 */
export type GroundingKind = 'settle' | 'shutdown';
/** How many cues each grounding has (shared/content/check-copy.ts holds them, in this number). */
export const GROUNDING_CUE_COUNTS: Readonly<Record<GroundingKind, number>> = { settle: 4, shutdown: 5 };
/**
 * How long the strap may say it is off the skin during the reading or the breathing before
 * the check pauses for it. A strap's contact bit flickers for a moment when the wearer shifts
 * or breathes deeply; a strap that has slipped keeps saying so.
 */
export const CONTACT_LOSS_GRACE_MS = 3_000;

/**
 * 'no-contact': the strap itself says its electrodes are not touching the skin. (A sensor
 * that sends heart rate only is not a problem: the check runs on its heart rate.)
 */
export type SignalProblem = 'no-contact' | 'no-beats' | 'noisy';

export type SignalLossCause = 'no-beats' | 'no-contact';

/** The running counts at the start of a phase, so the phase's own figures are differences. */
export type Mark = { readonly received: number; readonly corrected: number; readonly analysedSec: number; readonly hrSum: number; readonly hrCount: number };

export type ReadingResult = {
  /** null for a calibration (no baseline to judge against yet). */
  readonly state: RegulationState | null;
  readonly meanHrBpm: number | null;
  readonly liveHrBpm: number | null;
  readonly rmssdMs: number | null;
  readonly baselineHrBpm: number | null;
  readonly correctedPercent: number;
};

/** Steps the user can be interrupted in by a lost strap, and resume. */
export type ResumableStep =
  | { readonly name: 'reading'; readonly sinceMs: number; readonly mark: Mark }
  | { readonly name: 'breathing'; readonly sinceMs: number; readonly pausedAtMs: number | null; readonly pausedMs: number; readonly verdictMark: Mark };

/** The conversation itself: it survives the breaks taken during it, which it counts. */
export type ConversationStep = {
  readonly name: 'conversation';
  readonly sinceMs: number;
  readonly lastCueAtMs: number | null;
  readonly cues: number;
  readonly breaks: number;
};

export type Step =
  | { readonly name: 'idle' }
  | { readonly name: 'signal-check'; readonly sinceMs: number; readonly problem: SignalProblem | null }
  | ResumableStep
  /** A resting reading asked for while the heart is clearly up (RESTING_HR_CEILING_BPM): not taken. */
  | { readonly name: 'too-stirred'; readonly hrBpm: number }
  | { readonly name: 'result'; readonly reading: ReadingResult }
  | { readonly name: 'calibrated'; readonly reading: ReadingResult }
  | { readonly name: 'grounding'; readonly kind: GroundingKind; readonly cue: number }
  | { readonly name: 'verdict'; readonly verdict: Verdict }
  | {
      readonly name: 'break';
      readonly sinceMs: number;
      readonly returnAtMs: number;
      /** The answer to the last "ready to return?" press. */
      readonly returnCheck: 'none' | 'too-soon' | 'not-calm-yet' | 'no-reading';
      /** The conversation the break was asked for in, to go back to; null for a break the verdict led to. */
      readonly conversation: ConversationStep | null;
    }
  | { readonly name: 'intention' }
  | ConversationStep
  | { readonly name: 'debrief' }
  | {
      readonly name: 'signal-lost';
      readonly lostAtMs: number;
      readonly interrupted: ResumableStep;
      /** Why: the beats stopped, or the strap said it is no longer touching the skin. */
      readonly cause: SignalLossCause;
    }
  | { readonly name: 'finished'; readonly outcome: 'completed' | 'cancelled' };

export type StepName = Step['name'];

export type FlowState = {
  readonly mode: CheckMode;
  /** Clock time the session started; markers are relative to it. */
  readonly startedAtMs: number | null;
  readonly baselineHrBpm: number | null;
  readonly step: Step;
  /** The latest sample: the verdict and the return check read it. */
  readonly last: SignalSample | null;
  /** Mark at the start of the reading: the verdict's data span starts here. */
  readonly readingMark: Mark | null;
  readonly reading: ReadingResult | null;
  readonly verdict: Verdict | null;
  readonly breathingLabel: string;
  /** The answer to "how does it feel inside?" at the result; null until (unless) it is given. */
  readonly feeling: CheckFeeling | null;
  readonly interruptions: number;
  /** The debrief's journal entry and how the conversation went (1–7), once it is saved; null when skipped or not reached. */
  readonly debrief: { readonly entryId: string; readonly pleasantness: number | null } | null;
  /** Since when the strap has said, without a break, that it is off the skin; null while it has not. */
  readonly offSkinSinceMs: number | null;
  /** The sensor sends heart rate only: the check runs on beats derived from it (shared/sensors/heart-rate-beats.ts), marked once in the session. */
  readonly heartRateOnly: boolean;
  /** The most corrected beats a verdict accepts, percent (the user's setting). */
  readonly maxCorrectedPercent: number;
};

export type FlowEvent =
  | { readonly type: 'start'; readonly atMs: number }
  | { readonly type: 'sample'; readonly sample: SignalSample }
  | { readonly type: 'continue'; readonly atMs: number }
  /** The one-tap answer at the result (it may be changed there, before moving on). */
  | { readonly type: 'feel'; readonly atMs: number; readonly feeling: CheckFeeling }
  | { readonly type: 'skip-to-verdict'; readonly atMs: number }
  | { readonly type: 'pause'; readonly atMs: number }
  | { readonly type: 'resume'; readonly atMs: number }
  | { readonly type: 'finish-breathing'; readonly atMs: number }
  | { readonly type: 'breathe-more'; readonly atMs: number }
  | { readonly type: 'take-break'; readonly atMs: number; readonly returnAtMs?: number }
  | { readonly type: 'set-return'; readonly atMs: number; readonly returnAtMs: number }
  | { readonly type: 'check-return'; readonly atMs: number }
  | { readonly type: 'start-conversation'; readonly atMs: number }
  /** "I need a break" during the conversation. */
  | { readonly type: 'need-break'; readonly atMs: number; readonly returnAtMs?: number }
  | { readonly type: 'end-conversation'; readonly atMs: number }
  /** The debrief saved (the entry's id and the answer on the scale) or skipped (neither). */
  | { readonly type: 'debrief-done'; readonly atMs: number; readonly entryId?: string; readonly pleasantness?: number | null }
  | { readonly type: 'retry'; readonly atMs: number }
  | { readonly type: 'resume-after-loss'; readonly atMs: number }
  | { readonly type: 'cancel'; readonly atMs: number };

export type Effect =
  | { readonly type: 'start-session'; readonly mode: CheckMode; readonly baselineHrBpm: number | null }
  | { readonly type: 'marker'; readonly marker: PhaseMarker }
  | { readonly type: 'finish-session'; readonly outcome: 'completed' | 'cancelled'; readonly baselineHrBpm?: number | null }
  | { readonly type: 'busy'; readonly activity: 'check' | 'conversation'; readonly busy: boolean }
  | { readonly type: 'follow-breathing'; readonly startMs: number | null }
  | { readonly type: 'start-break'; readonly minutes: number }
  | { readonly type: 'end-break' }
  | { readonly type: 'flood-cue' };

export type Transition = { readonly state: FlowState; readonly effects: readonly Effect[] };
