import { useCallback, useEffect, useState } from 'react';
import type { ReminderStatus } from '../../../shared/model/reminders.ts';
import { useApi } from '../../app/attune.ts';

// The reminder status main holds (pause, next reminder, history), kept current by the
// `reminders.changed` event.

export function useReminderStatus(): { status: ReminderStatus | null; setStatus: (status: ReminderStatus) => void } {
  const api = useApi();
  const [status, setStatus] = useState<ReminderStatus | null>(null);
  useEffect(() => {
    let live = true;
    const off = api.on('reminders.changed', (next) => {
      if (live) setStatus(next);
    });
    void api.invoke('reminders.status').then((result) => {
      if (live && result.ok) setStatus((current) => current ?? result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);
  return { status, setStatus: useCallback((next: ReminderStatus) => setStatus(next), []) };
}
