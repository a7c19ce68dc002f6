import type { JournalEntry } from '../../../shared/model/journal.ts';
import type { DataResult } from '../../app/data-client.ts';
import { useIpcLoad } from '../../app/ipc-query.ts';
import { entryLabel, formatDateTime, KIND_LABELS } from './journal-data.tsx';
import { JournalLink } from './journal-link.tsx';
import { newEntryPath } from './journal-path.ts';
import { SessionPhysiology, sessionTitle, useSessionDetail } from './session-physiology.tsx';
import { RecordPage } from './page-parts.tsx';

// A session with the entries written about it, and a way to write another.

export function SessionView({ id }: { id: string }) {
  const state = useSessionDetail(id);
  const linkedIds = state.status === 'ready' ? state.value.journalEntryIds : [];
  // The ids, not the detail object, decide whether to read the entries again.
  const linked = useIpcLoad(
    async (data): Promise<DataResult<JournalEntry[]>> => {
      const results = await Promise.all(linkedIds.map((entryId) => data.call('journal.get', { id: entryId })));
      return { ok: true, value: results.flatMap((r) => (r.ok ? [r.value] : [])).sort((a, b) => b.createdAtMs - a.createdAtMs) };
    },
    linkedIds.join(','),
    { enabled: state.status === 'ready' },
  );
  const entries = linked.status === 'ready' ? linked.value : null;

  if (state.status === 'loading') return <p className="journal-count">Opening the session…</p>;
  if (state.status === 'failed')
    return (
      <div>
        <p className="journal-count" role="status">
          {state.message}
        </p>
        <JournalLink to={{ view: 'list' }}>Back to the journal</JournalLink>
      </div>
    );
  const { session } = state.value;
  return (
    <RecordPage className="journal-session" titleId="journal-session-title" title={sessionTitle(session)}>
      <SessionPhysiology detail={state.value} />
      <section aria-labelledby="journal-session-entries">
        <h3 id="journal-session-entries" className="journal-subheading">
          Entries about this session
        </h3>
        {entries === null && <p className="field-hint">Reading entries…</p>}
        {entries !== null && entries.length === 0 && <p className="field-hint">Nothing written about this session yet.</p>}
        {entries !== null && entries.length > 0 && (
          <ul className="plain-list session-entry-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <JournalLink to={{ view: 'entry', id: entry.id }}>{entryLabel(entry)}</JournalLink>
                <span className="journal-row-meta">
                  {' '}
                  · {formatDateTime(entry.createdAtMs)} · {KIND_LABELS[entry.kind] ?? entry.kind}
                </span>
              </li>
            ))}
          </ul>
        )}
        <JournalLink className="button" to={newEntryPath({ sessionId: session.id, kind: 'debrief' })}>
          Write about this session
        </JournalLink>
      </section>
    </RecordPage>
  );
}
