import { useId, useMemo } from 'react';
import { smallMomentsThisWeekText } from '../../../shared/content/small-moments.ts';
import type { TrendEntry } from '../../../shared/trends/timeline.ts';
import { smallMomentsInWeekOf } from '../../../shared/trends/weekly-moments.ts';
import './moments.css';

// Beside the signs of progress in Trends: how many small moments were noted this week (the
// local Monday-to-Sunday week), with the way to note one more.

export function WeeklyMoments({ entries, nowMs }: { entries: readonly TrendEntry[]; nowMs: number }) {
  const headingId = useId();
  const count = useMemo(() => smallMomentsInWeekOf(entries.filter((entry) => entry.kind === 'moment').map((entry) => entry.createdAtMs), nowMs), [entries, nowMs]);
  return (
    <section className="weekly-moments" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId}>Small moments</h2>
        <p data-testid="weekly-moments-count">{smallMomentsThisWeekText(count)}</p>
      </div>
      <a className="button button-quiet" href="#/check?moment">
        Note a small moment
      </a>
    </section>
  );
}
