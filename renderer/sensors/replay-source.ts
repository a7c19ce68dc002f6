// Plays a recording as a source, in real time or faster: the demo of a saved session, or any
// file the engine reads (plain RR, Kubios, Polar HRM, Polar CSV, arrival-time CSV). Beats
// are grouped into about one second of recording per packet, like a strap's notifications,
// and passed on with their RR exactly as recorded (no rounding to 1/1024 s).
//
// Faster than real time, the beats run ahead of the wall clock, so the source's `clock`
// runs at the replay's speed: analysers built on it see the same timeline as live.

import { readRecording } from '../../shared/formats/read-recording.ts';
import type { HeartRateSource } from './heart-rate-source.ts';
import type { Scheduler, TimerHandle } from './scheduler.ts';
import { createSourceCore, playedSourceParts } from './source-core.ts';

export type ReplaySourceOptions = {
  scheduler: Scheduler;
  name: string;
  rrMs: readonly number[];
  /** 1 = real time; 10 = ten seconds of recording per second. */
  speed?: number;
};

const PACKET_SPAN_MS = 1000;

/** Groups beats so each group ends within about a second of recording after the previous one. */
export function groupBeats(rrMs: readonly number[]): Array<{ endMs: number; rrMs: number[] }> {
  const groups: Array<{ endMs: number; rrMs: number[] }> = [];
  let elapsed = 0;
  let current: number[] = [];
  let groupStart = 0;
  for (const rr of rrMs) {
    current.push(rr);
    elapsed += rr;
    if (elapsed - groupStart >= PACKET_SPAN_MS) {
      groups.push({ endMs: elapsed, rrMs: current });
      current = [];
      groupStart = elapsed;
    }
  }
  if (current.length > 0) groups.push({ endMs: elapsed, rrMs: current });
  return groups;
}

export function createReplaySource({ scheduler, name, rrMs, speed = 1 }: ReplaySourceOptions): HeartRateSource {
  const core = createSourceCore();
  const groups = groupBeats(rrMs);
  let startMs: number | null = null;
  let next = 0;
  let timer: TimerHandle | null = null;

  const replayNow = (): number => (startMs === null ? scheduler.nowMs() : startMs + (scheduler.nowMs() - startMs) * speed);

  const play = (): void => {
    timer = null;
    if (startMs === null) return;
    const now = replayNow();
    for (let group = groups[next]; group !== undefined && startMs + group.endMs <= now; group = groups[next]) {
      const meanRr = group.rrMs.reduce((sum, rr) => sum + rr, 0) / group.rrMs.length;
      core.readPacket({ bpm: Math.round(60000 / meanRr), contact: 'unsupported', rrMs: group.rrMs }, startMs + group.endMs);
      next += 1;
    }
    const upcoming = groups[next];
    if (upcoming === undefined) {
      core.setStatus({ phase: 'finished' });
      return;
    }
    timer = scheduler.setTimeout(play, Math.max(1, (startMs + upcoming.endMs - now) / speed));
  };

  const start = async (): Promise<void> => {
    if (startMs !== null && core.status().phase === 'connected') return;
    startMs = scheduler.nowMs();
    next = 0;
    core.setStatus({ phase: 'connected' });
    play();
  };

  return {
    kind: 'replay',
    label: `Replay of ${name}`,
    clock: { nowMs: replayNow },
    ...playedSourceParts(core, {
      start,
      stop() {
        if (timer !== null) scheduler.clearTimeout(timer);
        timer = null;
        startMs = null;
      },
    }),
    followBreathing: () => {},
    wake: () => {},
  };
}

export type ReplayFromTextResult = { ok: true; source: HeartRateSource } | { ok: false; message: string };

/** Reads a recording's text (any format the engine knows) and makes a replay of it. */
export function createReplayFromText(text: string, name: string, scheduler: Scheduler, speed = 1): ReplayFromTextResult {
  const read = readRecording(text);
  if (!read.ok) {
    const where = read.error.line === undefined ? '' : ` (line ${read.error.line})`;
    return { ok: false, message: `${name} could not be played: ${read.error.message}${where}.` };
  }
  return { ok: true, source: createReplaySource({ scheduler, name, rrMs: read.value.rrMs, speed }) };
}
