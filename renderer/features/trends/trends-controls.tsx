import type { ReactNode } from 'react';
import { TREND_RANGES, TREND_RANGE_LABELS, type TrendRange } from '../../../shared/trends/aggregate.ts';
import { goToTrends } from './trends-path.ts';

// What the overview shows: the time range, and only the sessions linked to entries with a
// tag. Both live in the address, so Back returns to the previous choice. Until the user
// picks a range the address names none and the overview picks one to fit the data; a pick
// is kept in the address and wins from then on.

export function TrendsControls({
  range,
  chosen,
  tag,
  tags,
  actions,
}: {
  range: TrendRange;
  chosen: TrendRange | null;
  tag: string | null;
  tags: readonly string[];
  /** Things to do with what is shown (print it), at the end of the row: on a line of their own they pushed the first chart below the fold. */
  actions?: ReactNode;
}) {
  return (
    <div className="trends-controls">
      <div className="trends-ranges" role="group" aria-label="Time range">
        {TREND_RANGES.map((r) => (
          <button key={r} type="button" className="range-button" aria-pressed={r === range} onClick={() => goToTrends({ view: 'overview', range: r, tag }, true)}>
            {TREND_RANGE_LABELS[r]}
          </button>
        ))}
      </div>
      <label className="trends-tag">
        <span>Only sessions linked to entries tagged</span>
        <select className="control" value={tag ?? ''} onChange={(event) => goToTrends({ view: 'overview', range: chosen, tag: event.target.value || null }, true)}>
          <option value="">(any tag: all sessions)</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {actions}
    </div>
  );
}
