import { useState } from 'react';
import type { ReminderStatus } from '../../shared/model/reminders.ts';
import { useIpcEvent, useIpcQuery } from './ipc-query.ts';

// The reminder status main holds (pause, break, next reminder, history): asked once, then kept
// current by the `reminders.changed` event. Settings and the tray's cards on Check both read it.

export function useReminderStatus(): { status: ReminderStatus | null; setStatus: (status: ReminderStatus) => void } {
  const asked = useIpcQuery('reminders.status', undefined);
  // What main pushed (or an action returned) is newer than the first answer.
  const [pushed, setPushed] = useState<ReminderStatus | null>(null);
  useIpcEvent('reminders.changed', setPushed);
  return { status: pushed ?? (asked.status === 'ready' ? asked.value : null), setStatus: setPushed };
}
