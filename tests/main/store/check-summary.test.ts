import { afterEach, describe, expect, it } from 'vitest';
import { phaseMetrics } from '../../../shared/signal/session-summary.ts';
import type { Beat, PhaseMarker } from '../../../shared/model/session.ts';
import { fakeClock, openStore, tempDir } from './helpers.ts';

// The regulation check's summary (issue 6): heart rate at the start, the peak and the end,
// the reading's heart rate and RMSSD, RMSSD after breathing, from beats and phase markers.

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

const MARKERS: PhaseMarker[] = [
  { tMs: 0, phase: 'signal-check', edge: 'start' },
  { tMs: 15_000, phase: 'signal-check', edge: 'end' },
  { tMs: 15_000, phase: 'reading', edge: 'start' },
  { tMs: 75_000, phase: 'reading', edge: 'end' },
  { tMs: 80_000, phase: 'breathing', edge: 'start', label: 'Long exhale (4 in, 6 out)' },
  { tMs: 260_000, phase: 'breathing', edge: 'end' },
  { tMs: 260_000, phase: 'verdict', edge: 'point', verdict: 'ready' },
];

// 100 bpm with small swings until the breathing, then 70 bpm with large breathing swings.
const BEATS = [...beatsAt(100, 5, 0, 80_000), ...beatsAt(70, 30, 80_000, 270_000)];

describe('check summary figures per phase', () => {
  it('takes the reading and the last minute of breathing from the markers', () => {
    const columns = { tMs: BEATS.map((b) => b.tMs), rrMs: BEATS.map((b) => b.rrMs) };
    const metrics = phaseMetrics(columns, MARKERS);
    expect(metrics.startHrBpm).toBeCloseTo(100, 0);
    expect(metrics.endHrBpm).toBeCloseTo(70, 0);
    expect(metrics.readingHrBpm).toBeCloseTo(100, 0);
    expect(metrics.readingRmssdMs).toBeCloseTo(10, 0);
    expect(metrics.afterBreathingRmssdMs).toBeCloseTo(60, 0);
    expect(metrics.breathingSec).toBe(180);
  });

  it('leaves phases that did not happen as null, and an open phase runs to the last beat', () => {
    const columns = { tMs: BEATS.map((b) => b.tMs), rrMs: BEATS.map((b) => b.rrMs) };
    const open = phaseMetrics(columns, [{ tMs: 80_000, phase: 'breathing', edge: 'start' }]);
    expect(open['readingHrBpm']).toBeNull();
    expect(open['readingRmssdMs']).toBeNull();
    expect(open['afterBreathingRmssdMs']).toBeCloseTo(60, 0);
    expect(phaseMetrics({ tMs: [], rrMs: [] }, [])).toMatchObject({ startHrBpm: null, endHrBpm: null });
  });
});

describe('a finished check in the store', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((remove) => remove()));

  it('stores start, peak and end heart rate, reading and after-breathing RMSSD, and the verdict', async () => {
    const dir = tempDir();
    dirs.push(dir.remove);
    const store = await openStore(dir.path, { clock: fakeClock() });
    const started = await store.startSession({ kind: 'check', source: { kind: 'demo' }, baselineHrBpm: 66 });
    for (let i = 0; i < BEATS.length; i += 50) await store.appendBeats(started.id, BEATS.slice(i, i + 50));
    for (const marker of MARKERS) await store.addMarker(started.id, marker);
    const finished = await store.finishSession(started.id);
    const summary = finished.summary!;
    expect(finished.verdict).toBe('ready');
    expect(summary.peakHrBpm).toBeGreaterThan(95);
    expect(summary.calmDownSec).not.toBeNull();
    expect(summary.phases.startHrBpm).toBeCloseTo(100, 0);
    expect(summary.phases.endHrBpm).toBeCloseTo(70, 0);
    expect(summary.phases.readingRmssdMs).toBeCloseTo(10, 0);
    expect(summary.phases.afterBreathingRmssdMs).toBeCloseTo(60, 0);
  });
});
