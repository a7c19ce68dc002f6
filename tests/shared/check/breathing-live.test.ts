import { describe, expect, it } from 'vitest';
import {
  BREATHING_PRESET_SPECS,
  breathAt,
  breathingCue,
  breathsPerMinute,
  customPattern,
  cycleSec,
  toStoredPattern,
} from '../../../shared/check/breathing.ts';
import { coherenceBand, createLiveCheck } from '../../../shared/check/live-check.ts';
import { createDemoPhysiology } from '../../../shared/sensors/demo-physiology.ts';

describe('breathing patterns', () => {
  it('the default is 6 a minute, 4 s in and 6 s out; the presets have their published rhythms', () => {
    const rates = Object.fromEntries(Object.entries(BREATHING_PRESET_SPECS).map(([id, spec]) => [id, Math.round(breathsPerMinute(spec) * 100) / 100]));
    expect(rates).toEqual({ 'long-exhale-4-6': 6, 'resonance-5.5': 5.5, 'box-4-4-4-4': 3.75, '4-7-8': 3.16, 'cyclic-sigh': 6 });
    expect(toStoredPattern(BREATHING_PRESET_SPECS['long-exhale-4-6'])).toEqual({ preset: 'long-exhale-4-6', inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 });
    expect(toStoredPattern(BREATHING_PRESET_SPECS['box-4-4-4-4'])).toEqual({ preset: 'box-4-4-4-4', inhaleSec: 4, holdInSec: 4, exhaleSec: 4, holdOutSec: 4 });
  });

  it('the custom editor keeps 4–10 breaths a minute and the exhale at 1–2.5 times the inhale', () => {
    const custom = customPattern(8, 2);
    expect(cycleSec(custom)).toBeCloseTo(7.5);
    expect(custom.segments.map((segment) => segment.sec)).toEqual([2.5, 5]);
    expect(breathsPerMinute(customPattern(2, 1))).toBe(4);
    expect(breathsPerMinute(customPattern(30, 1))).toBe(10);
    expect(customPattern(6, 9).segments[1]!.sec / customPattern(6, 9).segments[0]!.sec).toBeCloseTo(2.5);
    expect(toStoredPattern(custom).preset).toBe('custom');
  });

  it('says in, then out, with a countdown and a shape that fills and empties', () => {
    const pattern = BREATHING_PRESET_SPECS['long-exhale-4-6'];
    expect(breathAt(pattern, 0)).toMatchObject({ segment: { kind: 'in' }, countdown: 4, fullness: 0, breaths: 0 });
    expect(breathAt(pattern, 2000).fullness).toBeCloseTo(0.5);
    expect(breathAt(pattern, 3500)).toMatchObject({ segment: { kind: 'in' }, countdown: 1 });
    expect(breathAt(pattern, 4000)).toMatchObject({ segment: { kind: 'out' }, countdown: 6, fullness: 1 });
    expect(breathAt(pattern, 10_000)).toMatchObject({ segment: { kind: 'in' }, breaths: 1 });
    const sigh = BREATHING_PRESET_SPECS['cyclic-sigh'];
    expect(breathAt(sigh, 2600).segment.kind).toBe('top-up');
    expect(breathAt(sigh, 2500).fullness).toBeCloseTo(0.75);
    expect(breathAt(BREATHING_PRESET_SPECS['box-4-4-4-4'], 13_000)).toMatchObject({ segment: { kind: 'hold-out' }, fullness: 0 });
  });

  it('gives the demo heart the pacer\'s rhythm', () => {
    const cue = breathingCue(BREATHING_PRESET_SPECS['long-exhale-4-6'], 1000);
    expect(cue.breathsPerMin).toBe(6);
    expect(cue.phaseAt(1000)).toBe(0);
    expect(cue.phaseAt(6000)).toBeCloseTo(0.5);
  });
});

describe('live check', () => {
  function feed(scenario: 'calm' | 'flooded-then-recovers', seconds: number, baseline: number | null) {
    let now = 0;
    const live = createLiveCheck({ clock: { nowMs: () => now }, baselineHrBpm: baseline });
    const heart = createDemoPhysiology({ seed: 3, scenario, startMs: 0 });
    for (;;) {
      const beat = heart.nextBeat();
      if (beat.tMs > seconds * 1000) break;
      now = beat.tMs;
      live.push(beat);
    }
    return live;
  }

  it('counts a clean run of beats and the state against the baseline', () => {
    const sample = feed('calm', 90, 66).sample('yes');
    expect(sample.receiving).toBe(true);
    expect(sample.cleanRunSec).toBeGreaterThan(60);
    expect(sample.state).toBe('calm');
    expect(sample.hrSum / sample.hrCount).toBeGreaterThan(55);
    expect(sample.hrSum / sample.hrCount).toBeLessThan(75);
    expect(sample.rmssdMs).not.toBeNull();
  });

  it('takes a phase\'s mean heart rate from the cleaned beats: a missed beat does not drag it down', () => {
    let now = 0;
    const clean = createLiveCheck({ clock: { nowMs: () => now }, baselineHrBpm: 66 });
    const withMissed = createLiveCheck({ clock: { nowMs: () => now }, baselineHrBpm: 66 });
    const heart = createDemoPhysiology({ seed: 5, scenario: 'calm', startMs: 0 });
    let pending: { tMs: number; rrMs: number } | null = null;
    for (let i = 0; i < 120; i++) {
      const beat = heart.nextBeat();
      now = beat.tMs;
      clean.push(beat);
      // Every 15th beat the strap misses one: the next interval arrives as the two together.
      if (i % 15 === 7) pending = beat;
      else if (pending) {
        withMissed.push({ tMs: beat.tMs, rrMs: pending.rrMs + beat.rrMs });
        pending = null;
      } else withMissed.push(beat);
    }
    const meanOf = (sample: { hrSum: number; hrCount: number }) => sample.hrSum / sample.hrCount;
    const truth = meanOf(clean.sample('yes'));
    expect(Math.abs(meanOf(withMissed.sample('yes')) - truth)).toBeLessThan(0.5);
    expect(withMissed.sample('yes').corrected).toBeGreaterThanOrEqual(6);
  });

  it('sees a flooded start as flooded', () => {
    expect(feed('flooded-then-recovers', 40, 66).sample('yes').state).toBe('flooded');
  });

  it('has no state without a baseline (a calibration reading)', () => {
    expect(feed('calm', 60, null).sample('yes').state).toBeNull();
  });

  it('a gap in the beats restarts the clean run', () => {
    let now = 0;
    const live = createLiveCheck({ clock: { nowMs: () => now }, baselineHrBpm: 66 });
    for (let i = 1; i <= 20; i++) live.push({ tMs: (now = i * 1000), rrMs: 1000 });
    expect(live.sample('yes').cleanRunSec).toBe(19);
    for (let i = 30; i <= 33; i++) live.push({ tMs: (now = i * 1000), rrMs: 1000 });
    expect(live.sample('yes').cleanRunSec).toBe(3);
    now = 45_000;
    expect(live.sample('yes')).toMatchObject({ receiving: false, cleanRunSec: 0 });
  });

  it('a strap that says it is off the skin restarts the clean run, which grows again once contact is back', () => {
    let now = 0;
    const live = createLiveCheck({ clock: { nowMs: () => now }, baselineHrBpm: 66 });
    for (let i = 1; i <= 10; i++) live.push({ tMs: (now = i * 1000), rrMs: 1000 });
    expect(live.sample('yes', 'yes').cleanRunSec).toBe(9);
    // Beats keep coming (straps often send some while loose), but the strap reports no contact.
    for (let i = 11; i <= 20; i++) {
      live.push({ tMs: (now = i * 1000), rrMs: 1000 });
      expect(live.sample('yes', 'no')).toMatchObject({ contact: 'no', cleanRunSec: 0 });
    }
    for (let i = 21; i <= 25; i++) live.push({ tMs: (now = i * 1000), rrMs: 1000 });
    expect(live.sample('yes', 'yes')).toMatchObject({ contact: 'yes', cleanRunSec: 4 });
  });

  it('a strap that does not report contact keeps its clean run', () => {
    let now = 0;
    const live = createLiveCheck({ clock: { nowMs: () => now }, baselineHrBpm: 66 });
    for (let i = 1; i <= 20; i++) {
      live.push({ tMs: (now = i * 1000), rrMs: 1000 });
      live.sample('yes', 'unknown');
    }
    expect(live.sample('yes', 'unknown')).toMatchObject({ contact: 'unknown', cleanRunSec: 19 });
  });

  it('bands coherence as low, medium or high', () => {
    expect([0.1, 0.3, 0.7].map(coherenceBand)).toEqual(['low', 'medium', 'high']);
  });
});
