import { describe, expect, it } from 'vitest';
import { sessionToAutoLink, suggestionQueryRange, suggestSessions } from '../../../shared/journal/session-pairing.ts';

const H = 3600 * 1000;
const M = 60 * 1000;
const AT = Date.UTC(2025, 5, 1, 12, 0);
const session = (id: string, startOffsetMs: number, lengthMs: number | null, status = 'finished') => ({
  id,
  startedAtMs: AT + startOffsetMs,
  endedAtMs: lengthMs === null ? null : AT + startOffsetMs + lengthMs,
  status,
});

describe('session suggestions', () => {
  it('suggests sessions within six hours either side, nearest first, earlier ones first on a tie', () => {
    const sessions = [
      session('far-before', -7 * H, 5 * M), // ends 6 h 55 min before: out
      session('before-2h', -2 * H - 10 * M, 10 * M),
      session('after-2h', 2 * H, 10 * M),
      session('during', -5 * M, 20 * M),
      session('after-5h', 5 * H, 5 * M),
      session('long-break', -9 * H, 4 * H), // ended 5 h before: in
      session('after-7h', 7 * H, 5 * M),
    ];
    expect(suggestSessions(sessions, AT).map((s) => s.id)).toEqual(['during', 'before-2h', 'after-2h', 'long-break', 'after-5h']);
  });

  it('leaves out sessions the entry is already linked to', () => {
    const sessions = [session('a', -H, M), session('b', -2 * H, M)];
    expect(suggestSessions(sessions, AT, { excludeIds: ['a'] }).map((s) => s.id)).toEqual(['b']);
  });

  it('asks the store for a range wide enough for long sessions', () => {
    const range = suggestionQueryRange(AT);
    expect(range.fromMs).toBeLessThanOrEqual(AT - 6 * H - 20 * H);
    expect(range.toMs).toBeGreaterThan(AT + 6 * H);
  });
});

describe('auto-linking an entry written right after a session', () => {
  it('picks the session that ended last within the half hour before', () => {
    const sessions = [session('older', -50 * M, 10 * M), session('just-now', -20 * M, 15 * M), session('earlier', -40 * M, 5 * M)];
    expect(sessionToAutoLink(sessions, AT)?.id).toBe('just-now');
  });

  it('links nothing after half an hour, and never a session still recording', () => {
    expect(sessionToAutoLink([session('old', -2 * H, 10 * M)], AT)).toBeNull();
    expect(sessionToAutoLink([session('live', -5 * M, null, 'recording')], AT)).toBeNull();
  });
});
