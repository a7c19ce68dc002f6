import { useEffect, useId, useRef, useState } from 'react';
import { SMALL_MOMENT_KINDS, SMALL_MOMENT_WORDS_MAX_CHARS, SMALL_MOMENTS_WHY, type SmallMomentKind } from '../../../shared/content/small-moments.ts';
import { useDataClient } from '../../app/data-client.ts';
import './moments.css';

// Noting a small moment: optional words first, then one tap on what it was, which saves it.
// With the tray's "Note a small moment" that is two taps in all. main keeps it as a journal
// entry of kind 'moment' (moment.note).

export function MomentNote({ onDone, headingId }: { onDone: () => void; headingId: string }) {
  const data = useDataClient();
  const [words, setWords] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [noted, setNoted] = useState<string | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const ids = { words: useId(), kinds: useId(), problem: useId() };

  const note = async (kind: SmallMomentKind, label: string) => {
    setSaving(true);
    setProblem(null);
    const result = await data.call('moment.note', words.trim() ? { kind, words } : { kind });
    setSaving(false);
    if (!result.ok) {
      setProblem(`It was not noted: ${result.message}`);
      return;
    }
    setNoted(label);
    setWords('');
  };
  useEffect(() => {
    // The button that was pressed is gone: keyboard focus goes on to the way out.
    if (noted !== null) doneRef.current?.focus();
  }, [noted]);

  if (noted !== null) {
    return (
      <div className="moment-note">
        <p role="status" className="lead">
          Noted: {noted}. It is in your journal now.
        </p>
        <div className="check-actions">
          <button ref={doneRef} type="button" className="button" onClick={onDone}>
            Done
          </button>
          <button type="button" className="button button-quiet" onClick={() => setNoted(null)}>
            Note another
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="moment-note">
      <p className="moment-note-why">{SMALL_MOMENTS_WHY}</p>
      <label htmlFor={ids.words} className="field-label">
        A few words <span className="moment-note-optional">(optional)</span>
      </label>
      <input
        id={ids.words}
        className="control moment-note-words"
        type="text"
        value={words}
        maxLength={SMALL_MOMENT_WORDS_MAX_CHARS}
        autoComplete="off"
        onChange={(event) => setWords(event.currentTarget.value)}
      />
      <p id={ids.kinds} className="field-label moment-note-kinds-label">
        What was it? Choosing one notes it.
      </p>
      <ul className="moment-kinds" aria-labelledby={ids.kinds}>
        {SMALL_MOMENT_KINDS.map((kind) => (
          <li key={kind.id} className="moment-kind-item">
            <button type="button" className="moment-kind" disabled={saving} aria-describedby={`${headingId}-${kind.id}-hint`} onClick={() => void note(kind.id, kind.label)}>
              {kind.label}
            </button>
            <span id={`${headingId}-${kind.id}-hint`} className="moment-kind-hint">
              {kind.hint}
            </span>
          </li>
        ))}
      </ul>
      {problem && (
        <p id={ids.problem} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="check-actions">
        <button type="button" className="button button-quiet" onClick={onDone}>
          Not now
        </button>
      </div>
    </div>
  );
}
