import { describe, expect, it } from 'vitest';
import { HEART_RATE_ONLY_LABEL } from '../../../shared/sensors/heart-rate-beats.ts';
import { SessionSummarySchema, type BeatColumns } from '../../../shared/model/session.ts';
import { analyzeRecording } from '../../../shared/signal/analyze-recording.ts';
import { phaseMetrics, summarizeBeats } from '../../../shared/signal/session-summary.ts';
import { CHECK_BEATS as BEATS, CHECK_MARKERS as MARKERS } from '../../support/check-recording.ts';
import { readFixture } from '../../support/cleaning-evaluation.ts';

// The regulation check's figures per phase, from beats and phase markers alone.

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
    expect(open.readingHrBpm).toBeNull();
    expect(open.readingRmssdMs).toBeNull();
    expect(open.afterBreathingRmssdMs).toBeCloseTo(60, 0);
    expect(phaseMetrics({ tMs: [], rrMs: [] }, [])).toMatchObject({ startHrBpm: null, endHrBpm: null });
  });
});

describe('the summary of a session with a dropout', () => {
  it('is analysed between the gaps: no variability invented across the lost minutes, and the stored schema holds', () => {
    // 12 minutes of a real recording as a session whose strap lost contact from 5:00 to 7:30,
    // while the heart sped up (exercise began at about minute 6).
    let clockMs = 0;
    const all = readFixture('rhenanbartels-hrv_exercise_rri_polar.rr_ms.txt').map((rrMs) => ({ rrMs, tMs: (clockMs += rrMs) }));
    const kept = all.filter(({ tMs }) => tMs <= 720_000 && !(tMs > 300_000 && tMs <= 450_000));
    const beats: BeatColumns = { tMs: kept.map((b) => b.tMs), rrMs: kept.map((b) => b.rrMs) };

    const summary = summarizeBeats(beats, { baselineHrBpm: 70 });
    expect(SessionSummarySchema.safeParse(summary).success).toBe(true);
    const betweenGaps = analyzeRecording(beats.rrMs, { clean: true, beatTimesMs: beats.tMs });
    const joined = analyzeRecording(beats.rrMs, { clean: true });
    expect(summary.rmssdMs).toBe(betweenGaps.time.rmssdMs);
    expect(summary.rmssdMs!).toBeLessThan(joined.time.rmssdMs / 1.05);
    expect(summary.hrv.vlfMs2).toBe(betweenGaps.frequency!.vlfMs2);
    expect(summary.hrv.vlfMs2!).toBeLessThan(0.7 * joined.frequency!.vlfMs2!);
    expect(summary.coherence.meanRatio).toBe(betweenGaps.coherence!.meanRatio);
  });

  it("keeps the reading's RMSSD to the differences within a stretch: 10 ms, not 23", () => {
    // The reading (15–75 s) at 100 bpm alternating by ±5 ms; 20 s lost from 40 s, after which
    // the heart beats at 80 bpm: a 150 ms step between the beats either side of the dropout.
    const beats = [...alternatingBeats(100, 0, 40_000), ...alternatingBeats(80, 60_000, 80_000), ...BEATS.filter((b) => b.tMs > 80_500)];
    const columns: BeatColumns = { tMs: beats.map((b) => b.tMs), rrMs: beats.map((b) => b.rrMs) };
    const metrics = phaseMetrics(columns, MARKERS);
    expect(metrics.readingRmssdMs).toBeCloseTo(10, 9);
    expect(metrics.readingHrBpm).toBeGreaterThan(80);
    expect(summarizeBeats(columns, { baselineHrBpm: 65, markers: MARKERS }).phases.readingRmssdMs).toBeCloseTo(10, 9);
  });

  it('replays every stored beat, the last few the live filter held back included: a peak at the very end counts', () => {
    // 60 s at 60 bpm, then 12 s at 120 bpm: the highest 10 s heart rate is reached only on
    // the last beats, which the live filter judges after the seven that would follow them.
    const beats = [...alternatingBeats(60, 0, 60_000), ...alternatingBeats(120, 60_000, 72_000)];
    const columns: BeatColumns = { tMs: beats.map((b) => b.tMs), rrMs: beats.map((b) => b.rrMs) };
    const summary = summarizeBeats(columns, { baselineHrBpm: 60 });
    expect(summary.peakHrBpm).toBeGreaterThan(119);
  });
});

/** Beats at `bpm` alternating by ±5 ms (every difference 10 ms), ending between fromMs and toMs. */
function alternatingBeats(bpm: number, fromMs: number, toMs: number): { tMs: number; rrMs: number }[] {
  const beats: { tMs: number; rrMs: number }[] = [];
  for (let i = 0, tMs = fromMs; ; i++) {
    const rrMs = 60000 / bpm + (i % 2 === 0 ? 5 : -5);
    if (tMs + rrMs > toMs) return beats;
    beats.push({ tMs: (tMs += rrMs), rrMs });
  }
}

describe('a session from a heart-rate-only sensor', () => {
  it('keeps the heart-rate figures and shows no variability or coherence, saying which signal it used', () => {
    let tMs = 0;
    const rrMs = Array.from({ length: 400 }, (_, i) => 60_000 / (70 + 10 * Math.sin(i / 20)));
    const beats = { tMs: rrMs.map((rr) => (tMs += rr)), rrMs };
    const plain = summarizeBeats(beats, { baselineHrBpm: 60 });
    expect(plain.signal).toBe('beat-intervals');
    expect(plain.rmssdMs).not.toBeNull();
    const hrOnly = summarizeBeats(beats, { baselineHrBpm: 60, markers: [{ tMs: 0, phase: 'note', edge: 'point', label: HEART_RATE_ONLY_LABEL }] });
    expect(hrOnly).toMatchObject({ signal: 'heart-rate', meanHrBpm: plain.meanHrBpm, maxHrBpm: plain.maxHrBpm, rmssdMs: null, sdnnMs: null });
    expect(hrOnly.hrv.hfMs2).toBeNull();
    expect(hrOnly.coherence.meanRatio).toBeNull();
  });
});

describe('time in conversation', () => {
  it('sums every conversation stretch, the breaks between them left out', () => {
    let tMs = 0;
    const rrMs = Array.from({ length: 1500 }, () => 800);
    const beats = { tMs: rrMs.map((rr) => (tMs += rr)), rrMs };
    const markers = [
      { tMs: 100_000, phase: 'conversation', edge: 'start' },
      { tMs: 400_000, phase: 'conversation', edge: 'end', label: 'break' },
      { tMs: 400_000, phase: 'break', edge: 'start' },
      { tMs: 700_000, phase: 'break', edge: 'end' },
      { tMs: 700_000, phase: 'conversation', edge: 'start', label: 'again' },
      { tMs: 900_000, phase: 'conversation', edge: 'end' },
    ] as const;
    expect(phaseMetrics(beats, markers).conversationSec).toBe(500);
    expect(phaseMetrics(beats, []).conversationSec).toBeNull();
  });
});

