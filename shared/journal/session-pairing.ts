// Pairing journal entries with sessions. An entry written right after a session is about
// that session, so it is linked without asking; any entry can be linked by hand, and the
// picker suggests the sessions nearest in time, within six hours either side.

export const SUGGESTION_WINDOW_MS = 6 * 3600 * 1000;
/** An entry started within this long of a session's end is taken to be about it. */
export const AUTO_LINK_WITHIN_MS = 30 * 60 * 1000;

export type SessionTimes = {
  readonly id: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly status: string;
};

/** How far `atMs` lies from the session: 0 inside it, otherwise the gap to its nearer end. */
export function distanceToSessionMs(session: SessionTimes, atMs: number): number {
  const end = session.endedAtMs ?? session.startedAtMs;
  if (atMs >= session.startedAtMs && atMs <= end) return 0;
  return atMs < session.startedAtMs ? session.startedAtMs - atMs : atMs - end;
}

/** The time range to ask the store for, so every session that could be suggested is in it. */
export function suggestionQueryRange(atMs: number, windowMs = SUGGESTION_WINDOW_MS): { fromMs: number; toMs: number } {
  // Sessions are listed by start time; a long one (a break up to a day) may start well before.
  return { fromMs: Math.max(0, atMs - windowMs - 24 * 3600 * 1000), toMs: atMs + windowMs + 1 };
}

/**
 * Sessions within ±6 h of the entry's time, nearest first; among equally near ones, those
 * that came before the entry first (people write after, not before). Already linked ones
 * are left out.
 */
export function suggestSessions<T extends SessionTimes>(
  sessions: readonly T[],
  atMs: number,
  options: { excludeIds?: readonly string[]; windowMs?: number } = {},
): Array<T & { distanceMs: number }> {
  const windowMs = options.windowMs ?? SUGGESTION_WINDOW_MS;
  const exclude = new Set(options.excludeIds ?? []);
  return sessions
    .filter((session) => !exclude.has(session.id))
    .map((session) => ({ ...session, distanceMs: distanceToSessionMs(session, atMs) }))
    .filter((session) => session.distanceMs <= windowMs)
    .sort((a, b) => {
      if (a.distanceMs !== b.distanceMs) return a.distanceMs - b.distanceMs;
      const aBefore = a.startedAtMs <= atMs ? 0 : 1;
      const bBefore = b.startedAtMs <= atMs ? 0 : 1;
      return aBefore - bBefore || b.startedAtMs - a.startedAtMs;
    });
}

/** The session an entry started at `nowMs` is about: the last one that ended in the half hour before. */
export function sessionToAutoLink<T extends SessionTimes>(sessions: readonly T[], nowMs: number, withinMs = AUTO_LINK_WITHIN_MS): T | null {
  let best: T | null = null;
  for (const session of sessions) {
    if (session.status === 'recording' || session.endedAtMs === null) continue;
    if (session.endedAtMs > nowMs || nowMs - session.endedAtMs > withinMs) continue;
    if (!best || (best.endedAtMs ?? 0) < session.endedAtMs) best = session;
  }
  return best;
}
