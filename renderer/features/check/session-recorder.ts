// Records a check (or a Breathe session) as a session: beats go to main in batches every few seconds of beat time
// (so a crash loses seconds, not the check), markers as they happen, then finish. Every call
// runs in order on one chain, so a marker never overtakes the beats before it and finish
// always comes last. A failed call is reported once and the check goes on: the person in
// front of the screen matters more than the record.
import type { BreathingPattern, PhaseMarker, SessionListItem, SessionSource, SessionStart } from '../../../shared/model/session.ts';
import { isStorableRr } from '../../../shared/signal/rr-range.ts';
import type { DataClient } from '../../app/data-client.ts';

export const FLUSH_EVERY_MS = 5_000;
const MAX_BATCH = 2000;

export type RecorderStart = {
  /** What the window records live: the check and its resting readings, Breathe's sessions, a break of the user's own and a repair's body check. */
  kind: Extract<SessionStart['kind'], 'check' | 'calibration' | 'breathing' | 'break' | 'repair'>;
  source: SessionSource;
  baselineHrBpm: number | null;
  breathingPattern: BreathingPattern | null;
  /** Clock time the session starts at: beat and marker times are relative to it. */
  startedAtMs: number;
};

export type SessionRecorder = {
  readonly sessionId: () => string | null;
  addBeat(tMs: number, rrMs: number): void;
  addMarker(marker: PhaseMarker): void;
  /** Ends the recording; resolves with the finished session as main saved it (null if it was not). */
  finish(baselineHrBpm?: number | null): Promise<SessionListItem | null>;
  /** Resolves when everything queued so far has reached main (or was dropped by dispose). */
  settled(): Promise<void>;
  /**
   * Its owner is gone (the window is closing): the call on its way finishes, the rest of the
   * queue is dropped. The session stays open in main, which closes it from its beats on the
   * next start, as after a crash.
   */
  dispose(): void;
};

export function startSessionRecorder(data: DataClient, start: RecorderStart, onProblem: (message: string) => void): SessionRecorder {
  let id: string | null = null;
  let saved: SessionListItem | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  const pending: { tMs: number; rrMs: number }[] = [];
  let lastFlushTMs = 0;
  let lastBeatTMs = -1;
  let reported = false;
  let finished = false;
  let disposed = false;

  const problem = (message: string): void => {
    if (reported) return;
    reported = true;
    onProblem(message);
  };
  const enqueue = (work: () => Promise<void>): void => {
    chain = chain
      .then(() => (disposed ? undefined : work()))
      .catch((error: unknown) => problem(error instanceof Error ? error.message : String(error)));
  };

  enqueue(async () => {
    const result = await data.call('session.start', {
      kind: start.kind,
      source: start.source,
      breathingPattern: start.breathingPattern,
      baselineHrBpm: start.baselineHrBpm,
    });
    if (result.ok) id = result.value.id;
    else problem(result.message);
  });

  const flush = (): void => {
    if (pending.length === 0) return;
    const batch = pending.splice(0, MAX_BATCH);
    enqueue(async () => {
      if (id === null) return;
      const result = await data.call('session.appendBeats', { sessionId: id, beats: batch });
      if (!result.ok) problem(result.message);
    });
  };

  return {
    sessionId: () => id,
    addBeat(tMs, rrMs) {
      if (finished || disposed) return;
      const relative = tMs - start.startedAtMs;
      // Beats from before the session, out of order, or impossible: the store would refuse them.
      if (!(relative >= 0) || relative <= lastBeatTMs || !isStorableRr(rrMs)) return;
      lastBeatTMs = relative;
      pending.push({ tMs: relative, rrMs });
      if (relative - lastFlushTMs >= FLUSH_EVERY_MS || pending.length >= MAX_BATCH) {
        lastFlushTMs = relative;
        flush();
      }
    },
    addMarker(marker) {
      if (finished || disposed) return;
      flush();
      enqueue(async () => {
        if (id === null) return;
        const result = await data.call('session.addMarker', { sessionId: id, marker });
        if (!result.ok) problem(result.message);
      });
    },
    async finish(baselineHrBpm) {
      if (finished || disposed) return saved;
      flush();
      finished = true;
      enqueue(async () => {
        if (id === null) return;
        const result = await data.call('session.finish', {
          sessionId: id,
          ...(baselineHrBpm === undefined ? {} : { baselineHrBpm: baselineHrBpm === null ? null : clampBaseline(baselineHrBpm) }),
        });
        if (result.ok) saved = result.value;
        else problem(result.message);
      });
      await chain;
      return saved;
    },
    async settled() {
      await chain;
    },
    dispose() {
      disposed = true;
      pending.length = 0;
    },
  };
}

function clampBaseline(bpm: number): number {
  return Math.min(220, Math.max(25, bpm));
}
