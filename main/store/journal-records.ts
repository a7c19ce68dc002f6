import {
  JOURNAL_SCHEMA_VERSION,
  JOURNAL_TRASH_KEEP_MS,
  type JournalCreate,
  type JournalEntry,
  type JournalListItem,
  type JournalPatch,
} from '../../shared/model/journal.ts';
import { notFound, StoreError } from './errors.ts';
import { newRecordId } from './layout.ts';
import { KindRecords, sameJson, type AdoptOutcome } from './record-files.ts';

// Journal entries: writing, editing (refusing a stale revision), the 30-day trash, links to
// sessions, the list and full-text search (both served from memory), adopting entries from
// an export, and purging the expired trash when the store opens. The store's lock is held
// around every call that touches the disk.

export type JournalFilter = {
  fromMs?: number;
  toMs?: number;
  /** Entries carrying every one of these tags (case does not matter). */
  tags?: string[];
  /** false (default): entries not in the trash; true: only entries in the trash. */
  trashed?: boolean;
  limit?: number;
};

export class JournalRecords extends KindRecords {
  async create(input: JournalCreate): Promise<JournalEntry> {
    const nowMs = Math.round(this.clock.nowMs());
    const sessionIds = [...new Set(input.sessionIds ?? [])];
    for (const sessionId of sessionIds) if (!this.index.summary.getSession(sessionId)) throw notFound('session');
    const entry: JournalEntry = {
      schemaVersion: JOURNAL_SCHEMA_VERSION,
      id: newRecordId(),
      revision: 1,
      createdAtMs: input.createdAtMs ?? nowMs,
      updatedAtMs: nowMs,
      title: input.title ?? '',
      text: input.text,
      tags: normaliseTags(input.tags ?? []),
      kind: input.kind ?? 'note',
      promptId: input.promptId ?? null,
      cues: input.cues ?? [],
      signsRating: input.signsRating ?? null,
      // Optional structure (absent in entries written before it existed).
      ...(input.pleasantness !== undefined ? { pleasantness: input.pleasantness } : {}),
      ...(input.emotions !== undefined ? { emotions: input.emotions } : {}),
      ...(input.repair !== undefined ? { repair: input.repair } : {}),
      ...(input.momentKind !== undefined ? { momentKind: input.momentKind } : {}),
      sessionIds,
      trashedAtMs: null,
    };
    await this.write(entry);
    return entry;
  }

  /** Applies a patch. With `expectedRevision`, refuses (conflict) if the entry changed since. */
  async update(id: string, patch: JournalPatch, expectedRevision?: number): Promise<JournalEntry> {
    const current = await this.readForWrite(id);
    if (expectedRevision !== undefined && current.revision !== expectedRevision) {
      throw new StoreError({ code: 'conflict', reason: 'changed-since-read' });
    }
    const next: JournalEntry = {
      ...current,
      ...patch,
      tags: patch.tags ? normaliseTags(patch.tags) : current.tags,
      revision: current.revision + 1,
      updatedAtMs: Math.round(this.clock.nowMs()),
    };
    await this.write(next);
    return next;
  }

  /** Moves the entry to the trash; it can be restored for 30 days. */
  trash(id: string): Promise<JournalEntry> {
    return this.change(id, (entry, nowMs) => (entry.trashedAtMs === null ? { ...entry, trashedAtMs: nowMs } : null));
  }

  restore(id: string): Promise<JournalEntry> {
    return this.change(id, (entry) => (entry.trashedAtMs === null ? null : { ...entry, trashedAtMs: null }));
  }

  link(entryId: string, sessionId: string): Promise<JournalEntry> {
    return this.change(entryId, (entry) => {
      if (!this.index.summary.getSession(sessionId)) throw notFound('session');
      return entry.sessionIds.includes(sessionId) ? null : { ...entry, sessionIds: [...entry.sessionIds, sessionId] };
    });
  }

  unlink(entryId: string, sessionId: string): Promise<JournalEntry> {
    return this.change(entryId, (entry) =>
      entry.sessionIds.includes(sessionId) ? { ...entry, sessionIds: entry.sessionIds.filter((s) => s !== sessionId) } : null,
    );
  }

  get(id: string): Promise<JournalEntry> {
    return this.readForWrite(id);
  }

  list(filter: JournalFilter): JournalListItem[] {
    const matches = [...this.index.summary.journal.values()].filter(journalFilter(filter));
    matches.sort((a, b) => b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : 1));
    return matches.slice(0, filter.limit ?? matches.length);
  }

  /** Full-text search (with prefixes and small typos), narrowed by tags and dates; best first. */
  search(query: JournalFilter & { text: string }): Array<JournalListItem & { score: number }> {
    const keep = journalFilter(query);
    const out: Array<JournalListItem & { score: number }> = [];
    for (const hit of this.index.search.search(query.text)) {
      const entry = this.index.summary.journal.get(hit.id);
      if (entry && keep(entry)) out.push({ ...entry, score: hit.score });
      if (query.limit !== undefined && out.length >= query.limit) break;
    }
    return out;
  }

  /** Every entry (the trash too), for export; one that cannot be read is left out. */
  async forEach(visit: (entry: JournalEntry) => Promise<void>): Promise<void> {
    for (const id of [...this.index.summary.journal.keys()]) {
      const entry = await this.files.readOrSkip('journal', id);
      if (entry) await visit(entry);
    }
  }

  async adopt(entry: JournalEntry): Promise<AdoptOutcome> {
    if (this.index.summary.journal.has(entry.id)) {
      return sameJson(await this.files.read('journal', entry.id), entry) ? 'unchanged' : 'conflict';
    }
    if (await this.files.occupied('journal', entry.id)) return 'conflict';
    await this.write(entry);
    return 'added';
  }

  /** When the store opens: entries in the trash for more than 30 days are removed for good. */
  async purgeExpiredTrash(): Promise<boolean> {
    const cutoffMs = this.clock.nowMs() - JOURNAL_TRASH_KEEP_MS;
    let purged = false;
    for (const entry of [...this.index.summary.journal.values()]) {
      if (entry.trashedAtMs === null || entry.trashedAtMs > cutoffMs) continue;
      await this.files.remove('journal', entry.id);
      this.index.forget('journal', entry.id);
      purged = true;
    }
    return purged;
  }

  private async write(entry: JournalEntry): Promise<void> {
    await this.files.write('journal', entry);
    this.index.putJournal(entry);
  }

  private async change(id: string, change: (entry: JournalEntry, nowMs: number) => JournalEntry | null): Promise<JournalEntry> {
    const current = await this.readForWrite(id);
    const nowMs = Math.round(this.clock.nowMs());
    const changed = change(current, nowMs);
    if (!changed) return current;
    const next = { ...changed, revision: current.revision + 1, updatedAtMs: nowMs };
    await this.write(next);
    return next;
  }

  private async readForWrite(id: string): Promise<JournalEntry> {
    if (!this.index.summary.journal.has(id)) throw notFound('journal');
    return this.files.read('journal', id);
  }
}

function journalFilter(filter: JournalFilter): (entry: JournalListItem) => boolean {
  const tags = (filter.tags ?? []).map((tag) => tag.trim().toLowerCase());
  const trashed = filter.trashed ?? false;
  return (entry) => {
    if ((entry.trashedAtMs !== null) !== trashed) return false;
    if (filter.fromMs !== undefined && entry.createdAtMs < filter.fromMs) return false;
    if (filter.toMs !== undefined && entry.createdAtMs >= filter.toMs) return false;
    if (tags.length > 0) {
      const own = entry.tags.map((tag) => tag.toLowerCase());
      if (!tags.every((tag) => own.includes(tag))) return false;
    }
    return true;
  };
}

function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}
