import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { TrashedNotice } from '../../components/trashed-notice.tsx';
import History from 'lucide-react/icons/history';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { writePlainRr } from '../../../shared/formats/write-recording.ts';
import { SESSION_KINDS } from '../../../shared/model/session.ts';
import { TREND_RANGES, TREND_RANGE_LABELS, type TrendRange } from '../../../shared/trends/aggregate.ts';
import {
  emptyListWords,
  SESSION_KIND_WORDS,
  sessionCountWords,
  sessionsListRows,
  type SessionKind,
  type SessionRow,
  type SessionsListEntry,
} from '../../../shared/trends/sessions-list.ts';
import { useDataClient } from '../../app/data-client.ts';
import { byId, putRecord, useIpcQuery } from '../../app/ipc-query.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { useOptionalHeartRate } from '../../sensors/heart-rate-context.tsx';
import { triggerDownload } from './export.ts';
import { goToTrends, trendsHash } from './trends-path.ts';
import './sessions-list.css';

// Every recorded session, newest first, in a virtualised list (only the rows in view exist
// in the page, so five years open as fast as a week), narrowed by kind and range (both in
// the address). Each row opens the session, replays it on the Device screen, saves its beats
// as a plain RR file, or moves it to the trash with an Undo.

export const SESSIONS_LIST_PAINTED_MARK = 'attune-sessions-list-painted';

const oldestFirst = (a: SessionsListEntry, b: SessionsListEntry) => a.startedAtMs - b.startedAtMs;

const when = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const fileDate = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace(':', '-');

type Trashed = { item: SessionsListEntry; label: string };

export function SessionsList({ kind, range }: { kind: SessionKind | null; range: TrendRange }) {
  const data = useDataClient();
  const heart = useOptionalHeartRate();
  const list = useIpcQuery('session.listAll', undefined);
  const { update } = list;
  const [nowMs] = useState(() => Date.now());
  const [trashed, setTrashed] = useState<Trashed | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { kind: useId(), count: useId() };

  const items = useMemo(() => (list.status === 'ready' ? list.value : []), [list]);
  const rows = useMemo(() => sessionsListRows(items, { kind, range }, nowMs), [items, kind, range, nowMs]);
  // The first time the list (its rows in view, or its empty state) is in the page: the bench's mark.
  const ready = list.status === 'ready';
  useEffect(() => {
    if (ready && performance.getEntriesByName(SESSIONS_LIST_PAINTED_MARK, 'mark').length === 0) performance.mark(SESSIONS_LIST_PAINTED_MARK);
  }, [ready]);

  const remove = async (row: SessionRow) => {
    setProblem(null);
    const item = items.find((i) => i.id === row.id);
    const result = await data.call('session.delete', { sessionId: row.id });
    if (!result.ok) return setProblem(result.message);
    update((current) => current.filter((i) => i.id !== row.id));
    if (item) setTrashed({ item, label: `${row.kindWords}, ${when.format(row.startedAtMs)}` });
  };

  const undo = async () => {
    if (!trashed) return;
    const result = await data.call('session.restore', { sessionId: trashed.item.id });
    if (!result.ok) return setProblem(result.message);
    setTrashed(null);
    update((current) => putRecord(current, result.value, byId, oldestFirst));
  };

  /** The session's beats, read when asked: the list carries no beats. */
  const beatsOf = async (row: SessionRow): Promise<number[] | null> => {
    setProblem(null);
    const result = await data.call('session.get', { sessionId: row.id });
    if (!result.ok) {
      setProblem(result.message);
      return null;
    }
    if (result.value.beats.rrMs.length === 0) {
      setProblem('This session has no heartbeats to use.');
      return null;
    }
    return result.value.beats.rrMs;
  };

  const exportBeats = async (row: SessionRow) => {
    const rrMs = await beatsOf(row);
    if (rrMs) triggerDownload(new Blob([writePlainRr(rrMs)], { type: 'text/plain;charset=utf-8' }), `attune-${fileDate(row.startedAtMs)}-${row.kind}-rr.txt`);
  };

  const replay = heart === null ? null : async (row: SessionRow) => {
    const rrMs = await beatsOf(row);
    if (!rrMs) return;
    const started = heart.startReplay(writePlainRr(rrMs), `${row.kindWords}, ${when.format(row.startedAtMs)}`, 4);
    if (started.ok) window.location.hash = '#/device';
    else setProblem(started.message);
  };

  let summary: string;
  if (list.status === 'loading') summary = 'Gathering your sessions…';
  else if (list.status === 'failed') summary = `Your sessions could not be read: ${list.message}`;
  else summary = `${sessionCountWords(rows.length)}, newest first.`;

  return (
    <div className="sessions-list">
      <div className="sessions-filters">
        <label className="sessions-kind" htmlFor={ids.kind}>
          <span className="field-label">Kind</span>
          <select
            id={ids.kind}
            className="control"
            value={kind ?? ''}
            onChange={(event) => goToTrends({ view: 'sessions', kind: (event.target.value || null) as SessionKind | null, range }, true)}
          >
            <option value="">All kinds</option>
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {SESSION_KIND_WORDS[k]}
              </option>
            ))}
          </select>
        </label>
        <div className="trends-ranges" role="group" aria-label="Time range">
          {TREND_RANGES.map((r) => (
            <button key={r} type="button" className="range-button" aria-pressed={r === range} onClick={() => goToTrends({ view: 'sessions', kind, range: r }, true)}>
              {TREND_RANGE_LABELS[r]}
            </button>
          ))}
        </div>
      </div>

      <TrashedNotice label={trashed?.label ?? null} onUndo={() => void undo()} onDismiss={() => setTrashed(null)} />
      {problem !== null && (
        <p className="trend-problem" role="alert">
          {problem}
        </p>
      )}

      <p id={ids.count} className="sessions-count" role={list.status === 'failed' ? 'alert' : 'status'}>
        {summary}
      </p>
      {list.status === 'ready' && rows.length === 0 && (
        <EmptyState icon={History} promise="Every session you record is listed here, newest first: open it, replay it, save its heartbeats, or delete it." status={emptyListWords({ kind, range }, items.length)}>
          {items.length > 0 && (
            <button type="button" className="button button-quiet" onClick={() => goToTrends({ view: 'sessions', kind: null, range: 'all' }, true)}>
              Show every session
            </button>
          )}
        </EmptyState>
      )}
      {rows.length > 0 && <SessionRows rows={rows} labelledBy={ids.count} onDelete={remove} onExport={exportBeats} onReplay={replay} />}
    </div>
  );
}

const ROW_ESTIMATE_PX = 76;
const FALLBACK_RECT = { width: 800, height: 640 };

type RowActions = {
  onDelete: (row: SessionRow) => Promise<void>;
  onExport: (row: SessionRow) => Promise<void>;
  onReplay: ((row: SessionRow) => Promise<void>) | null;
};

function SessionRows({ rows, labelledBy, ...actions }: { rows: SessionRow[]; labelledBy: string } & RowActions) {
  const scroller = useRef<HTMLDivElement>(null);
  // TanStack Virtual hands back fresh functions each render, so the compiler leaves this
  // component unmemoised; that is what we want for a list that follows the scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    getItemKey: (index) => rows[index]?.id ?? index,
    // Before the first measurement, and where nothing is laid out (a hidden window, tests).
    initialRect: FALLBACK_RECT,
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT)),
  });
  return (
    // As tall as its rows, up to most of the window (CSS max-height); then it scrolls.
    <div ref={scroller} className="sessions-scroller" style={{ height: virtualizer.getTotalSize() }}>
      <ul className="sessions-rows" aria-labelledby={labelledBy} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as SessionRow;
          return (
            <li
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="sessions-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <SessionRowView row={row} {...actions} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SessionRowView({ row, onDelete, onExport, onReplay }: { row: SessionRow } & RowActions) {
  const [busy, setBusy] = useState(false);
  const run = (action: (row: SessionRow) => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action(row);
    } finally {
      setBusy(false);
    }
  };
  const label = `${row.kindWords}, ${when.format(row.startedAtMs)}`;
  const facts = [
    row.lengthWords,
    row.verdictWords,
    row.floodCues > 0 ? `${row.floodCues} flooding ${row.floodCues === 1 ? 'cue' : 'cues'}` : null,
    row.calmDownWords === null ? null : `calm again in ${row.calmDownWords}`,
    row.linkedEntries > 0 ? `${row.linkedEntries} journal ${row.linkedEntries === 1 ? 'entry' : 'entries'}` : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <>
      <a
        className="sessions-row-link"
        href={trendsHash({ view: 'session', id: row.id })}
        onClick={(event) => {
          event.preventDefault();
          goToTrends({ view: 'session', id: row.id });
        }}
      >
        <span className="sessions-row-title">
          <span className="sessions-row-kind">{row.kindWords}</span> <span className="sessions-row-when">{when.format(row.startedAtMs)}</span>
          {row.mark === 'partial' && <span className="sessions-mark">Partial: some heartbeats were damaged</span>}
          {row.mark === 'interrupted' && <span className="sessions-mark">Cut short</span>}
        </span>
        <span className="sessions-row-facts">{facts.join(' · ')}</span>
      </a>
      <span className="sessions-row-actions">
        {onReplay !== null && (
          <button type="button" className="button button-quiet" disabled={busy || row.recording} aria-label={`Replay ${label}`} onClick={run(onReplay)}>
            Replay
          </button>
        )}
        <button type="button" className="button button-quiet" disabled={busy || row.recording} aria-label={`Export the heartbeats of ${label}`} onClick={run(onExport)}>
          Export
        </button>
        <button type="button" className="button button-quiet" disabled={busy || row.recording} aria-label={`Delete ${label}`} onClick={run(onDelete)}>
          Delete
        </button>
      </span>
    </>
  );
}
