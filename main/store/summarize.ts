import type { BeatColumns, SessionSummary } from '../../shared/model/session.ts';
import { analyzeRecording, TooFewBeatsError, type RecordingAnalysis } from '../../shared/signal/analyze-recording.ts';
import { ENGINE_VERSION } from '../../shared/signal/version.ts';

// The one analysis path: live sessions (on finish) and imported recordings are summarised
// here, from the beats as stored, by the same shared/signal engine the CLI uses, and the
// summary names the engine version that made it.

export type SummarizeBeats = (beats: BeatColumns) => SessionSummary;

export const summarizeBeats: SummarizeBeats = (beats) => {
  let analysis: RecordingAnalysis;
  try {
    analysis = analyzeRecording(beats.rrMs, { clean: true });
  } catch (error) {
    if (error instanceof TooFewBeatsError) return emptySummary(beats);
    throw error;
  }
  const { time, frequency, poincare, coherence, cleaning } = analysis;
  return {
    engineVersion: ENGINE_VERSION,
    beatCount: analysis.beats,
    durationSec: analysis.durationSec,
    meanHrBpm: time.meanHrBpm,
    minHrBpm: time.minHrBpm,
    maxHrBpm: time.maxHrBpm,
    rmssdMs: time.rmssdMs,
    sdnnMs: time.sdnnMs,
    correctedBeatCount: cleaning.corrected,
    correctedPercent: cleaning.correctedPercent,
    // Peak live heart rate and calm-down time need the rules of shared/signal (baseline,
    // 10 s live heart rate); they stay null until the engine exports them.
    peakHrBpm: null,
    calmDownSec: null,
    metrics: {
      meanNnMs: time.meanNnMs,
      nn50: time.nn50,
      pnn50: time.pnn50,
      sd1Ms: poincare.sd1Ms,
      sd2Ms: poincare.sd2Ms,
      vlfMs2: frequency?.vlfMs2 ?? null,
      lfMs2: frequency?.lfMs2 ?? null,
      hfMs2: frequency?.hfMs2 ?? null,
      lfHf: frequency?.lfHf ?? null,
      lfNu: frequency?.lfNu ?? null,
      hfNu: frequency?.hfNu ?? null,
      totalPowerMs2: frequency?.totalMs2 ?? null,
      coherenceMeanRatio: coherence?.meanRatio ?? null,
      coherenceMeanNormalized: coherence?.meanNormalized ?? null,
      coherencePeakHz: coherence?.peakHz ?? null,
      outOfRangeBeats: cleaning.outOfRange,
    },
  };
};

/** Too few beats to analyse: say how many there were, and nothing else. */
function emptySummary(beats: BeatColumns): SessionSummary {
  let durationMs = 0;
  for (const rr of beats.rrMs) if (Number.isFinite(rr) && rr > 0) durationMs += rr;
  return {
    engineVersion: ENGINE_VERSION,
    beatCount: beats.rrMs.length,
    durationSec: durationMs / 1000,
    meanHrBpm: null,
    minHrBpm: null,
    maxHrBpm: null,
    rmssdMs: null,
    sdnnMs: null,
    correctedBeatCount: 0,
    correctedPercent: 0,
    peakHrBpm: null,
    calmDownSec: null,
    metrics: {},
  };
}
