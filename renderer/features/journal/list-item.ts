import type { JournalEntry, JournalListItem } from '../../../shared/model/journal.ts';

// An entry main returned after a save, as lists show it, so the journal and Trends can put it
// in place without reading everything again. The excerpt follows main's records index
// (main/store/summary-index.ts): the text with its spaces folded, cut to 200 characters.

const EXCERPT_CHARS = 200;

export function listItemOf(entry: JournalEntry): JournalListItem {
  const { id, revision, createdAtMs, updatedAtMs, trashedAtMs, title, tags, kind, sessionIds } = entry;
  const excerpt = entry.text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS);
  return { id, revision, createdAtMs, updatedAtMs, trashedAtMs, title, excerpt, tags, kind, sessionIds };
}
