import { useState } from 'react';
import type { PauseSpan, ReminderHistoryEntry, ReminderKind, ReminderStatus } from '../../../shared/model/reminders.ts';
import { useDataClient, type DataResult } from '../../app/data-client.ts';

// What the reminders are doing, from main's reminder status: the line saying what comes next
// (or until when they are paused) with the pause and resume buttons, and what became of the
// reminders of the last seven days. Neither shows anything until the status has arrived.

const KIND_LABELS: Record<ReminderKind, string> = {
  'check-in': 'Check-in',
  journal: 'Journal prompt',
  weekly: 'Weekly look back',
  'break-over': 'End of a break',
  agreement: 'Agreement follow-up',
  'resting-reading': 'Resting reading',
};

/**
 * What became of a reminder. A skip the person chose (from a notification's button or the
 * tray) says so; one recorded because the next reminder came first was simply let go.
 */
function outcomeWords(entry: ReminderHistoryEntry): string {
  switch (entry.outcome) {
    case 'shown':
      return entry.via === 'tray' ? 'shown (in the tray: the system did not show it)' : 'shown';
    case 'acted':
      return 'taken up';
    case 'snoozed':
      return entry.via === undefined ? 'put off by a pause' : 'snoozed for an hour';
    case 'skipped':
      return entry.via === undefined ? 'let go' : 'skipped';
  }
}

function clock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(ms);
}

export function PauseControls({ status, onStatus }: { status: ReminderStatus | null; onStatus: (status: ReminderStatus) => void }) {
  const data = useDataClient();
  const [problem, setProblem] = useState<string | null>(null);
  if (status === null) return null;
  const act = async (asking: Promise<DataResult<ReminderStatus>>) => {
    const result = await asking;
    if (result.ok) onStatus(result.value);
    setProblem(result.ok ? null : result.message);
  };
  const pause = (span: PauseSpan) => act(data.call('reminders.pause', { span }));
  const resume = () => act(data.call('reminders.resume'));
  return (
    <div className="reminder-pause">
      <p role="status">
        {status.pausedUntilMs !== null
          ? `Reminders are paused until ${clock(status.pausedUntilMs, status.timeZone)}.`
          : status.next
            ? `Next: ${KIND_LABELS[status.next.kind].toLowerCase()} around ${clock(status.next.atMs, status.timeZone)}.`
            : 'No reminders are coming up.'}
      </p>
      <div className="button-row">
        {status.pausedUntilMs !== null ? (
          <button type="button" className="button" onClick={() => void resume()}>
            Resume reminders
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={() => void pause('1h')}>
          Pause for 1 hour
        </button>
        <button type="button" className="button button-quiet" onClick={() => void pause('tomorrow')}>
          Pause until tomorrow morning
        </button>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
    </div>
  );
}

export function ReminderHistory({ status }: { status: ReminderStatus | null }) {
  if (status === null) return null;
  const week = status.lastSevenDays;
  return (
    <section className="settings-subsection" aria-labelledby="settings-reminder-history">
      <h3 id="settings-reminder-history">Recent reminders</h3>
      <p>
        In the last seven days: {week.shown} shown, {week.acted} taken up, {week.snoozed} snoozed or put off, {week.skipped} skipped or let
        go.
      </p>
      {status.recent.length === 0 ? (
        <p className="section-note">Nothing yet. Reminders you get will be listed here.</p>
      ) : (
        <ul className="reminder-history">
          {status.recent.slice(0, 12).map((entry) => (
            <li key={`${entry.key}-${entry.outcome}-${entry.atMs}`}>
              {clock(entry.atMs, status.timeZone)}: {KIND_LABELS[entry.kind]} {outcomeWords(entry)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
