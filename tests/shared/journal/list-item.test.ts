import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARS, journalExcerpt, journalListItem } from '../../../shared/journal/list-item.ts';
import { JOURNAL_SCHEMA_VERSION, type JournalEntry } from '../../../shared/model/journal.ts';

describe('journal list item', () => {
  it('folds every run of whitespace to one space and trims the ends', () => {
    expect(journalExcerpt('  First line\n\n\tsecond   line \n')).toBe('First line second line');
    expect(journalExcerpt(' \n ')).toBe('');
  });

  it('cuts the excerpt to its length after folding', () => {
    const excerpt = journalExcerpt('word '.repeat(100));
    expect(excerpt).toHaveLength(EXCERPT_CHARS);
    expect(EXCERPT_CHARS).toBe(200);
    expect(excerpt.startsWith('word word')).toBe(true);
  });

  it('keeps the fields a list shows and leaves out the text', () => {
    const entry: JournalEntry = {
      schemaVersion: JOURNAL_SCHEMA_VERSION,
      id: 'e1',
      revision: 2,
      createdAtMs: 1,
      updatedAtMs: 2,
      trashedAtMs: null,
      title: 'A title',
      text: 'Body\nof the entry',
      tags: ['calm'],
      kind: 'note',
      promptId: 'micro-this-week',
      cues: ['tight chest'],
      signsRating: null,
      pleasantness: 5,
      emotions: ['calm'],
      sessionIds: ['s1'],
    };
    const item = journalListItem(entry);
    expect(Object.keys(item).sort()).toEqual(['createdAtMs', 'excerpt', 'id', 'kind', 'revision', 'sessionIds', 'tags', 'title', 'trashedAtMs', 'updatedAtMs']);
    expect(item).toMatchObject({ id: 'e1', revision: 2, title: 'A title', excerpt: 'Body of the entry', tags: ['calm'], sessionIds: ['s1'], trashedAtMs: null });
  });
});
