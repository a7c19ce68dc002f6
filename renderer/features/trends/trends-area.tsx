import ChartLine from 'lucide-react/icons/chart-line';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TrendsTimeline } from '../../../shared/trends/timeline.ts';
import { useApi } from '../../app/attune.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { SessionDetailView } from './session-detail-view.tsx';
import { SignsForm } from './signs-form.tsx';
import { TrendsOverview, type TrendsSettings } from './trends-overview.tsx';
import type { TrendsPath } from './trends-path.ts';
import './trends.css';

// The insides of Trends: how fast the user finds their way back to calm over weeks, beside
// their resting heart rate, flooding episodes, practice, the journal and their own rating of
// the signs of progress. A chunk of its own (recharts is heavy): trends-screen.tsx loads it.

type Load = { status: 'loading' } | { status: 'ready'; timeline: TrendsTimeline; nowMs: number } | { status: 'failed'; message: string };

const DEFAULT_RULE: TrendsSettings = { floodedMinBpm: 100, floodedAboveBaselinePercent: 10, maxCorrectedPercent: 5 };

export default function TrendsArea({ path }: { path: TrendsPath }) {
  const api = useApi();
  const { state: settingsState } = useSettings();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void api.invoke('trends.timeline').then((result) => {
      if (!live) return;
      setLoad(result.ok ? { status: 'ready', timeline: result.value, nowMs: Date.now() } : { status: 'failed', message: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [api, version]);

  const physiology = settingsState.status === 'ready' ? settingsState.settings.physiology : null;
  const settings = useMemo<TrendsSettings>(
    () =>
      physiology
        ? { floodedMinBpm: physiology.floodedMinBpm, floodedAboveBaselinePercent: physiology.floodedAboveBaselinePercent, maxCorrectedPercent: physiology.maxCorrectedPercent }
        : DEFAULT_RULE,
    [physiology],
  );

  if (path.view === 'session') return <SessionDetailView sessionId={path.id} />;

  return (
    <>
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
          <SignsForm thisWeek={null} onSaved={reload} />
        </EmptyState>
      )}
      {load.status === 'ready' && load.timeline.sessions.length > 0 && (
        <TrendsOverview timeline={load.timeline} nowMs={load.nowMs} range={path.range} tag={path.tag} settings={settings} onChanged={reload} />
      )}
    </>
  );
}
