// Conformance against real recordings (tests/fixtures/rr/, provenance and licences there) and
// the peer library hrv-analysis' values for them. Missing data is a failure, never a skip.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { frequencyDomainMetrics } from '../../../shared/signal/frequency-domain.ts';
import { meanBeatwiseHrBpm, poincareMetrics, timeDomainMetrics } from '../../../shared/signal/time-domain.ts';
import { analyzeRecording } from '../../../shared/signal/analyze-recording.ts';

const dataDir = fileURLToPath(new URL('../../fixtures/rr/', import.meta.url));

type Reference = {
  raw: {
    n_intervals: number;
    time_domain: { mean_nni: number; sdnn: number; rmssd: number; nni_50: number; pnni_50: number; mean_hr: number; min_hr: number; max_hr: number };
    poincare: { sd1: number; sd2: number };
    freq_welch_cubic_4hz: { lf: number; hf: number; vlf: number };
  };
};

function readPlainRr(path: string): number[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map(Number);
}

const TIME_TOLERANCE = 1e-6;
const FREQUENCY_TOLERANCE = 0.01;
const relativeError = (actual: number, expected: number): number =>
  expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);

describe('conformance with hrv-analysis on real recordings', () => {
  const references = JSON.parse(readFileSync(`${dataDir}reference.hrv-analysis.json`, 'utf8')) as Record<string, Reference>;
  const recordings = readdirSync(dataDir).filter((name) => name.endsWith('.rr_ms.txt')).sort();

  it('finds the recordings and a reference for each', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(7);
    for (const file of recordings) expect(references[file.replace('.rr_ms.txt', '')]).toBeDefined();
  });

  for (const file of recordings) {
    const name = file.replace('.rr_ms.txt', '');
    describe(name, () => {
      const rr = readPlainRr(`${dataDir}${file}`);
      const reference = references[name]!.raw;

      it(`time domain and Poincaré on the raw series agree to ${TIME_TOLERANCE} relative`, () => {
        expect(rr.length).toBe(reference.n_intervals);
        const time = timeDomainMetrics(rr);
        const poincare = poincareMetrics(rr);
        const td = reference.time_domain;
        const pairs: [string, number, number][] = [
          ['meanNN', time.meanNnMs, td.mean_nni],
          ['SDNN', time.sdnnMs, td.sdnn],
          ['RMSSD', time.rmssdMs, td.rmssd],
          ['NN50', time.nn50, td.nni_50],
          ['pNN50', time.pnn50, td.pnni_50],
          // hrv-analysis' mean HR is the mean of beat-wise HR; ours is 60000/meanNN (Kubios).
          ['mean beat-wise HR', meanBeatwiseHrBpm(rr), td.mean_hr],
          ['min HR', time.minHrBpm, td.min_hr],
          ['max HR', time.maxHrBpm, td.max_hr],
          ['SD1', poincare.sd1Ms, reference.poincare.sd1],
          ['SD2', poincare.sd2Ms, reference.poincare.sd2],
        ];
        for (const [label, actual, expected] of pairs) {
          expect(relativeError(actual, expected), `${label}: ${actual} vs ${expected}`).toBeLessThan(TIME_TOLERANCE);
        }
      });

      it(`Welch LF and HF (cubic, 4 Hz) within ${FREQUENCY_TOLERANCE * 100} %`, () => {
        const frequency = frequencyDomainMetrics(rr);
        if (!frequency.bands.available) throw new Error(frequency.bands.reason);
        const bands = frequency.bands.value;
        const expected = reference.freq_welch_cubic_4hz;
        expect(relativeError(bands.lfMs2, expected.lf), `LF ${bands.lfMs2} vs ${expected.lf}`).toBeLessThan(FREQUENCY_TOLERANCE);
        expect(relativeError(bands.hfMs2, expected.hf), `HF ${bands.hfMs2} vs ${expected.hf}`).toBeLessThan(FREQUENCY_TOLERANCE);
        expect(relativeError(bands.vlfMs2, expected.vlf), `VLF ${bands.vlfMs2} vs ${expected.vlf}`).toBeLessThan(FREQUENCY_TOLERANCE);
      });

      it('full analysis with cleaning is finite and corrects at most a few percent', () => {
        const analysis = analyzeRecording(rr, { clean: true });
        expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
        expect(analysis.cleaning.correctedPercent).toBeLessThan(5);
      });
    });
  }
});
