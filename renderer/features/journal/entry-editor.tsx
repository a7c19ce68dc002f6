import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { JOURNAL_PROMPTS, promptById, promptOfTheDay, promptsByTheme } from '../../../shared/content/journal-prompts.ts';
import { civilDateOf } from '../../../shared/time/civil-date.ts';
import { knownTags } from '../../../shared/journal/entry-filter.ts';
import { JOURNAL_TEXT_MAX_CHARS, JOURNAL_TITLE_MAX_CHARS, type JournalEntry } from '../../../shared/model/journal.ts';
import { useDataClient } from '../../app/data-client.ts';
import { createLifetime } from '../../app/lifetime.ts';
import { CuePicker, EmotionPicker, PleasantnessScale, TagEditor } from './entry-fields.tsx';
import { parseLocalDateTime, toLocalInput, validateEntry, type EntryErrors } from './entry-validation.ts';
import { KIND_LABELS, useFreshJournalList, useJournalData } from './journal-data.tsx';
import { goTo, type NewEntryOptions } from './journal-path.ts';
import { EntrySessions, linkedSessionsAtOpen, type LinkedSessionInfo } from './entry-sessions.tsx';
import { ProblemAlert } from './page-parts.tsx';

// Writing or changing an entry. Only the words (or a feeling) are needed; everything else
// is there if it helps. A new entry written within half an hour of a session's end is
// linked to it straight away, and says so, with a way to undo that (entry-sessions.tsx).
// The title, the moment, the kind and the prompt sit behind one "More details" button
// (they have good defaults, and the moment alone is six Tab stops in Chromium), which
// shows what they hold while closed and opens itself when one of them needs a look.

const EDITOR_KINDS = ['reflection', 'debrief', 'prompt'] as const;

type Props = { mode: 'new'; options: NewEntryOptions; nowMs?: () => number } | { mode: 'edit'; entry: JournalEntry; nowMs?: () => number };

export function EntryEditor(props: Props) {
  const data = useDataClient();
  const now = props.nowMs ?? Date.now;
  const { list, put, draftSeed, giveDraft } = useJournalData();
  useFreshJournalList(); // for the tags already in use
  const existing = props.mode === 'edit' ? props.entry : null;
  const initialPrompt = props.mode === 'new' ? promptById(props.options.promptId)?.id ?? '' : existing?.promptId ?? '';
  const [openedAtMs] = useState(() => now());
  const [todaysPrompt] = useState(() => promptOfTheDay(civilDateOf(openedAtMs)));

  // What the quick entry on the list had, when "Add more" brought the person here.
  // Read while rendering, forgotten once shown (so a later "Write an entry" starts empty).
  const [seed] = useState(() => (props.mode === 'new' ? draftSeed() : null));
  useEffect(() => giveDraft(null), [giveDraft]);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [text, setText] = useState(existing?.text ?? seed?.text ?? '');
  const [whenLocal, setWhenLocal] = useState(() => toLocalInput(existing?.createdAtMs ?? openedAtMs));
  const [kind, setKind] = useState<string>(
    existing?.kind ?? (props.mode === 'new' ? (props.options.kind ?? (props.options.sessionId ? 'debrief' : initialPrompt ? 'prompt' : 'reflection')) : 'reflection'),
  );
  const [promptId, setPromptId] = useState(initialPrompt);
  const [pleasantness, setPleasantness] = useState<number | null>(existing?.pleasantness ?? null);
  const [emotions, setEmotions] = useState<string[]>(existing?.emotions ?? seed?.emotions ?? []);
  const [tags, setTags] = useState<string[]>(existing?.tags ?? []);
  const [cues, setCues] = useState<string[]>(existing?.cues ?? []);
  const [sessions, setSessions] = useState<LinkedSessionInfo[]>(() => (existing?.sessionIds ?? []).map((id) => ({ id, label: 'A session', auto: false })));
  const [errors, setErrors] = useState<EntryErrors>({});
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);
  const ids = { title: useId(), text: useId(), textHint: useId(), textError: useId(), when: useId(), whenError: useId(), kind: useId(), prompt: useId(), details: useId() };
  const textRef = useRef<HTMLTextAreaElement>(null);
  const whenRef = useRef<HTMLInputElement>(null);

  const suggestions = useMemo(() => knownTags(list.status === 'ready' ? list.entries : []), [list]);

  // Names of sessions already linked (edit), the one asked for (from a session), or the one
  // just finished (auto-link), read once per entry opened.
  useEffect(() => {
    const ask = createLifetime();
    const wanted = props.mode === 'new' ? (props.options.sessionId ?? null) : null;
    void ask.guard(linkedSessionsAtOpen(data, existing?.sessionIds ?? null, wanted, openedAtMs)).then((found) => {
      if (found === null) return;
      if (!found.autoLinked) {
        setSessions(found.links);
        return;
      }
      setSessions((current) => (current.length > 0 ? current : found.links));
      setKind((current) => (current === 'reflection' ? 'debrief' : current));
    });
    return () => ask.end();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, existing?.id]);

  const whenMs = parseLocalDateTime(whenLocal) ?? openedAtMs;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveProblem(null);
    const checked = validateEntry({ title, text, whenLocal, pleasantness, emotions, tags }, now());
    setErrors(checked.errors);
    if (checked.errors.when) {
      // Inside "More details": open it, then move to the field once it is in the page.
      flushSync(() => setDetailsOpen(true));
      whenRef.current?.focus();
      return;
    }
    if (checked.errors.text) {
      textRef.current?.focus();
      return;
    }
    if (Object.keys(checked.errors).length > 0 || checked.createdAtMs === null) return;
    setSaving(true);
    const fields = {
      title: title.trim(),
      text,
      kind: kind as JournalEntry['kind'],
      promptId: promptId || null,
      pleasantness,
      emotions,
      tags,
      cues,
    };
    const result = existing
      ? await data.call('journal.update', { id: existing.id, expectedRevision: existing.revision, patch: { ...fields, createdAtMs: checked.createdAtMs } })
      : await data.call('journal.create', { ...fields, sessionIds: sessions.map((s) => s.id), createdAtMs: checked.createdAtMs });
    setSaving(false);
    if (!result.ok) {
      setSaveProblem(result.code === 'conflict' ? 'This entry was changed in the meantime. Go back to it to see the newest version, then edit again.' : `Your entry was not saved: ${result.message}`);
      return;
    }
    put(result.value);
    goTo({ view: 'entry', id: result.value.id });
  };

  const cancel = () => goTo(existing ? { view: 'entry', id: existing.id } : { view: 'list' });
  const prompt = promptById(promptId);
  const kinds = EDITOR_KINDS.includes(kind as (typeof EDITOR_KINDS)[number]) ? EDITOR_KINDS : [...EDITOR_KINDS, kind];

  return (
    <form className="journal-editor" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${ids.title}-heading`}>
      <h2 id={`${ids.title}-heading`} className="journal-view-title">
        {existing ? 'Edit entry' : 'New entry'}
      </h2>

      {prompt ? (
        <blockquote className="journal-prompt-quote">
          <p>{prompt.text}</p>
        </blockquote>
      ) : (
        !existing && (
          <div className="journal-prompt-offer">
            <p>
              <span className="journal-prompt-offer-label">Need a starting point? Today’s prompt:</span> {todaysPrompt.text}
            </p>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => {
                setPromptId(todaysPrompt.id);
                if (kind === 'reflection') setKind('prompt');
                textRef.current?.focus();
              }}
            >
              Answer this prompt
            </button>
          </div>
        )
      )}

      <div className="field" data-invalid={errors.text ? 'true' : undefined}>
        <label htmlFor={ids.text} className="field-label">
          {prompt ? 'Your answer' : 'What happened, and what did you notice?'}
        </label>
        <p id={ids.textHint} className="field-hint">
          Blank lines start a new paragraph. *Stars* give emphasis, **two** make it strong, and lines starting with “- ” or “1. ” become a list.
        </p>
        <textarea
          ref={textRef}
          id={ids.text}
          // Where a keyboard starts when the form opens: the words, then Tab to the rest.
          autoFocus
          className="control journal-textarea"
          rows={8}
          value={text}
          maxLength={JOURNAL_TEXT_MAX_CHARS}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errors.text ? `${ids.textHint} ${ids.textError}` : ids.textHint}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {errors.text && (
          <p id={ids.textError} className="field-error">
            {errors.text}
          </p>
        )}
      </div>

      <PleasantnessScale value={pleasantness} onChange={setPleasantness} />
      <EmotionPicker selected={emotions} onChange={setEmotions} />
      <TagEditor tags={tags} onChange={setTags} suggestions={suggestions} error={errors.tags ?? null} />
      <CuePicker selected={cues} onChange={setCues} />

      <div className="journal-details">
        <button
          type="button"
          className="button button-quiet journal-details-toggle"
          aria-expanded={detailsOpen}
          aria-controls={ids.details}
          aria-describedby={`${ids.details}-summary`}
          onClick={() => setDetailsOpen((open) => !open)}
        >
          {detailsOpen ? 'Fewer details' : 'More details'}
        </button>
        <span id={`${ids.details}-summary`} className="journal-details-summary">{detailsSummary(title, whenMs, kind, promptId)}</span>
        <div id={ids.details} className="journal-details-fields" hidden={!detailsOpen}>
          {detailsOpen && (
            <>
              <div className="field">
                <label htmlFor={ids.title} className="field-label">
                  Title <span className="field-optional">(optional)</span>
                </label>
                <input id={ids.title} className="control" value={title} maxLength={JOURNAL_TITLE_MAX_CHARS} onChange={(event) => setTitle(event.currentTarget.value)} />
              </div>

              <div className="journal-editor-row">
                <div className="field" data-invalid={errors.when ? 'true' : undefined}>
                  <label htmlFor={ids.when} className="field-label">
                    When it happened
                  </label>
                  <input
                    ref={whenRef}
                    id={ids.when}
                    className="control"
                    type="datetime-local"
                    value={whenLocal}
                    max={toLocalInput(now())}
                    aria-invalid={errors.when ? true : undefined}
                    aria-describedby={errors.when ? ids.whenError : undefined}
                    onChange={(event) => setWhenLocal(event.currentTarget.value)}
                  />
                  {errors.when && (
                    <p id={ids.whenError} className="field-error">
                      {errors.when}
                    </p>
                  )}
                </div>
                <div className="field">
                  <label htmlFor={ids.kind} className="field-label">
                    Kind
                  </label>
                  <select id={ids.kind} className="control" value={kind} onChange={(event) => setKind(event.currentTarget.value)}>
                    {kinds.map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABELS[k] ?? k}
                      </option>
                    ))}
                  </select>
                </div>
              </div>

              <div className="field">
                <label htmlFor={ids.prompt} className="field-label">
                  Prompt it answers <span className="field-optional">(optional)</span>
                </label>
                <select
                  id={ids.prompt}
                  className="control journal-prompt-select"
                  value={promptId}
                  onChange={(event) => {
                    const next = event.currentTarget.value;
                    setPromptId(next);
                    if (next && kind === 'reflection') setKind('prompt');
                  }}
                >
                  <option value="">No prompt</option>
                  {promptsByTheme().map((group) => (
                    <optgroup key={group.theme} label={group.label}>
                      {group.prompts.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.text}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                  {promptId && !JOURNAL_PROMPTS.some((p) => p.id === promptId) && <option value={promptId}>A prompt no longer in the library</option>}
                </select>
              </div>
            </>
          )}
        </div>
      </div>

      {!existing && <EntrySessions sessions={sessions} atMs={whenMs} onChange={setSessions} />}

      <ProblemAlert problem={saveProblem} />
      <div className="button-row">
        <button type="submit" className="button" disabled={saving}>
          {saving ? 'Saving…' : existing ? 'Save changes' : 'Save entry'}
        </button>
        <button type="button" className="button button-quiet" onClick={cancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const shortDateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });

/** What "More details" holds, said while it is closed: "No title · 2 Dec, 21:30 · Reflection". */
function detailsSummary(title: string, whenMs: number, kind: string, promptId: string): string {
  const parts = [title.trim() ? `“${title.trim()}”` : 'No title', shortDateTime.format(whenMs), KIND_LABELS[kind] ?? kind];
  if (promptId) parts.push('answers a prompt');
  return parts.join(' · ');
}
