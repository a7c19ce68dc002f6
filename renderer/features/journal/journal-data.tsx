import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JournalEntry, JournalListItem } from '../../../shared/model/journal.ts';
import { useDataClient } from '../../app/data-client.ts';
import { byId, putRecord } from '../../app/ipc-query.ts';
import { journalListItem } from '../../../shared/journal/list-item.ts';

// The journal's list, kept while the area is open: the list view reads it again each time
// it is shown (entries may come from elsewhere: a check's reflection, an import), showing
// what it had meanwhile. A change made here puts the entry main returned into the list (or
// takes it out when it went to the trash) without reading the list again. Also the "moved to
// the trash, undo" note, kept here so it survives moving from the entry to the list. And
// the quick entry's words and feeling on their way to the full form ("Add more").

/** `complete: false` while only the newest entries have arrived (the first screenful comes first). */
export type JournalList = { status: 'loading' } | { status: 'ready'; entries: JournalListItem[]; complete: boolean } | { status: 'failed'; message: string };

const FIRST_PAGE = 40;

export type TrashedNote = { id: string; label: string };

/** What the quick entry hands to the full form. */
export type EntrySeed = { text: string; emotions: string[] };

type JournalData = {
  list: JournalList;
  reload(): Promise<void>;
  /** An entry main returned after a change, put into the list in its place. */
  put(entry: JournalEntry): void;
  trashed: TrashedNote | null;
  setTrashed(note: TrashedNote | null): void;
  /** Keeps a quick entry's words for the next new-entry form (null: the form took them). */
  giveDraft(seed: EntrySeed | null): void;
  /** The words kept for a new-entry form; null when there are none. */
  draftSeed(): EntrySeed | null;
};

const JournalDataContext = createContext<JournalData | null>(null);

export function JournalDataProvider({ children }: { children: ReactNode }) {
  const data = useDataClient();
  const [list, setList] = useState<JournalList>({ status: 'loading' });
  const [trashed, setTrashed] = useState<TrashedNote | null>(null);
  const generation = useRef(0);
  const draft = useRef<EntrySeed | null>(null);
  const giveDraft = useCallback((seed: EntrySeed | null) => {
    draft.current = seed;
  }, []);
  const draftSeed = useCallback(() => draft.current, []);

  const everLoaded = useRef(false);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    if (!everLoaded.current) {
      // The first time, a screenful of the newest entries first, then all of them.
      const first = await data.call('journal.list', { limit: FIRST_PAGE });
      if (mine !== generation.current) return;
      if (first.ok && first.value.length < FIRST_PAGE) {
        everLoaded.current = true;
        setList({ status: 'ready', entries: first.value, complete: true });
        return;
      }
      if (first.ok) setList({ status: 'ready', entries: first.value, complete: false });
    }
    const result = await data.call('journal.list', {});
    if (mine !== generation.current) return;
    if (result.ok) everLoaded.current = true;
    setList(result.ok ? { status: 'ready', entries: result.value, complete: true } : { status: 'failed', message: result.message });
  }, [data]);

  const put = useCallback((entry: JournalEntry) => {
    setList((current) => {
      if (current.status !== 'ready') return current; // the answer on its way will have it
      const entries = entry.trashedAtMs === null ? putRecord(current.entries, journalListItem(entry), byId, newestFirst) : current.entries.filter((item) => item.id !== entry.id);
      return { ...current, entries };
    });
  }, []);

  const value = useMemo(() => ({ list, reload, put, trashed, setTrashed, giveDraft, draftSeed }), [list, reload, put, trashed, giveDraft, draftSeed]);
  return <JournalDataContext value={value}>{children}</JournalDataContext>;
}

export function useJournalData(): JournalData {
  const value = useContext(JournalDataContext);
  if (!value) throw new Error('useJournalData() needs a <JournalDataProvider> above it.');
  return value;
}

/** The list's order, as main sorts it: newest first, then by id. */
function newestFirst(a: JournalListItem, b: JournalListItem): number {
  return b.createdAtMs - a.createdAtMs || (a.id < b.id ? -1 : 1);
}

/** Reads the list again when the calling view appears. */
export function useFreshJournalList(): void {
  const { reload } = useJournalData();
  useEffect(() => {
    void reload();
  }, [reload]);
}

const dateTime = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const dateOnly = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

export function formatDate(ms: number): string {
  return dateOnly.format(ms);
}

export const KIND_LABELS: Record<string, string> = {
  reflection: 'Reflection',
  repair: 'Repair',
  debrief: 'After a session',
  prompt: 'Prompt',
  'check-in': 'Check-in',
  intention: 'Intention',
  'weekly-signs': 'Weekly signs',
  note: 'Note',
  moment: 'Small moment',
};

/** The kinds the journal's filter offers (the four). */
export const FILTER_KINDS = ['reflection', 'repair', 'debrief', 'prompt'] as const;

/** What a list row or a heading calls an entry: its title, or the first words of its text. */
export function entryLabel(entry: { title: string; excerpt?: string; text?: string }): string {
  if (entry.title.trim()) return entry.title.trim();
  const words = (entry.excerpt ?? entry.text ?? '').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
  if (!words) return 'Untitled entry';
  return words.length > 60 ? `${words.slice(0, 57).trimEnd()}…` : words;
}
