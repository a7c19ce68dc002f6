import { VERDICT_WORDS } from '../content/check-steps-copy.ts';
import { FLOOD_CUE_LABEL, type BeatColumns, type BreathingPattern, type PhaseMarker, type SessionSummary } from '../model/session.ts';
import { decideVerdict } from '../signal/verdict.ts';

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

/** The check's verdicts as the session stores them ('breathe-more' is kept in the marker's label). */
export type StoredVerdict = 'ready' | 'breathe-more' | 'take-a-break' | 'too-noisy';

/** Something that happened at a moment, or over a stretch, that the page marks on its charts. */
export type SessionMoment =
  | { readonly kind: 'flood-cue'; readonly atSec: number }
  | { readonly kind: 'verdict'; readonly atSec: number; readonly verdict: StoredVerdict }
  | { readonly kind: 'break'; readonly atSec: number; readonly endSec: number };

function storedVerdict(marker: PhaseMarker): StoredVerdict | null {
  if (marker.phase !== 'verdict' || marker.edge !== 'point') return null;
  if (marker.verdict) return marker.verdict;
  return marker.label === 'breathe-more' ? 'breathe-more' : null;
}

/**
 * The session's flooding cues and verdicts (from its point markers) and its breaks (the
 * break bands), in time order. A session can hold several verdicts: a noisy signal and then
 * a fair reading, or "ready" after a break.
 */
export function sessionMoments(markers: readonly PhaseMarker[], bands: readonly PhaseBand[]): SessionMoment[] {
  const moments: SessionMoment[] = [];
  for (const marker of markers) {
    const atSec = marker.tMs / 1000;
    if (marker.edge === 'point' && marker.phase === 'conversation' && marker.label === FLOOD_CUE_LABEL) moments.push({ kind: 'flood-cue', atSec });
    const verdict = storedVerdict(marker);
    if (verdict !== null) moments.push({ kind: 'verdict', atSec, verdict });
  }
  for (const band of bands) if (band.phase === 'break') moments.push({ kind: 'break', atSec: band.startSec, endSec: band.endSec });
  return moments.sort((a, b) => a.atSec - b.atSec);
}

/** The verdict the session ended on: the last one it holds, or null when the check never reached one. */
export function finalVerdict(moments: readonly SessionMoment[]): Extract<SessionMoment, { kind: 'verdict' }> | null {
  for (let i = moments.length - 1; i >= 0; i -= 1) {
    const moment = moments[i] as SessionMoment;
    if (moment.kind === 'verdict') return moment;
  }
  return null;
}

/** A noisy verdict's reason is not stored (nor the figures it quoted): this says what it always means. */
const TOO_NOISY_REASON =
  'Too few clean beats reached Attune for a fair reading. That usually means the strap slipped, lost contact or was dry; moistening the electrodes and snugging it up helps next time.';

/**
 * A stored verdict in the check's own words: its heading, and the reason the check gave
 * (decideVerdict's words for the state it stands for, with the heart-rate-only note when the
 * session had no beat intervals).
 */
export function verdictWords(verdict: StoredVerdict, signal: SessionSummary['signal'] | null): { heading: string; reason: string } {
  const sensorSendsRr = signal !== 'heart-rate';
  const said = (state: 'calm' | 'elevated' | 'flooded') => decideVerdict({ durationSec: Number.POSITIVE_INFINITY, correctedPercent: 0, sensorSendsRr, state }).reason;
  switch (verdict) {
    case 'ready':
      return { heading: VERDICT_WORDS.ready.heading, reason: said('calm') };
    case 'breathe-more':
      return { heading: VERDICT_WORDS.breatheMore.heading, reason: said('elevated') };
    case 'take-a-break':
      return { heading: VERDICT_WORDS.takeABreak.heading, reason: said('flooded') };
    case 'too-noisy':
      return { heading: VERDICT_WORDS.signalTooNoisy.heading, reason: TOO_NOISY_REASON };
  }
}
