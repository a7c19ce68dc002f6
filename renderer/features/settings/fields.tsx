import { useId, useState, type ReactNode } from 'react';

// Settings controls that save as soon as a change is made. Each shows the value main holds;
// while a save is in flight it shows the user's choice; if main refuses, it goes back to
// the saved value and the reason stays next to the control.

/** Saves one change; resolves to true when main accepted it. */
export type Commit<T> = (value: T) => Promise<boolean>;

function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string | undefined; children: ReactNode }) {
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
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
        id={id}
        className="control"
        value={pending ?? value}
        aria-describedby={describedBy(id, hint, error)}
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
        id={id}
        type="checkbox"
        className="checkbox"
        checked={pending ?? value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={async (event) => {
          const next = event.target.checked;
          setPending(next);
          await onCommit(next);
          setPending(null);
        }}
      />
      <div>
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {hint ? (
          <p className="field-hint" id={`${id}-hint`}>
            {hint}
          </p>
        ) : null}
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
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
        id={id}
        type="number"
        inputMode="numeric"
        className="control control-number"
        min={min}
        max={max}
        step={1}
        value={draft ?? String(value)}
        aria-describedby={describedBy(id, hint, error)}
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
