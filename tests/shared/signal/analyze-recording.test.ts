import { describe, expect, it } from 'vitest';
import { analyzeRecording, TooFewBeatsError } from '../../../shared/signal/analyze-recording.ts';
import { ENGINE_VERSION } from '../../../shared/signal/index.ts';
import { generateRrSeries, injectArtefacts } from '../../../shared/signal/synthetic-rr.ts';

describe('analyzeRecording', () => {
  const clean = generateRrSeries({ seed: 21, durationSec: 300 });

  it('returns exactly the JSON shape the analyze command prints', () => {
    const analysis = analyzeRecording(clean, { clean: true });
    expect(Object.keys(analysis)).toEqual(['beats', 'durationSec', 'cleaning', 'time', 'frequency', 'poincare', 'coherence']);
    expect(Object.keys(analysis.cleaning)).toEqual(['method', 'corrected', 'correctedPercent', 'byClass', 'outOfRange']);
    expect(Object.keys(analysis.cleaning.byClass)).toEqual(['ectopic', 'missed', 'extra', 'longShort']);
    expect(Object.keys(analysis.time)).toEqual(['meanNnMs', 'sdnnMs', 'rmssdMs', 'nn50', 'pnn50', 'meanHrBpm', 'minHrBpm', 'maxHrBpm']);
    expect(Object.keys(analysis.frequency!)).toEqual(['vlfMs2', 'lfMs2', 'hfMs2', 'lfHf', 'lfNu', 'hfNu', 'totalMs2']);
    expect(Object.keys(analysis.poincare)).toEqual(['sd1Ms', 'sd2Ms']);
    expect(Object.keys(analysis.coherence!)).toEqual(['meanRatio', 'meanNormalized', 'peakHz']);
    expect(analysis.cleaning.method).toBe('lipponen-tarvainen-2019');
    expect(analysis.beats).toBe(clean.length);
    expect(analysis.durationSec).toBeCloseTo(clean.reduce((a, b) => a + b, 0) / 1000, 9);
    expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis); // nothing lost: no NaN, no Infinity
  });

  it('with clean: false analyses the series as-is', () => {
    const { rrMs } = injectArtefacts(clean, { seed: 4, ratePercent: 3, kinds: ['missed'] });
    const raw = analyzeRecording(rrMs, { clean: false });
    const cleaned = analyzeRecording(rrMs, { clean: true });
    expect(raw.cleaning).toEqual({
      method: 'none',
      corrected: 0,
      correctedPercent: 0,
      byClass: { ectopic: 0, missed: 0, extra: 0, longShort: 0 },
      outOfRange: 0,
    });
    expect(raw.time.rmssdMs).toBeGreaterThan(2 * cleaned.time.rmssdMs);
    expect(cleaned.cleaning.byClass.missed).toBeGreaterThan(0);
  });

  it('gives HF from 60 s, LF and the ratios from 120 s, and coherence from 64 s', () => {
    const ninety = analyzeRecording(generateRrSeries({ seed: 2, durationSec: 90 }), { clean: true });
    expect(ninety.frequency).toMatchObject({ vlfMs2: null, lfMs2: null, lfHf: null, lfNu: null, hfNu: null, totalMs2: null });
    expect(ninety.frequency!.hfMs2).toBeGreaterThan(0);
    expect(ninety.coherence).not.toBeNull();
    const fifty = analyzeRecording(generateRrSeries({ seed: 2, durationSec: 50 }), { clean: true });
    expect(fifty.frequency).toBeNull();
    expect(fifty.coherence).toBeNull();
    const long = analyzeRecording(generateRrSeries({ seed: 2, durationSec: 300 }), { clean: true });
    expect(long.frequency!.lfHf).toBeGreaterThan(0);
  });

  it('says why a file with no interval between 300 and 2000 ms cannot be analysed', () => {
    // A recording written in seconds instead of milliseconds.
    expect(() => analyzeRecording([0.81, 0.79, 0.83, 0.8], { clean: true })).toThrow(/none of the 4 intervals is between 300 and 2000 ms.*seconds/);
    expect(() => analyzeRecording([2600, 2700, 2650], { clean: true })).toThrow(TooFewBeatsError);
  });

  it('leaves impossible values out even without cleaning, and refuses fewer than 3 intervals', () => {
    const analysis = analyzeRecording([800, 0, 820, -5, 810, Number.POSITIVE_INFINITY, 805], { clean: false });
    expect(analysis.cleaning.outOfRange).toBe(3);
    expect(Number.isFinite(analysis.time.maxHrBpm)).toBe(true);
    expect(() => analyzeRecording([800, 900], { clean: true })).toThrow(TooFewBeatsError);
    expect(() => analyzeRecording([50, 60, 70, 80], { clean: true })).toThrow(TooFewBeatsError);
    expect(() => analyzeRecording([], { clean: false })).toThrow(/at least 3/);
  });

  it('exports an engine version', () => {
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
