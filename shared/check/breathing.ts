// Breathing patterns for the pacer, and where in a breath a moment falls. Pure: the pacer
// draws from `breathAt(pattern, elapsedMs)`, the demo sensor's heart follows
// `breathingCue(...)`, and a session stores `toStoredPattern(...)`, all from one description.
//
// A pattern is a cycle of segments. Most presets are in / hold / out / hold; the cyclic sigh
// is two in-breaths (a long one, then a short top-up) and one long out-breath.
import type { BreathingPattern } from '../model/session.ts';
import type { BreathingCue } from '../sensors/demo-physiology.ts';
import type { BREATHING_PRESETS } from '../model/settings.ts';

export type BreathingPresetId = (typeof BREATHING_PRESETS)[number];
export type SegmentKind = 'in' | 'top-up' | 'hold-in' | 'out' | 'hold-out';
export type BreathSegment = { readonly kind: SegmentKind; readonly sec: number };

export type BreathingPatternSpec = {
  /** A preset id, or null for the user's own rhythm. */
  readonly preset: BreathingPresetId | null;
  readonly name: string;
  readonly segments: readonly BreathSegment[];
};

export const CUSTOM_MIN_BREATHS_PER_MIN = 4;
export const CUSTOM_MAX_BREATHS_PER_MIN = 10;
/** Exhale as a multiple of the inhale, for the custom editor (1:1 up to 1:2.5). */
export const CUSTOM_MIN_EXHALE_RATIO = 1;
export const CUSTOM_MAX_EXHALE_RATIO = 2.5;

const seg = (kind: SegmentKind, sec: number): BreathSegment => ({ kind, sec });

export const BREATHING_PRESET_SPECS: Readonly<Record<BreathingPresetId, BreathingPatternSpec>> = {
  'long-exhale-4-6': { preset: 'long-exhale-4-6', name: 'Long exhale (4 in, 6 out)', segments: [seg('in', 4), seg('out', 6)] },
  'resonance-5.5': {
    preset: 'resonance-5.5',
    name: 'Resonance (5.5 breaths a minute)',
    // 60 / 5.5 = 10.91 s: an even split, as resonance breathing is usually taught.
    segments: [seg('in', 60 / 5.5 / 2), seg('out', 60 / 5.5 / 2)],
  },
  'box-4-4-4-4': {
    preset: 'box-4-4-4-4',
    name: 'Box (4 in, 4 hold, 4 out, 4 hold)',
    segments: [seg('in', 4), seg('hold-in', 4), seg('out', 4), seg('hold-out', 4)],
  },
  '4-7-8': { preset: '4-7-8', name: '4-7-8 (4 in, 7 hold, 8 out)', segments: [seg('in', 4), seg('hold-in', 7), seg('out', 8)] },
  'cyclic-sigh': {
    preset: 'cyclic-sigh',
    name: 'Cyclic sigh (two breaths in, one long breath out)',
    segments: [seg('in', 2.5), seg('top-up', 1), seg('out', 6.5)],
  },
};

export const DEFAULT_PRESET: BreathingPresetId = 'long-exhale-4-6';

/** The user's own rhythm: breaths a minute (4–10) and exhale:inhale (1–2.5), clamped. */
export function customPattern(breathsPerMin: number, exhaleRatio: number): BreathingPatternSpec {
  const rate = clamp(Number.isFinite(breathsPerMin) ? breathsPerMin : 6, CUSTOM_MIN_BREATHS_PER_MIN, CUSTOM_MAX_BREATHS_PER_MIN);
  const ratio = clamp(Number.isFinite(exhaleRatio) ? exhaleRatio : 1.5, CUSTOM_MIN_EXHALE_RATIO, CUSTOM_MAX_EXHALE_RATIO);
  const periodSec = 60 / rate;
  const inhaleSec = periodSec / (1 + ratio);
  return {
    preset: null,
    name: `Your rhythm (${formatNumber(rate)} a minute, out ${formatNumber(ratio)}× as long as in)`,
    segments: [seg('in', inhaleSec), seg('out', periodSec - inhaleSec)],
  };
}

export function cycleSec(pattern: BreathingPatternSpec): number {
  return pattern.segments.reduce((sum, segment) => sum + segment.sec, 0);
}

export function breathsPerMinute(pattern: BreathingPatternSpec): number {
  return 60 / cycleSec(pattern);
}

export type BreathMoment = {
  readonly segment: BreathSegment;
  readonly segmentIndex: number;
  /** 0 → 1 through the current segment. */
  readonly progress: number;
  /** Whole seconds left in the segment, for the counted (reduced-motion) pacer: 4, 3, 2, 1. */
  readonly countdown: number;
  /** How open the pacer shape is, 0 (empty lungs) → 1 (full), eased so it feels like a breath. */
  readonly fullness: number;
  /** Completed breaths. */
  readonly breaths: number;
};

export function breathAt(pattern: BreathingPatternSpec, elapsedMs: number): BreathMoment {
  const periodMs = cycleSec(pattern) * 1000;
  const elapsed = Math.max(0, elapsedMs);
  const breaths = Math.floor(elapsed / periodMs);
  let within = elapsed - breaths * periodMs;
  let fullness = 0;
  const topUpShare = 0.25; // the cyclic sigh's top-up fills the last quarter
  for (let index = 0; index < pattern.segments.length; index++) {
    const segment = pattern.segments[index]!;
    const segmentMs = segment.sec * 1000;
    if (within < segmentMs || index === pattern.segments.length - 1) {
      const progress = Math.min(1, within / segmentMs);
      const eased = (1 - Math.cos(Math.PI * progress)) / 2;
      const hasTopUp = pattern.segments.some((s) => s.kind === 'top-up');
      const inTop = hasTopUp ? 1 - topUpShare : 1;
      switch (segment.kind) {
        case 'in':
          fullness = eased * inTop;
          break;
        case 'top-up':
          fullness = inTop + eased * topUpShare;
          break;
        case 'hold-in':
          fullness = 1;
          break;
        case 'out':
          fullness = 1 - eased;
          break;
        case 'hold-out':
          fullness = 0;
          break;
      }
      return {
        segment,
        segmentIndex: index,
        progress,
        countdown: Math.max(1, Math.ceil((segmentMs - within) / 1000 - 1e-9)),
        fullness,
        breaths,
      };
    }
    within -= segmentMs;
  }
  throw new Error('a breathing pattern needs at least one segment');
}

/** What the demo sensor's heart follows: the pacer's rhythm, the first in-breath at `startMs`. */
export function breathingCue(pattern: BreathingPatternSpec, startMs: number): BreathingCue {
  const periodMs = cycleSec(pattern) * 1000;
  return {
    breathsPerMin: breathsPerMinute(pattern),
    phaseAt: (tMs) => {
      const cycles = (tMs - startMs) / periodMs;
      return cycles - Math.floor(cycles);
    },
  };
}

/** The session record's shape: in, hold, out, hold (a top-up counts as part of the in-breath). */
export function toStoredPattern(pattern: BreathingPatternSpec): BreathingPattern {
  const total = (kinds: SegmentKind[]) =>
    round2(pattern.segments.filter((segment) => kinds.includes(segment.kind)).reduce((sum, segment) => sum + segment.sec, 0));
  return {
    preset: pattern.preset ?? 'custom',
    inhaleSec: Math.max(1, total(['in', 'top-up'])),
    holdInSec: total(['hold-in']),
    exhaleSec: Math.max(1, total(['out'])),
    holdOutSec: total(['hold-out']),
  };
}

/** The words the pacer shows for a segment. */
export const SEGMENT_WORDS: Readonly<Record<SegmentKind, string>> = {
  in: 'Breathe in',
  'top-up': 'A little more in',
  'hold-in': 'Hold',
  out: 'Breathe out',
  'hold-out': 'Rest',
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
