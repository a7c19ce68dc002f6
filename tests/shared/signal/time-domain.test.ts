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
