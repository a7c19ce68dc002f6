import { useMemo } from 'react';
import { describeBreathing, formatDuration, heartRateSeries, sparklinePoints } from '../../../shared/journal/physiology.ts';
import type { SessionDetail, SessionListItem } from '../../../shared/model/session.ts';
import { useIpcQuery, type Loaded } from '../../app/ipc-query.ts';
import { SESSION_KIND_WORDS } from '../../../shared/trends/sessions-list.ts';
import { formatDateTime } from './journal-data.tsx';
import { JournalLink } from './journal-link.tsx';

// What a session's body did, shown beside what was written about it: a small heart-rate
// line, the peak, how long calming down took, and the breathing pattern used.

const SPARK_W = 240;
const SPARK_H = 48;

/** Kinds as words, looked up by a kind read from a link, which may be one this build does not know. */
const KIND_WORDS: Partial<Record<string, string>> = SESSION_KIND_WORDS;

export function sessionTitle(session: { kind: string; startedAtMs: number }): string {
  return `${KIND_WORDS[session.kind] ?? 'Session'}, ${formatDateTime(session.startedAtMs)}`;
}

/** A session with its beats (the whole record: ask only where the beats are shown). */
export function useSessionDetail(sessionId: string): Loaded<SessionDetail> {
  return useIpcQuery('session.get', { sessionId });
}

export function SessionPhysiology({ detail }: { detail: SessionDetail }) {
  const { session, beats } = detail;
  const series = useMemo(() => heartRateSeries(beats, 60), [beats]);
  const summary = session.summary;
  const points = sparklinePoints(series, SPARK_W, SPARK_H);
  const first = series[0];
  const last = series[series.length - 1];
  const breathing = describeBreathing(session.breathingPattern);
  return (
    <div className="session-physiology">
      {series.length > 1 && first && last ? (
        <svg
          className="sparkline"
          viewBox={`0 0 ${SPARK_W} ${SPARK_H}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`Heart rate over the session, from about ${Math.round(first.bpm)} to ${Math.round(last.bpm)} beats a minute`}
        >
          <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" />
        </svg>
      ) : (
        <p className="field-hint">{detail.beatsStatus === 'unavailable' ? 'The heart data of this session could not be read.' : 'No heart data was kept for this session.'}</p>
      )}
      <dl className="facts facts-inline">
        <div>
          <dt>Peak</dt>
          <dd>{summary?.peakHrBpm != null ? `${Math.round(summary.peakHrBpm)} bpm` : 'Not known'}</dd>
        </div>
        <div>
          <dt>Calming down took</dt>
          <dd>
            {summary?.calmDownSec != null
              ? formatDuration(summary.calmDownSec)
              : summary?.baselineHrBpm == null
                ? 'Not known yet: it needs your resting heart rate'
                : 'You did not reach calm in this session'}
          </dd>
        </div>
        <div>
          <dt>Breathing</dt>
          <dd>{breathing ?? 'No paced breathing'}</dd>
        </div>
        {summary && (
          <div>
            <dt>Length</dt>
            <dd>{formatDuration(summary.durationSec)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}

/** A linked session inside an entry: its physiology, with a way to unlink. */
export function LinkedSession({ sessionId, onUnlink }: { sessionId: string; onUnlink?: () => void }) {
  const state = useSessionDetail(sessionId);
  return (
    <li className="linked-session">
      {state.status === 'loading' && <p className="field-hint">Reading the session…</p>}
      {state.status === 'failed' && <p className="field-hint">This session could not be opened: {state.message}</p>}
      {state.status === 'ready' && (
        <>
          <p className="linked-session-title">
            <JournalLink to={{ view: 'session', id: sessionId }}>{sessionTitle(state.value.session)}</JournalLink>
          </p>
          <SessionPhysiology detail={state.value} />
        </>
      )}
      {onUnlink && (
        <button type="button" className="button button-quiet button-small" onClick={onUnlink}>
          Unlink this session
        </button>
      )}
    </li>
  );
}

export function sessionLine(session: SessionListItem, distanceMs: number, atMs: number): string {
  const minutes = Math.round(distanceMs / 60_000);
  let when: string;
  if (distanceMs === 0) when = 'during this moment';
  else if (minutes < 60) when = `${minutes} min ${session.startedAtMs > atMs ? 'after' : 'before'}`;
  else {
    const hours = Math.round((minutes / 60) * 10) / 10;
    when = `${hours} h ${session.startedAtMs > atMs ? 'after' : 'before'}`;
  }
  const length = session.summary ? `, ${formatDuration(session.summary.durationSec)}` : '';
  return `${sessionTitle(session)}${length} (${when})`;
}
