import { sessionToAutoLink } from '../../../shared/journal/session-pairing.ts';
import type { DataClient } from '../../app/data-client.ts';
import { LinkSession } from './session-picker.tsx';
import { sessionTitle } from './session-physiology.tsx';

// The entry form's sessions: named once when the form opens (an entry's own links, the session
// it was written from, or one that ended within half an hour, which the form says was linked
// for you), and for a new entry the list of them, each with Unlink, and a way to link others.

export type LinkedSessionInfo = { id: string; label: string; auto: boolean };

const UNREADABLE_SESSION = 'A session that could not be read';

/**
 * The sessions an entry starts out linked to, named from the session list (summaries only,
 * never the beats): the entry's own links, the session it was written from, or the one that
 * just ended. null when there is nothing to link.
 */
export async function linkedSessionsAtOpen(
  data: DataClient,
  existingIds: readonly string[] | null,
  wanted: string | null,
  openedAtMs: number,
): Promise<{ links: LinkedSessionInfo[]; autoLinked: boolean } | null> {
  const result = await data.call('session.list', { fromMs: 0, toMs: openedAtMs + 24 * 3600_000 });
  const known = new Map(result.ok ? result.value.map((session) => [session.id, session]) : []);
  const named = (id: string): LinkedSessionInfo => {
    const session = known.get(id);
    return { id, label: session ? sessionTitle(session) : UNREADABLE_SESSION, auto: false };
  };
  if (existingIds !== null) return { links: existingIds.map(named), autoLinked: false };
  if (wanted !== null) return known.has(wanted) ? { links: [named(wanted)], autoLinked: false } : null;
  if (!result.ok) return null;
  const justBefore = sessionToAutoLink(result.value, openedAtMs);
  return justBefore ? { links: [{ id: justBefore.id, label: sessionTitle(justBefore), auto: true }], autoLinked: true } : null;
}

export function EntrySessions({ sessions, atMs, onChange }: { sessions: readonly LinkedSessionInfo[]; atMs: number; onChange: (sessions: LinkedSessionInfo[]) => void }) {
  return (
    <fieldset className="field journal-fieldset">
      <legend className="field-label">Session</legend>
      {sessions.length === 0 && <p className="field-hint">Not linked to a session.</p>}
      {sessions.length > 0 && (
        <ul className="linked-list">
          {sessions.map((session) => (
            <li key={session.id}>
              <span>
                {session.auto ? 'Linked to the session you just finished: ' : 'Linked to '}
                {session.label}
              </span>
              <button type="button" className="button button-quiet button-small" onClick={() => onChange(sessions.filter((s) => s.id !== session.id))}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      <LinkSession atMs={atMs} linkedIds={sessions.map((s) => s.id)} onPick={(picked) => onChange([...sessions, { id: picked.id, label: sessionTitle(picked), auto: false }])} />
    </fieldset>
  );
}
