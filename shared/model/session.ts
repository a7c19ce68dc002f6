import { z } from 'zod';
import type { RecordMigration } from './record-migrations.ts';
import { MAX_STORABLE_RR_MS, MIN_STORABLE_RR_MS } from '../signal/rr-range.ts';

// A session is one recorded stretch of heart data: a regulation check, a breathing session,
// a break, a repair flow, or a recording imported from a file. The document holds what the
// user did (kind, source, breathing pattern, phase markers) and, once finished, a summary
// computed in main from the stored beats. The beats themselves live in their own
// append-only file, so this document stays small.

export const SESSION_SCHEMA_VERSION = 2;
export const SESSION_MIGRATIONS: readonly RecordMigration[] = [
  {
    from: 1,
    to: 2,
    migrate: (raw) => {
      const summary = raw['summary'];
      return typeof summary === 'object' && summary !== null ? { ...raw, summary: typedSummaryFromV1(summary as Record<string, unknown>) } : raw;
    },
  },
];

/** Record ids are random, URL- and file-name-safe: they name files on disk. */
export const RecordIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a record id');

export const SESSION_KINDS = ['check', 'breathing', 'break', 'repair', 'conversation', 'calibration', 'recording'] as const;
export const SESSION_STATUSES = ['recording', 'finished', 'interrupted'] as const;
// 'signal-check', 'reading' and 'debrief' were added at version 1 (the regulation check marks them).
export const PHASES = [
  'baseline', 'grounding', 'breathing', 'verdict', 'break', 'recovery', 'conversation', 'repair', 'note', 'signal-check', 'reading', 'debrief',
] as const;
export const VERDICTS = ['ready', 'take-a-break', 'too-noisy'] as const;

/** The latest time JavaScript's Date can hold (year 275760): "until the end of time" for a range. */
export const MAX_EPOCH_MS = 8_640_000_000_000;
/** Milliseconds since 1970 (UTC); bounded so a typo cannot produce a date in year 40000. */
export const EpochMsSchema = z.number().int().min(0).max(MAX_EPOCH_MS);

export const SessionSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('strap'),
    deviceName: z.string().max(100).optional(),
    sensorLocation: z.string().max(40).optional(),
  }).strict(),
  z.object({ kind: z.literal('demo') }).strict(),
  z.object({ kind: z.literal('replay'), fileName: z.string().max(255).optional() }).strict(),
  z.object({
    kind: z.literal('file'),
    format: z.string().max(40),
    fileName: z.string().max(255),
    /** Identifies the file's bytes, so importing the same file twice finds the first import. */
    contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }).strict(),
]);
export type SessionSource = z.infer<typeof SessionSourceSchema>;

export const BreathingPatternSchema = z.object({
  preset: z.string().max(40).nullable(),
  inhaleSec: z.number().min(1).max(15),
  holdInSec: z.number().min(0).max(15),
  exhaleSec: z.number().min(1).max(15),
  holdOutSec: z.number().min(0).max(15),
}).strict();
export type BreathingPattern = z.infer<typeof BreathingPatternSchema>;

export const PhaseMarkerSchema = z.object({
  /** Milliseconds since the session started. */
  tMs: z.number().min(0).max(7 * 24 * 3600 * 1000),
  phase: z.enum(PHASES),
  /** 'start' and 'end' bracket a phase; 'point' marks a moment (a verdict, a note). */
  edge: z.enum(['start', 'end', 'point']),
  verdict: z.enum(VERDICTS).optional(),
  label: z.string().max(200).optional(),
}).strict();
export type PhaseMarker = z.infer<typeof PhaseMarkerSchema>;

/** One heart beat as the renderer sends it: when it ended (ms since session start) and its RR interval. */
export const BeatSchema = z.object({
  tMs: z.number().min(0).max(7 * 24 * 3600 * 1000),
  rrMs: z.number().min(MIN_STORABLE_RR_MS).max(MAX_STORABLE_RR_MS),
}).strict();
export type Beat = z.infer<typeof BeatSchema>;

/** The longest a session's beats may run: a beat's time (ms since the start) is at most this. */
export const MAX_SESSION_SPAN_MS = 7 * 24 * 3600 * 1000;

/**
 * Beats from outside (an export's CSV, a recording file) hold to the same ranges as a beat a
 * strap sends (BeatSchema): null when they do, else a sentence naming the first one that does
 * not. Checked before anything is stored or summarised: an absurd value must never reach disk
 * or the engine (an interval of 1e300 ms made the summary run for ever).
 */
export function beatColumnsProblem(beats: BeatColumns): string | null {
  if (beats.tMs.length !== beats.rrMs.length) return 'the beat times and intervals do not pair up';
  for (let i = 0; i < beats.rrMs.length; i += 1) {
    const tMs = beats.tMs[i] as number;
    const rrMs = beats.rrMs[i] as number;
    if (!(rrMs >= MIN_STORABLE_RR_MS && rrMs <= MAX_STORABLE_RR_MS)) return `beat ${i + 1} has an interval of ${String(rrMs)} ms, outside ${MIN_STORABLE_RR_MS}–${MAX_STORABLE_RR_MS} ms`;
    if (!(tMs >= 0 && tMs <= MAX_SESSION_SPAN_MS)) return `beat ${i + 1} is at ${String(tMs)} ms, outside the session's first week`;
  }
  return null;
}

/** Beats as parallel columns: compact over IPC and in exports. */
export const BeatColumnsSchema = z.object({
  tMs: z.array(z.number()),
  rrMs: z.array(z.number()),
});
export type BeatColumns = z.infer<typeof BeatColumnsSchema>;

const nullableNumber = z.number().nullable();

/** The engine's other HRV results (Kubios conventions, signal.md); null when the recording was too short for one. */
export const SummaryHrvSchema = z.object({
  meanNnMs: nullableNumber,
  nn50: nullableNumber,
  pnn50: nullableNumber,
  sd1Ms: nullableNumber,
  sd2Ms: nullableNumber,
  vlfMs2: nullableNumber,
  lfMs2: nullableNumber,
  hfMs2: nullableNumber,
  lfHf: nullableNumber,
  lfNu: nullableNumber,
  hfNu: nullableNumber,
  totalPowerMs2: nullableNumber,
}).strict();
type SummaryHrv = z.infer<typeof SummaryHrvSchema>;

export const SUMMARY_SIGNALS = ['beat-intervals', 'heart-rate'] as const;

/** Resonance-breathing coherence over the whole recording. */
export const SummaryCoherenceSchema = z.object({
  meanRatio: nullableNumber,
  meanNormalized: nullableNumber,
  peakHz: nullableNumber,
  /**
   * Seconds in high coherence: the 5 s windows at or above HIGH_COHERENCE_MIN_NORMALIZED
   * (shared/signal/coherence-spectrum.ts), and the seconds whose coherence could be read at all
   * (windows across gaps or with too little variation count as neither). null when none
   * could; absent in summaries made before they were kept (the session page then reads them
   * from the beats).
   */
  highSec: nullableNumber.optional(),
  measuredSec: nullableNumber.optional(),
}).strict();
type SummaryCoherence = z.infer<typeof SummaryCoherenceSchema>;

/** A summary's groups when the recording was too short for any of their figures. */
export const NO_HRV: SummaryHrv = Object.freeze({ meanNnMs: null, nn50: null, pnn50: null, sd1Ms: null, sd2Ms: null, vlfMs2: null, lfMs2: null, hfMs2: null, lfHf: null, lfNu: null, hfNu: null, totalPowerMs2: null });
export const NO_COHERENCE: SummaryCoherence = Object.freeze({ meanRatio: null, meanNormalized: null, peakHz: null, highSec: null, measuredSec: null });

/**
 * The regulation check's figures per phase, from the phase markers: heart rate over the
 * first and last 10 s, the resting reading's heart rate and RMSSD, RMSSD over the last minute
 * of breathing and how long the breathing lasted. null where a phase is missing or too short.
 */
export const SummaryPhasesSchema = z.object({
  startHrBpm: nullableNumber,
  endHrBpm: nullableNumber,
  readingHrBpm: nullableNumber,
  readingRmssdMs: nullableNumber,
  afterBreathingRmssdMs: nullableNumber,
  breathingSec: nullableNumber,
  /**
   * Seconds spent in conversation (all its stretches, breaks between them excluded): time
   * with the partner, not practice, so Trends' practice minutes leave it out. Added later: a
   * summary without it had none.
   */
  conversationSec: nullableNumber.default(null),
}).strict();
export type SummaryPhases = z.infer<typeof SummaryPhasesSchema>;

/**
 * What the signal engine said about the stored beats (shared/signal/session-summary.ts
 * computes it). `engineVersion` names the engine that computed it, so summaries from an older
 * engine can be recomputed and never silently mixed. Every figure has its own typed field
 * (version 1 kept the less common ones in a map of names; see the migration below).
 */
export const SessionSummarySchema = z.object({
  engineVersion: z.string().max(40),
  beatCount: z.number().int().min(0),
  durationSec: z.number().min(0),
  meanHrBpm: nullableNumber,
  minHrBpm: nullableNumber,
  maxHrBpm: nullableNumber,
  rmssdMs: nullableNumber,
  sdnnMs: nullableNumber,
  correctedBeatCount: z.number().int().min(0),
  correctedPercent: z.number().min(0).max(100),
  /** Intervals outside the plausible range (shared/signal/rr-range.ts) that cleaning replaced. */
  outOfRangeBeats: z.number().int().min(0),
  peakHrBpm: nullableNumber,
  /** Seconds from the peak heart rate to the start of the first calm stretch; null when never calm (or no baseline). */
  calmDownSec: nullableNumber,
  /** The resting heart rate calm was judged against; null when none was known. */
  baselineHrBpm: nullableNumber,
  hrv: SummaryHrvSchema,
  coherence: SummaryCoherenceSchema,
  phases: SummaryPhasesSchema,
  /**
   * What the figures rest on: the strap's beat-to-beat intervals, or a sensor's heart rate
   * alone (then every variability and coherence figure is null). Added later: a summary
   * without it came from beat intervals.
   */
  signal: z.enum(SUMMARY_SIGNALS).default('beat-intervals'),
}).strict();
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function pickNumbers<K extends string>(from: Record<string, unknown>, keys: readonly K[], rename: Partial<Record<K, string>> = {}): Record<K, number | null> {
  const picked = {} as Record<K, number | null>;
  for (const key of keys) picked[key] = numberOrNull(from[rename[key] ?? key]);
  return picked;
}

const HRV_KEYS = ['meanNnMs', 'nn50', 'pnn50', 'sd1Ms', 'sd2Ms', 'vlfMs2', 'lfMs2', 'hfMs2', 'lfHf', 'lfNu', 'hfNu', 'totalPowerMs2'] as const;
const COHERENCE_KEYS = ['meanRatio', 'meanNormalized', 'peakHz'] as const;
const PHASE_KEYS = ['startHrBpm', 'endHrBpm', 'readingHrBpm', 'readingRmssdMs', 'afterBreathingRmssdMs', 'breathingSec'] as const;

/** Version 1 → 2: the summary's map of named metrics becomes typed groups; a name it lacked reads null. */
export function typedSummaryFromV1(summary: Record<string, unknown>): Record<string, unknown> {
  const { metrics: rawMetrics, ...rest } = summary;
  const metrics = typeof rawMetrics === 'object' && rawMetrics !== null ? (rawMetrics as Record<string, unknown>) : {};
  return {
    ...rest,
    outOfRangeBeats: numberOrNull(metrics['outOfRangeBeats']) ?? 0,
    hrv: pickNumbers(metrics, HRV_KEYS),
    coherence: pickNumbers(metrics, COHERENCE_KEYS, { meanRatio: 'coherenceMeanRatio', meanNormalized: 'coherenceMeanNormalized', peakHz: 'coherencePeakHz' }),
    phases: pickNumbers(metrics, PHASE_KEYS),
  };
}

/**
 * Beats that were acknowledged but later found damaged on disk: the file was copied to
 * quarantine and the beats that still open were kept. `seconds` is an estimate (from the
 * beats either side of the damage, or the mean beat interval).
 */
export const BeatsLossSchema = z.object({
  frames: z.number().int().min(0),
  beats: z.number().int().min(0),
  seconds: z.number().min(0),
}).strict();
export type BeatsLoss = z.infer<typeof BeatsLossSchema>;

export const SessionRecordSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: RecordIdSchema,
  /** Goes up by one on every write; lets an import tell "same record" from "changed record". */
  revision: z.number().int().min(1),
  kind: z.enum(SESSION_KINDS),
  status: z.enum(SESSION_STATUSES),
  startedAtMs: EpochMsSchema,
  endedAtMs: EpochMsSchema.nullable(),
  source: SessionSourceSchema,
  breathingPattern: BreathingPatternSchema.nullable(),
  /** The user's resting heart rate when the session ran: the rules (calm, flooded) were judged against it. */
  baselineHrBpm: z.number().min(25).max(220).nullable(),
  markers: z.array(PhaseMarkerSchema).max(10_000),
  beatCount: z.number().int().min(0),
  summary: SessionSummarySchema.nullable(),
  /** Added later: absent means no beats were lost to damage. */
  beatsLost: BeatsLossSchema.optional(),
}).strict();
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** The marker the check writes each time it gives the flooding cue during a conversation. */
export const FLOOD_CUE_LABEL = 'flooding cue';

export function floodCueCount(markers: readonly PhaseMarker[]): number {
  let count = 0;
  for (const marker of markers) if (marker.phase === 'conversation' && marker.label === FLOOD_CUE_LABEL) count += 1;
  return count;
}

/** What lists and trends see: the record without its markers, plus linked journal entries. */
export const SessionListItemSchema = z.object({
  id: RecordIdSchema,
  kind: z.enum(SESSION_KINDS),
  status: z.enum(SESSION_STATUSES),
  startedAtMs: EpochMsSchema,
  endedAtMs: EpochMsSchema.nullable(),
  sourceKind: z.enum(['strap', 'demo', 'replay', 'file']),
  beatCount: z.number().int().min(0),
  verdict: z.enum(VERDICTS).nullable(),
  summary: SessionSummarySchema.nullable(),
  journalEntryIds: z.array(RecordIdSchema),
  /** Flooding cues given during the session (markers are not sent); added later, absent means none counted. */
  floodCueCount: z.number().int().min(0).optional(),
  /** Beats lost to damage on disk (the session is partial); absent when none were. */
  beatsLost: BeatsLossSchema.optional(),
});
export type SessionListItem = z.infer<typeof SessionListItemSchema>;

export const SessionStartSchema = z.object({
  kind: z.enum(SESSION_KINDS),
  source: SessionSourceSchema,
  breathingPattern: BreathingPatternSchema.nullable().optional(),
  /** The baseline the live rules use; stored so the summary's calm-down time uses the same one. */
  baselineHrBpm: z.number().min(25).max(220).nullable().optional(),
}).strict();

export const SessionFinishSchema = z.object({
  sessionId: RecordIdSchema,
  /** A baseline learned during the session (a first calibration reading), if it changed. */
  baselineHrBpm: z.number().min(25).max(220).nullable().optional(),
}).strict();
export type SessionStart = z.infer<typeof SessionStartSchema>;

/** One session with everything needed to show it: the record, its beats and linked entries. */
export const SessionDetailSchema = z.object({
  session: SessionRecordSchema,
  beats: BeatColumnsSchema,
  /**
   * 'complete': every stored beat (after a crash, every acknowledged one); 'partial': part
   * of the beats file was damaged and set aside, the rest is here (session.beatsLost says
   * how much); 'unavailable': the beats file was damaged and moved to quarantine whole.
   */
  beatsStatus: z.enum(['complete', 'partial', 'unavailable']),
  journalEntryIds: z.array(RecordIdSchema),
});
export type SessionDetail = z.infer<typeof SessionDetailSchema>;
