import type { BeatColumns, SessionSummary } from '../../shared/model/session.ts';
import { analyzeRecording, TooFewBeatsError, type RecordingAnalysis } from '../../shared/signal/analyze-recording.ts';
import { createStreamingAnalyser } from '../../shared/signal/streaming-analyser.ts';
import { ENGINE_VERSION } from '../../shared/signal/version.ts';

// The one analysis path: live sessions (on finish) and imported recordings are summarised
// here, from the beats as stored, by the same shared/signal engine the CLI uses, and the
// summary names the engine version that made it.

export type SummaryContext = {
  /** The resting heart rate the session's rules used; calm-down time needs it. */
  baselineHrBpm: number | null;
};

export type SummarizeBeats = (beats: BeatColumns, context: SummaryContext) => SessionSummary;

export const summarizeBeats: SummarizeBeats = (beats, context) => {
  let analysis: RecordingAnalysis;
  try {
    analysis = analyzeRecording(beats.rrMs, { clean: true });
  } catch (error) {
    if (error instanceof TooFewBeatsError) return emptySummary(beats, context);
    throw error;
  }
  const rules = replayRules(beats, context.baselineHrBpm);
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
    peakHrBpm: rules.peakHrBpm,
    calmDownSec: rules.calmDownSec,
    baselineHrBpm: context.baselineHrBpm,
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

/**
 * Peak live heart rate and calm-down time come from replaying the stored beats, on their own
 * times, through the same streaming analyser the live session ran: the numbers on the
 * session's page are the ones the user saw while it recorded.
 */
function replayRules(beats: BeatColumns, baselineHrBpm: number | null): { peakHrBpm: number | null; calmDownSec: number | null } {
  let lastTMs = 0;
  const analyser = createStreamingAnalyser({ clock: { nowMs: () => lastTMs }, baselineHrBpm });
  beats.rrMs.forEach((rrMs, i) => {
    const tMs = beats.tMs[i];
    if (tMs === undefined || !Number.isFinite(tMs) || tMs < lastTMs) return;
    lastTMs = tMs;
    analyser.push({ tMs, rrMs });
  });
  const snapshot = analyser.snapshot();
  return {
    peakHrBpm: snapshot.peak && Number.isFinite(snapshot.peak.hrBpm) ? snapshot.peak.hrBpm : null,
    calmDownSec: snapshot.calmDownSec.available ? snapshot.calmDownSec.value : null,
  };
}

/** Too few beats to analyse: say how many there were, and nothing else. */
function emptySummary(beats: BeatColumns, context: SummaryContext): SessionSummary {
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
    baselineHrBpm: context.baselineHrBpm,
    metrics: {},
  };
}
