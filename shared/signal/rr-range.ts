// Which beat-to-beat (RR) intervals Attune believes, keeps and reads: the one home of the
// three ranges, from strict to loose.
//
// - Plausible, 300–2000 ms (200 down to 30 bpm; signal.md): what the analysis treats as a
//   real beat of a person at rest or in a hard talk. Outside it, artefact correction
//   replaces the interval and the live filter drops it.
// - Storable, 100–5000 ms: what a session record may hold. Wider than plausible on purpose,
//   so an odd interval is kept as the strap sent it and the analysis, not the recorder,
//   decides about it (a later, better cleaning can still use it).
// - Possible, 1 ms – 60 s: what could be an interval at all when reading a file: it keeps
//   real but unusual beats and leaves out 0, NaN and "no value" markers such as 65535.

export const MIN_PLAUSIBLE_RR_MS = 300;
export const MAX_PLAUSIBLE_RR_MS = 2000;

export const MIN_STORABLE_RR_MS = 100;
export const MAX_STORABLE_RR_MS = 5000;

const MIN_POSSIBLE_RR_MS = 1;
const MAX_POSSIBLE_RR_MS = 60_000;

export function isPlausibleRr(rrMs: number): boolean {
  return Number.isFinite(rrMs) && rrMs >= MIN_PLAUSIBLE_RR_MS && rrMs <= MAX_PLAUSIBLE_RR_MS;
}

export function isStorableRr(rrMs: number): boolean {
  return Number.isFinite(rrMs) && rrMs >= MIN_STORABLE_RR_MS && rrMs <= MAX_STORABLE_RR_MS;
}

/** Could this value be a heartbeat interval at all, however odd? */
export function isPossibleInterval(rrMs: number): boolean {
  return Number.isFinite(rrMs) && rrMs >= MIN_POSSIBLE_RR_MS && rrMs <= MAX_POSSIBLE_RR_MS;
}
