// The regulation check as a pure state machine: `step(state, event) → { state, effects }`
// (its types in check-flow-types.ts, the figures it reads in check-flow-measures.ts).
// Over 300 lines on purpose: the transitions stay in one switch, so the check's order reads
// from top to bottom in one place.
// React renders the state and carries out the effects (recording markers, starting the
// session, telling main a check is in progress, the break reminder, the pacer's rhythm for
// the demo sensor, the flooding cue). Time comes in with the events (`atMs` from the
// injected clock), so every transition is testable without waiting.
//
// The sequence (issue 6): signal check (≥ 15 s of clean beats, and never while the strap
// says it is off the skin) → 60 s reading against the baseline → result in words, with the
// one-tap "how does it feel inside?" (issue 19; feeling.ts combines it with the heart) →
// grounding cues (for a stirred-up body, or for shutting down) → paced breathing → verdict
// → ready (intention card, then the conversation and a debrief) | breathe more | a break
// (≥ 20 min, then a "ready to return?" check that needs calm) | signal too noisy (why, and
// try again). During the conversation "I need a break" pauses it for a break of the same
// kind, which goes back to the same conversation (as many times as needed, each marked in
// the session) or ends it.
// A calibration (first run) is the signal check and the reading only; its mean heart rate
// and RMSSD become a resting reading for the baseline.
//
// A strap lost during the reading or the breathing moves to `signal-lost`: everything
// recorded is kept (the session stays open) and the user can resume once beats are back.
// So does a strap that keeps saying it is off the skin (CONTACT_LOSS_GRACE_MS): a slipped
// strap often goes on sending beats, and they are not the wearer's.
import { FLOOD_CUE_LABEL, type PhaseMarker } from '../model/session.ts';
import { HEART_RATE_ONLY_LABEL } from '../sensors/heart-rate-beats.ts';
import { RESTING_HR_CEILING_BPM } from './resting-readings.ts';
import { decideVerdict, MAX_CORRECTED_PERCENT, type Verdict } from '../signal/verdict.ts';
import { BREAK_MIN_MS, clampReturnTime } from './break-bounds.ts';
import { breathingElapsedMs, markOf, signalProblem, spanSince } from './check-flow-measures.ts';
import {
  CONTACT_LOSS_GRACE_MS,
  FLOOD_CUE_REPEAT_MS,
  GROUNDING_CUE_COUNTS,
  READING_SEC,
  SIGNAL_CHECK_CLEAN_SEC,
  type CheckMode,
  type ConversationStep,
  type Effect,
  type FlowEvent,
  type FlowState,
  type ReadingResult,
  type ResumableStep,
  type SignalLossCause,
  type Step,
  type Transition,
} from './check-flow-types.ts';
import { feelingMarkerLabel, routeCheck } from './feeling.ts';
import type { SignalSample } from './live-check.ts';

export function initialFlow(
  mode: CheckMode,
  baselineHrBpm: number | null,
  breathingLabel: string,
  maxCorrectedPercent: number = MAX_CORRECTED_PERCENT,
): FlowState {
  return {
    mode,
    startedAtMs: null,
    baselineHrBpm,
    step: { name: 'idle' },
    last: null,
    readingMark: null,
    reading: null,
    verdict: null,
    breathingLabel,
    feeling: null,
    interruptions: 0,
    offSkinSinceMs: null,
    debrief: null,
    heartRateOnly: false,
    maxCorrectedPercent,
  };
}

export function step(state: FlowState, event: FlowEvent): Transition {
  // The first sample saying the sensor sends heart rate only is noted in the session once:
  // its beats from then on are derived from the heart rate, and no variability is read from them.
  if (event.type === 'sample' && event.sample.rrSupport === 'none' && !state.heartRateOnly && state.startedAtMs !== null && state.step.name !== 'finished') {
    const noted = stepOnce({ ...state, heartRateOnly: true }, event);
    const tMs = Math.max(0, event.sample.atMs - state.startedAtMs);
    return { state: noted.state, effects: [{ type: 'marker', marker: { tMs, phase: 'note', edge: 'point', label: HEART_RATE_ONLY_LABEL } }, ...noted.effects] };
  }
  return stepOnce(state, event);
}

function stepOnce(state: FlowState, event: FlowEvent): Transition {
  const effects: Effect[] = [];
  const at = event.type === 'sample' ? event.sample.atMs : event.atMs;
  const rel = (): number => Math.max(0, at - (state.startedAtMs ?? at));
  const marker = (phase: PhaseMarker['phase'], edge: PhaseMarker['edge'], extra: Partial<Pick<PhaseMarker, 'label' | 'verdict'>> = {}): void => {
    effects.push({ type: 'marker', marker: { tMs: rel(), phase, edge, ...extra } });
  };
  const to = (next: Step, patch: Partial<FlowState> = {}): Transition => ({ state: { ...state, ...patch, step: next }, effects });
  const stay = (patch: Partial<FlowState> = {}): Transition => ({ state: { ...state, ...patch }, effects });
  const current = state.step;

  // Cancel works everywhere before the end; what was recorded is kept.
  if (event.type === 'cancel') {
    if (current.name === 'idle' || current.name === 'finished') return stay();
    closePhase(current, marker, effects);
    marker('note', 'point', { label: 'cancelled' });
    effects.push({ type: 'finish-session', outcome: 'cancelled' });
    effects.push({ type: 'busy', activity: current.name === 'conversation' ? 'conversation' : 'check', busy: false });
    return to({ name: 'finished', outcome: 'cancelled' });
  }

  const last = event.type === 'sample' ? event.sample : state.last;
  const withSample = event.type === 'sample' ? { last } : {};

  switch (current.name) {
    case 'idle': {
      if (event.type !== 'start') return stay(withSample);
      const started: FlowState = { ...state, startedAtMs: event.atMs };
      effects.push({ type: 'start-session', mode: state.mode, baselineHrBpm: state.baselineHrBpm });
      effects.push({ type: 'busy', activity: 'check', busy: true });
      effects.push({ type: 'marker', marker: { tMs: 0, phase: 'signal-check', edge: 'start' } });
      return { state: { ...started, step: { name: 'signal-check', sinceMs: event.atMs, problem: null } }, effects };
    }

    case 'signal-check': {
      if (event.type !== 'sample') return stay();
      const sample = event.sample;
      // Never while the strap says it is off the skin, however clean its beats look.
      const ready = sample.contact !== 'no' && sample.receiving && sample.cleanRunSec >= SIGNAL_CHECK_CLEAN_SEC;
      if (ready && state.mode === 'calibration' && sample.liveHrBpm !== null && sample.liveHrBpm >= RESTING_HR_CEILING_BPM) {
        // Not a resting moment: a minute of reading now would only end in the same answer.
        marker('signal-check', 'end');
        return tooStirred(sample.liveHrBpm, marker, to, sample);
      }
      if (ready) {
        marker('signal-check', 'end');
        marker('reading', 'start');
        const mark = markOf(sample);
        return to({ name: 'reading', sinceMs: sample.atMs, mark }, { last: sample, readingMark: mark });
      }
      return to({ ...current, problem: signalProblem(sample, current.sinceMs) }, { last: sample });
    }

    case 'reading': {
      if (event.type !== 'sample') return stay();
      const sample = event.sample;
      if (!sample.receiving) return lose(state, current, sample, 'no-beats', marker, effects);
      const offSkinSinceMs = offSkinSince(state, sample);
      if (offSkinSinceMs !== null) {
        // No verdict from beats the strap says are not the wearer's, however briefly.
        if (sample.atMs - offSkinSinceMs >= CONTACT_LOSS_GRACE_MS) return lose(state, current, sample, 'no-contact', marker, effects);
        return stay({ last: sample, offSkinSinceMs });
      }
      // A full minute of analysed beats (the verdict's minimum), not just a minute of clock.
      const span = spanSince(current.mark, sample);
      if (span.durationSec < READING_SEC) return stay({ last: sample, offSkinSinceMs: null });
      marker('reading', 'end');
      const noisy = decideVerdict({
        durationSec: span.durationSec,
        correctedPercent: span.correctedPercent,
        sensorSendsRr: sample.rrSupport !== 'none',
        state: sample.state,
        maxCorrectedPercent: state.maxCorrectedPercent,
      });
      if (noisy.kind === 'signal-too-noisy') {
        marker('verdict', 'point', { verdict: 'too-noisy' });
        return to({ name: 'verdict', verdict: noisy }, { last: sample, verdict: noisy });
      }
      const reading: ReadingResult = {
        state: state.mode === 'calibration' ? null : sample.state,
        meanHrBpm: span.meanHrBpm,
        liveHrBpm: sample.liveHrBpm,
        rmssdMs: sample.rmssdMs,
        baselineHrBpm: state.baselineHrBpm,
        correctedPercent: span.correctedPercent,
      };
      if (state.mode === 'calibration') {
        const hr = reading.meanHrBpm ?? reading.liveHrBpm;
        // The heart rose during the reading: it does not become the resting rate (resting-readings.ts drops it too).
        if (hr !== null && hr >= RESTING_HR_CEILING_BPM) return tooStirred(hr, marker, to, sample);
        // The calibration session itself is the resting reading: its summary feeds the baseline.
        effects.push({ type: 'finish-session', outcome: 'completed', baselineHrBpm: hr });
        effects.push({ type: 'busy', activity: 'check', busy: false });
        return to({ name: 'calibrated', reading }, { last: sample, reading });
      }
      return to({ name: 'result', reading }, { last: sample, reading });
    }

    case 'too-stirred': {
      if (event.type !== 'retry') return stay(withSample);
      marker('signal-check', 'start', { label: 'again' });
      return to({ name: 'signal-check', sinceMs: event.atMs, problem: null }, { readingMark: null });
    }

    case 'result': {
      if (event.type === 'feel') {
        marker('note', 'point', { label: feelingMarkerLabel(event.feeling) });
        return stay({ feeling: event.feeling });
      }
      if (event.type === 'continue') {
        // What the person said leads (feeling.ts); a shut-down person is grounded differently.
        const kind = routeCheck(state.feeling, current.reading.state ?? 'elevated').path === 'shutdown' ? 'shutdown' : 'settle';
        marker('grounding', 'start', kind === 'shutdown' ? { label: 'shutdown' } : {});
        return to({ name: 'grounding', kind, cue: 0 });
      }
      if (event.type === 'skip-to-verdict') return verdictNow(state, marker, effects);
      // Flooded already: the break can start straight away (breathing first stays on offer).
      if (event.type === 'take-break' && current.reading.state === 'flooded') {
        const verdict = verdictNow(state, marker, effects);
        return startBreak(verdict.state, event, marker, effects);
      }
      return stay(withSample);
    }

    case 'grounding': {
      const lastCue = current.cue + 1 >= GROUNDING_CUE_COUNTS[current.kind];
      // After the shutdown grounding, breathing is offered but not required: someone back in
      // the room with a calm heart may see whether they are ready.
      if (event.type === 'skip-to-verdict' && current.kind === 'shutdown' && lastCue) {
        marker('grounding', 'end');
        return verdictNow(state, marker, effects);
      }
      if (event.type !== 'continue') return stay(withSample);
      if (!lastCue) return to({ ...current, cue: current.cue + 1 });
      marker('grounding', 'end');
      return startBreathing(state, event.atMs, marker, effects);
    }

    case 'breathing': {
      switch (event.type) {
        case 'sample': {
          if (!event.sample.receiving) return lose(state, current, event.sample, 'no-beats', marker, effects);
          const offSkinSinceMs = offSkinSince(state, event.sample);
          if (offSkinSinceMs !== null && event.sample.atMs - offSkinSinceMs >= CONTACT_LOSS_GRACE_MS) {
            return lose(state, current, event.sample, 'no-contact', marker, effects);
          }
          return stay({ last: event.sample, offSkinSinceMs });
        }
        case 'pause':
          if (current.pausedAtMs !== null) return stay();
          marker('breathing', 'point', { label: 'paused' });
          effects.push({ type: 'follow-breathing', startMs: null });
          return to({ ...current, pausedAtMs: event.atMs });
        case 'resume': {
          if (current.pausedAtMs === null) return stay();
          marker('breathing', 'point', { label: 'resumed' });
          const resumed = { ...current, pausedMs: current.pausedMs + (event.atMs - current.pausedAtMs), pausedAtMs: null };
          effects.push({ type: 'follow-breathing', startMs: event.atMs - breathingElapsedMs(resumed, event.atMs) });
          return to(resumed);
        }
        case 'finish-breathing':
          marker('breathing', 'end');
          effects.push({ type: 'follow-breathing', startMs: null });
          return verdictNow(state, marker, effects);
        default:
          return stay();
      }
    }

    case 'verdict': {
      const kind = current.verdict.kind;
      if (event.type === 'continue' && kind === 'ready') {
        marker('conversation', 'point', { label: 'intention' });
        return to({ name: 'intention' });
      }
      if (event.type === 'breathe-more' && (kind === 'breathe-more' || kind === 'ready')) return startBreathing(state, event.atMs, marker, effects);
      if (event.type === 'take-break' && kind !== 'signal-too-noisy') return startBreak(state, event, marker, effects);
      if (event.type === 'retry' && kind === 'signal-too-noisy') {
        marker('signal-check', 'start', { label: 'again' });
        return to({ name: 'signal-check', sinceMs: event.atMs, problem: null }, { readingMark: null });
      }
      return stay(withSample);
    }

    case 'break': {
      switch (event.type) {
        case 'sample':
          return stay({ last: event.sample });
        case 'set-return': {
          const returnAtMs = clampReturnTime(current.sinceMs, event.returnAtMs);
          effects.push({ type: 'start-break', minutes: Math.max(20, Math.ceil((returnAtMs - event.atMs) / 60_000)) });
          marker('break', 'point', { label: 'return time set' });
          return to({ ...current, returnAtMs });
        }
        case 'check-return': {
          if (event.atMs - current.sinceMs < BREAK_MIN_MS) return to({ ...current, returnCheck: 'too-soon' });
          const sample = state.last;
          if (sample === null || !isBack(sample) || sample.state === null) return to({ ...current, returnCheck: 'no-reading' });
          if (sample.state !== 'calm') return to({ ...current, returnCheck: 'not-calm-yet' });
          marker('break', 'end');
          effects.push({ type: 'end-break' });
          if (current.conversation !== null) {
            // Back to the same conversation, in the same session: the one the break was asked for in.
            marker('conversation', 'start', { label: 'again' });
            effects.push({ type: 'busy', activity: 'check', busy: false });
            effects.push({ type: 'busy', activity: 'conversation', busy: true });
            return to({ ...current.conversation, breaks: current.conversation.breaks + 1 });
          }
          const ready: Verdict = decideVerdict({ durationSec: Number.POSITIVE_INFINITY, correctedPercent: 0, sensorSendsRr: true, state: 'calm' });
          marker('verdict', 'point', { verdict: 'ready' });
          return to({ name: 'verdict', verdict: ready }, { verdict: ready });
        }
        case 'end-conversation': {
          // Not going back today: the break ends and the debrief asks how it went.
          if (current.conversation === null) return stay();
          marker('break', 'end');
          marker('debrief', 'start');
          effects.push({ type: 'end-break' });
          effects.push({ type: 'busy', activity: 'check', busy: false });
          return to({ name: 'debrief' });
        }
        default:
          return stay();
      }
    }

    case 'intention': {
      if (event.type === 'start-conversation') {
        marker('conversation', 'start');
        effects.push({ type: 'busy', activity: 'check', busy: false });
        effects.push({ type: 'busy', activity: 'conversation', busy: true });
        return to({ name: 'conversation', sinceMs: event.atMs, lastCueAtMs: null, cues: 0, breaks: 0 });
      }
      return stay(withSample);
    }

    case 'conversation': {
      if (event.type === 'sample') {
        const sample = event.sample;
        const due = current.lastCueAtMs === null || sample.atMs - current.lastCueAtMs >= FLOOD_CUE_REPEAT_MS;
        // A strap that says it is off the skin sends beats that are not the wearer's: no cue from them.
        if (isBack(sample) && sample.state === 'flooded' && due) {
          marker('conversation', 'point', { label: FLOOD_CUE_LABEL });
          effects.push({ type: 'flood-cue' });
          return to({ ...current, lastCueAtMs: sample.atMs, cues: current.cues + 1 }, { last: sample });
        }
        return stay({ last: sample });
      }
      if (event.type === 'end-conversation') {
        marker('conversation', 'end');
        marker('debrief', 'start');
        effects.push({ type: 'busy', activity: 'conversation', busy: false });
        return to({ name: 'debrief' });
      }
      if (event.type === 'need-break') {
        // The conversation pauses for a break and waits for the user to come back to it.
        marker('conversation', 'end', { label: 'break' });
        effects.push({ type: 'busy', activity: 'conversation', busy: false });
        effects.push({ type: 'busy', activity: 'check', busy: true });
        return startBreak(state, event, marker, effects, current);
      }
      return stay();
    }

    case 'debrief': {
      if (event.type !== 'debrief-done') return stay(withSample);
      marker('debrief', 'end');
      effects.push({ type: 'finish-session', outcome: 'completed' });
      const debrief = event.entryId === undefined ? null : { entryId: event.entryId, pleasantness: event.pleasantness ?? null };
      return to({ name: 'finished', outcome: 'completed' }, { debrief });
    }

    case 'signal-lost': {
      if (event.type === 'sample') return stay({ last: event.sample });
      if (event.type !== 'resume-after-loss') return stay();
      const sample = state.last;
      if (sample === null || !isBack(sample)) return stay();
      const interrupted = current.interrupted;
      marker('note', 'point', { label: 'signal back' });
      if (interrupted.name === 'reading') {
        // A reading needs one unbroken minute: it starts again from here.
        marker('reading', 'start', { label: 'again' });
        const mark = markOf(sample);
        return to({ name: 'reading', sinceMs: event.atMs, mark }, { readingMark: mark });
      }
      const lostFor = event.atMs - current.lostAtMs;
      const resumed: ResumableStep = { ...interrupted, pausedMs: interrupted.pausedMs + lostFor, pausedAtMs: interrupted.pausedAtMs };
      if (resumed.pausedAtMs === null) effects.push({ type: 'follow-breathing', startMs: event.atMs - breathingElapsedMs(resumed, event.atMs) });
      return to(resumed);
    }

    case 'calibrated':
    case 'finished':
      return stay(withSample);
  }
}

/** A resting reading refused because the heart is clearly up: say so, and offer to breathe first or try again. */
function tooStirred(hrBpm: number, marker: MarkerFn, to: (next: Step, patch?: Partial<FlowState>) => Transition, sample: SignalSample): Transition {
  marker('note', 'point', { label: 'heart rate up: not a resting reading' });
  return to({ name: 'too-stirred', hrBpm }, { last: sample });
}

function startBreathing(state: FlowState, atMs: number, marker: MarkerFn, effects: Effect[]): Transition {
  marker('breathing', 'start', { label: state.breathingLabel.slice(0, 200) });
  effects.push({ type: 'follow-breathing', startMs: atMs });
  const verdictMark = markOf(state.last);
  return { state: { ...state, step: { name: 'breathing', sinceMs: atMs, pausedAtMs: null, pausedMs: 0, verdictMark } }, effects };
}

function startBreak(
  state: FlowState,
  event: { readonly atMs: number; readonly returnAtMs?: number },
  marker: MarkerFn,
  effects: Effect[],
  conversation: ConversationStep | null = null,
): Transition {
  const returnAtMs = clampReturnTime(event.atMs, event.returnAtMs ?? event.atMs + BREAK_MIN_MS);
  marker('break', 'start', conversation === null ? {} : { label: 'asked for in the conversation' });
  effects.push({ type: 'start-break', minutes: Math.ceil((returnAtMs - event.atMs) / 60_000) });
  return { state: { ...state, step: { name: 'break', sinceMs: event.atMs, returnAtMs, returnCheck: 'none', conversation } }, effects };
}

/** The verdict from the data since the reading began, and the state the rules hold now. */
function verdictNow(state: FlowState, marker: MarkerFn, effects: Effect[]): Transition {
  const sample = state.last;
  const span = spanSince(state.readingMark ?? markOf(null), sample);
  const verdict = decideVerdict({
    durationSec: span.durationSec,
    correctedPercent: span.correctedPercent,
    sensorSendsRr: sample?.rrSupport !== 'none',
    state: sample?.state ?? null,
    maxCorrectedPercent: state.maxCorrectedPercent,
  });
  if (verdict.kind === 'breathe-more') marker('verdict', 'point', { label: 'breathe-more' });
  else marker('verdict', 'point', { verdict: verdict.kind === 'signal-too-noisy' ? 'too-noisy' : verdict.kind });
  return { state: { ...state, step: { name: 'verdict', verdict }, verdict }, effects };
}

type MarkerFn = (phase: PhaseMarker['phase'], edge: PhaseMarker['edge'], extra?: Partial<Pick<PhaseMarker, 'label' | 'verdict'>>) => void;

function lose(state: FlowState, current: ResumableStep, sample: SignalSample, cause: SignalLossCause, marker: MarkerFn, effects: Effect[]): Transition {
  marker('note', 'point', { label: cause === 'no-contact' ? `strap off the skin during ${current.name}` : `signal lost during ${current.name}` });
  if (current.name === 'breathing') effects.push({ type: 'follow-breathing', startMs: null });
  return {
    state: {
      ...state,
      last: sample,
      offSkinSinceMs: null,
      interruptions: state.interruptions + 1,
      step: { name: 'signal-lost', lostAtMs: sample.atMs, interrupted: current, cause },
    },
    effects,
  };
}

/** When the strap's unbroken report of no skin contact began, counting this sample; null when it touches (or does not say). */
function offSkinSince(state: FlowState, sample: SignalSample): number | null {
  return sample.contact === 'no' ? (state.offSkinSinceMs ?? sample.atMs) : null;
}

/** Whether a lost check may resume: beats are arriving and the strap does not say it is off the skin. */
export function isBack(sample: SignalSample): boolean {
  return sample.receiving && sample.contact !== 'no';
}

/** Closes the open phase when the user cancels, so the record's brackets match. */
function closePhase(current: Step, marker: MarkerFn, effects: Effect[]): void {
  switch (current.name) {
    case 'signal-check':
    case 'reading':
    case 'grounding':
    case 'breathing':
    case 'conversation':
    case 'debrief':
      marker(current.name, 'end');
      if (current.name === 'breathing') effects.push({ type: 'follow-breathing', startMs: null });
      break;
    case 'break':
      marker('break', 'end');
      effects.push({ type: 'end-break' });
      break;
    case 'signal-lost':
      marker(current.interrupted.name, 'end');
      break;
    default:
      break;
  }
}
