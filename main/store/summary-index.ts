import type { Agreement } from '../../shared/model/agreement.ts';
import { journalListItem } from '../../shared/journal/list-item.ts';
import type { JournalEntry, JournalListItem } from '../../shared/model/journal.ts';
import { floodCueCount, type SessionListItem, type SessionRecord } from '../../shared/model/session.ts';

// The in-memory index that lists and trends read: one small entry per record, sessions
// kept sorted by start time so a time range is two binary searches. It is a cache of the
// record files; every entry carries the fingerprint of the file it came from, so a snapshot
// saved earlier can be checked against the folder and only what changed is read again.

export type SessionIndexEntry = Omit<SessionListItem, 'journalEntryIds'> & {
  revision: number;
  /** For imported files: lets a second import of the same file find the first. */
  sourceSha256: string | null;
};
export type JournalIndexEntry = JournalListItem;

export function sessionIndexEntry(record: SessionRecord): SessionIndexEntry {
  let verdict: SessionIndexEntry['verdict'] = null;
  for (const marker of record.markers) if (marker.verdict) verdict = marker.verdict;
  return {
    id: record.id,
    revision: record.revision,
    kind: record.kind,
    status: record.status,
    startedAtMs: record.startedAtMs,
    endedAtMs: record.endedAtMs,
    sourceKind: record.source.kind,
    beatCount: record.beatCount,
    verdict,
    summary: record.summary,
    floodCueCount: floodCueCount(record.markers),
    ...(record.beatsLost ? { beatsLost: record.beatsLost } : {}),
    sourceSha256: record.source.kind === 'file' ? record.source.contentSha256 : null,
  };
}

/** A journal entry's index entry is its list item (shared/journal/list-item.ts). */
export function journalIndexEntry(entry: JournalEntry): JournalIndexEntry {
  return journalListItem(entry);
}

export class SummaryIndex {
  /** Sorted by startedAtMs, then id, so equal start times still have one order. */
  private sessionsByStart: SessionIndexEntry[] = [];
  private readonly sessions = new Map<string, SessionIndexEntry>();
  readonly journal = new Map<string, JournalIndexEntry>();
  readonly agreements = new Map<string, Agreement>();
  /** Record file (relative path) → fingerprint of the version this index describes. */
  readonly fingerprints = new Map<string, string>();
  /** session id → journal entries (not in the trash) that link to it. */
  private linksCache: Map<string, string[]> | null = null;

  getSession(id: string): SessionIndexEntry | undefined {
    return this.sessions.get(id);
  }

  allSessions(): readonly SessionIndexEntry[] {
    return this.sessionsByStart;
  }

  putSession(entry: SessionIndexEntry): void {
    this.removeSession(entry.id);
    this.sessions.set(entry.id, entry);
    const at = this.lowerBound(entry.startedAtMs, entry.id);
    this.sessionsByStart.splice(at, 0, entry);
  }

  removeSession(id: string): void {
    const old = this.sessions.get(id);
    if (!old) return;
    this.sessions.delete(id);
    const at = this.lowerBound(old.startedAtMs, old.id);
    if (this.sessionsByStart[at]?.id === id) this.sessionsByStart.splice(at, 1);
    else this.sessionsByStart = this.sessionsByStart.filter((s) => s.id !== id);
  }

  /** Sessions that started in [fromMs, toMs), oldest first. */
  sessionsInRange(fromMs: number, toMs: number): SessionIndexEntry[] {
    const out: SessionIndexEntry[] = [];
    for (let i = this.lowerBound(fromMs, ''); i < this.sessionsByStart.length; i += 1) {
      const entry = this.sessionsByStart[i];
      if (!entry || entry.startedAtMs >= toMs) break;
      out.push(entry);
    }
    return out;
  }

  putJournal(entry: JournalIndexEntry): void {
    this.journal.set(entry.id, entry);
    this.linksCache = null;
  }

  removeJournal(id: string): void {
    this.journal.delete(id);
    this.linksCache = null;
  }

  linkedEntries(sessionId: string): string[] {
    if (!this.linksCache) {
      const links = new Map<string, string[]>();
      for (const entry of this.journal.values()) {
        if (entry.trashedAtMs !== null) continue;
        for (const sessionId of entry.sessionIds) {
          const list = links.get(sessionId);
          if (list) list.push(entry.id);
          else links.set(sessionId, [entry.id]);
        }
      }
      this.linksCache = links;
    }
    return this.linksCache.get(sessionId) ?? [];
  }

  toListItem(entry: SessionIndexEntry): SessionListItem {
    const { revision: _revision, sourceSha256: _sha, ...item } = entry;
    return { ...item, journalEntryIds: this.linkedEntries(entry.id) };
  }

  private lowerBound(startedAtMs: number, id: string): number {
    let lo = 0;
    let hi = this.sessionsByStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const probe = this.sessionsByStart[mid] as SessionIndexEntry;
      if (probe.startedAtMs < startedAtMs || (probe.startedAtMs === startedAtMs && probe.id < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
