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

/**
 * Mean |beats after cleaning − beats in the truth| over the 40 runs of each row, as reached.
 * Every run still off is one beat off (ectopic 5 % seed 3 two), each at a beat the timing
 * alone cannot settle (the runs' seeds in brackets, often one artefact met at several rates):
 * - pyhrv's nsrdb segment has pairs of natural long beats (1.25–1.35 medians: 953, 1148,
 *   1102 ms where the median is about 860). A beat lost inside a pair leaves one interval of
 *   2.4–2.6 medians among ordinary ones: two beats 25 % long or three 17 % short, so it is
 *   interpolated rather than split (missed 1 % seeds 4, 6; 2 % 8; 5 % 5, 6; mixed 1 % 6,
 *   2 % 5). An extra detection inside such a beat leaves fragments that make a beat 27–40 %
 *   longer than the median and than the window it would sit in (extra 2 % seeds 2, 8; 5 % 2,
 *   4, 8). A premature beat placed on a long one is hardly early against the median (820 ms
 *   where it is 875), or spans with its pause the pair's own 2.5 medians, and its pause of
 *   1.6–1.65 medians (1391 ms) has halves that match the beats either side, so it is split
 *   as a lost beat (ectopic 1 % seed 2; 2 % 3, 8, 9; 5 % 1, and 3 twice;
 *   mixed 2 % seed 8, 5 % seed 2).
 * - rhenanbartels' tests recording has quick runs of short beats: 1146, 1008 + 922, 996 ms
 *   lost as 1930 ms where the median is 1221 ms (missed 1 % seed 2; halves 21 % below the
 *   median, past the 20 % cap), and 983 ms, 18 % below the median, then 942 + 982 lost
 *   as 1924 ms: 2.35 medians together, nearer a premature beat and its pause (missed 2 %
 *   seed 4; mixed 5 % seed 1 is the same at 976 then 1954 ms).
 */
const MAX_COUNT_ERROR: Record<ArtefactMix, readonly [number, number, number]> = {
  missed: [0.075, 0.05, 0.05],
  extra: [0, 0.05, 0.075],
  ectopic: [0.025, 0.075, 0.075],
  mixed: [0.025, 0.05, 0.05],
};

const recordings = CLEAN_RECORDINGS.map((name) => readFixture(name));

describe('artefact cleaning on real heartbeats', () => {
  it.each(CLEAN_RECORDINGS.map((name, i) => [name, i] as const))('leaves the beats of %s alone (RMSSD within 1 %%, at most 0.5 %% touched)', (_name, i) => {
    const effect = effectOnClean(recordings[i]!);
    expect(Math.abs(effect.rmssdChangePercent)).toBeLessThanOrEqual(1);
    expect(effect.touchedPercent).toBeLessThanOrEqual(0.5);
  });

  const rows = ARTEFACT_MIXES.flatMap((mix) =>
    ARTEFACT_RATES_PERCENT.map((rate, r) => [mix, rate, NEUROKIT2[mix][r]!, MAX_COUNT_ERROR[mix][r]!] as const),
  );
  for (const [mix, rate, neurokit2, maxCountError] of rows) it(`cleans ${mix} beats at ${rate} % back to within 3 % of the true RMSSD, below NeuroKit2 (${neurokit2} %)`, () => {
    const error = cleaningError(mix, rate, recordings);
    expect(error.meanRmssdErrorPercent).toBeLessThan(3);
    expect(error.meanRmssdErrorPercent).toBeLessThan(neurokit2);
    // Missed beats are split and extra ones merged. On generated rhythms the count is exact
    // (properties.test.ts); in these real ones the runs listed at MAX_COUNT_ERROR end one
    // beat off.
    expect(error.meanBeatCountError).toBeLessThanOrEqual(maxCountError);
  });
});
