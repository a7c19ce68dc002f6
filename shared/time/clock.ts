// "Now", injected. Every piece of code that reads the time takes a Clock, so a test can move
// time by hand and a replay can run on its own timeline.

export type Clock = { nowMs(): number };

/** The computer's wall clock, in ms since 1970. */
export const systemClock: Clock = { nowMs: () => Date.now() };
