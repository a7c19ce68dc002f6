import { describe, expect, it } from 'vitest';
import { formatAnalysisReport } from '../../../main/cli/analysis-report.ts';
import type { ReportedAnalysis } from '../../../main/cli/analysis-report.ts';

const ANALYSIS: ReportedAnalysis = {
  beats: 1234,
  durationSec: 1000.4,
  cleaning: {
    method: 'lipponen-tarvainen-2019',
    corrected: 12,
    correctedPercent: 0.97,
    byClass: { ectopic: 3, missed: 2, extra: 1, longShort: 6 },
    outOfRange: 0,
  },
  time: { meanNnMs: 812.34, sdnnMs: 45.12, rmssdMs: 38.2, nn50: 120, pnn50: 9.73, meanHrBpm: 73.86, minHrBpm: 58.1, maxHrBpm: 95.2 },
  frequency: { vlfMs2: 300, lfMs2: 800, hfMs2: 400, lfHf: 2, lfNu: 66.7, hfNu: 33.3, totalMs2: 1500 },
  poincare: { sd1Ms: 27, sd2Ms: 60.1 },
  coherence: { meanRatio: 1.234, meanNormalized: 0.45, peakHz: 0.0977, highSec: 0, measuredSec: 1200 },
};

describe('formatAnalysisReport', () => {
  it('names the file, format, beats, duration and the cleaning method with its counts', () => {
    const report = formatAnalysisReport('morning.hrm', 'polar-hrm', ANALYSIS);
    expect(report).toContain('Recording: morning.hrm (Polar HRM)');
    expect(report).toContain('1,234 beats over 16 min 40 s.');
    expect(report).toContain('Lipponen & Tarvainen (2019) artefact correction corrected 12 beats (1.0 %)');
    expect(report).toContain('3 ectopic, 2 missed, 1 extra, 6 long or short; 0 outside 300–2000 ms.');
    expect(report).toContain('RMSSD          38.2 ms');
    expect(report).toContain('LF/HF          2.00');
    expect(report).toContain('SD1 27.0 ms, SD2 60.1 ms');
    expect(report).toContain('rhythm peak at 0.098 Hz');
    expect(report).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('says when no cleaning was done', () => {
    const report = formatAnalysisReport('a.txt', 'rr', {
      ...ANALYSIS,
      cleaning: { ...ANALYSIS.cleaning, method: 'none', corrected: 0, correctedPercent: 0 },
    });
    expect(report).toContain('Cleaning: none (--no-clean)');
    expect(report).toContain('0 beats corrected');
  });

  it('calls unavailable values unavailable instead of printing zeros', () => {
    const report = formatAnalysisReport('a.txt', 'rr', { ...ANALYSIS, frequency: null, coherence: null });
    expect(report).toContain('Frequency domain: not available');
    expect(report).toContain('Coherence: not available');
  });

  it('says how long coherence was high of the time it could be read', () => {
    const report = formatAnalysisReport('a.txt', 'rr', { ...ANALYSIS, coherence: { ...ANALYSIS.coherence!, highSec: 45, measuredSec: 1200 } });
    expect(report).toContain('high coherence for 45 s of the 20 min it could be read.');
  });

  it('gives HF alone for a recording of 60 to 120 s, saying why LF is missing', () => {
    const report = formatAnalysisReport('a.txt', 'rr', {
      ...ANALYSIS,
      frequency: { vlfMs2: null, lfMs2: null, hfMs2: 412.34, lfHf: null, lfNu: null, hfNu: null, totalMs2: null },
    });
    expect(report).toContain('HF             412.3 ms²');
    expect(report).toContain('LF             not available (needs at least 120 s)');
    expect(report).toContain('LF/HF          not available');
    expect(report).not.toMatch(/NaN|Infinity|undefined|null/);
  });

  it('warns when more than 5 % of beats were corrected', () => {
    const report = formatAnalysisReport('a.txt', 'rr', { ...ANALYSIS, cleaning: { ...ANALYSIS.cleaning, correctedPercent: 7.5 } });
    expect(report).toMatch(/More than 5 % of beats needed correction/);
  });

  it('says where beats were lost and why a figure is missing when the beats came with times', () => {
    const report = formatAnalysisReport('session.csv', 'ibi-csv', {
      ...ANALYSIS,
      frequency: { vlfMs2: null, lfMs2: null, hfMs2: 412.34, lfHf: null, lfNu: null, hfNu: null, totalMs2: null },
      coherence: null,
      gaps: {
        count: 2,
        totalSec: 181,
        longestStretchSec: 95.2,
        frequencyReason: 'LF needs at least 120 s of beats without a gap; beats were lost 2 times, and the longest unbroken stretch has 95 s',
        coherenceReason: 'coherence needs at least 64 seconds of varying beats without a gap',
      },
    });
    expect(report).toContain('Beats were lost 2 times (3 min 1 s in all): every figure comes from the stretches between, the longest 1 min 35 s.');
    expect(report).toContain('LF             not available (LF needs at least 120 s of beats without a gap;');
    expect(report).toContain('Coherence: not available (coherence needs at least 64 seconds of varying beats without a gap).');
    expect(formatAnalysisReport('a.txt', 'rr', { ...ANALYSIS, gaps: { count: 0, totalSec: 0, longestStretchSec: 1000, frequencyReason: null, coherenceReason: null } })).not.toMatch(/lost/);
  });
});
