import { useId, useState, type ReactNode } from 'react';

// Settings controls that save as soon as a change is made. Each shows the value main holds;
// while a save is in flight it shows the user's choice; if main refuses, it goes back to
// the saved value and the reason stays next to the control.

/** Saves one change; resolves to true when main accepted it. */
export type Commit<T> = (value: T) => Promise<boolean>;

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <LabelAndHint id={id} label={label} hint={hint} />
      {children}
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A control's label and, when there is one, the hint under it (`${id}-hint`). */
function LabelAndHint({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </>
  );
}

/** Why main refused the last change, next to its control (`${id}-error`); nothing when it did not. */
function FieldError({ id, error }: { id: string; error?: string | undefined }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** What every control carries: its id, and the hint and error that describe it. */
function controlProps(id: string, hint: unknown, error: unknown): { id: string; 'aria-describedby': string | undefined } {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return { id, 'aria-describedby': ids.length > 0 ? ids.join(' ') : undefined };
}

export function ChoiceField<T extends string>({
  label,
  hint,
  value,
  options,
  error,
  onCommit,
}: {
  label: string;
  hint?: ReactNode;
  value: T;
  options: readonly { value: T; label: string }[];
  error?: string | undefined;
  onCommit: Commit<T>;
}) {
  const id = useId();
  const [pending, setPending] = useState<T | null>(null);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select
        {...controlProps(id, hint, error)}
        className="control"
        value={pending ?? value}
        onChange={async (event) => {
          const next = event.target.value as T;
          setPending(next);
          await onCommit(next);
          setPending(null);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function ToggleField({
  label,
  hint,
  value,
  error,
  onCommit,
}: {
  label: string;
  hint?: ReactNode;
  value: boolean;
  error?: string | undefined;
  onCommit: Commit<boolean>;
}) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  return (
    <div className="field field-toggle" data-invalid={error ? 'true' : undefined}>
      <input
        {...controlProps(id, hint, error)}
        type="checkbox"
        className="checkbox"
        checked={pending ?? value}
        onChange={async (event) => {
          const next = event.target.checked;
          setPending(next);
          await onCommit(next);
          setPending(null);
        }}
      />
      <div>
        <LabelAndHint id={id} label={label} hint={hint} />
        <FieldError id={id} error={error} />
      </div>
    </div>
  );
}

/**
 * A whole number. Saved when the user leaves the field or presses Enter, not on every
 * keystroke: typing 120 must not try to save 1 and 12 on the way.
 */
export function NumberField({
  label,
  hint,
  value,
  min,
  max,
  error,
  onCommit,
  onUnreadable,
}: {
  label: string;
  hint?: ReactNode;
  value: number;
  min: number;
  max: number;
  error?: string | undefined;
  onCommit: Commit<number>;
  /** The field held something that is not a number; nothing was sent. */
  onUnreadable: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function commit(): Promise<void> {
    if (draft === null || busy) return;
    const text = draft.trim();
    if (text === String(value)) {
      setDraft(null);
      return;
    }
    const parsed = Number(text);
    if (text === '' || !Number.isFinite(parsed)) {
      setDraft(null);
      onUnreadable();
      return;
    }
    setBusy(true);
    await onCommit(parsed);
    setBusy(false);
    setDraft(null); // shows what main now holds: the new value, or the old one if refused
  }

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input
        {...controlProps(id, hint, error)}
        type="number"
        inputMode="numeric"
        className="control control-number"
        min={min}
        max={max}
        step={1}
        value={draft ?? String(value)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit();
          } else if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            setDraft(null);
          }
        }}
      />
    </Field>
  );
}

/** A time of day ("HH:MM"), saved when the user leaves the field or presses Enter, and only when whole. */
export function TimeField({ label, value, error, onCommit }: { label: string; value: string; error?: string | undefined; onCommit: Commit<string> }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    if (/^\d\d:\d\d$/.test(draft) && draft !== value) await onCommit(draft);
    setDraft(null);
  };
  return (
    <div className="field">
      <LabelAndHint id={id} label={label} />
      <input
        {...controlProps(id, null, error)}
        type="time"
        className="control control-time"
        value={draft ?? value}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
        }}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/**
 * A list of short lines, one a line, saved when the user leaves the field. Blank lines are
 * dropped; an empty list is never sent.
 */
export function LinesField({ label, hint, value, error, onCommit }: { label: string; hint: ReactNode; value: readonly string[]; error?: string | undefined; onCommit: Commit<string[]> }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = async () => {
    if (draft === null) return;
    const next = draft
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (next.length > 0 && next.join('\n') !== value.join('\n')) await onCommit(next);
    setDraft(null);
  };
  return (
    <div className="field">
      <LabelAndHint id={id} label={label} hint={hint} />
      <textarea
        {...controlProps(id, hint, error)}
        className="control control-text"
        rows={Math.min(10, value.length + 1)}
        value={draft ?? value.join('\n')}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}
