import type { BeatColumns, BreathingPattern, PhaseMarker } from '../model/session.ts';

// What the session page draws: heart rate and beat-to-beat intervals over time, the phases
// as bands, and the pacer's rhythm during breathing. Series are full resolution here; the
// screen thins them for drawing (lttb.ts).

export type PhaseBand = { phase: PhaseMarker['phase']; label: string; startSec: number; endSec: number };

const PHASE_LABELS: Partial<Record<PhaseMarker['phase'], string>> = {
  'signal-check': 'Signal check',
  baseline: 'Reading',
  reading: 'Reading',
  grounding: 'Grounding',
  breathing: 'Breathing',
  break: 'Break',
  recovery: 'Recovery',
  conversation: 'Conversation',
  repair: 'Repair',
  debrief: 'Debrief',
};

/**
 * Phase bands from start/end markers. A phase left open runs to the next phase's start or
 * the end of the session. Point markers (verdict, note) make no band.
 */
export function phaseBands(markers: readonly PhaseMarker[], durationSec: number): PhaseBand[] {
  const sorted = [...markers].sort((a, b) => a.tMs - b.tMs);
  const bands: PhaseBand[] = [];
  let open: { phase: PhaseMarker['phase']; startSec: number } | null = null;
  const close = (endSec: number) => {
    if (open && endSec > open.startSec) bands.push({ phase: open.phase, label: PHASE_LABELS[open.phase] ?? open.phase, startSec: open.startSec, endSec });
    open = null;
  };
  for (const marker of sorted) {
    if (marker.edge === 'point' || PHASE_LABELS[marker.phase] === undefined) continue;
    const tSec = marker.tMs / 1000;
    if (marker.edge === 'start') {
      close(tSec);
      open = { phase: marker.phase, startSec: tSec };
    } else if (open !== null && (open as { phase: string }).phase === marker.phase) {
      close(tSec);
    }
  }
  close(Math.max(durationSec, (open as { startSec: number } | null)?.startSec ?? 0));
  return bands;
}

export type BeatPoint = { x: number; y: number };

/** Beat-wise heart rate (60000 / RR) and RR (ms) against seconds since the session began. */
export function beatSeries(beats: BeatColumns): { hr: BeatPoint[]; rr: BeatPoint[] } {
  const count = Math.min(beats.tMs.length, beats.rrMs.length);
  const hr: BeatPoint[] = new Array(count);
  const rr: BeatPoint[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const x = (beats.tMs[i] as number) / 1000;
    const rrMs = beats.rrMs[i] as number;
    hr[i] = { x, y: 60_000 / rrMs };
    rr[i] = { x, y: rrMs };
  }
  return { hr, rr };
}

/**
 * The pacer's lung curve (0 empty … 1 full) during each breathing band, sampled every
 * `stepSec`: rising during the inhale, flat on holds, falling during the exhale, as the
 * pacer drew it (cosine easing).
 */
export function pacerWave(pattern: BreathingPattern, bands: readonly PhaseBand[], stepSec = 0.25): BeatPoint[] {
  const cycle = pattern.inhaleSec + pattern.holdInSec + pattern.exhaleSec + pattern.holdOutSec;
  if (!(cycle > 0)) return [];
  const out: BeatPoint[] = [];
  const ease = (f: number) => (1 - Math.cos(Math.PI * f)) / 2;
  for (const band of bands) {
    if (band.phase !== 'breathing') continue;
    for (let t = band.startSec; t <= band.endSec; t += stepSec) {
      let c = (t - band.startSec) % cycle;
      let y: number;
      if (c < pattern.inhaleSec) y = ease(c / pattern.inhaleSec);
      else if ((c -= pattern.inhaleSec) < pattern.holdInSec) y = 1;
      else if ((c -= pattern.holdInSec) < pattern.exhaleSec) y = 1 - ease(c / pattern.exhaleSec);
      else y = 0;
      out.push({ x: t, y });
    }
  }
  return out;
}

/** Breaths per minute of a pattern, for the caption. */
export function breathsPerMinute(pattern: BreathingPattern): number {
  const cycle = pattern.inhaleSec + pattern.holdInSec + pattern.exhaleSec + pattern.holdOutSec;
  return cycle > 0 ? Math.round((600 / cycle)) / 10 : 0;
}
