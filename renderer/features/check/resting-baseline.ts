import { useEffect, useMemo } from 'react';
import { baselineFromSessions } from '../../../shared/check/resting-readings.ts';
import type { Baseline } from '../../../shared/signal/baseline.ts';
import { DAY_MS } from '../../../shared/time/durations.ts';
import { useIpcLoad } from '../../app/ipc-query.ts';
import { useCheck } from './check-context.tsx';

// The one place a screen gets the user's resting baseline: the check and the repair flow's
// body check judge against the same figure, read the same way (every finished resting
// reading, shared/check/resting-readings.ts), and read again after each finished session, so
// a new resting reading moves it everywhere at once.

export type RestingBaselineState = { status: 'loading' } | { status: 'ready'; baseline: Baseline } | { status: 'failed'; message: string };

export function useRestingBaseline(): RestingBaselineState {
  const { onFinished } = useCheck();
  // The range is taken when asking (a day ahead allows for a clock set back), so a reread
  // after a finished session includes it.
  const sessions = useIpcLoad((data) => data.call('session.list', { fromMs: 0, toMs: Date.now() + DAY_MS }), 'resting-baseline');
  const { reload } = sessions;
  useEffect(() => onFinished(reload), [onFinished, reload]);
  return useMemo<RestingBaselineState>(() => {
    if (sessions.status === 'ready') return { status: 'ready', baseline: baselineFromSessions(sessions.value) };
    if (sessions.status === 'failed') return { status: 'failed', message: sessions.message };
    return { status: 'loading' };
  }, [sessions]);
}
