import { useEffect, useMemo } from 'react';
import { baselineFromSessions } from '../../../shared/check/resting-readings.ts';
import type { Baseline } from '../../../shared/signal/baseline.ts';
import { DAY_MS } from '../../../shared/time/durations.ts';
import type { SessionListItem } from '../../../shared/model/session.ts';
import { byId, putRecord, useIpcLoad } from '../../app/ipc-query.ts';
import { useCheck } from './check-context.tsx';

// The one place a screen gets the user's resting baseline: the check and the repair flow's
// body check judge against the same figure, read the same way (every finished resting
// reading, shared/check/resting-readings.ts). A session finished meanwhile goes into the list
// as main saved it (read again only if saving it failed), so a new resting reading moves it
// everywhere at once.

export type RestingBaselineState = { status: 'loading' } | { status: 'ready'; baseline: Baseline } | { status: 'failed'; message: string };

/** session.list's order: oldest first, then by id. */
function startOrder(a: SessionListItem, b: SessionListItem): number {
  return a.startedAtMs - b.startedAtMs || (a.id < b.id ? -1 : 1);
}

export function useRestingBaseline(): RestingBaselineState {
  const { onFinished } = useCheck();
  // The range is taken when asking (a day ahead allows for a clock set back), so a reread
  // after a finished session includes it.
  const sessions = useIpcLoad((data) => data.call('session.list', { fromMs: 0, toMs: Date.now() + DAY_MS }), 'resting-baseline');
  const { reload, update } = sessions;
  useEffect(
    () => onFinished((session) => (session === null ? reload() : update((all) => putRecord(all, session, byId, startOrder)))),
    [onFinished, reload, update],
  );
  return useMemo<RestingBaselineState>(() => {
    if (sessions.status === 'ready') return { status: 'ready', baseline: baselineFromSessions(sessions.value) };
    if (sessions.status === 'failed') return { status: 'failed', message: sessions.message };
    return { status: 'loading' };
  }, [sessions]);
}
