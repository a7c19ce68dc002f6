import { useCallback, useState } from 'react';
import { BODY_CUE_GROUPS, BODY_CUES, bodyCueLabel } from '../../../shared/content/body-cues.ts';
import { emotionById, pleasantnessLabel } from '../../../shared/content/emotions.ts';
import { promptById } from '../../../shared/content/journal-prompts.ts';
import { REPAIR_STEPS } from '../../../shared/content/repair-steps.ts';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import { useDataClient, type DataResult } from '../../app/data-client.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { EntryEditor } from './entry-editor.tsx';
import { FormattedText } from './formatted-text.tsx';
import { entryLabel, formatDateTime, KIND_LABELS, useJournalData } from './journal-data.tsx';
import { JournalLink } from './journal-link.tsx';
import { goTo } from './journal-path.ts';
import { LinkSession } from './session-picker.tsx';
import { LinkedSession } from './session-physiology.tsx';
import { ProblemAlert, RecordPage } from './page-parts.tsx';
import { SignsRatings, signsNotes } from './signs-ratings.tsx';

// One entry: what was written (light formatting, safely rendered), how it felt, the cues,
// and each linked session's body: heart-rate line, peak, calm-down time, breathing.

type EntryState = { status: 'loading' } | { status: 'ready'; entry: JournalEntry } | { status: 'failed'; message: string };

export function useEntry(id: string): [EntryState, (entry: JournalEntry) => void] {
  const loaded = useIpcQuery('journal.get', { id });
  const { update } = loaded;
  const replace = useCallback((entry: JournalEntry) => update(() => entry), [update]);
  const state: EntryState =
    loaded.status === 'ready'
      ? { status: 'ready', entry: loaded.value }
      : loaded.status === 'failed'
        ? { status: 'failed', message: loaded.code === 'not-found' ? 'This entry is not in your journal any more.' : loaded.message }
        : loaded;
  return [state, replace];
}

export function EntryEditScreen({ id }: { id: string }) {
  const [state] = useEntry(id);
  if (state.status === 'loading') return <p className="journal-count">Opening the entry…</p>;
  if (state.status === 'failed') return <Missing message={state.message} />;
  return <EntryEditor mode="edit" entry={state.entry} />;
}

function Missing({ message }: { message: string }) {
  return (
    <div>
      <p className="journal-count" role="status">
        {message}
      </p>
      <JournalLink to={{ view: 'list' }}>Back to the journal</JournalLink>
    </div>
  );
}

/** The ticked cues, a row per whose body (your partner's, yours); cues no longer in the list keep a row of their own. */
function cueRows(cues: readonly string[]): { label: string; cues: string[] }[] {
  const whose = new Map(BODY_CUES.map((cue) => [cue.id, cue.whose]));
  const rows = BODY_CUE_GROUPS.map((group) => ({ label: group.label, cues: cues.filter((id) => whose.get(id) === group.whose) }));
  rows.push({ label: 'Cues noticed', cues: cues.filter((id) => !whose.has(id)) });
  return rows.filter((row) => row.cues.length > 0);
}

export function EntryView({ id }: { id: string }) {
  const data = useDataClient();
  const { put, setTrashed } = useJournalData();
  const [state, replace] = useEntry(id);
  const [problem, setProblem] = useState<string | null>(null);

  if (state.status === 'loading') return <p className="journal-count">Opening the entry…</p>;
  if (state.status === 'failed') return <Missing message={state.message} />;
  const { entry } = state;

  const change = async (run: () => Promise<DataResult<JournalEntry>>) => {
    setProblem(null);
    const result = await run();
    if (result.ok) {
      replace(result.value);
      put(result.value);
    } else setProblem(result.message);
  };

  const remove = async () => {
    const result = await data.call('journal.delete', { id: entry.id });
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setTrashed({ id: entry.id, label: entryLabel(entry) });
    put(result.value);
    goTo({ view: 'list' });
  };

  const prompt = promptById(entry.promptId);
  const pleasant = pleasantnessLabel(entry.pleasantness);
  const emotions = (entry.emotions ?? []).map((e) => emotionById(e)).filter((e) => e !== null);
  const repairSteps = entry.repair?.steps.filter((step) => step.text.trim()) ?? [];
  const words = signsNotes(entry.text, entry.signsRating);

  return (
    <RecordPage className="journal-entry" titleId="journal-entry-title" title={entryLabel(entry)}>
      <p className="journal-entry-meta">
        {formatDateTime(entry.createdAtMs)} · {KIND_LABELS[entry.kind] ?? entry.kind}
        {entry.tags.length > 0 && ` · ${entry.tags.join(', ')}`}
      </p>

      {prompt && (
        <blockquote className="journal-prompt-quote">
          <p>{prompt.text}</p>
        </blockquote>
      )}

      {repairSteps.length > 0 ? (
        <ol className="repair-record">
          {repairSteps.map((step) => (
            <li key={step.stepId}>
              <h3 className="journal-subheading">{REPAIR_STEPS.find((s) => s.id === step.stepId)?.name ?? step.stepId}</h3>
              <FormattedText text={step.text} />
            </li>
          ))}
        </ol>
      ) : (
        words.trim() && <FormattedText text={words} />
      )}

      <SignsRatings rating={entry.signsRating} />

      {(pleasant || emotions.length > 0 || entry.cues.length > 0 || entry.repair) && (
        <dl className="facts journal-structure">
          {pleasant && (
            <div>
              <dt>How it felt</dt>
              <dd>
                {pleasant} ({entry.pleasantness} of 7)
              </dd>
            </div>
          )}
          {emotions.length > 0 && (
            <div>
              <dt>Words for it</dt>
              <dd>
                <ul className="plain-list">
                  {emotions.map((e) => (
                    <li key={e.id}>
                      <strong>{e.word}</strong>: {e.definition}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {cueRows(entry.cues).map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.cues.map(bodyCueLabel).join(', ')}</dd>
            </div>
          ))}
          {entry.repair && (
            <div>
              <dt>Heart rate</dt>
              <dd>
                {entry.repair.hrBeforeBpm !== null ? `${Math.round(entry.repair.hrBeforeBpm)} bpm before` : 'Not measured before'}
                {', '}
                {entry.repair.hrAfterBpm !== null ? `${Math.round(entry.repair.hrAfterBpm)} bpm after` : 'not measured after'}
                {entry.repair.wentOnBeforeCalm ? ' (you chose to go on before it settled)' : ''}
              </dd>
            </div>
          )}
          {entry.repair?.agreementId && (
            <div>
              <dt>Agreement for next time</dt>
              <dd>
                <JournalLink to={{ view: 'agreements', id: entry.repair.agreementId }}>See the agreement</JournalLink>
              </dd>
            </div>
          )}
        </dl>
      )}

      <section className="journal-sessions" aria-labelledby="journal-entry-sessions">
        <h3 id="journal-entry-sessions" className="journal-subheading">
          {entry.sessionIds.length === 1 ? 'Linked session' : entry.sessionIds.length > 1 ? 'Linked sessions' : 'Session'}
        </h3>
        {entry.sessionIds.length === 0 && <p className="field-hint">Not linked to a session.</p>}
        {entry.sessionIds.length > 0 && (
          <ul className="linked-sessions">
            {entry.sessionIds.map((sessionId) => (
              <LinkedSession key={sessionId} sessionId={sessionId} onUnlink={() => void change(() => data.call('journal.unlink', { entryId: entry.id, sessionId }))} />
            ))}
          </ul>
        )}
        <LinkSession
          atMs={entry.createdAtMs}
          linkedIds={entry.sessionIds}
          onPick={(session) => void change(() => data.call('journal.link', { entryId: entry.id, sessionId: session.id }))}
        />
      </section>

      <ProblemAlert problem={problem} />
      <div className="button-row">
        <JournalLink className="button" to={{ view: 'edit', id: entry.id }}>
          Edit
        </JournalLink>
        <button type="button" className="button button-quiet" onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </RecordPage>
  );
}
