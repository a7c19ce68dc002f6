import { describe, expect, it } from 'vitest';
import { beatSeries, breathsPerMinute, pacerWave, phaseBands } from '../../../shared/trends/session-detail.ts';

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
});
