import { useEffect, useRef, useState } from 'react';
import type { Agreement } from '../../../shared/model/agreement.ts';
import { useDataClient } from '../../app/data-client.ts';
import { byId, putRecord, useIpcQuery } from '../../app/ipc-query.ts';
import { AgreementShare } from './agreement-share.tsx';
import { formatDate } from './journal-data.tsx';
import { JournalLink } from './journal-link.tsx';
import { BackToList, ProblemAlert } from './page-parts.tsx';

// What you agreed on for next time (step 5 of the repair flow), so you can look back at
// it together: when it was made, when to come back to it, and whether it is still in play.
// Each can be copied as text or printed to share with your partner (agreement-share.tsx).

const STATUS_WORDS: Record<Agreement['status'], string> = {
  active: 'Still trying this',
  kept: 'You kept this',
  archived: 'Put away',
};

export function AgreementsView({ focusId }: { focusId: string | null }) {
  const data = useDataClient();
  const list = useIpcQuery('agreement.list', undefined);
  const agreements = list.status === 'ready' ? list.value : null;
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const problem = saveProblem ?? (list.status === 'failed' ? list.message : null);
  const focused = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (agreements && focusId) focused.current?.focus();
  }, [agreements, focusId]);

  const setStatus = async (agreement: Agreement, status: Agreement['status']) => {
    const result = await data.call('agreement.save', { id: agreement.id, status });
    if (!result.ok) {
      setSaveProblem(result.message);
      return;
    }
    setSaveProblem(null);
    list.update((all) => putRecord(all, result.value, byId));
  };

  const shown = (agreements ?? []).filter((a) => a.status !== 'archived' || a.id === focusId);
  return (
    <div className="journal-prompts">
      <BackToList />
      <h2 className="journal-view-title">Agreements for next time</h2>
      <p className="field-hint">What you and your partner agreed to try after a repair. Look back at them together now and then.</p>
      <ProblemAlert problem={problem} />
      {agreements === null && !problem && <p className="journal-count">Opening your agreements…</p>}
      {agreements !== null && shown.length === 0 && (
        <p className="journal-count">
          No agreements yet. The last step of a <JournalLink to={{ view: 'repair' }}>repair</JournalLink> becomes one.
        </p>
      )}
      {shown.length > 0 && (
        <ul className="plain-list">
          {shown.map((agreement) => (
            <li
              key={agreement.id}
              ref={agreement.id === focusId ? focused : undefined}
              tabIndex={agreement.id === focusId ? -1 : undefined}
              className={`prompt-row${agreement.id === focusId ? ' agreement-focus' : ''}`}
            >
              <p className="prompt-feature">“{agreement.text}”</p>
              <p className="journal-row-meta">
                Made on {formatDate(agreement.createdAtMs)}
                {agreement.remindAtMs !== null ? ` · come back to it on ${formatDate(agreement.remindAtMs)}` : ''} · {STATUS_WORDS[agreement.status]}
              </p>
              <div className="prompt-actions">
                {agreement.journalEntryId && (
                  <JournalLink className="button button-quiet button-small" to={{ view: 'entry', id: agreement.journalEntryId }}>
                    Open the repair
                  </JournalLink>
                )}
                {agreement.status !== 'kept' && (
                  <button type="button" className="button button-quiet button-small" onClick={() => void setStatus(agreement, 'kept')}>
                    We kept it
                  </button>
                )}
                {agreement.status !== 'active' && (
                  <button type="button" className="button button-quiet button-small" onClick={() => void setStatus(agreement, 'active')}>
                    Still trying
                  </button>
                )}
                {agreement.status !== 'archived' && (
                  <button type="button" className="button button-quiet button-small" onClick={() => void setStatus(agreement, 'archived')}>
                    Put away
                  </button>
                )}
                <AgreementShare agreement={agreement} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
