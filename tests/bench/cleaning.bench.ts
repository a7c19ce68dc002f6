// Artefact cleaning on real heartbeats (keys in `npm run bench`), the figures issue 14 asks for:
// - cleanRmssdChangePct.<recording>, cleanTouchedPct.<recording>: what cleaning does to a real
//   recording with no artefacts (the goal: RMSSD within 1 %, at most 0.5 % of beats touched);
// - injected.<kind><rate>RmssdErrPct / BeatErr: mean RMSSD error (percent) and beat-count error
//   after cleaning, with missed, extra, ectopic or mixed artefacts injected at 1, 2 and 5 %
//   into those recordings, 10 fixed seeds each (tests/support/cleaning-evaluation.ts);
// - liveVsBatch.<recording>.rmssdMedianPct / rmssdP95Pct / hrMaxBpm: every real recording
//   streamed through the live analyser, its rolling 60 s RMSSD and 10 s heart rate against the
//   cleaned recording over the same windows (tests/support/live-batch-evaluation.ts).
// Plain Node 22 type stripping runs this file: erasable TypeScript and .ts imports only.
import {
  ARTEFACT_MIXES,
  ARTEFACT_RATES_PERCENT,
  CLEAN_RECORDINGS,
  cleaningError,
  effectOnClean,
  readFixture,
} from '../support/cleaning-evaluation.ts';
import { liveVersusBatch, REAL_RECORDINGS } from '../support/live-batch-evaluation.ts';

const round = (value: number): number => Math.round(value * 100) / 100;
const shortName = (name: string): string => name.replace(/^original\//, '').replace(/\.(rr_ms\.txt|csv|kubios\.txt)$/, '');

export async function run(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  const recordings = CLEAN_RECORDINGS.map((name) => readFixture(name));
  CLEAN_RECORDINGS.forEach((name, i) => {
    const short = shortName(name);
    const effect = effectOnClean(recordings[i]!);
    figures[`cleanRmssdChangePct.${short}`] = round(effect.rmssdChangePercent);
    figures[`cleanTouchedPct.${short}`] = round(effect.touchedPercent);
  });
  for (const mix of ARTEFACT_MIXES) {
    for (const rate of ARTEFACT_RATES_PERCENT) {
      const error = cleaningError(mix, rate, recordings);
      figures[`injected.${mix}${rate}RmssdErrPct`] = round(error.meanRmssdErrorPercent);
      figures[`injected.${mix}${rate}BeatErr`] = round(error.meanBeatCountError);
    }
  }
  for (const name of REAL_RECORDINGS) {
    const result = liveVersusBatch(readFixture(name));
    const short = shortName(name);
    figures[`liveVsBatch.${short}.rmssdMedianPct`] = round(result.rmssdMedianPercent);
    figures[`liveVsBatch.${short}.rmssdP95Pct`] = round(result.rmssdP95Percent);
    figures[`liveVsBatch.${short}.hrMaxBpm`] = round(result.hrMaxDifferenceBpm);
  }
  return figures;
}
