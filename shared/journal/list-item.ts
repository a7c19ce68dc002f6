import type { JournalEntry, JournalListItem } from '../model/journal.ts';

// A journal entry as lists show it: main's records index builds one for every entry it reads,
// and the window builds one from an entry main returned after a save, so the journal and
// Trends can put it in place without reading everything again. Both use this one rule.

/** How long a list item's excerpt may be, in characters. */
export const EXCERPT_CHARS = 200;

/** The entry's text with every run of whitespace folded to one space, cut to EXCERPT_CHARS. */
export function journalExcerpt(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_CHARS);
}

export function journalListItem(entry: JournalEntry): JournalListItem {
  const { id, revision, createdAtMs, updatedAtMs, trashedAtMs, title, tags, kind, sessionIds, signsRating } = entry;
  const item: JournalListItem = { id, revision, createdAtMs, updatedAtMs, trashedAtMs, title, excerpt: journalExcerpt(entry.text), tags, kind, sessionIds };
  // Only the entries that hold a rating carry it: five numbers, not a field on every entry.
  return signsRating ? { ...item, signsRating } : item;
}
