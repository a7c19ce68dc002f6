import { useId, useRef, useState, type FormEvent } from 'react';
import { emotionById } from '../../../shared/content/emotions.ts';
import { JOURNAL_TEXT_MAX_CHARS } from '../../../shared/model/journal.ts';
import { useDataClient } from '../../app/data-client.ts';
import { toLocalInput, validateEntry } from './entry-validation.ts';
import { entryLabel, useJournalData } from './journal-data.tsx';
import { goTo, newEntryPath } from './journal-path.ts';
import { ProblemAlert } from './page-parts.tsx';
import { useRovingFocus } from './roving-focus.ts';

// The journal's first thing: a few words and one feeling, saved in one step without leaving
// the list. "Add more" opens the full form with what was typed and picked, for the scale,
// more words, cues, tags, a session or another time.

/** Two words from each quarter of the feelings grid: a place to start, not all of them (Add more has the rest). */
const QUICK_FEELINGS = ['tense', 'hurt', 'hopeful', 'connected', 'sad', 'drained', 'calm', 'grateful'] as const;

export function QuickEntry({ nowMs = Date.now }: { nowMs?: () => number }) {
  const data = useDataClient();
  const { put, giveDraft } = useJournalData();
  const [text, setText] = useState('');
  const [feeling, setFeeling] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ id: string; label: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const ids = { heading: useId(), text: useId(), feelings: useId(), error: useId() };
  const feelings = QUICK_FEELINGS.map((id) => emotionById(id)).filter((word) => word !== null);
  const pick = (id: string) => setFeeling((current) => (current === id ? null : id));
  const roving = useRovingFocus(feelings.length, Math.max(0, feelings.findIndex((word) => word.id === feeling)), (index) => pick(feelings[index]!.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const emotions = feeling ? [feeling] : [];
    const checked = validateEntry({ title: '', text, whenLocal: toLocalInput(nowMs()), pleasantness: null, emotions, tags: [] }, nowMs());
    if (checked.errors.text) {
      setProblem(checked.errors.text);
      textRef.current?.focus();
      return;
    }
    setProblem(null);
    setSaving(true);
    const result = await data.call('journal.create', { text, emotions, kind: 'reflection' });
    setSaving(false);
    if (!result.ok) {
      setProblem(`Your note was not saved: ${result.message}`);
      return;
    }
    put(result.value);
    setText('');
    setFeeling(null);
    setSaved({ id: result.value.id, label: entryLabel(result.value) });
  };

  const addMore = () => {
    giveDraft({ text, emotions: feeling ? [feeling] : [] });
    goTo(newEntryPath());
  };

  return (
    <form className="quick-entry" aria-labelledby={ids.heading} onSubmit={(event) => void submit(event)} noValidate>
      <h2 id={ids.heading} className="journal-subheading">
        A quick note
      </h2>
      <label htmlFor={ids.text} className="field-label">
        A few words about now
      </label>
      <textarea
        ref={textRef}
        id={ids.text}
        className="control quick-entry-text"
        rows={2}
        value={text}
        maxLength={JOURNAL_TEXT_MAX_CHARS}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? ids.error : undefined}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <p id={ids.feelings} className="field-label">
        One feeling <span className="field-optional">(optional)</span>
      </p>
      <div className="quick-entry-feelings" role="radiogroup" aria-labelledby={ids.feelings} {...roving.containerProps}>
        {feelings.map((word, index) => (
          <button
            key={word.id}
            type="button"
            role="radio"
            className="chip"
            aria-checked={feeling === word.id}
            title={word.definition}
            {...roving.itemProps(index)}
            onClick={() => pick(word.id)}
          >
            {word.word}
          </button>
        ))}
      </div>
      <div id={ids.error}>
        <ProblemAlert problem={problem} />
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : 'Save note'}
        </button>
        <button type="button" className="button button-quiet" onClick={addMore}>
          Add more
        </button>
      </div>
      <p role="status" className="quick-entry-status">
        {saved && `Saved “${saved.label}” in your journal.`}
      </p>
    </form>
  );
}
