import { describe, expect, it } from 'vitest';
import { baselineHrForRules, computeBaseline, median } from '../../../shared/signal/baseline.ts';
import { decideVerdict } from '../../../shared/signal/verdict.ts';

const reading = (atMs: number, hrBpm: number, rmssdMs: number | null = 40) => ({ atMs, hrBpm, rmssdMs });

describe('baseline', () => {
  it('is the median of the last 7 resting readings, HR and RMSSD', () => {
    const readings = [
      reading(1, 90, 10), // the oldest two fall out of the last 7
      reading(2, 91, 11),
      reading(3, 60, 50),
      reading(4, 62, 45),
      reading(5, 58, 55),
      reading(6, 61, 48),
      reading(7, 75, 20), // one reading after a coffee does not move the median much
      reading(8, 59, 52),
      reading(9, 63, 47),
    ];
    expect(computeBaseline([...readings].reverse())).toEqual({ status: 'established', hrBpm: 61, rmssdMs: 48, readingsUsed: 7 });
  });

  it('calibrates until 3 readings exist, with a provisional line from what there is', () => {
    expect(computeBaseline([])).toEqual({ status: 'calibrating', provisional: null, readingsSoFar: 0, readingsNeeded: 3 });
    const two = computeBaseline([reading(1, 60, 40), reading(2, 64, null)]);
    expect(two).toEqual({ status: 'calibrating', provisional: { hrBpm: 62, rmssdMs: 40 }, readingsSoFar: 2, readingsNeeded: 1 });
    expect(baselineHrForRules(two)).toBe(62);
    expect(computeBaseline([reading(1, 60), reading(2, 64), reading(3, 70)]).status).toBe('established');
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('verdict', () => {
  const good = { durationSec: 90, correctedPercent: 1, sensorSendsRr: true } as const;

  it('maps calm / elevated / flooded to ready / breathe-more / take-a-break', () => {
    expect(decideVerdict({ ...good, state: 'calm' }).kind).toBe('ready');
    expect(decideVerdict({ ...good, state: 'elevated' }).kind).toBe('breathe-more');
    expect(decideVerdict({ ...good, state: null }).kind).toBe('breathe-more');
    expect(decideVerdict({ ...good, state: 'flooded' }).kind).toBe('take-a-break');
  });

  it('needs 60 s with at most 5 % corrected beats, and says why not', () => {
    const short = decideVerdict({ ...good, durationSec: 45, state: 'calm' });
    expect(short.kind).toBe('signal-too-noisy');
    expect(short.reason).toMatch(/45 seconds/);
    expect(short.reason).toMatch(/strap/);
    const noisy = decideVerdict({ ...good, correctedPercent: 7.4, state: 'calm' });
    expect(noisy.kind).toBe('signal-too-noisy');
    expect(noisy.reason).toMatch(/7 %/);
    expect(noisy.reason).toMatch(/loose|dry/);
    expect(decideVerdict({ ...good, correctedPercent: 5, state: 'calm' }).kind).toBe('ready');
  });

  it('reaches a verdict on heart rate alone from a sensor without beat intervals, and says so', () => {
    for (const [state, kind] of [['calm', 'ready'], ['elevated', 'breathe-more'], ['flooded', 'take-a-break']] as const) {
      const optical = decideVerdict({ ...good, sensorSendsRr: false, state });
      expect(optical.kind).toBe(kind);
      expect(optical.reason).toMatch(/This comes from your heart rate alone: your sensor does not send the time between beats/);
    }
    // With a strap the reason says nothing about it.
    expect(decideVerdict({ ...good, state: 'calm' }).reason).not.toMatch(/heart rate alone/);
    // Too little data is too little, whatever the sensor.
    expect(decideVerdict({ ...good, sensorSendsRr: false, durationSec: 30, state: 'calm' }).kind).toBe('signal-too-noisy');
  });

  it('speaks to the user in the second person and makes no medical claims', () => {
    const states = ['calm', 'elevated', 'flooded', null] as const;
    for (const state of states) {
      const { reason } = decideVerdict({ ...good, state });
      expect(reason).toMatch(/\byou(r)?\b/i);
      expect(reason).not.toMatch(/diagnos|disease|disorder|medical|patholog|arrhythmia/i);
    }
  });
});

describe('verdict with the user’s limit on corrected beats', () => {
  const base = { durationSec: 75, sensorSendsRr: true, state: 'calm' as const };
  it('follows the setting instead of the 5 % default', () => {
    expect(decideVerdict({ ...base, correctedPercent: 7 }).kind).toBe('signal-too-noisy');
    expect(decideVerdict({ ...base, correctedPercent: 7, maxCorrectedPercent: 8 }).kind).toBe('ready');
    const strict = decideVerdict({ ...base, correctedPercent: 3, maxCorrectedPercent: 2 });
    expect(strict.kind).toBe('signal-too-noisy');
    expect(strict.reason).toContain('2 %');
  });
});
