// The demo sensor's heart: a small physiological simulator, beat by beat, for people without
// a strap and for every automated test. Pure and seeded, so a test can run half an hour of
// heart in a few milliseconds and get the same beats every time.
//
// Each RR interval (ms) is the sum of
//   60000 / (baseline + arousal)          the heart rate the scenario asks for
//   + RSA                                 respiratory sinus arrhythmia, locked to the breath:
//                                         longest at the start of an in-breath, shortest
//                                         half a breath later; largest near 6 breaths/min
//                                         (resonance) and damped while aroused
//   + Mayer wave                          the ~0.1 Hz blood-pressure rhythm
//   + drift                               a slow AR(1) wander of the mean
//   + noise                               beat-to-beat jitter
// and about one beat in 250 is an ectopic pair (premature beat, compensatory pause).
//
// Arousal is the heart rate above baseline, in bpm. 'calm' keeps it near zero, 'elevated'
// holds it at +14 bpm, and 'flooded-then-recovers' starts at +44 bpm, holds for 40 s and then
// returns exponentially toward baseline: with a time constant of 60 s while breathing slowly
// (≤ 7 breaths/min) and 150 s otherwise, so slow breathing visibly speeds recovery. These are
// plausible shapes for a demo (signal.md: slow breathing raises RSA a lot and lowers HR a
// little), not a model anyone should draw medical conclusions from.

import { createSeededRandom } from '../signal/synthetic-rr.ts';

export const DEMO_SCENARIOS = ['calm', 'elevated', 'flooded-then-recovers'] as const;
export type DemoScenario = (typeof DEMO_SCENARIOS)[number];

/**
 * What the breathing pacer is doing. `phaseAt(tMs)` is the position in the breath cycle in
 * [0, 1), 0 being the start of an in-breath. Without a cue the simulated person breathes on
 * their own at about 14 breaths a minute.
 */
export type BreathingCue = {
  readonly breathsPerMin: number;
  phaseAt(tMs: number): number;
};

/** A steady pacer: `breathsPerMin`, the first in-breath starting at `startMs`. */
export function steadyBreathing(breathsPerMin: number, startMs = 0): BreathingCue {
  const periodMs = 60000 / breathsPerMin;
  return {
    breathsPerMin,
    phaseAt: (tMs) => {
      const cycles = (tMs - startMs) / periodMs;
      return cycles - Math.floor(cycles);
    },
  };
}

export type DemoBeat = {
  /** When the beat ended, on the caller's clock. */
  readonly tMs: number;
  readonly rrMs: number;
  readonly ectopic: boolean;
};

export type DemoPhysiologyOptions = {
  readonly seed: number;
  readonly scenario: DemoScenario;
  /** Clock time the simulation starts at; the first beat ends one RR later. */
  readonly startMs: number;
  readonly baselineHrBpm?: number;
};

export type DemoPhysiology = {
  nextBeat(): DemoBeat;
  setBreathing(cue: BreathingCue | null): void;
  /** Heart rate above baseline the scenario asks for at the last beat, bpm. */
  arousalBpm(): number;
};

export const DEMO_BASELINE_HR_BPM = 66;
const SPONTANEOUS_BREATHS_PER_MIN = 14;
const RESONANCE_BREATHS_PER_MIN = 6;
const RSA_AT_RESONANCE_MS = 60;
const RSA_SPONTANEOUS_MS = 18;
const RSA_RESONANCE_WIDTH_BREATHS_PER_MIN = 3.5;
const MAYER_HZ = 0.1;
const MAYER_AMPLITUDE_MS = 12;
const DRIFT_SD_MS = 18;
const DRIFT_COEFFICIENT = 0.99;
const NOISE_SD_MS = 6;
const ECTOPIC_PROBABILITY = 0.004;

const ELEVATED_AROUSAL_BPM = 14;
const FLOODED_START_AROUSAL_BPM = 44;
const FLOODED_HOLD_MS = 40_000;
const SLOW_BREATHING_MAX_PER_MIN = 7;
const RECOVERY_TAU_SLOW_BREATHING_MS = 60_000;
const RECOVERY_TAU_OTHERWISE_MS = 150_000;

/** RSA half-amplitude (ms) at a breathing rate, before arousal damps it. */
export function rsaAmplitudeMs(breathsPerMin: number): number {
  const distance = (breathsPerMin - RESONANCE_BREATHS_PER_MIN) / RSA_RESONANCE_WIDTH_BREATHS_PER_MIN;
  return RSA_SPONTANEOUS_MS + (RSA_AT_RESONANCE_MS - RSA_SPONTANEOUS_MS) * Math.exp(-distance * distance);
}

export function createDemoPhysiology(options: DemoPhysiologyOptions): DemoPhysiology {
  const random = createSeededRandom(options.seed);
  const baselineHr = options.baselineHrBpm ?? DEMO_BASELINE_HR_BPM;
  const mayerPhase = random.between(0, 2 * Math.PI);
  const driftInnovation = DRIFT_SD_MS * Math.sqrt(1 - DRIFT_COEFFICIENT * DRIFT_COEFFICIENT);
  let drift = random.normal() * DRIFT_SD_MS * 0.5;
  let cue: BreathingCue | null = null;
  // Spontaneous breathing keeps its own phase, with a little breath-to-breath variation.
  let spontaneousPhase = random.next();
  let spontaneousRate = SPONTANEOUS_BREATHS_PER_MIN;
  let tMs = options.startMs;
  let arousal = initialArousal(options.scenario);
  // An ectopic beat's compensatory pause comes on the next beat.
  let pendingCompensationMs: number | null = null;

  const breathingRate = (): number => cue?.breathsPerMin ?? spontaneousRate;
  const breathPhase = (at: number): number => (cue ? cue.phaseAt(at) : spontaneousPhase);

  const updateArousal = (elapsedMs: number, stepMs: number): void => {
    if (options.scenario === 'calm') arousal = 0;
    else if (options.scenario === 'elevated') arousal = ELEVATED_AROUSAL_BPM;
    else if (elapsedMs > FLOODED_HOLD_MS) {
      const tau = breathingRate() <= SLOW_BREATHING_MAX_PER_MIN ? RECOVERY_TAU_SLOW_BREATHING_MS : RECOVERY_TAU_OTHERWISE_MS;
      arousal *= Math.exp(-stepMs / tau);
    }
  };

  const sinusRr = (at: number): number => {
    const hr = baselineHr + arousal;
    // Arousal withdraws vagal tone: RSA shrinks as the heart speeds up.
    const vagalTone = 1 - 0.7 * Math.min(1, arousal / FLOODED_START_AROUSAL_BPM);
    const rsa = rsaAmplitudeMs(breathingRate()) * vagalTone * Math.cos(2 * Math.PI * breathPhase(at));
    const mayer = MAYER_AMPLITUDE_MS * Math.sin(2 * Math.PI * MAYER_HZ * ((at - options.startMs) / 1000) + mayerPhase);
    drift = DRIFT_COEFFICIENT * drift + driftInnovation * random.normal();
    return 60000 / hr + rsa + mayer + drift + NOISE_SD_MS * random.normal();
  };

  return {
    nextBeat() {
      let rrMs: number;
      let ectopic = false;
      if (pendingCompensationMs !== null) {
        rrMs = pendingCompensationMs;
        pendingCompensationMs = null;
      } else {
        const normal = clamp(sinusRr(tMs), 330, 1800);
        if (random.next() < ECTOPIC_PROBABILITY) {
          const prematurity = random.between(0.6, 0.72);
          rrMs = normal * prematurity;
          pendingCompensationMs = normal * (2 - prematurity);
          ectopic = true;
        } else {
          rrMs = normal;
        }
      }
      const previousTMs = tMs;
      tMs += rrMs;
      updateArousal(tMs - options.startMs, tMs - previousTMs);
      if (!cue) {
        spontaneousPhase += (rrMs / 60000) * spontaneousRate;
        if (spontaneousPhase >= 1) {
          spontaneousPhase -= 1;
          spontaneousRate = SPONTANEOUS_BREATHS_PER_MIN + random.between(-1.5, 1.5);
        }
      }
      return { tMs, rrMs, ectopic };
    },
    setBreathing(next) {
      cue = next;
    },
    arousalBpm: () => arousal,
  };
}

function initialArousal(scenario: DemoScenario): number {
  if (scenario === 'elevated') return ELEVATED_AROUSAL_BPM;
  if (scenario === 'flooded-then-recovers') return FLOODED_START_AROUSAL_BPM;
  return 0;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
