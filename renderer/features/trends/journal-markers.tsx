import { useRef, useState, type KeyboardEvent } from 'react';
import { emotionById, pleasantnessLabel } from '../../../shared/content/emotions.ts';
import type { TrendEntry } from '../../../shared/trends/timeline.ts';
import { useDataClient } from '../../app/data-client.ts';
import { formatWhen, type TimeDomain } from './charts.tsx';

// Journal entries as markers on the calm-down chart's time axis. Each is a button: hover or
// focus shows its first line and mood (read from the entry itself when first shown), a click
// opens it in the journal (#/journal/entry/<id>). One tab stop for the whole strip; the arrow
// keys move between markers. When there are more entries than fit, nearby ones share a
// marker that opens the latest and says how many it holds.

const MAX_MARKERS = 160;

export type MarkerGroup = { key: string; t: number; entries: TrendEntry[] };

export function groupMarkers(entries: readonly TrendEntry[], domain: TimeDomain, maxMarkers = MAX_MARKERS): MarkerGroup[] {
  const inRange = entries.filter((e) => e.createdAtMs >= domain[0] && e.createdAtMs <= domain[1]).sort((a, b) => a.createdAtMs - b.createdAtMs);
  if (inRange.length <= maxMarkers) return inRange.map((e) => ({ key: e.id, t: e.createdAtMs, entries: [e] }));
  const slot = (domain[1] - domain[0]) / maxMarkers;
  const groups = new Map<number, MarkerGroup>();
  for (const entry of inRange) {
    const index = Math.min(maxMarkers - 1, Math.floor((entry.createdAtMs - domain[0]) / slot));
    const group = groups.get(index);
    if (group) {
      group.entries.push(entry);
      group.t = entry.createdAtMs;
    } else groups.set(index, { key: entry.id, t: entry.createdAtMs, entries: [entry] });
  }
  return [...groups.values()];
}

type Mood = { status: 'loading' } | { status: 'ready'; text: string };

export function JournalMarkers({ entries, domain, label }: { entries: readonly TrendEntry[]; domain: TimeDomain; label: string }) {
  const data = useDataClient();
  const groups = groupMarkers(entries, domain);
  const [active, setActive] = useState(0);
  const [shown, setShown] = useState<string | null>(null);
  const [moods, setMoods] = useState<Record<string, Mood>>({});
  const buttons = useRef<Array<HTMLAnchorElement | null>>([]);
  const span = Math.max(1, domain[1] - domain[0]);

  const show = (group: MarkerGroup) => {
    setShown(group.key);
    const latest = group.entries.at(-1);
    if (!latest || moods[latest.id]) return;
    setMoods((m) => ({ ...m, [latest.id]: { status: 'loading' } }));
    void data.call('journal.get', { id: latest.id }).then((result) => {
      let text = 'No mood noted.';
      if (result.ok) {
        const feel = pleasantnessLabel(result.value.pleasantness);
        const words = (result.value.emotions ?? []).map((id) => emotionById(id)?.word ?? id);
        const parts = [feel, words.length > 0 ? words.join(', ') : null].filter(Boolean);
        if (parts.length > 0) text = `Mood: ${parts.join(' · ')}`;
      } else text = 'The entry could not be read.';
      setMoods((m) => ({ ...m, [latest.id]: { status: 'ready', text } }));
    });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : event.key === 'Home' ? -Infinity : event.key === 'End' ? Infinity : 0;
    if (step === 0 || groups.length === 0) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(groups.length - 1, active + (Number.isFinite(step) ? step : step > 0 ? groups.length : -groups.length)));
    setActive(next);
    buttons.current[next]?.focus();
  };

  if (groups.length === 0) return <p className="trend-markers-empty">No journal entries in this range{label ? ` ${label}` : ''}.</p>;
  const current = Math.min(active, groups.length - 1);
  return (
    <div className="trend-markers" role="group" aria-label={`Journal entries on this timeline${label ? ` ${label}` : ''}. Use the arrow keys to move between them.`} onKeyDown={onKeyDown}>
      <div className="trend-markers-axis" aria-hidden="true" />
      {groups.map((group, i) => {
        const latest = group.entries.at(-1)!;
        const count = group.entries.length;
        const mood = moods[latest.id];
        const left = ((group.t - domain[0]) / span) * 100;
        const name = count > 1 ? `${count} journal entries until ${formatWhen(group.t)}; opens the latest: ${latest.firstLine || 'untitled'}` : `Journal entry, ${formatWhen(group.t)}: ${latest.firstLine || 'untitled'}`;
        return (
          <a
            key={group.key}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            href={`#/journal/entry/${latest.id}`}
            className={`trend-marker${count > 1 ? ' trend-marker-group' : ''}`}
            style={{ left: `${left}%` }}
            tabIndex={i === current ? 0 : -1}
            aria-label={name}
            aria-describedby={shown === group.key ? `marker-tip-${group.key}` : undefined}
            data-entry-id={latest.id}
            onMouseEnter={() => show(group)}
            onFocus={() => {
              setActive(i);
              show(group);
            }}
            onMouseLeave={() => setShown((s) => (s === group.key ? null : s))}
            onBlur={() => setShown((s) => (s === group.key ? null : s))}
          >
            <span aria-hidden="true">{count > 1 ? count : ''}</span>
            {shown === group.key && (
              <span className="trend-marker-tip" role="tooltip" id={`marker-tip-${group.key}`}>
                <strong>{latest.firstLine || 'Untitled entry'}</strong>
                <span>{formatWhen(latest.createdAtMs)}{count > 1 ? ` · ${count} entries here` : ''}</span>
                <span>{mood?.status === 'ready' ? mood.text : 'Reading the mood…'}</span>
              </span>
            )}
          </a>
        );
      })}
    </div>
  );
}
