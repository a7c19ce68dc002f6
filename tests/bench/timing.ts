// Timing for the plain-Node benchmarks that time a synchronous piece of work.

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of 5 runs after one warm-up (JIT, caches), ms to 0.1. */
export function medianMs(work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 10) / 10;
}
