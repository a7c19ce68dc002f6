import type { Beat, PhaseMarker } from '../../shared/model/session.ts';

// A regulation check as beats and markers: 100 bpm with small swings through the signal
// check and the reading, then 70 bpm with large breathing swings, so every per-phase figure
// has a known answer.

/** Beats at `bpm` with an alternating swing of ±`swingMs` (so RMSSD = 2·swing), from `fromMs` to `toMs`. */
function beatsAt(bpm: number, swingMs: number, fromMs: number, toMs: number): Beat[] {
  const beats: Beat[] = [];
  let t = fromMs;
  for (let i = 0; t < toMs; i++) {
    const rrMs = 60000 / bpm + (i % 2 === 0 ? swingMs : -swingMs);
    t += rrMs;
    beats.push({ tMs: t, rrMs });
  }
  return beats;
}

export const CHECK_MARKERS: PhaseMarker[] = [
  { tMs: 0, phase: 'signal-check', edge: 'start' },
  { tMs: 15_000, phase: 'signal-check', edge: 'end' },
  { tMs: 15_000, phase: 'reading', edge: 'start' },
  { tMs: 75_000, phase: 'reading', edge: 'end' },
  { tMs: 80_000, phase: 'breathing', edge: 'start', label: 'Long exhale (4 in, 6 out)' },
  { tMs: 260_000, phase: 'breathing', edge: 'end' },
  { tMs: 260_000, phase: 'verdict', edge: 'point', verdict: 'ready' },
];

export const CHECK_BEATS = [...beatsAt(100, 5, 0, 80_000), ...beatsAt(70, 30, 80_000, 270_000)];
