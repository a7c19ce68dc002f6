// How a lost strap is retried: after 1, 2, 4 … seconds, capped, for a limited number of
// attempts, each with its own time limit.

export type Backoff = {
  /** Wait before the first reconnect attempt; doubles each time. */
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
  /** A connect attempt that has not answered by then counts as failed. */
  readonly attemptTimeoutMs: number;
};

export const DEFAULT_BACKOFF: Backoff = { firstDelayMs: 1000, maxDelayMs: 30_000, maxAttempts: 8, attemptTimeoutMs: 20_000 };

/** Delay before attempt n (1-based): first × 2^(n−1), capped. */
export function backoffDelayMs(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** (attempt - 1));
}
