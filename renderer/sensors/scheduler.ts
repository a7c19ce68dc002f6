// Time for the heart-rate sources, injected: the app passes the real clock and timers, tests a
// manual scheduler that jumps ahead, so reconnect back-off, the demo sensor and replays run
// faster than real time in tests and the same code runs live.

export type TimerHandle = { readonly id: number };

export type Scheduler = {
  /** Milliseconds since 1970 (the timeline beats are stamped on). */
  nowMs(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
};

export function browserScheduler(): Scheduler {
  return {
    nowMs: () => Date.now(),
    setTimeout: (callback, delayMs) => ({ id: window.setTimeout(callback, delayMs) }),
    clearTimeout: (handle) => window.clearTimeout(handle.id),
  };
}
