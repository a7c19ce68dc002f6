import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { TrashedNotice } from '../../components/trashed-notice.tsx';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { civilDateOf } from '../../../shared/time/civil-date.ts';
import { filterEntries, isFiltered, knownTags, NO_FILTER, type EntryFilter, type LinkedFilter } from '../../../shared/journal/entry-filter.ts';
import { onThisDay } from '../../../shared/journal/on-this-day.ts';
import { JOURNAL_SEARCH_MAX_CHARS, type JournalListItem } from '../../../shared/model/journal.ts';
import { useDataClient } from '../../app/data-client.ts';
import { entryLabel, FILTER_KINDS, formatDateTime, KIND_LABELS, useFreshJournalList, useJournalData } from './journal-data.tsx';
import { JournalLink } from './journal-link.tsx';
import { JOURNAL_LIST_RENDERED_MARK, JOURNAL_SEARCH_SHOWN_MARK } from './journal-marks.ts';
import { newEntryPath } from './journal-path.ts';
import { QuickEntry } from './quick-entry.tsx';
import { SignsRatingLine } from './signs-ratings.tsx';

// The journal's front page: a quick note (quick-entry.tsx); write, repair, prompts; search
// and filters; "on this day";
// then every entry, newest first, in a virtualised list (only the rows in view exist in
// the page, so five years of entries open as fast as five).


type Search = { text: string; status: 'idle' } | { text: string; status: 'searching' | 'done'; hits: JournalListItem[] } | { text: string; status: 'failed'; message: string };

export function JournalList() {
  const data = useDataClient();
  const { list, trashed, setTrashed, reload, put } = useJournalData();
  useFreshJournalList();
  const [filter, setFilter] = useState<EntryFilter>(NO_FILTER);
  const [search, setSearch] = useState<Search>({ text: '', status: 'idle' });
  const request = useRef(0);
  const ids = { search: useId(), tag: useId(), kind: useId(), linked: useId(), count: useId() };

  const entries = useMemo(() => (list.status === 'ready' ? list.entries : []), [list]);
  const complete = list.status === 'ready' && list.complete;
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const tags = useMemo(() => knownTags(entries), [entries]);

  const runSearch = (text: string) => {
    const mine = ++request.current;
    if (!text.trim()) {
      setSearch({ text, status: 'idle' });
      return;
    }
    setSearch((current) => ({ text, status: 'searching', hits: 'hits' in current ? current.hits : [] }));
    const text200 = text.trim().slice(0, 200);
    const done = (hits: JournalListItem[]) => {
      if (mine === request.current) setSearch({ text, status: 'done', hits }); // else a newer keystroke won
    };
    const failed = (message: string) => {
      if (mine === request.current) setSearch({ text, status: 'failed', message });
    };
    if (!complete) {
      void data.call('journal.search', { text: text200, limit: 2000 }).then((result) => (result.ok ? done(result.value) : failed(result.message)));
      return;
    }
    // The window holds every entry already: ask only for ids and scores, a fraction of the bytes.
    void data.call('journal.searchIds', { text: text200, limit: 10_000 }).then((result) => {
      if (!result.ok) return failed(result.message);
      const hits = result.value.flatMap((hit) => byId.get(hit.id) ?? []);
      done(hits);
      if (hits.length < result.value.length) void reload(); // written elsewhere meanwhile
    });
  };

  const searching = search.status !== 'idle';
  const hits = 'hits' in search ? search.hits : null;
  const shown = useMemo(() => filterEntries(searching ? (hits ?? []) : entries, filter), [searching, hits, entries, filter]);
  const [today] = useState(() => civilDateOf(Date.now()));

  const memories = useMemo(() => {
    if (searching || isFiltered(filter) || !complete) return [];
    return onThisDay(entries, today, (ms) => civilDateOf(ms)).slice(0, 3);
  }, [entries, complete, searching, filter, today]);

  useLayoutEffect(() => {
    if (search.status === 'done') performance.mark(JOURNAL_SEARCH_SHOWN_MARK, { detail: search.text });
  }, [search]);

  const restore = async () => {
    if (!trashed) return;
    const result = await data.call('journal.restore', { id: trashed.id });
    if (result.ok) {
      setTrashed(null);
      put(result.value);
      if (searching) runSearch(search.text);
    }
  };

  let summary: string;
  if (list.status === 'loading') summary = 'Opening your journal…';
  else if (list.status === 'failed') summary = list.message;
  else if (search.status === 'failed') summary = search.message;
  else if (searching && search.status === 'searching' && shown.length === 0) summary = 'Searching…';
  else if (searching) summary = shown.length === 0 ? `Nothing found for “${search.text.trim()}”.` : `${count(shown.length)} found for “${search.text.trim()}”.`;
  else if (entries.length === 0) summary = 'Nothing here yet. Whatever you write stays on this computer.';
  else if (!complete) summary = 'Newest first.';
  else if (isFiltered(filter)) summary = shown.length === 0 ? 'No entries match these filters.' : `${count(shown.length)} match these filters.`;
  else summary = `${count(entries.length)}, newest first.`;

  return (
    <>
      <QuickEntry />
      <div className="journal-actions">
        <JournalLink className="button button-quiet" to={newEntryPath()}>
          Write an entry
        </JournalLink>
        <JournalLink className="button button-quiet" to={{ view: 'repair' }}>
          Repair after a miss
        </JournalLink>
        {/* Noted on the Check screen's small-moment card (the tray's route), then it lists here. */}
        <a className="button button-quiet" href="#/check?moment">
          Note a small moment
        </a>
        <JournalLink className="button button-quiet" to={{ view: 'prompts' }}>
          Prompts
        </JournalLink>
        <JournalLink className="button button-quiet" to={{ view: 'agreements', id: null }}>
          Agreements
        </JournalLink>
      </div>

      <TrashedNotice label={trashed?.label ?? null} onUndo={() => void restore()} onDismiss={() => setTrashed(null)} />

      <div role="search" aria-label="Find entries" className="journal-find">
        <div className="journal-find-search">
          <label htmlFor={ids.search} className="field-label">
            Search your journal
          </label>
          <input
            id={ids.search}
            className="control"
            type="search"
            value={search.text}
            maxLength={JOURNAL_SEARCH_MAX_CHARS}
            autoComplete="off"
            onChange={(event) => runSearch(event.currentTarget.value)}
          />
        </div>
        <div className="journal-filters">
          <div>
            <label htmlFor={ids.tag} className="field-label">
              Tag
            </label>
            <select id={ids.tag} className="control control-small" value={filter.tag ?? ''} onChange={(e) => setFilter({ ...filter, tag: e.currentTarget.value || null })}>
              <option value="">Any tag</option>
              {tags.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.kind} className="field-label">
              Kind
            </label>
            <select id={ids.kind} className="control control-small" value={filter.kind ?? ''} onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value || null })}>
              <option value="">Any kind</option>
              {FILTER_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {KIND_LABELS[kind]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.linked} className="field-label">
              Session
            </label>
            <select id={ids.linked} className="control control-small" value={filter.linked} onChange={(e) => setFilter({ ...filter, linked: e.currentTarget.value as LinkedFilter })}>
              <option value="any">With or without</option>
              <option value="linked">Linked to a session</option>
              <option value="unlinked">Not linked</option>
            </select>
          </div>
          {isFiltered(filter) && (
            <button type="button" className="button button-quiet journal-clear" onClick={() => setFilter(NO_FILTER)}>
              Clear filters
            </button>
          )}
        </div>
      </div>

      {memories.length > 0 && (
        <section className="journal-memories" aria-labelledby={`${ids.count}-memories`}>
          <h2 id={`${ids.count}-memories`} className="journal-subheading">
            On this day
          </h2>
          <ul className="journal-memory-list">
            {memories.map(({ entry, label }) => (
              <li key={entry.id}>
                <JournalLink to={{ view: 'entry', id: entry.id }}>
                  <span className="journal-memory-when">{label}</span> {entryLabel(entry)}
                </JournalLink>
              </li>
            ))}
          </ul>
        </section>
      )}

      <p id={ids.count} className="journal-count" role="status">
        {summary}
      </p>
      {shown.length > 0 && <EntryRows entries={shown} labelledBy={ids.count} />}
    </>
  );
}

function count(n: number): string {
  return n === 1 ? '1 entry' : `${n.toLocaleString()} entries`;
}

const ROW_ESTIMATE_PX = 92;
const FALLBACK_RECT = { width: 800, height: 640 };

function EntryRows({ entries, labelledBy }: { entries: JournalListItem[]; labelledBy: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, so the compiler leaves this
  // component unmemoised; that is what we want for a list that follows the scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    getItemKey: (index) => entries[index]?.id ?? index,
    // Before the first measurement, and where nothing is laid out (a hidden window, tests).
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT)),
  });

  useEffect(() => {
    if (performance.getEntriesByName(JOURNAL_LIST_RENDERED_MARK, 'mark').length === 0) performance.mark(JOURNAL_LIST_RENDERED_MARK);
  }, []);

  const items = virtualizer.getVirtualItems();
  return (
    // As tall as its rows, up to most of the window (CSS max-height); then it scrolls.
    <div ref={scroller} className="journal-scroller" style={{ height: virtualizer.getTotalSize() }}>
      <ul className="journal-rows" aria-labelledby={labelledBy} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const entry = entries[item.index] as JournalListItem;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              className="journal-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <JournalLink className="journal-row-link" to={{ view: 'entry', id: entry.id }}>
                <span className="journal-row-title">{entryLabel(entry)}</span>
                <span className="journal-row-meta">
                  {formatDateTime(entry.createdAtMs)} · {KIND_LABELS[entry.kind] ?? entry.kind}
                  {entry.sessionIds.length > 0 ? ' · linked to a session' : ''}
                  {entry.tags.length > 0 ? ` · ${entry.tags.join(', ')}` : ''}
                </span>
                {entry.signsRating ? (
                  <SignsRatingLine rating={entry.signsRating} />
                ) : (
                  entry.title.trim() && entry.excerpt && <span className="journal-row-excerpt">{entry.excerpt.replace(/[*_]/g, '')}</span>
                )}
              </JournalLink>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
