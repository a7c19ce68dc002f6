import { describe, expect, it } from 'vitest';
import { BREAK_MIN_MS, clampReturnTime } from '../../../shared/check/break-bounds.ts';
import { HEART_RATE_ONLY_LABEL } from '../../../shared/sensors/heart-rate-beats.ts';
import { initialFlow, step } from '../../../shared/check/check-flow.ts';
import { FLOOD_CUE_REPEAT_MS, GROUNDING_CUE_COUNTS, NO_BEATS_HINT_MS, type Effect, type FlowEvent, type FlowState, type StepName } from '../../../shared/check/check-flow-types.ts';
import { breathingElapsedMs } from '../../../shared/check/check-flow-measures.ts';
import { GROUNDING_CUES } from '../../../shared/content/check-copy.ts';
import type { SignalSample } from '../../../shared/check/live-check.ts';
import type { RegulationState } from '../../../shared/signal/regulation-rules.ts';

// The check's state machine, transition by transition, with samples made by hand: each test
// says what the user did or what the strap sent, and what the check shows and records next.

const T0 = 1_700_000_000_000;

/** A sample as the live check would give it `sec` seconds into the check, beats flowing at 60 bpm. */
function sample(sec: number, overrides: Partial<SignalSample> = {}): SignalSample {
  const beats = Math.max(0, Math.floor(sec));
  return {
    atMs: T0 + sec * 1000,
    receiving: true,
    rrSupport: 'yes',
    contact: 'yes',
    cleanRunSec: sec,
    recentCorrectedPercent: 0,
    received: beats,
    corrected: 0,
    analysedSec: sec,
    hrSum: beats * 70,
    hrCount: beats,
    state: 'elevated',
    liveHrBpm: 70,
    rmssdMs: 40,
    coherenceRatio: null,
    coherenceNormalized: null,
    ...overrides,
  };
}

function run(state: FlowState, events: FlowEvent[]): { state: FlowState; effects: Effect[] } {
  const effects: Effect[] = [];
  let current = state;
  for (const event of events) {
    const next = step(current, event);
    current = next.state;
    effects.push(...next.effects);
  }
  return { state: current, effects };
}

const at = (sec: number) => T0 + sec * 1000;
const fresh = () => initialFlow('check', 66, 'Long exhale (4 in, 6 out)');

/** Start → clean signal → 60 s reading ending in `state`. */
function throughReading(readingState: RegulationState, overrides: Partial<SignalSample> = {}) {
  return run(fresh(), [
    { type: 'start', atMs: at(0) },
    { type: 'sample', sample: sample(15) },
    { type: 'sample', sample: sample(75, { state: readingState, ...overrides }) },
  ]);
}

function markers(effects: readonly Effect[]): string[] {
  return effects.flatMap((effect) =>
    effect.type === 'marker' ? [`${effect.marker.phase}:${effect.marker.edge}${effect.marker.verdict ? `:${effect.marker.verdict}` : ''}${effect.marker.label ? `(${effect.marker.label})` : ''}`] : [],
  );
}

const name = (state: FlowState): StepName => state.step.name;

describe('starting and the signal check', () => {
  it('starts recording, tells main a check is in progress and opens the signal check', () => {
    const { state, effects } = run(fresh(), [{ type: 'start', atMs: at(0) }]);
    expect(name(state)).toBe('signal-check');
    expect(effects).toContainEqual({ type: 'start-session', mode: 'check', baselineHrBpm: 66 });
    expect(effects).toContainEqual({ type: 'busy', activity: 'check', busy: true });
    expect(markers(effects)).toEqual(['signal-check:start']);
  });

  it('ignores everything but start while idle', () => {
    const { state, effects } = run(fresh(), [{ type: 'continue', atMs: at(0) }, { type: 'sample', sample: sample(3) }, { type: 'cancel', atMs: at(4) }]);
    expect(name(state)).toBe('idle');
    expect(effects).toEqual([]);
  });

  it('waits for 15 s of clean beats before reading', () => {
    const started = run(fresh(), [{ type: 'start', atMs: at(0) }]).state;
    expect(name(run(started, [{ type: 'sample', sample: sample(14.9) }]).state)).toBe('signal-check');
    const { state, effects } = run(started, [{ type: 'sample', sample: sample(15) }]);
    expect(name(state)).toBe('reading');
    expect(markers(effects)).toEqual(['signal-check:end', 'reading:start']);
  });

  it('says the strap seems loose when no beats arrive for a while, and clears it when they come', () => {
    const started = run(fresh(), [{ type: 'start', atMs: at(0) }]).state;
    const early = run(started, [{ type: 'sample', sample: sample(3, { receiving: false, cleanRunSec: 0 }) }]).state;
    expect(early.step).toMatchObject({ name: 'signal-check', problem: null });
    const late = run(early, [{ type: 'sample', sample: sample(NO_BEATS_HINT_MS / 1000, { receiving: false, cleanRunSec: 0 }) }]).state;
    expect(late.step).toMatchObject({ name: 'signal-check', problem: 'no-beats' });
    const back = run(late, [{ type: 'sample', sample: sample(10, { cleanRunSec: 2 }) }]).state;
    expect(back.step).toMatchObject({ name: 'signal-check', problem: null });
  });

  it('waits while the strap says it is off the skin, says why at once, and reads once it is back on', () => {
    const started = run(fresh(), [{ type: 'start', atMs: at(0) }]).state;
    // Beats look clean enough, but the strap reports no skin contact: no reading starts.
    const loose = run(started, [
      { type: 'sample', sample: sample(1, { contact: 'no', cleanRunSec: 0 }) },
      { type: 'sample', sample: sample(20, { contact: 'no', cleanRunSec: 20 }) },
    ]);
    expect(loose.state.step).toMatchObject({ name: 'signal-check', problem: 'no-contact' });
    expect(markers(loose.effects)).toEqual([]);
    const back = run(loose.state, [{ type: 'sample', sample: sample(22, { cleanRunSec: 2 }) }]).state;
    expect(back.step).toMatchObject({ name: 'signal-check', problem: null });
    const { state, effects } = run(back, [{ type: 'sample', sample: sample(35, { cleanRunSec: 15 }) }]);
    expect(name(state)).toBe('reading');
    expect(markers(effects)).toEqual(['signal-check:end', 'reading:start']);
  });

  it('reads as usual from a strap that does not report contact', () => {
    const started = run(fresh(), [{ type: 'start', atMs: at(0) }]).state;
    expect(name(run(started, [{ type: 'sample', sample: sample(15, { contact: 'unknown' }) }]).state)).toBe('reading');
  });

  it('reads a sensor that sends heart rate only, noting it once in the session', () => {
    const started = run(fresh(), [{ type: 'start', atMs: at(0) }]).state;
    const hrOnly = run(started, [{ type: 'sample', sample: sample(30, { rrSupport: 'none' }) }]);
    expect(hrOnly.state.step).toMatchObject({ name: 'reading' });
    expect(hrOnly.state.heartRateOnly).toBe(true);
    expect(markers(hrOnly.effects)).toEqual([`note:point(${HEART_RATE_ONLY_LABEL})`, 'signal-check:end', 'reading:start']);
    expect(markers(run(hrOnly.state, [{ type: 'sample', sample: sample(31, { rrSupport: 'none' }) }]).effects)).toEqual([]);
  });

  it('says the signal is noisy when many recent beats needed correcting', () => {
    const started = run(fresh(), [{ type: 'start', atMs: at(0) }]).state;
    const { state } = run(started, [{ type: 'sample', sample: sample(8, { recentCorrectedPercent: 25, cleanRunSec: 1 }) }]);
    expect(state.step).toMatchObject({ name: 'signal-check', problem: 'noisy' });
  });
});

describe('the reading', () => {
  it('takes 60 s, then shows the state in words with the mean heart rate beside the baseline', () => {
    const reading = run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15) }]).state;
    expect(name(run(reading, [{ type: 'sample', sample: sample(74) }]).state)).toBe('reading');
    const { state, effects } = run(reading, [{ type: 'sample', sample: sample(75, { state: 'flooded', liveHrBpm: 110 }) }]);
    expect(state.step).toMatchObject({ name: 'result', reading: { state: 'flooded', meanHrBpm: 70, baselineHrBpm: 66, liveHrBpm: 110 } });
    expect(markers(effects)).toEqual(['reading:end']);
  });

  it('goes straight to "signal too noisy" when too many beats of the reading were corrected', () => {
    const { state, effects } = throughReading('calm', { corrected: 10 });
    expect(state.step).toMatchObject({ name: 'verdict', verdict: { kind: 'signal-too-noisy' } });
    expect(markers(effects)).toContain('verdict:point:too-noisy');
  });

  it('a calibration ends after the reading with a resting reading for the baseline', () => {
    const { state, effects } = run(initialFlow('calibration', null, ''), [
      { type: 'start', atMs: at(0) },
      { type: 'sample', sample: sample(15) },
      { type: 'sample', sample: sample(75, { state: null, rmssdMs: 52 }) },
    ]);
    expect(state.step).toMatchObject({ name: 'calibrated', reading: { state: null, meanHrBpm: 70 } });
    expect(effects).toContainEqual({ type: 'start-session', mode: 'calibration', baselineHrBpm: null });
    expect(effects).toContainEqual({ type: 'finish-session', outcome: 'completed', baselineHrBpm: 70 });
    expect(effects).toContainEqual({ type: 'busy', activity: 'check', busy: false });
  });
});

describe('grounding and breathing', () => {
  it('walks through the grounding cues one at a time, then starts the pacer', () => {
    let { state } = throughReading('elevated');
    const cues: number[] = [];
    let effects: readonly Effect[];
    ({ state, effects } = run(state, [{ type: 'continue', atMs: at(80) }]));
    expect(markers(effects)).toEqual(['grounding:start']);
    while (state.step.name === 'grounding') {
      cues.push(state.step.cue);
      ({ state, effects } = run(state, [{ type: 'continue', atMs: at(90) }]));
    }
    expect(cues).toEqual([...Array(GROUNDING_CUE_COUNTS.settle).keys()]);
    expect(name(state)).toBe('breathing');
    expect(markers(effects)).toEqual(['grounding:end', 'breathing:start(Long exhale (4 in, 6 out))']);
    expect(effects).toContainEqual({ type: 'follow-breathing', startMs: at(90) });
  });

  it('pauses and resumes the pacer without counting the pause, and tells the demo heart', () => {
    const breathing = toBreathing('elevated', 100);
    const paused = run(breathing, [{ type: 'pause', atMs: at(130) }]);
    expect(paused.effects).toContainEqual({ type: 'follow-breathing', startMs: null });
    expect(run(paused.state, [{ type: 'pause', atMs: at(131) }]).effects).toEqual([]);
    const resumed = run(paused.state, [{ type: 'resume', atMs: at(150) }]);
    expect(resumed.state.step.name === 'breathing' && breathingElapsedMs(resumed.state.step, at(160))).toBe(40_000);
    expect(resumed.effects).toContainEqual({ type: 'follow-breathing', startMs: at(120) });
    expect(markers(resumed.effects)).toEqual(['breathing:point(resumed)']);
    expect(run(resumed.state, [{ type: 'resume', atMs: at(151) }]).effects).toEqual([]);
  });

  it('a flooded reading can go straight to the break; other readings cannot', () => {
    const { state, effects } = run(throughReading('flooded').state, [{ type: 'take-break', atMs: at(80) }]);
    expect(state.step).toMatchObject({ name: 'break', sinceMs: at(80) });
    expect(markers(effects)).toEqual(['verdict:point:take-a-break', 'break:start']);
    expect(effects).toContainEqual({ type: 'start-break', minutes: 20 });
    expect(name(run(throughReading('elevated').state, [{ type: 'take-break', atMs: at(80) }]).state)).toBe('result');
  });

  it('skips grounding and breathing when the reading was calm and the user wants the verdict', () => {
    const { state, effects } = run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }]);
    expect(state.step).toMatchObject({ name: 'verdict', verdict: { kind: 'ready' } });
    expect(markers(effects)).toEqual(['verdict:point:ready']);
  });
});

describe('how it feels inside, and the shutdown path', () => {
  it('has words for every grounding cue the flow counts', () => {
    expect(GROUNDING_CUES.settle).toHaveLength(GROUNDING_CUE_COUNTS.settle);
    expect(GROUNDING_CUES.shutdown).toHaveLength(GROUNDING_CUE_COUNTS.shutdown);
  });

  it('keeps the answer in the flow and the session, and lets it be changed before moving on', () => {
    const { state, effects } = run(throughReading('calm').state, [
      { type: 'feel', atMs: at(78), feeling: 'fine' },
      { type: 'feel', atMs: at(79), feeling: 'numb' },
    ]);
    expect(name(state)).toBe('result');
    expect(state.feeling).toBe('numb');
    expect(markers(effects)).toEqual(['note:point(felt: fine)', 'note:point(felt: numb)']);
  });

  it('takes the answer only at the result', () => {
    const breathing = toBreathing('elevated', 100);
    const { state, effects } = run(breathing, [{ type: 'feel', atMs: at(110), feeling: 'numb' }]);
    expect(state.feeling).toBeNull();
    expect(effects).toEqual([]);
  });

  it('grounds a shut-down person with a calm heart in the room first, before any breathing', () => {
    let { state } = run(throughReading('calm').state, [{ type: 'feel', atMs: at(78), feeling: 'numb' }]);
    let effects: readonly Effect[];
    ({ state, effects } = run(state, [{ type: 'continue', atMs: at(80) }]));
    expect(state.step).toEqual({ name: 'grounding', kind: 'shutdown', cue: 0 });
    expect(markers(effects)).toEqual(['grounding:start(shutdown)']);
    const cues: number[] = [];
    while (state.step.name === 'grounding') {
      cues.push(state.step.cue);
      ({ state, effects } = run(state, [{ type: 'continue', atMs: at(90) }]));
    }
    expect(cues).toEqual([...Array(GROUNDING_CUE_COUNTS.shutdown).keys()]);
    expect(name(state)).toBe('breathing');
    expect(markers(effects)).toEqual(['grounding:end', 'breathing:start(Long exhale (4 in, 6 out))']);
  });

  it('after the last shutdown cue, may go straight to the verdict instead of breathing', () => {
    let { state } = run(throughReading('calm').state, [{ type: 'feel', atMs: at(78), feeling: 'numb' }, { type: 'continue', atMs: at(80) }]);
    // Not before the last cue: the grounding comes first.
    expect(run(state, [{ type: 'skip-to-verdict', atMs: at(81) }]).state.step).toMatchObject({ name: 'grounding', cue: 0 });
    for (let i = 1; i < GROUNDING_CUE_COUNTS.shutdown; i++) state = run(state, [{ type: 'continue', atMs: at(80 + i) }]).state;
    const { state: done, effects } = run(state, [{ type: 'skip-to-verdict', atMs: at(90) }]);
    expect(done.step).toMatchObject({ name: 'verdict', verdict: { kind: 'ready' } });
    expect(markers(effects)).toEqual(['grounding:end', 'verdict:point:ready']);
  });

  it('the settling grounding cannot skip its breathing', () => {
    let { state } = run(throughReading('elevated').state, [{ type: 'continue', atMs: at(80) }]);
    for (let i = 1; i < GROUNDING_CUE_COUNTS.settle; i++) state = run(state, [{ type: 'continue', atMs: at(80 + i) }]).state;
    expect(run(state, [{ type: 'skip-to-verdict', atMs: at(90) }]).state.step).toMatchObject({ name: 'grounding', kind: 'settle' });
  });

  it.each([
    ['racing', 'calm', 'settle'],
    ['stirred', 'flooded', 'settle'],
    ['fine', 'flooded', 'settle'],
    ['numb', 'flooded', 'shutdown'],
    [null, 'elevated', 'settle'],
  ] as const)('"%s" with a %s heart grounds for %s', (feeling, heart, kind) => {
    const read = throughReading(heart).state;
    const answered = feeling === null ? read : run(read, [{ type: 'feel', atMs: at(78), feeling }]).state;
    expect(run(answered, [{ type: 'continue', atMs: at(80) }]).state.step).toEqual({ name: 'grounding', kind, cue: 0 });
  });

  it('a shut-down person with a flooded heart can still take the break at once', () => {
    const { state } = run(throughReading('flooded').state, [{ type: 'feel', atMs: at(78), feeling: 'numb' }, { type: 'take-break', atMs: at(80) }]);
    expect(state.step).toMatchObject({ name: 'break' });
    expect(state.feeling).toBe('numb');
  });
});

/** Through grounding to breathing at `breathSec`. */
function toBreathing(readingState: RegulationState, breathSec: number): FlowState {
  let { state } = throughReading(readingState);
  state = run(state, [{ type: 'continue', atMs: at(80) }]).state;
  for (let i = 0; i < GROUNDING_CUE_COUNTS.settle; i++) state = run(state, [{ type: 'continue', atMs: at(breathSec) }]).state;
  return state;
}

describe('the verdict', () => {
  it.each([
    ['calm', 'ready', 'verdict:point:ready'],
    ['elevated', 'breathe-more', 'verdict:point(breathe-more)'],
    ['flooded', 'take-a-break', 'verdict:point:take-a-break'],
  ] as const)('after breathing, %s gives %s', (finalState, kind, marker) => {
    const breathing = run(toBreathing('elevated', 100), [{ type: 'sample', sample: sample(200, { state: finalState }) }]).state;
    const { state, effects } = run(breathing, [{ type: 'finish-breathing', atMs: at(200) }]);
    expect(state.step).toMatchObject({ name: 'verdict', verdict: { kind } });
    expect(markers(effects)).toEqual(['breathing:end', marker]);
    expect(effects).toContainEqual({ type: 'follow-breathing', startMs: null });
  });

  it('reaches the verdict on heart rate alone when the sensor sends no RR, and says so', () => {
    const breathing = run(toBreathing('elevated', 100), [{ type: 'sample', sample: sample(200, { rrSupport: 'none', state: 'calm' }) }]).state;
    const verdict = run(breathing, [{ type: 'finish-breathing', atMs: at(200) }]).state.step;
    expect(verdict).toMatchObject({ verdict: { kind: 'ready' } });
    expect(verdict.name === 'verdict' && verdict.verdict.reason).toMatch(/heart rate alone/);
  });

  it('"breathe more" goes back to the pacer; ready can also breathe a little longer', () => {
    const breathing = run(toBreathing('elevated', 100), [{ type: 'sample', sample: sample(200) }]).state;
    const verdict = run(breathing, [{ type: 'finish-breathing', atMs: at(200) }]).state;
    const again = run(verdict, [{ type: 'breathe-more', atMs: at(205) }]);
    expect(again.state.step).toMatchObject({ name: 'breathing', sinceMs: at(205) });
    expect(markers(again.effects)[0]).toMatch(/^breathing:start/);
    const ready = run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }]).state;
    expect(name(run(ready, [{ type: 'breathe-more', atMs: at(81) }]).state)).toBe('breathing');
  });

  it('"signal too noisy" offers a fresh signal check', () => {
    const noisy = throughReading('calm', { corrected: 10 }).state;
    const { state, effects } = run(noisy, [{ type: 'retry', atMs: at(90) }]);
    expect(state.step).toMatchObject({ name: 'signal-check', sinceMs: at(90) });
    expect(markers(effects)).toEqual(['signal-check:start(again)']);
    // …and offers neither a break nor the conversation.
    expect(name(run(noisy, [{ type: 'take-break', atMs: at(90) }]).state)).toBe('verdict');
    expect(name(run(noisy, [{ type: 'continue', atMs: at(90) }]).state)).toBe('verdict');
  });
});

describe('the break', () => {
  function toBreak(returnAtMs?: number) {
    const breathing = run(toBreathing('flooded', 100), [{ type: 'sample', sample: sample(160, { state: 'flooded' }) }]).state;
    const verdict = run(breathing, [{ type: 'finish-breathing', atMs: at(160) }]).state;
    return run(verdict, [{ type: 'take-break', atMs: at(170), ...(returnAtMs === undefined ? {} : { returnAtMs }) }]);
  }

  it('lasts at least 20 minutes and asks main to announce its end', () => {
    const { state, effects } = toBreak();
    expect(state.step).toMatchObject({ name: 'break', sinceMs: at(170), returnAtMs: at(170) + BREAK_MIN_MS });
    expect(effects).toContainEqual({ type: 'start-break', minutes: 20 });
    expect(markers(effects)).toEqual(['break:start']);
  });

  it('keeps the return time between 20 minutes and 24 hours', () => {
    expect(toBreak(at(170) + 5 * 60_000).state.step).toMatchObject({ returnAtMs: at(170) + BREAK_MIN_MS });
    expect(toBreak(at(170) + 48 * 3600_000).state.step).toMatchObject({ returnAtMs: at(170) + 24 * 3600_000 - 60_000 });
    const later = run(toBreak().state, [{ type: 'set-return', atMs: at(200), returnAtMs: at(170) + 45 * 60_000 }]);
    expect(later.state.step).toMatchObject({ returnAtMs: at(170) + 45 * 60_000 });
    expect(later.effects).toContainEqual({ type: 'start-break', minutes: 45 });
    expect(clampReturnTime(0, 1)).toBe(BREAK_MIN_MS);
  });

  it('"ready to return?" says too soon before 20 minutes, even when calm', () => {
    const { state } = toBreak();
    const calm = run(state, [{ type: 'sample', sample: sample(600, { state: 'calm' }) }, { type: 'check-return', atMs: at(600) }]).state;
    expect(calm.step).toMatchObject({ name: 'break', returnCheck: 'too-soon' });
  });

  it('after 20 minutes it needs calm, and a reading to know', () => {
    const after = at(170) + BREAK_MIN_MS + 1000;
    const { state } = toBreak();
    const elevated = run(state, [{ type: 'sample', sample: { ...sample(0, { state: 'elevated' }), atMs: after } }, { type: 'check-return', atMs: after }]);
    expect(elevated.state.step).toMatchObject({ name: 'break', returnCheck: 'not-calm-yet' });
    const noStrap = run(state, [{ type: 'sample', sample: { ...sample(0, { receiving: false }), atMs: after } }, { type: 'check-return', atMs: after }]);
    expect(noStrap.state.step).toMatchObject({ name: 'break', returnCheck: 'no-reading' });
    const calm = run(state, [{ type: 'sample', sample: { ...sample(0, { state: 'calm' }), atMs: after } }, { type: 'check-return', atMs: after }]);
    expect(calm.state.step).toMatchObject({ name: 'verdict', verdict: { kind: 'ready' } });
    expect(calm.effects).toContainEqual({ type: 'end-break' });
    expect(markers(calm.effects)).toEqual(['break:end', 'verdict:point:ready']);
  });
});

describe('intention, conversation and debrief', () => {
  function toConversation() {
    const ready = run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }]).state;
    const intention = run(ready, [{ type: 'continue', atMs: at(81) }]);
    expect(name(intention.state)).toBe('intention');
    return run(intention.state, [{ type: 'start-conversation', atMs: at(90) }]);
  }

  it('ready → intention card → conversation, with reminders told a conversation is on', () => {
    const { state, effects } = toConversation();
    expect(state.step).toMatchObject({ name: 'conversation', sinceMs: at(90) });
    expect(effects).toContainEqual({ type: 'busy', activity: 'check', busy: false });
    expect(effects).toContainEqual({ type: 'busy', activity: 'conversation', busy: true });
    expect(markers(effects)).toEqual(['conversation:start']);
  });

  it('gives one discreet cue when the flooded rule fires, and not again for a while', () => {
    let { state } = toConversation();
    const flooded = (sec: number) => ({ type: 'sample' as const, sample: sample(sec, { state: 'flooded' }) });
    const first = run(state, [flooded(200)]);
    expect(first.effects).toContainEqual({ type: 'flood-cue' });
    state = first.state;
    expect(run(state, [flooded(260)]).effects).toEqual([]);
    const later = run(state, [flooded(200 + FLOOD_CUE_REPEAT_MS / 1000)]);
    expect(later.effects).toContainEqual({ type: 'flood-cue' });
    expect(later.state.step).toMatchObject({ cues: 2 });
    // A lost strap during the conversation is not flooding.
    expect(run(state, [{ type: 'sample', sample: sample(900, { state: 'flooded', receiving: false }) }]).effects).toEqual([]);
  });

  it('ending the conversation opens the debrief; saving it finishes the session', () => {
    const debrief = run(toConversation().state, [{ type: 'end-conversation', atMs: at(600) }]);
    expect(name(debrief.state)).toBe('debrief');
    expect(debrief.effects).toContainEqual({ type: 'busy', activity: 'conversation', busy: false });
    expect(markers(debrief.effects)).toEqual(['conversation:end', 'debrief:start']);
    const done = run(debrief.state, [{ type: 'debrief-done', atMs: at(700) }]);
    expect(done.state.step).toEqual({ name: 'finished', outcome: 'completed' });
    expect(done.effects).toContainEqual({ type: 'finish-session', outcome: 'completed' });
    expect(markers(done.effects)).toEqual(['debrief:end']);
  });
});

describe('a resting reading while the heart is clearly up', () => {
  const calibration = () => initialFlow('calibration', null, 'Long exhale (4 in, 6 out)');

  it('is not started when the signal check ends on a racing heart: it says so, and Try again checks afresh', () => {
    const stirred = run(calibration(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15, { liveHrBpm: 104 }) }]);
    expect(stirred.state.step).toEqual({ name: 'too-stirred', hrBpm: 104 });
    expect(markers(stirred.effects)).toEqual(['signal-check:start', 'signal-check:end', 'note:point(heart rate up: not a resting reading)']);
    expect(stirred.effects.some((effect) => effect.type === 'finish-session')).toBe(false);
    const again = run(stirred.state, [{ type: 'retry', atMs: at(300) }]);
    expect(again.state.step).toMatchObject({ name: 'signal-check', sinceMs: at(300) });
    expect(markers(again.effects)).toEqual(['signal-check:start(again)']);
  });

  it('does not become the resting rate when the heart rose during the reading', () => {
    const reading = run(calibration(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15, { liveHrBpm: 80 }) }]).state;
    const fast = (sec: number) => sample(sec, { hrSum: Math.floor(sec) * 105, liveHrBpm: 105 });
    const ended = run(reading, [{ type: 'sample', sample: fast(76) }]);
    expect(ended.state.step).toMatchObject({ name: 'too-stirred' });
    expect(ended.effects.some((effect) => effect.type === 'finish-session')).toBe(false);
    // A check (not a resting reading) on the same heart goes on as usual.
    const check = run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15, { liveHrBpm: 104 }) }]);
    expect(name(check.state)).toBe('reading');
  });
});

describe('"I need a break" from inside the conversation', () => {
  function inConversation(): FlowState {
    const ready = run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }, { type: 'continue', atMs: at(81) }]).state;
    return run(ready, [{ type: 'start-conversation', atMs: at(90) }]).state;
  }
  const minutes = (min: number) => 90 + min * 60;

  it('pauses the conversation for a 20-minute break and goes back to the same one, in the same session, as often as needed', () => {
    const flooded = run(inConversation(), [{ type: 'sample', sample: sample(minutes(5), { state: 'flooded' }) }]);
    expect(flooded.effects).toContainEqual({ type: 'flood-cue' });

    const asked = run(flooded.state, [{ type: 'need-break', atMs: at(minutes(6)) }]);
    expect(asked.state.step).toMatchObject({ name: 'break', sinceMs: at(minutes(6)), returnAtMs: at(minutes(26)), conversation: { sinceMs: at(90), cues: 1, breaks: 0 } });
    expect(markers(asked.effects)).toEqual(['conversation:end(break)', 'break:start(asked for in the conversation)']);
    expect(asked.effects).toEqual(
      expect.arrayContaining([
        { type: 'busy', activity: 'conversation', busy: false },
        { type: 'busy', activity: 'check', busy: true },
        { type: 'start-break', minutes: 20 },
      ]),
    );
    expect(asked.effects.some((effect) => effect.type === 'finish-session')).toBe(false);

    // Not before 20 minutes, and not while the body is still stirred.
    const tooSoon = run(asked.state, [{ type: 'sample', sample: sample(minutes(15), { state: 'calm' }) }, { type: 'check-return', atMs: at(minutes(15)) }]);
    expect(tooSoon.state.step).toMatchObject({ name: 'break', returnCheck: 'too-soon' });
    const stirred = run(asked.state, [{ type: 'sample', sample: sample(minutes(26), { state: 'elevated' }) }, { type: 'check-return', atMs: at(minutes(26)) }]);
    expect(stirred.state.step).toMatchObject({ name: 'break', returnCheck: 'not-calm-yet' });

    const back = run(asked.state, [{ type: 'sample', sample: sample(minutes(27), { state: 'calm' }) }, { type: 'check-return', atMs: at(minutes(27)) }]);
    expect(back.state.step).toEqual({ name: 'conversation', sinceMs: at(90), lastCueAtMs: at(minutes(5)), cues: 1, breaks: 1 });
    expect(markers(back.effects)).toEqual(['break:end', 'conversation:start(again)']);
    expect(back.effects).toEqual(
      expect.arrayContaining([
        { type: 'end-break' },
        { type: 'busy', activity: 'check', busy: false },
        { type: 'busy', activity: 'conversation', busy: true },
      ]),
    );

    // A second break, then the conversation ends from inside it: the debrief follows.
    const again = run(back.state, [{ type: 'need-break', atMs: at(minutes(40)) }]);
    expect(again.state.step).toMatchObject({ name: 'break', conversation: { breaks: 1 } });
    const over = run(again.state, [{ type: 'end-conversation', atMs: at(minutes(45)) }]);
    expect(name(over.state)).toBe('debrief');
    expect(markers(over.effects)).toEqual(['break:end', 'debrief:start']);
    expect(over.effects).toEqual(expect.arrayContaining([{ type: 'end-break' }, { type: 'busy', activity: 'check', busy: false }]));
  });

  it('a break the verdict led to still ends in the verdict, and "the conversation is over" means nothing there', () => {
    const breathing = run(toBreathing('flooded', 100), [{ type: 'sample', sample: sample(160, { state: 'flooded' }) }]).state;
    const inBreak = run(breathing, [{ type: 'finish-breathing', atMs: at(160) }, { type: 'take-break', atMs: at(170) }]).state;
    expect(inBreak.step).toMatchObject({ name: 'break', conversation: null });
    expect(name(run(inBreak, [{ type: 'end-conversation', atMs: at(200) }]).state)).toBe('break');
    const back = run(inBreak, [{ type: 'sample', sample: sample(170 + 21 * 60, { state: 'calm' }) }, { type: 'check-return', atMs: at(170 + 21 * 60) }]);
    expect(back.state.step).toMatchObject({ name: 'verdict', verdict: { kind: 'ready' } });
  });
});

describe('a strap lost mid-check', () => {
  it('during the reading: keeps the recording open, offers to resume, and reads a full minute again', () => {
    const reading = run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15) }]).state;
    const lost = run(reading, [{ type: 'sample', sample: sample(40, { receiving: false }) }]);
    expect(lost.state.step).toMatchObject({ name: 'signal-lost', interrupted: { name: 'reading' } });
    expect(lost.effects.some((effect) => effect.type === 'finish-session')).toBe(false);
    expect(markers(lost.effects)).toEqual(['note:point(signal lost during reading)']);
    expect(lost.state.interruptions).toBe(1);
    // Resume needs beats again.
    expect(name(run(lost.state, [{ type: 'resume-after-loss', atMs: at(45) }]).state)).toBe('signal-lost');
    const back = run(lost.state, [{ type: 'sample', sample: sample(50) }, { type: 'resume-after-loss', atMs: at(50) }]);
    expect(back.state.step).toMatchObject({ name: 'reading', sinceMs: at(50) });
    expect(markers(back.effects)).toEqual(['note:point(signal back)', 'reading:start(again)']);
    expect(name(run(back.state, [{ type: 'sample', sample: sample(109) }]).state)).toBe('reading');
    expect(name(run(back.state, [{ type: 'sample', sample: sample(110) }]).state)).toBe('result');
  });

  it('during breathing: pauses the pacer and resumes where it was, the lost time not counted', () => {
    const breathing = toBreathing('elevated', 100);
    const lost = run(breathing, [{ type: 'sample', sample: sample(130, { receiving: false }) }]);
    expect(lost.state.step).toMatchObject({ name: 'signal-lost', interrupted: { name: 'breathing' } });
    expect(lost.effects).toContainEqual({ type: 'follow-breathing', startMs: null });
    const back = run(lost.state, [{ type: 'sample', sample: sample(150) }, { type: 'resume-after-loss', atMs: at(150) }]);
    expect(back.state.step.name === 'breathing' && breathingElapsedMs(back.state.step, at(150))).toBe(30_000);
    expect(back.effects).toContainEqual({ type: 'follow-breathing', startMs: at(120) });
  });

  it('a strap that keeps saying it is off the skin pauses the reading; a moment of it does not', () => {
    const reading = run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15) }]).state;
    // A flicker of the contact bit while the wearer shifts: the reading goes on.
    const flicker = run(reading, [
      { type: 'sample', sample: sample(30, { contact: 'no' }) },
      { type: 'sample', sample: sample(32, { contact: 'no' }) },
      { type: 'sample', sample: sample(33) },
      { type: 'sample', sample: sample(35, { contact: 'no' }) },
    ]);
    expect(name(flicker.state)).toBe('reading');
    // Off the skin 3 s without a break: the check pauses, though beats keep arriving.
    const slipped = run(flicker.state, [{ type: 'sample', sample: sample(38, { contact: 'no' }) }]);
    expect(slipped.state.step).toMatchObject({ name: 'signal-lost', cause: 'no-contact', interrupted: { name: 'reading' } });
    expect(markers(slipped.effects)).toEqual(['note:point(strap off the skin during reading)']);
    // Beats alone do not resume it while the strap still says it is off the skin.
    const stillOff = run(slipped.state, [{ type: 'sample', sample: sample(45, { contact: 'no' }) }, { type: 'resume-after-loss', atMs: at(45) }]);
    expect(name(stillOff.state)).toBe('signal-lost');
    const back = run(stillOff.state, [{ type: 'sample', sample: sample(50) }, { type: 'resume-after-loss', atMs: at(50) }]);
    expect(back.state.step).toMatchObject({ name: 'reading', sinceMs: at(50) });
  });

  it('a reading never ends in a verdict on a sample that says the strap is off the skin', () => {
    const reading = run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15) }]).state;
    expect(name(run(reading, [{ type: 'sample', sample: sample(76, { contact: 'no' }) }]).state)).toBe('reading');
    expect(name(run(reading, [{ type: 'sample', sample: sample(76) }]).state)).toBe('result');
  });

  it('during breathing: a strap off the skin pauses the pacer like a lost one', () => {
    const breathing = toBreathing('elevated', 100);
    const slipped = run(breathing, [
      { type: 'sample', sample: sample(130, { contact: 'no' }) },
      { type: 'sample', sample: sample(133, { contact: 'no' }) },
    ]);
    expect(slipped.state.step).toMatchObject({ name: 'signal-lost', cause: 'no-contact', interrupted: { name: 'breathing' } });
    expect(slipped.effects).toContainEqual({ type: 'follow-breathing', startMs: null });
  });

  it('no flooding cue in the conversation from a strap that says it is off the skin', () => {
    const ready = run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }, { type: 'continue', atMs: at(81) }, { type: 'start-conversation', atMs: at(82) }]).state;
    const offSkin = run(ready, [{ type: 'sample', sample: sample(100, { contact: 'no', state: 'flooded' }) }]);
    expect(offSkin.effects.some((effect) => effect.type === 'flood-cue')).toBe(false);
    const onSkin = run(ready, [{ type: 'sample', sample: sample(100, { state: 'flooded' }) }]);
    expect(onSkin.effects).toContainEqual({ type: 'flood-cue' });
  });

  it('a lost strap during the break or the conversation does not interrupt them', () => {
    const ready = run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }, { type: 'continue', atMs: at(81) }, { type: 'start-conversation', atMs: at(82) }]).state;
    expect(name(run(ready, [{ type: 'sample', sample: sample(100, { receiving: false }) }]).state)).toBe('conversation');
  });
});

describe('cancel', () => {
  const cancelAt = (state: FlowState) => run(state, [{ type: 'cancel', atMs: at(999) }]);

  it.each<[string, () => FlowState, string[]]>([
    ['signal check', () => run(fresh(), [{ type: 'start', atMs: at(0) }]).state, ['signal-check:end', 'note:point(cancelled)']],
    ['reading', () => run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15) }]).state, ['reading:end', 'note:point(cancelled)']],
    ['result', () => throughReading('elevated').state, ['note:point(cancelled)']],
    ['grounding', () => run(throughReading('elevated').state, [{ type: 'continue', atMs: at(80) }]).state, ['grounding:end', 'note:point(cancelled)']],
    ['breathing', () => toBreathing('elevated', 100), ['breathing:end', 'note:point(cancelled)']],
    ['verdict', () => run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }]).state, ['note:point(cancelled)']],
    [
      'signal lost',
      () => run(fresh(), [{ type: 'start', atMs: at(0) }, { type: 'sample', sample: sample(15) }, { type: 'sample', sample: sample(20, { receiving: false }) }]).state,
      ['reading:end', 'note:point(cancelled)'],
    ],
    ['intention', () => run(throughReading('calm').state, [{ type: 'skip-to-verdict', atMs: at(80) }, { type: 'continue', atMs: at(81) }]).state, ['note:point(cancelled)']],
  ])('during the %s: finishes the session with what was recorded', (_label, make, expected) => {
    const { state, effects } = cancelAt(make());
    expect(state.step).toEqual({ name: 'finished', outcome: 'cancelled' });
    expect(markers(effects)).toEqual(expected);
    expect(effects).toContainEqual({ type: 'finish-session', outcome: 'cancelled' });
    expect(effects).toContainEqual({ type: 'busy', activity: 'check', busy: false });
  });

  it('during the break: ends the break reminder too', () => {
    const breathing = run(toBreathing('flooded', 100), [{ type: 'sample', sample: sample(160, { state: 'flooded' }) }]).state;
    const inBreak = run(breathing, [{ type: 'finish-breathing', atMs: at(160) }, { type: 'take-break', atMs: at(170) }]).state;
    const { effects } = cancelAt(inBreak);
    expect(effects).toContainEqual({ type: 'end-break' });
    expect(markers(effects)).toEqual(['break:end', 'note:point(cancelled)']);
  });

  it('during the conversation and the debrief: releases the conversation', () => {
    const conversation = run(throughReading('calm').state, [
      { type: 'skip-to-verdict', atMs: at(80) },
      { type: 'continue', atMs: at(81) },
      { type: 'start-conversation', atMs: at(82) },
    ]).state;
    expect(cancelAt(conversation).effects).toContainEqual({ type: 'busy', activity: 'conversation', busy: false });
    const debrief = run(conversation, [{ type: 'end-conversation', atMs: at(90) }]).state;
    expect(markers(cancelAt(debrief).effects)).toEqual(['debrief:end', 'note:point(cancelled)']);
  });

  it('after the end, does nothing', () => {
    const cancelled = cancelAt(run(fresh(), [{ type: 'start', atMs: at(0) }]).state).state;
    expect(cancelAt(cancelled).effects).toEqual([]);
  });
});

describe('markers', () => {
  it('are timed from the start of the session', () => {
    const { effects } = throughReading('elevated');
    const times = effects.flatMap((effect) => (effect.type === 'marker' ? [effect.marker.tMs] : []));
    expect(times).toEqual([0, 15_000, 15_000, 75_000]);
  });
});
