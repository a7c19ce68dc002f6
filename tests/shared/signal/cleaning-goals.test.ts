import { describe, expect, it } from 'vitest';
import {
  ARTEFACT_MIXES,
  ARTEFACT_RATES_PERCENT,
  CLEAN_RECORDINGS,
  cleaningError,
  effectOnClean,
  readFixture,
  type ArtefactMix,
} from '../../support/cleaning-evaluation.ts';

// Issue 14's goals for the artefact cleaning, on the real recordings in the repository:
// normal beats are left alone, and injected artefacts (10 fixed seeds per row) are cleaned
// back to within 3 % of the true RMSSD, better than NeuroKit2's Kubios method in every row.

/** NeuroKit2's Kubios method on the same kind of test (issue 14's table), mean RMSSD error in %. */
const NEUROKIT2: Record<ArtefactMix, readonly [number, number, number]> = {
  missed: [3.3, 3.9, 4.5],
  extra: [2.8, 2.4, 5.2],
  ectopic: [10, 22, 52],
  mixed: [4.7, 8.0, 18.5],
};

const recordings = CLEAN_RECORDINGS.map((name) => readFixture(name));

describe('artefact cleaning on real heartbeats', () => {
  it.each(CLEAN_RECORDINGS.map((name, i) => [name, i] as const))('leaves the beats of %s alone (RMSSD within 1 %%, at most 0.5 %% touched)', (_name, i) => {
    const effect = effectOnClean(recordings[i]!);
    expect(Math.abs(effect.rmssdChangePercent)).toBeLessThanOrEqual(1);
    expect(effect.touchedPercent).toBeLessThanOrEqual(0.5);
  });

  const rows = ARTEFACT_MIXES.flatMap((mix) => ARTEFACT_RATES_PERCENT.map((rate, r) => [mix, rate, NEUROKIT2[mix][r]!] as const));
  for (const [mix, rate, neurokit2] of rows) it(`cleans ${mix} beats at ${rate} % back to within 3 % of the true RMSSD, below NeuroKit2 (${neurokit2} %)`, () => {
    const error = cleaningError(mix, rate, recordings);
    expect(error.meanRmssdErrorPercent).toBeLessThan(3);
    expect(error.meanRmssdErrorPercent).toBeLessThan(neurokit2);
    // Missed beats are split and extra ones merged. On generated rhythms the count is exact
    // (properties.test.ts); in these real ones a few of the 40 runs per row meet a beat that
    // is truly ambiguous (a long interval right after a shortish one: a lost beat, or a
    // premature beat's pause?) and end one beat off.
    expect(error.meanBeatCountError).toBeLessThanOrEqual(0.2);
  });
});
