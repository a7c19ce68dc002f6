// Timing for the plain-Node benchmarks that time a synchronous piece of work.

/** The middle value (the upper middle of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median wall time of 5 runs after `warmUps` runs (JIT, caches), ms to 0.1. Large work needs
 * more than one: V8 optimises a day's analysis over its first ~5 runs (400, 300, 200, 170,
 * 145, 140 ms), so a median after one warm-up landed on the tail of that and moved by tens of
 * ms between runs.
 */
export function medianMs(work: () => unknown, warmUps = 1): number {
  for (let i = 0; i < warmUps; i++) work();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return Math.round(median(times) * 10) / 10;
}
