import { describe, expect, it } from 'vitest';
import { FLOOD_CUE_LABEL } from '../../../shared/model/session.ts';
import { HEART_RATE_ONLY_BASIS } from '../../../shared/signal/verdict.ts';
import { beatSeries, breathsPerMinute, finalVerdict, pacerWave, phaseBands, sessionMoments, verdictWords } from '../../../shared/trends/session-detail.ts';

describe('session detail', () => {
  it('turns start/end markers into phase bands, closing an open phase at the next one or the end', () => {
    const bands = phaseBands(
      [
        { tMs: 0, phase: 'baseline', edge: 'start' },
        { tMs: 60_000, phase: 'breathing', edge: 'start' },
        { tMs: 240_000, phase: 'breathing', edge: 'end' },
        { tMs: 240_000, phase: 'verdict', edge: 'point', verdict: 'ready' },
        { tMs: 250_000, phase: 'conversation', edge: 'start' },
      ],
      600,
    );
    expect(bands).toEqual([
      { phase: 'baseline', label: 'Reading', startSec: 0, endSec: 60 },
      { phase: 'breathing', label: 'Breathing', startSec: 60, endSec: 240 },
      { phase: 'conversation', label: 'Conversation', startSec: 250, endSec: 600 },
    ]);
  });

  it('names the regulation check\'s phases (signal check, reading, debrief)', () => {
    const bands = phaseBands(
      [
        { tMs: 0, phase: 'signal-check', edge: 'start' },
        { tMs: 15_000, phase: 'reading', edge: 'start' },
        { tMs: 75_000, phase: 'reading', edge: 'end' },
        { tMs: 80_000, phase: 'debrief', edge: 'start' },
      ],
      100,
    );
    expect(bands.map((b) => [b.label, b.startSec, b.endSec])).toEqual([['Signal check', 0, 15], ['Reading', 15, 75], ['Debrief', 80, 100]]);
  });

  it('gives heart rate from each RR interval', () => {
    const { hr, rr } = beatSeries({ tMs: [1000, 1800], rrMs: [1000, 800] });
    expect(hr).toEqual([{ x: 1, y: 60 }, { x: 1.8, y: 75 }]);
    expect(rr[1]).toEqual({ x: 1.8, y: 800 });
  });

  it('draws the pacer full after the inhale and empty after the exhale, only while breathing', () => {
    const pattern = { preset: null, inhaleSec: 4, holdInSec: 0, exhaleSec: 6, holdOutSec: 0 };
    const wave = pacerWave(pattern, [{ phase: 'breathing', label: 'Breathing', startSec: 60, endSec: 80 }], 1);
    expect(wave[0]).toEqual({ x: 60, y: 0 });
    expect(wave.find((p) => p.x === 64)!.y).toBeCloseTo(1);
    expect(wave.find((p) => p.x === 70)!.y).toBeCloseTo(0);
    expect(wave.every((p) => p.x >= 60 && p.x <= 80)).toBe(true);
    expect(breathsPerMinute(pattern)).toBe(6);
  });

  it('finds the flooding cues, breaks and verdicts (breathe-more kept in the label), in time order', () => {
    const markers = [
      { tMs: 400_000, phase: 'conversation', edge: 'point', label: FLOOD_CUE_LABEL },
      { tMs: 100_000, phase: 'verdict', edge: 'point', label: 'breathe-more' },
      { tMs: 200_000, phase: 'verdict', edge: 'point', verdict: 'take-a-break' },
      { tMs: 200_000, phase: 'break', edge: 'start' },
      { tMs: 300_000, phase: 'break', edge: 'end' },
      { tMs: 350_000, phase: 'conversation', edge: 'point', label: 'intention' },
    ] as const;
    const moments = sessionMoments(markers, phaseBands(markers, 500));
    expect(moments).toEqual([
      { kind: 'verdict', atSec: 100, verdict: 'breathe-more' },
      { kind: 'verdict', atSec: 200, verdict: 'take-a-break' },
      { kind: 'break', atSec: 200, endSec: 300 },
      { kind: 'flood-cue', atSec: 400 },
    ]);
    expect(finalVerdict(moments)).toEqual({ kind: 'verdict', atSec: 200, verdict: 'take-a-break' });
    expect(finalVerdict([{ kind: 'flood-cue', atSec: 1 }])).toBeNull();
  });

  it('words a stored verdict as the check did, saying when it rested on heart rate alone', () => {
    expect(verdictWords('take-a-break', 'beat-intervals')).toEqual({ heading: 'Time for a break', reason: expect.stringContaining('at least 20 minutes') });
    expect(verdictWords('breathe-more', 'heart-rate').reason).toContain(HEART_RATE_ONLY_BASIS);
    expect(verdictWords('too-noisy', 'heart-rate').reason).not.toContain(HEART_RATE_ONLY_BASIS);
  });
});
