import type { TimeRange } from '../../../shared/model/reminder-settings.ts';
import { TimeField, type Commit } from './fields.tsx';

// The days and hours in which reminders may come: the week's days, Monday first as most
// calendars show them, and up to four ranges of active hours, each saved as a whole list.

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const DAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function ActiveDays({ value: days, error, onCommit }: { value: readonly number[]; error?: string | undefined; onCommit: Commit<number[]> }) {
  const toggle = (day: number, on: boolean) => {
    const next = on ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day);
    void onCommit(next);
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

export function ActiveRanges({ value: ranges, error, onCommit: commit }: { value: readonly TimeRange[]; error?: string | undefined; onCommit: Commit<TimeRange[]> }) {
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
