// Narrowing the journal list: by tag, by kind, and by whether an entry is linked to a
// session. Done in the window over the list the store sent (a few hundred bytes an entry),
// so changing a filter needs no round trip.

export type LinkedFilter = 'any' | 'linked' | 'unlinked';

export type EntryFilter = {
  readonly tag: string | null;
  readonly kind: string | null;
  readonly linked: LinkedFilter;
};

export const NO_FILTER: EntryFilter = { tag: null, kind: null, linked: 'any' };

type Filterable = { readonly tags: readonly string[]; readonly kind: string; readonly sessionIds: readonly string[] };

export function matchesFilter(entry: Filterable, filter: EntryFilter): boolean {
  if (filter.kind !== null && entry.kind !== filter.kind) return false;
  if (filter.linked === 'linked' && entry.sessionIds.length === 0) return false;
  if (filter.linked === 'unlinked' && entry.sessionIds.length > 0) return false;
  if (filter.tag !== null) {
    const want = filter.tag.toLowerCase();
    if (!entry.tags.some((tag) => tag.toLowerCase() === want)) return false;
  }
  return true;
}

export function filterEntries<T extends Filterable>(entries: readonly T[], filter: EntryFilter): T[] {
  if (filter.tag === null && filter.kind === null && filter.linked === 'any') return [...entries];
  return entries.filter((entry) => matchesFilter(entry, filter));
}

export function isFiltered(filter: EntryFilter): boolean {
  return filter.tag !== null || filter.kind !== null || filter.linked !== 'any';
}

/** Tags to offer: "partner" first, then the user's own by how often they use them. */
export function knownTags(entries: ReadonlyArray<{ readonly tags: readonly string[] }>, builtIn: readonly string[] = ['partner']): string[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const entry of entries) {
    for (const tag of entry.tags) {
      const key = tag.toLowerCase();
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { tag, count: 1 });
    }
  }
  const own = [...counts.entries()]
    .filter(([key]) => !builtIn.some((b) => b.toLowerCase() === key))
    .sort((a, b) => b[1].count - a[1].count || a[1].tag.localeCompare(b[1].tag))
    .map(([, value]) => value.tag);
  return [...builtIn, ...own];
}
