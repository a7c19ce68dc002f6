import { useId } from 'react';
import type { CheckFeeling } from '../../../shared/check/feeling.ts';
import { FEELING_WORDS } from '../../../shared/content/check-steps-copy.ts';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import type { SessionSummary } from '../../../shared/model/session.ts';
import { journalExcerpt } from '../../../shared/journal/list-item.ts';
import { finalVerdict, verdictWords, type PhaseBand, type SessionMoment } from '../../../shared/trends/session-detail.ts';
import { formatSeconds } from '../../../shared/trends/aggregate.ts';
import type { DataResult } from '../../app/data-client.ts';
import { useIpcLoad } from '../../app/ipc-query.ts';
import { journalHash, newEntryPath } from '../journal/journal-path.ts';
import { formatWhen } from './charts.tsx';
import { MOMENT_STYLE, clock } from './session-chart.tsx';

// What happened in a session, in words: the check's verdict and why, every flooding cue,
// break and verdict the charts mark (a list a screen reader reads, which also keys the
// charts' shapes), and the journal entries written about it.

/**
 * The verdict the session ended on, in the check's words; earlier ones named after it; and
 * how the person said it felt inside, when they answered the check's question.
 */
export function SessionVerdict({
  moments,
  signal,
  feeling = null,
}: {
  moments: readonly SessionMoment[];
  signal: SessionSummary['signal'] | null;
  feeling?: CheckFeeling | null;
}) {
  const headingId = useId();
  const last = finalVerdict(moments);
  if (last === null) return null;
  const words = verdictWords(last.verdict, signal);
  const earlier = moments.filter((m): m is Extract<SessionMoment, { kind: 'verdict' }> => m.kind === 'verdict' && m !== last);
  return (
    <section className="trend-card session-verdict" aria-labelledby={headingId} data-verdict={last.verdict}>
      <h2 id={headingId}>What the check said</h2>
      <p className="session-verdict-heading">
        <strong>{words.heading}</strong> <span className="field-hint">at {clock(last.atSec)}</span>
      </p>
      <p>{words.reason}</p>
      {feeling !== null && <p data-testid="session-feeling">{FEELING_WORDS.told[feeling]}</p>}
      {earlier.length > 0 && (
        <p className="field-hint">
          Before that: {earlier.map((m) => `${verdictWords(m.verdict, signal).heading.toLowerCase()} at ${clock(m.atSec)}`).join('; ')}.
        </p>
      )}
    </section>
  );
}

/** One line per moment, in time order, with the shape the charts draw it with. */
export function SessionMoments({ moments }: { moments: readonly SessionMoment[] }) {
  const headingId = useId();
  if (moments.length === 0) return null;
  return (
    <div className="session-moments">
      <h3 id={headingId}>Marked on the charts</h3>
      <ul aria-labelledby={headingId}>
        {moments.map((moment, i) => (
          <li key={`${moment.kind}-${i}`} data-moment={moment.kind}>
            <MomentIcon kind={moment.kind} />
            {momentWords(moment)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function momentWords(moment: SessionMoment): string {
  switch (moment.kind) {
    case 'flood-cue':
      return `Flooding cue at ${clock(moment.atSec)}`;
    case 'break':
      return `Break from ${clock(moment.atSec)} to ${clock(moment.endSec)} (${formatSeconds(moment.endSec - moment.atSec)})`;
    case 'verdict':
      return `Verdict at ${clock(moment.atSec)}: ${verdictWords(moment.verdict, null).heading.toLowerCase()}`;
  }
}

function MomentIcon({ kind }: { kind: SessionMoment['kind'] }) {
  if (kind === 'break') return <span className="session-moment-swatch phase-swatch phase-swatch-break" aria-hidden="true" />;
  const style = MOMENT_STYLE[kind];
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <line x1="7" y1="0" x2="7" y2="14" stroke={style.colour} strokeWidth="1.5" strokeDasharray={style.dash === undefined ? undefined : '3 2'} />
      {kind === 'flood-cue' ? <path d="M7 1l5 8H2z" fill={style.colour} /> : <circle cx="7" cy="5" r="4" fill={style.colour} />}
    </svg>
  );
}

/** The phases' moments as a sentence, for the chart's summary. */
export function phasesSentence(bands: readonly PhaseBand[]): string {
  return bands.length === 0 ? 'No phases were marked.' : bands.map((b) => `${b.label} ${clock(b.startSec)}–${clock(b.endSec)}`).join(', ') + '.';
}

/** The entries linked to the session: each one's title, date and first words, a link to it. */
export function LinkedEntries({ sessionId, entryIds }: { sessionId: string; entryIds: readonly string[] }) {
  const headingId = useId();
  // The ids, not the detail object, decide whether to read the entries again.
  const linked = useIpcLoad(
    async (data): Promise<DataResult<JournalEntry[]>> => {
      const results = await Promise.all(entryIds.map((id) => data.call('journal.get', { id })));
      // An entry moved to the trash keeps its link but is not shown here.
      return { ok: true, value: results.flatMap((r) => (r.ok && r.value.trashedAtMs === null ? [r.value] : [])).sort((a, b) => a.createdAtMs - b.createdAtMs) };
    },
    entryIds.join(','),
    { enabled: entryIds.length > 0 },
  );
  const entries = entryIds.length === 0 ? [] : linked.status === 'ready' ? linked.value : null;
  return (
    <section className="trend-card session-entries" aria-labelledby={headingId}>
      <h2 id={headingId}>What you wrote about it</h2>
      {entries === null && linked.status !== 'failed' && <p className="field-hint">Reading your entries…</p>}
      {linked.status === 'failed' && <p role="alert">Your entries about this session could not be read: {linked.message}</p>}
      {entries !== null && entries.length === 0 && <p className="field-hint">Nothing written about this session yet.</p>}
      {entries !== null && entries.length > 0 && (
        <ul className="plain-list session-entry-links">
          {entries.map((entry) => {
            const words = firstWords(entry.text);
            const title = entry.title.trim();
            return (
              <li key={entry.id}>
                <a href={journalHash({ view: 'entry', id: entry.id })}>{title || words || 'Untitled entry'}</a>
                <span className="field-hint"> · {formatWhen(entry.createdAtMs)}</span>
                {title && words ? <p className="session-entry-words">{words}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a className="button button-quiet" href={journalHash(newEntryPath({ sessionId, kind: 'debrief' }))}>
          Write about this session
        </a>
      </p>
    </section>
  );
}

/** About the first 20 words of an entry, markers and line breaks folded away. */
function firstWords(text: string): string {
  const words = journalExcerpt(text.replace(/[*_#>]/g, '')).split(' ').filter(Boolean);
  return words.length > 20 ? `${words.slice(0, 20).join(' ')}…` : words.join(' ');
}
