import { useId, useState } from 'react';
import type { ReminderSettings, TimeRange } from '../../../shared/model/reminder-settings.ts';
import type { PauseSpan, ReminderKind, ReminderStatus } from '../../../shared/model/reminders.ts';
import type { Settings, SettingsPatch } from '../../../shared/model/settings.ts';
import { useDataClient, type DataResult } from '../../app/data-client.ts';
import { ChoiceField, NumberField, ToggleField } from './fields.tsx';
import { useReminderStatus } from '../../app/reminder-status.ts';

// Reminders in Settings: pause and resume, which nudges come and when, quiet hours, start
// at login, and what became of recent reminders. Every change saves at once.

type Save = (field: string, label: string, patch: SettingsPatch) => Promise<boolean>;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const WEEKDAY_OPTIONS = WEEKDAYS.map((label, day) => ({ value: String(day), label }));
// Monday first in the list of active days, as most calendars show it.
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export const KIND_LABELS: Record<ReminderKind, string> = {
  'check-in': 'Check-in',
  journal: 'Journal prompt',
  weekly: 'Weekly look back',
  'break-over': 'End of a break',
  agreement: 'Agreement follow-up',
};

const OUTCOME_WORDS = { shown: 'shown', acted: 'taken up', snoozed: 'put off', skipped: 'let go' } as const;

function clock(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat(undefined, { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(ms);
}

function reminders(patch: Partial<ReminderSettings>): SettingsPatch {
  return { reminders: patch };
}

export function RemindersSection({ settings, errors, save }: { settings: Settings; errors: Record<string, string>; save: Save }) {
  const r = settings.reminders;
  const { status, setStatus } = useReminderStatus();
  return (
    <>
      <section className="settings-section" aria-labelledby="settings-reminders">
        <h2 id="settings-reminders">Reminders</h2>
        <p className="section-note">
          Small nudges from the tray through the day. They come only in your active hours, never in quiet hours or while
          you are in a check or a conversation, and the lock screen only ever says what kind of moment it is.
        </p>
        <PauseControls status={status} onStatus={setStatus} />

        <ToggleField
          label="Check-ins"
          hint="A short Feel → Find → Reflect moment: notice the mood, make a kind guess, check in gently."
          value={r.checkIns}
          error={errors['checkIns']}
          onCommit={(checkIns) => save('checkIns', 'Check-ins', reminders({ checkIns }))}
        />
        {r.checkIns ? (
          <>
            <NumberField
              label="Check-ins a day"
              hint={
                status?.fewerBecauseSkipped
                  ? `Most check-ins this past week went by, so Attune is sending ${status.checkInsPerDay} a day for now. Taking some up brings the full number back.`
                  : 'Spread across your active hours, at slightly different times each day. From 1 to 12.'
              }
              value={r.checkInsPerDay}
              min={1}
              max={12}
              error={errors['checkInsPerDay']}
              onCommit={(checkInsPerDay) => save('checkInsPerDay', 'Check-ins a day', reminders({ checkInsPerDay }))}
              onUnreadable={() => undefined}
            />
            <PhrasesField phrases={r.phrases} error={errors['phrases']} save={save} />
          </>
        ) : null}

        <ToggleField
          label="Daily journal prompt"
          value={r.journalPrompt}
          error={errors['journalPrompt']}
          onCommit={(journalPrompt) => save('journalPrompt', 'Daily journal prompt', reminders({ journalPrompt }))}
        />
        {r.journalPrompt ? (
          <TimeField
            label="Journal prompt at"
            value={r.journalTime}
            error={errors['journalTime']}
            onCommit={(journalTime) => save('journalTime', 'Journal prompt time', reminders({ journalTime }))}
          />
        ) : null}

        <ToggleField
          label="Weekly look back at the signs of progress"
          value={r.weeklyProgress}
          error={errors['weeklyProgress']}
          onCommit={(weeklyProgress) => save('weeklyProgress', 'Weekly look back', reminders({ weeklyProgress }))}
        />
        {r.weeklyProgress ? (
          <>
            <ChoiceField
              label="On"
              value={String(r.weeklyDay)}
              options={WEEKDAY_OPTIONS}
              error={errors['weeklyDay']}
              onCommit={(day) => save('weeklyDay', 'Weekly day', reminders({ weeklyDay: Number(day) }))}
            />
            <TimeField
              label="At"
              value={r.weeklyTime}
              error={errors['weeklyTime']}
              onCommit={(weeklyTime) => save('weeklyTime', 'Weekly time', reminders({ weeklyTime }))}
            />
          </>
        ) : null}

        <ToggleField
          label="Tell me when a break is over"
          hint="This one comes even in quiet hours or a pause: you chose to take the break."
          value={r.breakOver}
          error={errors['breakOver']}
          onCommit={(breakOver) => save('breakOver', 'Break over', reminders({ breakOver }))}
        />
        <ToggleField
          label="Bring back repair agreements on their date"
          value={r.agreementFollowUps}
          error={errors['agreementFollowUps']}
          onCommit={(agreementFollowUps) => save('agreementFollowUps', 'Agreement follow-ups', reminders({ agreementFollowUps }))}
        />
      </section>

      <section className="settings-section" aria-labelledby="settings-reminder-hours">
        <h2 id="settings-reminder-hours">When reminders may come</h2>
        <ActiveDays days={r.activeDays} error={errors['activeDays']} save={save} />
        <ActiveRanges ranges={r.activeRanges} error={errors['activeRanges']} save={save} />
        <ToggleField
          label="Quiet hours"
          value={r.quietHours}
          error={errors['quietHours']}
          onCommit={(quietHours) => save('quietHours', 'Quiet hours', reminders({ quietHours }))}
        />
        {r.quietHours ? (
          <div className="time-pair">
            <TimeField label="Quiet from" value={r.quietStart} error={errors['quietStart']} onCommit={(quietStart) => save('quietStart', 'Quiet from', reminders({ quietStart }))} />
            <TimeField label="Quiet until" value={r.quietEnd} error={errors['quietEnd']} onCommit={(quietEnd) => save('quietEnd', 'Quiet until', reminders({ quietEnd }))} />
          </div>
        ) : null}
        <ToggleField
          label="Respect the system's do-not-disturb"
          hint={
            status?.doNotDisturbSource === 'quiet-hours'
              ? 'Attune cannot read do-not-disturb on this computer, so your quiet hours stand in for it.'
              : 'While do-not-disturb is on, reminders wait.'
          }
          value={r.respectDoNotDisturb}
          error={errors['respectDoNotDisturb']}
          onCommit={(respectDoNotDisturb) => save('respectDoNotDisturb', 'Do-not-disturb', reminders({ respectDoNotDisturb }))}
        />
        <ToggleField
          label="Start Attune with my computer"
          hint="It starts quietly in the tray, without opening the window."
          value={r.startAtLogin}
          error={errors['startAtLogin']}
          onCommit={(startAtLogin) => save('startAtLogin', 'Start with my computer', reminders({ startAtLogin }))}
        />
      </section>

      <ReminderHistory status={status} />
    </>
  );
}

function PauseControls({ status, onStatus }: { status: ReminderStatus | null; onStatus: (status: ReminderStatus) => void }) {
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

function TimeField({ label, value, error, onCommit }: { label: string; value: string; error?: string | undefined; onCommit: (value: string) => Promise<boolean> }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    if (/^\d\d:\d\d$/.test(draft) && draft !== value) await onCommit(draft);
    setDraft(null);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="time"
        className="control control-time"
        value={draft ?? value}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
        }}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function PhrasesField({ phrases, error, save }: { phrases: readonly string[]; error?: string | undefined; save: Save }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    const next = draft
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (next.length > 0 && next.join('\n') !== phrases.join('\n')) await save('phrases', 'Check-in phrases', reminders({ phrases: next }));
    setDraft(null);
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Check-in phrases
      </label>
      <p className="field-hint" id={`${id}-hint`}>
        One a line. A check-in shows one of them inside Attune, never on the lock screen. Make them sound like you.
      </p>
      <textarea
        id={id}
        className="control control-text"
        rows={Math.min(10, phrases.length + 1)}
        value={draft ?? phrases.join('\n')}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ActiveDays({ days, error, save }: { days: readonly number[]; error?: string | undefined; save: Save }) {
  const toggle = (day: number, on: boolean) => {
    const next = on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day);
    void save('activeDays', 'Active days', reminders({ activeDays: next }));
  };
  return (
    <fieldset className="field day-picker">
      <legend className="field-label">Active days</legend>
      {DAY_ORDER.map((day) => (
        <label key={day} className="day-option">
          <input type="checkbox" className="checkbox" checked={days.includes(day)} onChange={(event) => toggle(day, event.target.checked)} />
          {WEEKDAYS[day]}
        </label>
      ))}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function ActiveRanges({ ranges, error, save }: { ranges: readonly TimeRange[]; error?: string | undefined; save: Save }) {
  const commit = (next: TimeRange[]) => save('activeRanges', 'Active hours', reminders({ activeRanges: next }));
  return (
    <fieldset className="field">
      <legend className="field-label">Active hours</legend>
      {ranges.map((range, i) => (
        <div className="time-pair" key={i}>
          <TimeField label={`From${ranges.length > 1 ? ` (${i + 1})` : ''}`} value={range.start} onCommit={(start) => commit(ranges.map((r, j) => (j === i ? { ...r, start } : r)))} />
          <TimeField label={`Until${ranges.length > 1 ? ` (${i + 1})` : ''}`} value={range.end} onCommit={(end) => commit(ranges.map((r, j) => (j === i ? { ...r, end } : r)))} />
          {ranges.length > 1 ? (
            <button type="button" className="button button-quiet" onClick={() => void commit(ranges.filter((_, j) => j !== i))}>
              Remove these hours
            </button>
          ) : null}
        </div>
      ))}
      {ranges.length < 4 ? (
        <button type="button" className="button button-quiet" onClick={() => void commit([...ranges, { start: '18:00', end: '21:00' }])}>
          Add more hours
        </button>
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
    </fieldset>
  );
}

function ReminderHistory({ status }: { status: ReminderStatus | null }) {
  if (status === null) return null;
  const week = status.lastSevenDays;
  return (
    <section className="settings-section" aria-labelledby="settings-reminder-history">
      <h2 id="settings-reminder-history">Recent reminders</h2>
      <p>
        In the last seven days: {week.shown} shown, {week.acted} taken up, {week.snoozed} put off, {week.skipped} let go.
      </p>
      {status.recent.length === 0 ? (
        <p className="section-note">Nothing yet. Reminders you get will be listed here.</p>
      ) : (
        <ul className="reminder-history">
          {status.recent.slice(0, 12).map((entry) => (
            <li key={`${entry.key}-${entry.outcome}-${entry.atMs}`}>
              {clock(entry.atMs, status.timeZone)}: {KIND_LABELS[entry.kind]} {OUTCOME_WORDS[entry.outcome]}
              {entry.via === 'tray' ? ' (in the tray: the system did not show it)' : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
