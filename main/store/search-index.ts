import MiniSearch, { type AsPlainObject } from 'minisearch';

// Full-text search over journal entries (title, text, tags), in memory. Its serialised form
// rides along in the index snapshot so opening the store does not re-tokenise years of
// writing; entries that changed since the snapshot are swapped in one by one.

type SearchDoc = { id: string; title: string; text: string; tags: string };

const OPTIONS = {
  fields: ['title', 'text', 'tags'],
  storeFields: [],
  searchOptions: { prefix: true, fuzzy: 0.15, boost: { title: 2, tags: 2 }, combineWith: 'AND' as const },
};

export type JournalSearchIndex = {
  put(entry: { id: string; title: string; text: string; tags: readonly string[] }): void;
  remove(id: string): void;
  has(id: string): boolean;
  /** Ids and scores, best first. */
  search(text: string): Array<{ id: string; score: number }>;
  toPlain(): AsPlainObject;
};

export function createSearchIndex(snapshot?: AsPlainObject): JournalSearchIndex {
  const mini = snapshot ? MiniSearch.loadJS<SearchDoc>(snapshot, OPTIONS) : new MiniSearch<SearchDoc>(OPTIONS);
  return {
    put(entry) {
      if (mini.has(entry.id)) mini.discard(entry.id);
      mini.add({ id: entry.id, title: entry.title, text: entry.text, tags: entry.tags.join(' ') });
    },
    remove(id) {
      if (mini.has(id)) mini.discard(id);
    },
    has: (id) => mini.has(id),
    search(text) {
      return mini.search(text).map((hit) => ({ id: String(hit.id), score: hit.score }));
    },
    toPlain: () => mini.toJSON(),
  };
}
