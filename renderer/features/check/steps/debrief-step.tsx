import { useId, useState, type FormEvent } from 'react';
import { DEBRIEF_SCALE } from '../../../../shared/content/check-copy.ts';
import { DEBRIEF_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useDataClient } from '../../../app/data-client.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';

// After the conversation, a moment to note how it went while it is fresh. It becomes a journal
// entry linked to this check's session, so later the feeling and the body can be read together.
// Skipping is as easy as saving.

export function DebriefStep() {
  const data = useDataClient();
  const { send, sessionId } = useCheck();
  const id = useId();
  const [scale, setScale] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const chosen = scale === null ? null : DEBRIEF_SCALE[scale]!;
    const result = await data.call('journal.create', {
      title: WORDS.entryTitle(chosen?.label ?? null),
      text,
      kind: 'debrief',
      pleasantness: chosen?.pleasantness ?? null,
      ...(sessionId === null ? {} : { sessionIds: [sessionId] }),
    });
    setSaving(false);
    if (result.ok) send({ type: 'debrief-done', entryId: result.value.id, pleasantness: chosen?.pleasantness ?? null });
    else setProblem(result.message);
  };

  return (
    <form className="check-step" onSubmit={(event) => void save(event)}>
      <StepHeading>{WORDS.heading}</StepHeading>
      <fieldset className="debrief-scale">
        <legend>{WORDS.scaleLegend}</legend>
        {DEBRIEF_SCALE.map((option, index) => (
          <label key={option.label}>
            <input type="radio" name={`${id}-scale`} checked={scale === index} onChange={() => setScale(index)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-text`}>{WORDS.noteLabel}</label>
      <textarea id={`${id}-text`} rows={4} value={text} onChange={(event) => setText(event.target.value)} maxLength={5000} />
      <p className="check-problem" role="status">
        {problem ?? ''}
      </p>
      <div className="check-actions">
        <button type="submit" className="button" disabled={saving}>
          {WORDS.save}
        </button>
        <button type="button" className="button button-quiet" onClick={() => send({ type: 'debrief-done' })}>
          {WORDS.skip}
        </button>
      </div>
    </form>
  );
}
