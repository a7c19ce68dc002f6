import { useId, useState } from 'react';
import { BODY_CUE_GROUPS, BODY_CUES } from '../../../shared/content/body-cues.ts';
import { emotionById, emotionGrid, PLEASANTNESS_STEPS } from '../../../shared/content/emotions.ts';
import { JOURNAL_TAG_MAX_CHARS } from '../../../shared/model/journal.ts';
import { useRovingFocus } from './roving-focus.ts';

// The optional structure of an entry: how it felt (a seven-step scale), words for it (the
// energy × pleasantness grid, each word with its one-line meaning), tags and body cues.
// The scale, the words, the cues and the tag suggestions are each one Tab stop, moved
// through with the arrow keys (roving-focus.ts), so Save is a few Tab presses away.

export function PleasantnessScale({ value, onChange }: { value: number | null; onChange: (value: number | null) => void }) {
  const name = useId();
  const stopIndex = Math.max(0, PLEASANTNESS_STEPS.findIndex((step) => step.value === value));
  return (
    <fieldset className="field journal-fieldset">
      <legend className="field-label">How did it feel, overall?</legend>
      <p className="field-hint">From very hard (1) to very good (7). Optional.</p>
      <div className="pleasantness-scale">
        {PLEASANTNESS_STEPS.map((step, index) => (
          <label key={step.value} className="pleasantness-step">
            {/* One Tab stop, as browsers make a radio group; said here so every runtime agrees. */}
            <input
              type="radio"
              name={name}
              value={step.value}
              checked={value === step.value}
              tabIndex={index === stopIndex ? 0 : -1}
              onChange={() => onChange(step.value)}
            />
            <span className="pleasantness-number" aria-hidden="true">
              {step.value}
            </span>
            <span className="pleasantness-label">{step.label}</span>
          </label>
        ))}
      </div>
      {value !== null && (
        <button type="button" className="button button-quiet button-small" onClick={() => onChange(null)}>
          Clear the rating
        </button>
      )}
    </fieldset>
  );
}

export function EmotionPicker({ selected, onChange }: { selected: readonly string[]; onChange: (ids: string[]) => void }) {
  const [explained, setExplained] = useState<string | null>(null);
  const idBase = useId();
  const grid = emotionGrid();
  const words = grid.flatMap((quadrant) => quadrant.words);
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  const roving = useRovingFocus(words.length, Math.max(0, words.findIndex((w) => selected.includes(w.id))), (index) => toggle(words[index]!.id));
  const shown = explained ? emotionById(explained) : null;
  return (
    <fieldset className="field journal-fieldset" aria-describedby={`${idBase}-hint`} {...roving.containerProps}>
      <legend className="field-label">Words for it</legend>
      <p id={`${idBase}-hint`} className="field-hint">
        Pick any that fit. Up is more energy, left is less pleasant. Arrow keys move between the words; Space picks one.
      </p>
      <div className="emotion-grid">
        {grid.map((quadrant) => (
          <div key={`${quadrant.energy}-${quadrant.feel}`} className={`emotion-quadrant emotion-${quadrant.energy}-${quadrant.feel}`} role="group" aria-label={quadrant.label}>
            <p className="emotion-quadrant-label" aria-hidden="true">
              {quadrant.label}
            </p>
            <div className="emotion-words">
              {quadrant.words.map((word) => (
                <button
                  key={word.id}
                  type="button"
                  className="chip"
                  aria-pressed={selected.includes(word.id)}
                  aria-describedby={`${idBase}-${word.id}`}
                  {...roving.itemProps(words.indexOf(word))}
                  onClick={() => toggle(word.id)}
                  onFocus={() => setExplained(word.id)}
                  onMouseEnter={() => setExplained(word.id)}
                >
                  {word.word}
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
      <div className="visually-hidden">
        {words.map((word) => (
          <span key={word.id} id={`${idBase}-${word.id}`}>
            {word.definition}
          </span>
        ))}
      </div>
      <p className="emotion-definition" aria-hidden="true">
        {shown ? (
          <>
            <strong>{shown.word}:</strong> {shown.definition}
          </>
        ) : (
          'Point at or move to a word to see what it means.'
        )}
      </p>
    </fieldset>
  );
}

export function TagEditor({
  tags,
  onChange,
  suggestions,
  error,
}: {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  suggestions: readonly string[];
  error: string | null;
}) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { input: useId(), list: useId(), hint: useId(), error: useId() };
  const has = (tag: string) => tags.some((t) => t.toLowerCase() === tag.toLowerCase());
  const add = (raw: string) => {
    const tag = raw.trim();
    if (!tag) return;
    if (tag.length > JOURNAL_TAG_MAX_CHARS) {
      setProblem(`A tag can be up to ${JOURNAL_TAG_MAX_CHARS} characters.`);
      return;
    }
    setProblem(null);
    if (!has(tag)) onChange([...tags, tag]);
    setDraft('');
  };
  const shownError = problem ?? error;
  const quick = suggestions.slice(0, 6).filter((tag) => !has(tag));
  const roving = useRovingFocus(quick.length, 0);
  return (
    <div className="field" data-invalid={shownError ? 'true' : undefined}>
      <label htmlFor={ids.input} className="field-label">
        Tags
      </label>
      <p id={ids.hint} className="field-hint">
        Who or what it was about, in your own words. Press Enter to add.
      </p>
      {tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags on this entry">
          {tags.map((tag) => (
            <li key={tag} className="tag">
              {tag}
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tag-input-row">
        <input
          id={ids.input}
          className="control"
          list={ids.list}
          value={draft}
          aria-describedby={shownError ? `${ids.hint} ${ids.error}` : ids.hint}
          aria-invalid={shownError ? true : undefined}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add(draft);
            }
          }}
        />
        <button type="button" className="button button-quiet" onClick={() => add(draft)}>
          Add tag
        </button>
      </div>
      <datalist id={ids.list}>
        {suggestions.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      {quick.length > 0 && (
        <div className="tag-suggestions" role="group" aria-label="Tags you have used" {...roving.containerProps}>
          {quick.map((tag, index) => (
            <button key={tag} type="button" className="chip" {...roving.itemProps(index)} onClick={() => add(tag)}>
              + {tag}
            </button>
          ))}
        </div>
      )}
      {shownError && (
        <p id={ids.error} className="field-error">
          {shownError}
        </p>
      )}
    </div>
  );
}

export function CuePicker({ selected, onChange }: { selected: readonly string[]; onChange: (ids: string[]) => void }) {
  const hintId = useId();
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  // In the order shown: a group at a time.
  const cues = BODY_CUE_GROUPS.flatMap((group) => BODY_CUES.filter((cue) => cue.whose === group.whose));
  const roving = useRovingFocus(cues.length, Math.max(0, cues.findIndex((cue) => selected.includes(cue.id))), (index) => toggle(cues[index]!.id));
  return (
    <fieldset className="field journal-fieldset" aria-describedby={hintId} {...roving.containerProps}>
      <legend className="field-label">Cues you noticed</legend>
      <p id={hintId} className="field-hint">
        What bodies did, yours and theirs. Just what you noticed, no labels. Arrow keys move between them; Space ticks one.
      </p>
      <div className="cue-groups">
        {BODY_CUE_GROUPS.map((group) => (
          <div key={group.whose} role="group" aria-label={group.label} className="cue-group">
            <p className="cue-group-label" aria-hidden="true">
              {group.label}
            </p>
            {cues
              .filter((cue) => cue.whose === group.whose)
              .map((cue) => (
                <label key={cue.id} className="field-toggle cue">
                  <input type="checkbox" className="checkbox" checked={selected.includes(cue.id)} {...roving.itemProps(cues.indexOf(cue))} onChange={() => toggle(cue.id)} />
                  <span>{cue.label}</span>
                </label>
              ))}
          </div>
        ))}
      </div>
    </fieldset>
  );
}
