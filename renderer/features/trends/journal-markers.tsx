import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { emotionById, pleasantnessLabel } from '../../../shared/content/emotions.ts';
import { clusterMarkers, type MarkerCluster } from '../../../shared/trends/marker-clusters.ts';
import type { TrendEntry } from '../../../shared/trends/timeline.ts';
import { useDataClient } from '../../app/data-client.ts';
import { formatWhen, type TimeDomain } from './charts.tsx';

// Journal entries as markers on the calm-down chart's time axis. Entries whose markers would
// touch at the strip's width share one marker with their count (re-gathered when the width
// changes). A single entry is a link: hover or focus shows its first line and mood (read
// from the entry when first shown), a click opens it in the journal. A shared marker is a
// button that opens the list of its entries, each a link. One tab stop for the whole strip;
// the arrow keys move between markers, Escape closes an open list.

/** Until the strip is measured (and in tests without layout): a typical width. */
const UNMEASURED_WIDTH_PX = 900;

type Mood = { status: 'loading' } | { status: 'ready'; text: string };
type Cluster = MarkerCluster<TrendEntry>;

const at = (e: TrendEntry) => e.createdAtMs;
const idOf = (e: TrendEntry) => e.id;

export function JournalMarkers({ entries, domain, label }: { entries: readonly TrendEntry[]; domain: TimeDomain; label: string }) {
  const data = useDataClient();
  const strip = useRef<HTMLDivElement>(null);
  const any = entries.some((e) => e.createdAtMs >= domain[0] && e.createdAtMs <= domain[1]);
  const width = useStripWidth(strip, any);
  const clusters = clusterMarkers(entries, at, idOf, domain, width);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [moods, setMoods] = useState<Record<string, Mood>>({});
  const buttons = useRef<Array<HTMLElement | null>>([]);

  const readMood = (entry: TrendEntry) => {
    if (moods[entry.id]) return;
    setMoods((m) => ({ ...m, [entry.id]: { status: 'loading' } }));
    void data.call('journal.get', { id: entry.id }).then((result) => {
      let text = 'No mood noted.';
      if (result.ok) {
        const feel = pleasantnessLabel(result.value.pleasantness);
        const words = (result.value.emotions ?? []).map((id) => emotionById(id)?.word ?? id);
        const parts = [feel, words.length > 0 ? words.join(', ') : null].filter(Boolean);
        if (parts.length > 0) text = `Mood: ${parts.join(' · ')}`;
      } else text = 'The entry could not be read.';
      setMoods((m) => ({ ...m, [entry.id]: { status: 'ready', text } }));
    });
  };

  const show = (cluster: Cluster) => {
    setShown(cluster.key);
    if (cluster.entries.length === 1) readMood(cluster.entries[0]!);
  };

  const current = Math.min(active, Math.max(0, clusters.length - 1));
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open !== null) {
      event.preventDefault();
      setOpen(null);
      buttons.current[current]?.focus();
      return;
    }
    // Inside an open list the arrows belong to the list's links (Tab moves through them).
    if ((event.target as HTMLElement).closest('.trend-marker-list')) return;
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : event.key === 'Home' ? -Infinity : event.key === 'End' ? Infinity : 0;
    if (step === 0 || clusters.length === 0) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(clusters.length - 1, current + (Number.isFinite(step) ? step : step > 0 ? clusters.length : -clusters.length)));
    setActive(next);
    setOpen(null);
    buttons.current[next]?.focus();
  };

  if (clusters.length === 0) return <p className="trend-markers-empty">No journal entries in this range{label ? ` ${label}` : ''}.</p>;
  return (
    <div
      ref={strip}
      className="trend-markers"
      role="group"
      aria-label={`Journal entries on this timeline${label ? ` ${label}` : ''}. Use the arrow keys to move between them.`}
      onKeyDown={onKeyDown}
    >
      <div className="trend-markers-axis" aria-hidden="true" />
      {clusters.map((cluster, i) => {
        const count = cluster.entries.length;
        const first = cluster.entries[0]!;
        const latest = cluster.entries.at(-1)!;
        const common = {
          ref: (el: HTMLElement | null) => {
            buttons.current[i] = el;
          },
          style: { left: `${(cluster.xPx / Math.max(1, width)) * 100}%` },
          tabIndex: i === current ? 0 : -1,
          onMouseEnter: () => show(cluster),
          onFocus: () => {
            setActive(i);
            show(cluster);
          },
          onMouseLeave: () => setShown((s) => (s === cluster.key ? null : s)),
          onBlur: () => setShown((s) => (s === cluster.key ? null : s)),
        };
        const tipId = `marker-tip-${cluster.key}`;
        if (count === 1) {
          const mood = moods[first.id];
          return (
            <a
              key={cluster.key}
              {...common}
              ref={common.ref}
              href={`#/journal/entry/${first.id}`}
              className="trend-marker"
              aria-label={`Journal entry, ${formatWhen(first.createdAtMs)}: ${first.firstLine || 'untitled'}`}
              aria-describedby={shown === cluster.key ? tipId : undefined}
              data-entry-id={first.id}
            >
              {shown === cluster.key && (
                <span className="trend-marker-tip" role="tooltip" id={tipId}>
                  <strong>{first.firstLine || 'Untitled entry'}</strong>
                  <span>{formatWhen(first.createdAtMs)}</span>
                  <span>{mood?.status === 'ready' ? mood.text : 'Reading the mood…'}</span>
                </span>
              )}
            </a>
          );
        }
        const isOpen = open === cluster.key;
        const listId = `marker-list-${cluster.key}`;
        return (
          <span key={cluster.key} className="trend-marker-slot" style={common.style}>
            <button
              {...common}
              ref={common.ref}
              style={undefined}
              type="button"
              className="trend-marker trend-marker-group"
              aria-expanded={isOpen}
              aria-controls={isOpen ? listId : undefined}
              aria-label={`${count} journal entries, ${formatWhen(first.createdAtMs)} to ${formatWhen(latest.createdAtMs)}; opens their list`}
              data-entry-ids={cluster.entries.map((e) => e.id).join(' ')}
              onClick={() => setOpen(isOpen ? null : cluster.key)}
            >
              <span aria-hidden="true">{count}</span>
            </button>
            {isOpen ? (
              <span className="trend-marker-list" id={listId} role="group" aria-label={`${count} journal entries`}>
                <ul>
                  {[...cluster.entries].reverse().map((entry) => (
                    <li key={entry.id}>
                      <a href={`#/journal/entry/${entry.id}`} data-entry-id={entry.id}>
                        <strong>{entry.firstLine || 'Untitled entry'}</strong> <span>{formatWhen(entry.createdAtMs)}</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </span>
            ) : (
              shown === cluster.key && (
                <span className="trend-marker-tip" aria-hidden="true">
                  <strong>{count} entries</strong>
                  <span>
                    {formatWhen(first.createdAtMs)} to {formatWhen(latest.createdAtMs)}
                  </span>
                  <span>Open the list to choose one.</span>
                </span>
              )
            )}
          </span>
        );
      })}
    </div>
  );
}

/** The strip's laid-out width, kept current as the window resizes (so markers re-gather). */
function useStripWidth(ref: RefObject<HTMLDivElement | null>, shown: boolean): number {
  const [width, setWidth] = useState(UNMEASURED_WIDTH_PX);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, shown]);
  return width;
}
