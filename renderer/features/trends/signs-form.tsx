import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SIGNS_OF_PROGRESS, SIGNS_SCALE_WORDS } from '../../../shared/content/signs-of-progress.ts';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import type { TrendSigns } from '../../../shared/trends/timeline.ts';
import { useDataClient } from '../../app/data-client.ts';
import { formatWhen } from './charts.tsx';
import { routeQueryOf } from '../../app/route-query.ts';

/** The weekly reminder opens Trends as `#/trends?progress`: the form is then open and in view. */
function askedForRating(hash: string): boolean {
  return new URLSearchParams(routeQueryOf(hash)).has('progress');
}

// The weekly self-rating of the five signs of progress. Saved as a journal entry of kind
// 'weekly-signs' holding `signsRating` (one 1–5 value per sign, in SIGNS_OF_PROGRESS order),
// so it lives, exports and is deleted with the rest of the journal.

export function SignsForm({ thisWeek, onSaved }: { thisWeek: TrendSigns | null; onSaved: (entry: JournalEntry) => void }) {
  const data = useDataClient();
  const formId = useId();
  const [values, setValues] = useState<Array<number | null>>(() => SIGNS_OF_PROGRESS.map(() => null));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'problem'; message?: string }>({ kind: 'idle' });
  const [open, setOpen] = useState(() => askedForRating(window.location.hash));
  const formRef = useRef<HTMLFormElement>(null);
  const complete = values.every((v) => v !== null);

  useEffect(() => {
    const onHashChange = () => {
      if (askedForRating(window.location.hash)) setOpen(true);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  useEffect(() => {
    if (open && askedForRating(window.location.hash)) formRef.current?.scrollIntoView?.({ block: 'center' });
  }, [open]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete) {
      setStatus({ kind: 'problem', message: 'Rate all five signs, then save.' });
      return;
    }
    setStatus({ kind: 'saving' });
    const result = await data.call('journal.create', {
      kind: 'weekly-signs',
      title: 'Signs of progress',
      text: SIGNS_OF_PROGRESS.map((sign, i) => `${sign.short}: ${values[i]} of 5`).join('\n'),
      signsRating: values as number[],
    });
    if (result.ok) {
      setStatus({ kind: 'saved', message: 'Saved in your journal.' });
      setValues(SIGNS_OF_PROGRESS.map(() => null));
      setOpen(false);
      onSaved(result.value);
    } else setStatus({ kind: 'problem', message: result.message });
  };

  if (!open) {
    return (
      <div className="signs-prompt">
        <p>
          {thisWeek ? `You rated this week on ${formatWhen(thisWeek.createdAtMs)}.` : 'You have not rated this week yet.'} Once a week, rate the five signs from the article
          that attunement is growing; they appear on the chart beside your calm-down time.
        </p>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {thisWeek ? 'Rate this week again' : 'Rate this week'}
        </button>
        {status.kind === 'saved' && <p role="status">{status.message}</p>}
      </div>
    );
  }

  return (
    <form ref={formRef} className="signs-form" onSubmit={(event) => void submit(event)} aria-describedby={`${formId}-hint`}>
      <p id={`${formId}-hint`} className="field-hint">
        1 means {SIGNS_SCALE_WORDS[0].toLowerCase()}, 5 means {SIGNS_SCALE_WORDS[4].toLowerCase()}. Think of this week only.
      </p>
      {SIGNS_OF_PROGRESS.map((sign, i) => (
        <fieldset key={sign.id} className="signs-row">
          <legend>{sign.question}</legend>
          <div className="signs-scale">
            {SIGNS_SCALE_WORDS.map((word, j) => (
              <label key={word} className="signs-option">
                <input
                  type="radio"
                  name={`${formId}-${sign.id}`}
                  value={j + 1}
                  checked={values[i] === j + 1}
                  onChange={() => setValues((v) => v.map((x, k) => (k === i ? j + 1 : x)))}
                />
                <span>
                  {j + 1} <span className="signs-word">{word}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="submit" className="button" disabled={status.kind === 'saving'}>
          Save this week's rating
        </button>
        <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {status.kind === 'problem' && (
        <p className="trend-problem" role="alert">
          {status.message}
        </p>
      )}
    </form>
  );
}
