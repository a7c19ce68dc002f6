import { describe, expect, it } from 'vitest';
import { runningActivity } from '../../../shared/check/activity.ts';
import { initialFlow } from '../../../shared/check/check-flow.ts';
import type { FlowState, Step } from '../../../shared/check/check-flow-types.ts';
import type { SignalSample } from '../../../shared/check/live-check.ts';

// What the shell says of a check running while the user is on another screen.

const T0 = 1_700_000_000_000;
const started = (step: Step, mode: 'check' | 'calibration' = 'check', last: Partial<SignalSample> | null = null): FlowState => ({
  ...initialFlow(mode, 64, 'Long exhale'),
  startedAtMs: T0,
  step,
  last: last === null ? null : ({ receiving: true, contact: 'yes', state: 'calm', ...last } as SignalSample),
});

describe('the running activity', () => {
  it('is none before a check starts and once it has ended', () => {
    expect(runningActivity(null, T0)).toBeNull();
    expect(runningActivity(initialFlow('check', 64, 'Long exhale'), T0)).toBeNull();
    expect(runningActivity(started({ name: 'finished', outcome: 'completed' }), T0)).toBeNull();
  });

  it('names the check, the resting reading, the conversation and the break, with their times and the body state', () => {
    expect(runningActivity(started({ name: 'grounding', kind: 'settle', cue: 1 }, 'check', { state: 'elevated' }), T0 + 95_000)).toEqual({
      kind: 'check',
      title: 'Check in progress',
      elapsedSec: 95,
      returnAtMs: null,
      state: 'elevated',
    });
    expect(runningActivity(started({ name: 'signal-check', sinceMs: T0, problem: null }, 'calibration'), T0)).toMatchObject({ title: 'Resting reading in progress' });
    const conversation: Step = { name: 'conversation', sinceMs: T0 + 60_000, lastCueAtMs: null, cues: 0, breaks: 0 };
    expect(runningActivity(started(conversation, 'check', { state: 'flooded' }), T0 + 660_000)).toMatchObject({ kind: 'conversation', title: 'In conversation', elapsedSec: 600, state: 'flooded' });
    const onBreak: Step = { name: 'break', sinceMs: T0, returnAtMs: T0 + 1_200_000, returnCheck: 'none', conversation };
    expect(runningActivity(started(onBreak), T0 + 1000)).toMatchObject({ kind: 'break', title: 'On a break', returnAtMs: T0 + 1_200_000 });
  });

  it('shows no body state from a strap that is lost or says it is off the skin', () => {
    const reading: Step = { name: 'grounding', kind: 'settle', cue: 0 };
    expect(runningActivity(started(reading, 'check', { receiving: false }), T0)?.state).toBeNull();
    expect(runningActivity(started(reading, 'check', { contact: 'no' }), T0)?.state).toBeNull();
  });
});
