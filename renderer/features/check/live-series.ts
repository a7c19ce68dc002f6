// The beats behind the live view, outside React: the chart subscribes and redraws itself on
// the next animation frame, so a beat costs one path update, not a render of the screen.
// Grows by doubling; half an hour is about 2,000 beats.

export type LiveSeries = {
  push(tMs: number, rrMs: number): void;
  readonly length: number;
  times(): Float64Array;
  intervals(): Float64Array;
  subscribe(listener: () => void): () => void;
  clear(): void;
};

export function createLiveSeries(): LiveSeries {
  let times = new Float64Array(1024);
  let intervals = new Float64Array(1024);
  let length = 0;
  const listeners = new Set<() => void>();
  return {
    push(tMs, rrMs) {
      if (length === times.length) {
        const nextTimes = new Float64Array(times.length * 2);
        const nextIntervals = new Float64Array(times.length * 2);
        nextTimes.set(times);
        nextIntervals.set(intervals);
        times = nextTimes;
        intervals = nextIntervals;
      }
      times[length] = tMs;
      intervals[length] = rrMs;
      length++;
      for (const listener of listeners) listener();
    },
    get length() {
      return length;
    },
    times: () => times.subarray(0, length),
    intervals: () => intervals.subarray(0, length),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    clear() {
      length = 0;
      for (const listener of listeners) listener();
    },
  };
}
