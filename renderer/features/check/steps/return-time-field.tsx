import { useId } from 'react';
import { returnTimeBounds } from '../../../../shared/check/check-flow.ts';
import { RETURN_TIME_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';

// When to come back from a break, chosen as a time of day rather than a duration, because that
// is how people agree on it with each other. Used when the break is offered and during it.
//
// nextTimeOfDay still moves to the next day by adding 24 hours, so across a daylight-saving
// change it lands an hour off the chosen time. Both helpers are due to move onto a shared
// civil-date module; until then they stay here, the only place that needs them.

/** "Come back at" as a time of day; the next such time after the break's minimum, within 24 hours. */
export function ReturnTimeField({ startMs, value, onChange }: { startMs: number; value: number | null; onChange: (ms: number) => void }) {
  const id = useId();
  const { earliestMs, latestMs } = returnTimeBounds(startMs);
  const shown = value ?? earliestMs;
  return (
    <div className="return-time">
      <label htmlFor={id}>{WORDS.label}</label>
      <input
        id={id}
        type="time"
        value={timeOfDay(shown)}
        onChange={(event) => {
          const next = nextTimeOfDay(event.target.value, earliestMs, latestMs);
          if (next !== null) onChange(next);
        }}
        aria-describedby={`${id}-hint`}
      />
      <p id={`${id}-hint`} className="field-hint">
        {WORDS.hint}
      </p>
    </div>
  );
}

/** "HH:MM" in local time. */
export function timeOfDay(ms: number): string {
  const date = new Date(ms);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function nextTimeOfDay(value: string, earliestMs: number, latestMs: number): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const candidate = new Date(earliestMs);
  candidate.setHours(Number(match[1]), Number(match[2]), 0, 0);
  let ms = candidate.getTime();
  while (ms < earliestMs) ms += 24 * 3600_000;
  return Math.min(ms, latestMs);
}
