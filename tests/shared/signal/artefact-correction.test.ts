import { describe, expect, it } from 'vitest';
import {
  applyCorrections,
  cleanRrSeries,
  detectArtefacts,
  gateRange,
} from '../../../shared/signal/artefact-correction.ts';
import { centredRollingQuantiles } from '../../../shared/signal/rolling-quantile.ts';
import { generateRrSeries, injectArtefacts, type InjectedArtefactKind } from '../../../shared/signal/synthetic-rr.ts';
import { rmssdMs, sdnnMs } from '../../../shared/signal/time-domain.ts';
import { readFixture } from '../../support/cleaning-evaluation.ts';

// Error budget reached on the synthetic series below (rest 55–90 bpm, RSA 8–60 ms): with 2 %
// injected artefacts of every kind, RMSSD after cleaning stays within 5 % of the clean value
// (typically ~1–2 %), while the uncorrected RMSSD is 3–20× too high.
const RMSSD_ERROR_BUDGET = 0.05;

const profiles = [
  { name: 'relaxed, strong RSA', options: { meanHrBpm: 60, rsaAmplitudeMs: 45 } },
  { name: 'average', options: {} },
  { name: 'fast, little variability', options: { meanHrBpm: 90, rsaAmplitudeMs: 8, mayerAmplitudeMs: 5, noiseMs: 3, driftMs: 10 } },
] as const;

describe('range gate', () => {
  it('replaces intervals outside 300–2000 ms by interpolation and counts them', () => {
    const { rrMs, outOfRange } = gateRange([800, 250, 820, 2600, 840, Number.NaN, 860]);
    expect(outOfRange).toBe(3);
    expect(Array.from(rrMs)).toEqual([800, 810, 820, 830, 840, 850, 860]);
  });

  it('copies the nearest neighbour at the edges', () => {
    expect(Array.from(gateRange([100, 900, 950, 5000]).rrMs)).toEqual([900, 900, 950, 950]);
  });
});

describe('Lipponen & Tarvainen classification', () => {
  const clean = generateRrSeries({ seed: 11, durationSec: 600 });

  it('leaves a clean series almost untouched (< 1 % flagged)', () => {
    const result = cleanRrSeries(clean);
    expect(result.correctedPercent).toBeLessThan(1);
  });

  it.each([
    ['missed', (rr: number[], i: number) => [...rr.slice(0, i), rr[i]! + rr[i + 1]!, ...rr.slice(i + 2)]],
    ['extra', (rr: number[], i: number) => [...rr.slice(0, i), rr[i]! * 0.35, rr[i]! * 0.65, ...rr.slice(i + 1)]],
    ['ectopic', (rr: number[], i: number) => [...rr.slice(0, i), rr[i]! * 0.65, rr[i + 1]! + rr[i]! * 0.35, ...rr.slice(i + 2)]],
  ] as const)('classifies a %s beat', (kind, inject) => {
    const corrupted = inject(clean, 200);
    const detections = detectArtefacts(Float64Array.from(corrupted));
    const near = detections.filter((d) => Math.abs(d.index - 200) <= 1);
    expect(near.map((d) => d.kind)).toContain(kind);
  });

  // The next three are real recordings with one artefact placed by hand where the rules used
  // to get the beat count wrong (issue 14); each fails without the rule it names.

  it('merges an extra beat where the rhythm lengthens fast, judged in the window the merged beat makes', () => {
    // Paced breathing: a beat of 1066 ms split into 360 + 706 ms, between 942 and 1085 ms
    // after beats of about 850 ms (1 %, seed 9). The fragments' own window has a median of
    // 876 ms, 22 % below the merged beat; with the merged beat in their place it is 1040 ms.
    // The other runs are the evaluation's other misses of this kind (2 %, seed 8; 5 %, 2 and 5).
    const truth = readFixture('original/dont-hold-your-breath_polar-h10_paced-breathing_ibi.csv');
    for (const [ratePercent, seed] of [[1, 9], [2, 8], [5, 2], [5, 5]] as const) {
      const { rrMs } = injectArtefacts(truth, { seed: seed * 7919 + ratePercent, ratePercent, kinds: ['extra'] });
      expect(cleanRrSeries(rrMs).nnMs.length).toBe(truth.length);
    }
  });

  it('splits a lost beat after a beat that came early when the two span nearer three beats than two', () => {
    // 1133, 956, then 911 + 1057 lost as one 1968 ms interval, where the median is 1133 ms:
    // 956 ms is 16 % early, but a premature beat and its pause span about two beats and these
    // two span 2.58 medians. Read as a pause, the pair was re-timed and the beat stayed lost.
    const truth = readFixture('rhenanbartels-hrv_tests_real_rri.rr_ms.txt');
    expect(truth.slice(3, 8)).toEqual([1133, 956, 911, 1057, 1071]);
    const corrupted = [...truth.slice(0, 5), 911 + 1057, ...truth.slice(7)];
    const cleaned = cleanRrSeries(corrupted);
    expect(cleaned.byClass.missed).toBe(1);
    expect(cleaned.nnMs.length).toBe(truth.length);
  });

  it('splits no interval of 1.5 local medians or less, however many artefacts widen Th2', () => {
    // pyhrv's nsrdb segment has natural beats of 1.25–1.35 medians. With lost beats injected
    // Th2 grew to a third of the median, and the paper's own test (half the interval within
    // Th2 of the median) split a 1172 ms beat where the median was 867 ms.
    const truth = readFixture('pyhrv_SampleNNISeriesShort_nsrdb16539_seg9.rr_ms.txt');
    for (const ratePercent of [2, 5]) {
      for (let seed = 1; seed <= 10; seed++) {
        const { rrMs } = injectArtefacts(truth, { seed: seed * 7919 + ratePercent, ratePercent, kinds: ['missed'] });
        const series = Float64Array.from(rrMs);
        const medianMs = new Float64Array(series.length);
        centredRollingQuantiles(series, 11, [0.5], [medianMs]);
        for (const detection of detectArtefacts(series)) {
          if (detection.kind === 'missed') expect(series[detection.index]! / medianMs[detection.index]!).toBeGreaterThan(1.5);
        }
      }
    }
  });

  it('merges an extra beat, splits a missed one and re-times an ectopic beat, keeping the duration', () => {
    const series = Float64Array.from([800, 800, 300, 500, 800, 1600, 800, 560, 1040, 800]);
    const corrected = applyCorrections(series, [
      { index: 2, kind: 'extra' },
      { index: 5, kind: 'missed' },
      { index: 8, kind: 'ectopic' },
    ]);
    expect(Array.from(corrected)).toEqual([800, 800, 800, 800, 800, 800, 800, 800, 800, 800]);
  });

  it('interpolates long/short beats', () => {
    const corrected = applyCorrections(Float64Array.from([800, 810, 1100, 830, 840]), [{ index: 2, kind: 'longShort' }]);
    expect(Array.from(corrected)).toEqual([800, 810, 820, 830, 840]);
  });

  it('iterates while the count falls and reports counts by class', () => {
    const { rrMs } = injectArtefacts(clean, { seed: 5, ratePercent: 3 });
    const result = cleanRrSeries(rrMs);
    const { ectopic, missed, extra, longShort } = result.byClass;
    expect(result.corrected).toBe(ectopic + missed + extra + longShort + result.outOfRange);
    expect(result.correctedPercent).toBeCloseTo((100 * result.corrected) / rrMs.length, 12);
    expect(result.passes).toBeGreaterThanOrEqual(1);
    expect(detectArtefacts(result.nnMs).length).toBeLessThanOrEqual(result.passes > 1 ? 3 : 10);
  });
});

describe(`artefact correction holds RMSSD within ${RMSSD_ERROR_BUDGET * 100} % of the clean value`, () => {
  const kinds: InjectedArtefactKind[][] = [['missed'], ['extra'], ['ectopic'], ['spike'], ['missed', 'extra', 'ectopic', 'spike']];
  for (const profile of profiles) {
    for (const kindSet of kinds) {
      it(`${profile.name}: 2 % ${kindSet.join(' + ')}`, () => {
        for (const seed of [1, 2, 3]) {
          const clean = generateRrSeries({ seed, durationSec: 900, ...profile.options });
          const { rrMs, injected } = injectArtefacts(clean, { seed: seed * 31, ratePercent: 2, kinds: kindSet });
          expect(injected.length).toBeGreaterThan(5);
          const cleaned = cleanRrSeries(rrMs);
          const cleanRmssd = rmssdMs(clean);
          expect(Math.abs(rmssdMs(cleaned.nnMs) / cleanRmssd - 1)).toBeLessThan(RMSSD_ERROR_BUDGET);
          expect(Math.abs(sdnnMs(cleaned.nnMs) / sdnnMs(clean) - 1)).toBeLessThan(RMSSD_ERROR_BUDGET);
          // Artefacts were found, and not wildly more than were injected (an extra beat whose
          // fragment is under 300 ms is gated and its partner interpolated: two corrections).
          expect(cleaned.corrected).toBeGreaterThanOrEqual(injected.length * 0.8);
          expect(cleaned.corrected).toBeLessThanOrEqual(injected.length * 3 + 5);
        }
      });
    }
  }
});
