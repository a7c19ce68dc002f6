import { describe, expect, it } from 'vitest';
import {
  meanBeatwiseHrBpm,
  nn50,
  pnn50,
  poincareMetrics,
  rmssdMs,
  sdnnMs,
  timeDomainMetrics,
} from '../../../shared/signal/time-domain.ts';

const alternating = (count: number, lowMs: number, highMs: number): number[] =>
  Array.from({ length: count }, (_, i) => (i % 2 === 0 ? lowMs : highMs));

describe('time-domain metrics', () => {
  it('a constant series has no variability and HR = 60000 / RR', () => {
    const metrics = timeDomainMetrics(new Array(100).fill(800));
    expect(metrics).toEqual({
      meanNnMs: 800,
      sdnnMs: 0,
      rmssdMs: 0,
      nn50: 0,
      pnn50: 0,
      meanHrBpm: 75,
      minHrBpm: 75,
      maxHrBpm: 75,
    });
    expect(poincareMetrics(new Array(100).fill(800))).toEqual({ sd1Ms: 0, sd2Ms: 0 });
  });

  it('an alternating 800/1000 series: every difference is 200 ms', () => {
    const series = alternating(101, 800, 1000); // 51 × 800, 50 × 1000
    const metrics = timeDomainMetrics(series);
    const mean = (51 * 800 + 50 * 1000) / 101;
    expect(metrics.meanNnMs).toBeCloseTo(mean, 12);
    expect(metrics.rmssdMs).toBeCloseTo(200, 12);
    expect(metrics.nn50).toBe(100);
    expect(metrics.pnn50).toBe(100);
    expect(metrics.meanHrBpm).toBeCloseTo(60000 / mean, 12);
    expect(metrics.minHrBpm).toBe(60);
    expect(metrics.maxHrBpm).toBe(75);
    const variance = (51 * (800 - mean) ** 2 + 50 * (1000 - mean) ** 2) / 100;
    expect(metrics.sdnnMs).toBeCloseTo(Math.sqrt(variance), 10);
  });

  it('SDNN uses N − 1 and RMSSD the N − 1 differences', () => {
    expect(sdnnMs([1000, 1100])).toBeCloseTo(Math.sqrt(5000), 12);
    expect(rmssdMs([1000, 1100, 1000])).toBeCloseTo(100, 12);
  });

  it('NN50 counts strictly greater than 50 ms', () => {
    expect(nn50([1000, 1050, 1000, 1051])).toBe(1);
    expect(pnn50([1000, 1050, 1000, 1051])).toBeCloseTo(100 / 3, 12);
  });

  it('mean of beat-wise HR differs from 60000 / meanNN (the hrv-analysis convention)', () => {
    expect(meanBeatwiseHrBpm([600, 1200])).toBeCloseTo((100 + 50) / 2, 12);
    expect(timeDomainMetrics([600, 1200]).meanHrBpm).toBeCloseTo(60000 / 900, 12);
  });

  it('Poincaré SD1/SD2 of an alternating series: all variability is beat-to-beat', () => {
    const series = alternating(1000, 800, 1000);
    const { sd1Ms, sd2Ms } = poincareMetrics(series);
    // ΔNN alternates ±200: sample variance 40000·(N−1)/(N−2) with N − 1 = 999 differences.
    const differenceVariance = (40000 * 999) / 998 - (0 * 999) / 998; // the mean of ±200 alternating (starting +) is 200/999
    const differenceMean = 200 / 999;
    const exactVariance = (999 * 40000 - 999 * differenceMean ** 2) / 998;
    expect(sd1Ms).toBeCloseTo(Math.sqrt(exactVariance / 2), 8);
    expect(differenceVariance).toBeGreaterThan(0);
    expect(sd2Ms).toBeLessThan(sd1Ms); // points lie across the identity line
  });

  it('refuses series too short to define the metric instead of returning NaN', () => {
    expect(() => timeDomainMetrics([800])).toThrow(RangeError);
    expect(() => rmssdMs([])).toThrow(RangeError);
    expect(() => poincareMetrics([800, 900])).toThrow(RangeError);
    expect(() => meanBeatwiseHrBpm([])).toThrow(RangeError);
  });
});

describe('time-domain metrics across lost beats', () => {
  // Two stretches at rest and one after a dropout during which the heart sped up: 1000 ms
  // beats alternating by 20 ms, then 700 ms beats alternating by 20 ms.
  const before = alternating(40, 990, 1010);
  const after = alternating(40, 690, 710);
  const nn = [...before, ...after];
  const breaks = [before.length];

  it('takes no difference between the beats either side of a gap: RMSSD stays 20 ms, not 41', () => {
    expect(rmssdMs(nn, breaks)).toBeCloseTo(20, 12);
    expect(rmssdMs(nn)).toBeGreaterThan(41); // the 320 ms step read as variability
    expect(nn50(nn, breaks)).toBe(0);
    expect(pnn50(nn, breaks)).toBe(0);
    expect(timeDomainMetrics(nn, breaks)).toMatchObject({ rmssdMs: expect.closeTo(20, 12), nn50: 0, pnn50: 0, meanNnMs: 850 });
  });

  it('keeps SDNN and the heart-rate range over every beat, and SD1 within the stretches', () => {
    expect(timeDomainMetrics(nn, breaks).sdnnMs).toBe(sdnnMs(nn));
    expect(timeDomainMetrics(nn, breaks).maxHrBpm).toBeCloseTo(60000 / 690, 12);
    const within = [...before.slice(1).map((v, i) => v - before[i]!), ...after.slice(1).map((v, i) => v - after[i]!)];
    const mean = within.reduce((sum, d) => sum + d, 0) / within.length;
    const variance = within.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (within.length - 1);
    expect(poincareMetrics(nn, breaks).sd1Ms).toBeCloseTo(Math.sqrt(variance / 2), 9);
    expect(poincareMetrics(nn).sd1Ms).toBeGreaterThan(2 * poincareMetrics(nn, breaks).sd1Ms); // joined, the step doubles it
  });

  it('with no breaks computes exactly what it always did', () => {
    const rr = alternating(50, 800, 870).map((v, i) => v + 3 * Math.sin(i));
    expect(timeDomainMetrics(rr, [])).toEqual(timeDomainMetrics(rr));
    expect(poincareMetrics(rr, [])).toEqual(poincareMetrics(rr));
  });

  it('refuses a series with no two successive beats instead of dividing by zero', () => {
    expect(() => rmssdMs([800, 900], [1])).toThrow(RangeError);
    expect(() => poincareMetrics([800, 900, 850, 870], [1, 3])).toThrow(RangeError);
  });
});
