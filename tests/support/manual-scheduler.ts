// A clock and timers that move only when a test says so: reconnect back-off, chooser time
// limits, the demo sensor and replays run as fast as the test can call advance().
// Fits both the renderer's Scheduler and main's ChooserTimers. Each one is known to the leak
// guard: a timer still set on it when its test ends is work nobody stopped.

import { trackScheduler } from './open-harnesses.ts';

export type ManualTimer = { readonly id: number };

export type ManualScheduler = {
  nowMs(): number;
  setTimeout(callback: () => void, delayMs: number): ManualTimer;
  clearTimeout(handle: unknown): void;
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** Like advance, but lets promises settle after each timer (for async code). */
  advanceAsync(ms: number): Promise<void>;
  pending(): number;
};

export function createManualScheduler(startMs = 1_700_000_000_000): ManualScheduler {
  const scheduler = buildManualScheduler(startMs);
  trackScheduler(scheduler);
  return scheduler;
}

function buildManualScheduler(startMs: number): ManualScheduler {
  let now = startMs;
  let nextId = 1;
  const timers = new Map<number, { dueMs: number; callback: () => void }>();

  const nextDue = (untilMs: number): [number, { dueMs: number; callback: () => void }] | null => {
    let best: [number, { dueMs: number; callback: () => void }] | null = null;
    for (const entry of timers) {
      if (entry[1].dueMs <= untilMs && (best === null || entry[1].dueMs < best[1].dueMs || (entry[1].dueMs === best[1].dueMs && entry[0] < best[0]))) best = entry;
    }
    return best;
  };

  return {
    nowMs: () => now,
    setTimeout(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { dueMs: now + Math.max(0, delayMs), callback });
      return { id };
    },
    clearTimeout(handle) {
      if (typeof handle === 'object' && handle !== null && 'id' in handle) timers.delete((handle as ManualTimer).id);
    },
    advance(ms) {
      const until = now + ms;
      for (let due = nextDue(until); due !== null; due = nextDue(until)) {
        timers.delete(due[0]);
        now = due[1].dueMs;
        due[1].callback();
      }
      now = until;
    },
    async advanceAsync(ms) {
      const until = now + ms;
      await settle();
      for (let due = nextDue(until); due !== null; due = nextDue(until)) {
        timers.delete(due[0]);
        now = due[1].dueMs;
        due[1].callback();
        await settle();
      }
      now = until;
      await settle();
    },
    pending: () => timers.size,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
