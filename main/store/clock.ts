/** Wall time in ms since 1970; injected so tests control "now" (trash expiry, start times). */
export type Clock = { nowMs(): number };

export const systemClock: Clock = { nowMs: () => Date.now() };
