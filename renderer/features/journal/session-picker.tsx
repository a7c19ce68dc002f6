import { useId, useMemo, useState } from 'react';
import { suggestionQueryRange, suggestSessions } from '../../../shared/journal/session-pairing.ts';
import type { SessionListItem } from '../../../shared/model/session.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { sessionLine } from './session-physiology.tsx';

// "Link a session": a button that opens, in its place, the sessions within six hours of the
// entry's moment, nearest first; picking one or closing the list brings the button back.

type Suggestion = SessionListItem & { distanceMs: number };

function SessionPicker({ atMs, linkedIds, onPick, onClose }: { atMs: number; linkedIds: readonly string[]; onPick: (session: SessionListItem) => void; onClose: () => void }) {
  const headingId = useId();
  const near = useIpcQuery('session.list', suggestionQueryRange(atMs));
  const suggestions = useMemo<Suggestion[]>(
    () => (near.status === 'ready' ? suggestSessions(near.value, atMs, { excludeIds: linkedIds }) : []),
    [near, atMs, linkedIds],
  );
  const state = near.status === 'ready' ? { status: 'ready' as const, sessions: suggestions } : near;

  return (
    <section className="session-picker" aria-labelledby={headingId}>
      <h3 id={headingId} className="journal-subheading">
        Sessions near this moment
      </h3>
      {state.status === 'loading' && <p className="field-hint">Looking for sessions…</p>}
      {state.status === 'failed' && <p className="field-error">{state.message}</p>}
      {state.status === 'ready' && state.sessions.length === 0 && <p className="field-hint">No sessions within six hours of this moment.</p>}
      {state.status === 'ready' && state.sessions.length > 0 && (
        <ul className="session-suggestions">
          {state.sessions.map((session) => (
            <li key={session.id}>
              <span>{sessionLine(session, session.distanceMs, atMs)}</span>
              <button type="button" className="button button-quiet button-small" onClick={() => onPick(session)}>
                Link
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet button-small" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

export function LinkSession({ atMs, linkedIds, onPick }: { atMs: number; linkedIds: readonly string[]; onPick: (session: SessionListItem) => void }) {
  const [picking, setPicking] = useState(false);
  return picking ? (
    <SessionPicker
      atMs={atMs}
      linkedIds={linkedIds}
      onPick={(session) => {
        setPicking(false);
        onPick(session);
      }}
      onClose={() => setPicking(false)}
    />
  ) : (
    <button type="button" className="button button-quiet" onClick={() => setPicking(true)}>
      Link a session
    </button>
  );
}
