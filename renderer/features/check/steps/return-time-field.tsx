import { useId } from 'react';
import { returnTimeBounds } from '../../../../shared/check/break-bounds.ts';
import { RETURN_TIME_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { nextTimeOfDayMs, parseTimeOfDay, timeOfDayText } from '../../../../shared/time/civil-date.ts';

// When to come back from a break, chosen as a time of day rather than a duration, because that
// is how people agree on it with each other. Used when the break is offered and during it.
// The arithmetic (the next 19:30, across a daylight-saving change too) is
// shared/time/civil-date.ts's.

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
        value={timeOfDayText(shown)}
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

/** The next time the clock reads `text` ("HH:MM") from the break's minimum on, no later than its maximum. */
function nextTimeOfDay(text: string, earliestMs: number, latestMs: number): number | null {
  const minute = parseTimeOfDay(text);
  return minute === null ? null : Math.min(nextTimeOfDayMs(earliestMs, minute), latestMs);
}
