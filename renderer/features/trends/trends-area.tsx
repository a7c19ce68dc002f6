import ChartLine from 'lucide-react/icons/chart-line';
import { useCallback } from 'react';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import { DEFAULT_PHYSIOLOGY_SETTINGS } from '../../../shared/model/settings.ts';
import type { TrendsSettings } from '../../../shared/trends/overview-model.ts';
import { toTrendEntry, type TrendsTimeline } from '../../../shared/trends/timeline.ts';
import type { DataClient, DataResult } from '../../app/data-client.ts';
import { byId, putRecord, useIpcLoad } from '../../app/ipc-query.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { journalListItem } from '../../../shared/journal/list-item.ts';
import { SessionDetailView } from './session-detail-view.tsx';
import { TrendsViews } from './sessions-list-nav.tsx';
import { SignsForm } from './signs-form.tsx';
import { WeeklyMoments } from '../moments/weekly-moments.tsx';
import { TrendsOverview } from './trends-overview.tsx';
import type { TrendsPath } from './trends-path.ts';
import './trends.css';

// The insides of Trends: how fast the user finds their way back to calm over weeks, beside
// their resting heart rate, flooding episodes, practice, the journal and their own rating of
// the signs of progress. A chunk of its own (recharts is heavy): trends-screen.tsx loads it.

/** The timeline with the moment it was read: "the last 4 weeks" count back from then. */
async function readTimeline(data: DataClient): Promise<DataResult<{ timeline: TrendsTimeline; nowMs: number }>> {
  const result = await data.call('trends.timeline');
  return result.ok ? { ok: true, value: { timeline: result.value, nowMs: Date.now() } } : result;
}

const oldestFirst = (a: { createdAtMs: number }, b: { createdAtMs: number }) => a.createdAtMs - b.createdAtMs;

/** The timeline with a weekly rating main just saved: its journal marker and its ratings, in time order as main lists them. */
function withRating(timeline: TrendsTimeline, entry: JournalEntry): TrendsTimeline {
  const entries = putRecord(timeline.entries, toTrendEntry(journalListItem(entry)), byId, oldestFirst);
  const rating = entry.signsRating;
  const signs = rating === null ? timeline.signs : putRecord(timeline.signs, { entryId: entry.id, createdAtMs: entry.createdAtMs, rating }, (s) => s.entryId, oldestFirst);
  return { ...timeline, entries, signs };
}

export default function TrendsArea({ path }: { path: TrendsPath }) {
  const { state: settingsState } = useSettings();
  // Read for the overview only, and again on each return to it (a session deleted in the list meanwhile).
  const read = useIpcLoad(readTimeline, 'trends.timeline', { enabled: path.view === 'overview' });
  const { update } = read;
  // The saved rating goes into the timeline already on screen; "this week" counts from now.
  const onRated = useCallback((entry: JournalEntry) => update(({ timeline }) => ({ timeline: withRating(timeline, entry), nowMs: Date.now() })), [update]);
  const load = read.status === 'ready' ? { status: 'ready' as const, ...read.value } : read;

  // The user's physiology settings hold the rules' fields under the rules' names.
  const settings: TrendsSettings = settingsState.status === 'ready' ? settingsState.settings.physiology : DEFAULT_PHYSIOLOGY_SETTINGS;

  if (path.view === 'session') return <SessionDetailView sessionId={path.id} settings={settings} />;
  // Trends → Sessions has a chunk of its own (sessions-list-area.tsx); trends-screen.tsx never sends it here.
  if (path.view === 'sessions') return null;

  return (
    <>
      <TrendsViews current="overview" />
      {load.status === 'loading' && <p role="status">Gathering your sessions…</p>}
      {load.status === 'failed' && (
        <p className="trend-problem" role="alert">
          Your sessions could not be read: {load.message}
        </p>
      )}
      {load.status === 'ready' && load.timeline.sessions.length === 0 && (
        <EmptyState
          icon={ChartLine}
          promise="Over the weeks, Trends shows how quickly you find your way back to calm, next to your resting heart rate, flooding episodes, practice and the moments you wrote about. It compares you only with yourself."
          status="There are no sessions yet. Each check you run adds a point here; a trend needs at least 10 sessions with a calm-down time, 5 in your first month and 5 in the last 30 days."
        >
          <SignsForm thisWeek={null} onSaved={onRated} />
          <WeeklyMoments entries={load.timeline.entries} nowMs={load.nowMs} />
        </EmptyState>
      )}
      {load.status === 'ready' && load.timeline.sessions.length > 0 && (
        <TrendsOverview timeline={load.timeline} nowMs={load.nowMs} range={path.range} tag={path.tag} settings={settings} onRated={onRated} />
      )}
    </>
  );
}
