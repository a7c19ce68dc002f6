import { NO_COHERENCE, NO_HRV, type BeatColumns, type PhaseMarker, type SessionSummary, type SummaryPhases } from '../model/session.ts';
import { analyzeRecording, TooFewBeatsError, type RecordingAnalysis } from './analyze-recording.ts';
import { cleanRrSeries } from './artefact-correction.ts';
import { isUsableBeatTime } from './beat-time.ts';
import { COHERENCE_UPDATE_MS, cumulativeBeatTimesMs, forEachCoherenceWindow, HIGH_COHERENCE_MIN_NORMALIZED } from './coherence.ts';
import { splitAtGaps } from './gaps.ts';
import { isPlausibleRr } from './rr-range.ts';
import { createStreamingAnalyser } from './streaming-analyser.ts';
import { meanBeatwiseHrBpm, rmssdMs } from './time-domain.ts';
import { ENGINE_VERSION } from './version.ts';
import { HEART_RATE_ONLY_LABEL } from '../sensors/heart-rate-beats.ts';

// The one analysis path for a session: live sessions (on finish, in main) and imported
// recordings are summarised here, from the beats as stored, by the same engine the CLI's
// report uses (analyzeRecording), and the summary names the engine version that made it.
// Pure: main's store, the CLI and tests call it with beats and get the typed summary.
// The beats' times go with them, so a session with a dropout is analysed between its gaps
// (gaps.ts); the summary keeps its schema, and a figure the gaps leave too little data for is
// null, as for a short session.

export type SummaryContext = {
  /** The resting heart rate the session's rules used; calm-down time needs it. */
  baselineHrBpm: number | null;
  /** The session's phase markers: the regulation check's figures per phase come from them. */
  markers?: readonly PhaseMarker[];
};

export type SummarizeBeats = (beats: BeatColumns, context: SummaryContext) => SessionSummary;

export const summarizeBeats: SummarizeBeats = (beats, context) => {
  let analysis: RecordingAnalysis;
  try {
    analysis = analyzeRecording(beats.rrMs, { clean: true, beatTimesMs: beats.tMs });
  } catch (error) {
    if (error instanceof TooFewBeatsError) return emptySummary(beats, context);
    throw error;
  }
  const rules = replayRules(beats, context.baselineHrBpm);
  const { time, frequency, poincare, coherence, cleaning } = analysis;
  const summary: SessionSummary = {
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
    outOfRangeBeats: cleaning.outOfRange,
    peakHrBpm: rules.peakHrBpm,
    calmDownSec: rules.calmDownSec,
    baselineHrBpm: context.baselineHrBpm,
    hrv: {
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
    },
    coherence: {
      meanRatio: coherence?.meanRatio ?? null,
      meanNormalized: coherence?.meanNormalized ?? null,
      peakHz: coherence?.peakHz ?? null,
      // The analysis's own windows: the same ones coherenceWindows lists for the session page.
      highSec: coherence?.highSec ?? null,
      measuredSec: coherence?.measuredSec ?? null,
    },
    phases: phaseMetrics(beats, context.markers ?? []),
    signal: 'beat-intervals',
  };
  return heartRateOnly(context) ? withoutVariability(summary) : summary;
};

/** Whether the session's beats were derived from a heart-rate-only sensor (shared/sensors/heart-rate-beats.ts). */
function heartRateOnly(context: SummaryContext): boolean {
  return (context.markers ?? []).some((marker) => marker.phase === 'note' && marker.label === HEART_RATE_ONLY_LABEL);
}

/** The heart-rate figures only: variability from beats evenly spaced at the sensor's rate would be invented. */
function withoutVariability(summary: SessionSummary): SessionSummary {
  return {
    ...summary,
    rmssdMs: null,
    sdnnMs: null,
    hrv: NO_HRV,
    coherence: NO_COHERENCE,
    phases: { ...summary.phases, readingRmssdMs: null, afterBreathingRmssdMs: null },
    signal: 'heart-rate',
  };
}

/** One coherence window of a session: when it ended (s since the start) and its normalised peak share, null where none could be read. */
export type CoherenceWindow = { readonly endSec: number; readonly normalized: number | null };

/**
 * The session's coherence window by window, as the summary's mean counts them: each gap-free
 * stretch cleaned as analyzeRecording cleans it and scheduled on its own (forEachCoherenceWindow,
 * the live analyser's windows), placed on the session's clock from the stretch's first beat.
 * A window with too little variation is null; a gap has no windows at all. The summary's time
 * in high coherence and the session page's chart both come from here.
 */
export function coherenceWindows(beats: BeatColumns): CoherenceWindow[] {
  const windows: CoherenceWindow[] = [];
  for (const { from, to } of splitAtGaps(beats.rrMs, beats.tMs).segments) {
    const raw = beats.rrMs.slice(from, to);
    if (!raw.some(isPlausibleRr)) continue;
    const nnMs = cleanRrSeries(raw).nnMs;
    // The stretch began when its first interval did: its end, less the interval.
    const firstTMs = beats.tMs[from] ?? 0;
    const firstRrMs = raw[0] ?? 0;
    const startMs = Number.isFinite(firstTMs) ? firstTMs - (isPlausibleRr(firstRrMs) ? firstRrMs : 0) : 0;
    forEachCoherenceWindow(cumulativeBeatTimesMs(nnMs), nnMs, (windowEndMs, reading) => {
      windows.push({ endSec: (startMs + windowEndMs) / 1000, normalized: reading.available ? reading.value.normalized : null });
    });
  }
  return windows;
}

/**
 * Time in high coherence and time measured, counting each window as the 5 s it stands for
 * (windows follow each other every 5 s); null for both when no window could be read.
 */
export function coherenceTime(windows: readonly CoherenceWindow[]): { highSec: number | null; measuredSec: number | null } {
  let measured = 0;
  let high = 0;
  for (const window of windows) {
    if (window.normalized === null) continue;
    measured += 1;
    if (window.normalized >= HIGH_COHERENCE_MIN_NORMALIZED) high += 1;
  }
  const windowSec = COHERENCE_UPDATE_MS / 1000;
  return measured === 0 ? { highSec: null, measuredSec: null } : { highSec: high * windowSec, measuredSec: measured * windowSec };
}

/** Seconds the start and end heart rates are averaged over, as the live rules do. */
const EDGE_WINDOW_MS = 10_000;
/** "After breathing" is the last minute of the (last) breathing phase. */
const AFTER_BREATHING_WINDOW_MS = 60_000;

/**
 * The regulation check's figures (issue 6), from the stored beats and the phase markers:
 * heart rate at the start and at the end (mean beat-wise HR of the first and last 10 s),
 * the reading's mean heart rate and RMSSD, and RMSSD over the last minute of breathing.
 * Implausible beats (rr-range.ts) are left out; null where a phase is missing or too short.
 * RMSSD takes no difference across a gap.
 */
export function phaseMetrics(beats: BeatColumns, markers: readonly PhaseMarker[]): SummaryPhases {
  const times = beats.tMs;
  const segmentOf = segmentIndexes(beats);
  type Picked = { nn: number[]; breaks: number[] };
  const select = (fromMs: number, toMs: number): Picked => {
    const picked: Picked = { nn: [], breaks: [] };
    let lastSegment = -1;
    for (let i = 0; i < beats.rrMs.length; i++) {
      const t = times[i]!;
      const rr = beats.rrMs[i]!;
      if (!(t >= fromMs && t <= toMs && isPlausibleRr(rr))) continue;
      if (picked.nn.length > 0 && segmentOf[i] !== lastSegment) picked.breaks.push(picked.nn.length);
      lastSegment = segmentOf[i]!;
      picked.nn.push(rr);
    }
    return picked;
  };
  const meanHr = ({ nn }: Picked): number | null => (nn.length >= 2 ? meanBeatwiseHrBpm(nn) : null);
  // Two differences at least, as for a whole recording.
  const rmssd = ({ nn, breaks }: Picked): number | null => (nn.length - breaks.length >= 3 ? rmssdMs(nn, breaks) : null);
  const firstT = times.length > 0 ? times[0]! : 0;
  const lastT = times.length > 0 ? times[times.length - 1]! : 0;
  const reading = lastSpan(markers, 'reading', lastT);
  const breathing = lastSpan(markers, 'breathing', lastT);
  const none: Picked = { nn: [], breaks: [] };
  const readingBeats = reading ? select(reading.fromMs, reading.toMs) : none;
  const afterBreathing = breathing ? select(Math.max(breathing.fromMs, breathing.toMs - AFTER_BREATHING_WINDOW_MS), breathing.toMs) : none;
  return {
    startHrBpm: times.length > 0 ? meanHr(select(firstT, firstT + EDGE_WINDOW_MS)) : null,
    endHrBpm: times.length > 0 ? meanHr(select(lastT - EDGE_WINDOW_MS, lastT)) : null,
    readingHrBpm: meanHr(readingBeats),
    readingRmssdMs: rmssd(readingBeats),
    afterBreathingRmssdMs: rmssd(afterBreathing),
    breathingSec: breathing ? (breathing.toMs - breathing.fromMs) / 1000 : null,
    conversationSec: spansTotalMs(markers, 'conversation', lastT) / 1000 || null,
  };
}

/** The summed length of every span of a phase (an unclosed one runs to the session's end), ms. */
function spansTotalMs(markers: readonly PhaseMarker[], phase: PhaseMarker['phase'], sessionEndMs: number): number {
  let totalMs = 0;
  let openAt: number | null = null;
  for (const marker of markers) {
    if (marker.phase !== phase) continue;
    if (marker.edge === 'start') openAt = marker.tMs;
    else if (marker.edge === 'end' && openAt !== null) {
      totalMs += Math.max(0, marker.tMs - openAt);
      openAt = null;
    }
  }
  if (openAt !== null) totalMs += Math.max(0, sessionEndMs - openAt);
  return totalMs;
}

/** For each beat, the number of the gap-free segment it belongs to. */
function segmentIndexes(beats: BeatColumns): Uint32Array {
  const indexes = new Uint32Array(beats.rrMs.length);
  splitAtGaps(beats.rrMs, beats.tMs).segments.forEach((segment, k) => indexes.fill(k, segment.from, segment.to));
  return indexes;
}

/** The last completed (or still open) span of a phase, by its start and end markers. */
function lastSpan(markers: readonly PhaseMarker[], phase: PhaseMarker['phase'], sessionEndMs: number): { fromMs: number; toMs: number } | null {
  let span: { fromMs: number; toMs: number } | null = null;
  let openAt: number | null = null;
  for (const marker of markers) {
    if (marker.phase !== phase) continue;
    if (marker.edge === 'start') openAt = marker.tMs;
    else if (marker.edge === 'end' && openAt !== null) {
      span = { fromMs: openAt, toMs: marker.tMs };
      openAt = null;
    }
  }
  if (openAt !== null) span = { fromMs: openAt, toMs: sessionEndMs };
  return span;
}

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
    if (tMs === undefined || !isUsableBeatTime(tMs) || tMs < lastTMs) return;
    lastTMs = tMs;
    analyser.push({ tMs, rrMs });
  });
  analyser.finish(); // the live filter holds the last beats until it has judged them
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
    outOfRangeBeats: 0,
    peakHrBpm: null,
    calmDownSec: null,
    baselineHrBpm: context.baselineHrBpm,
    hrv: NO_HRV,
    coherence: NO_COHERENCE,
    phases: phaseMetrics(beats, context.markers ?? []),
    signal: heartRateOnly(context) ? 'heart-rate' : 'beat-intervals',
  };
}
