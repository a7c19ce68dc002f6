import { useId, useState, type FormEvent } from 'react';
import Download from 'lucide-react/icons/download';
import Upload from 'lucide-react/icons/upload';
import FileHeart from 'lucide-react/icons/file-heart';
import Trash2 from 'lucide-react/icons/trash-2';
import type { z } from 'zod';
import { QUARANTINE_WORDS } from '../../../shared/content/store-messages.ts';
import { DELETE_EVERYTHING_CONFIRMATION, type RecordsStatusSchema } from '../../../shared/ipc/channels/records.ts';
import { useDataClient } from '../../app/data-client.ts';
import { useIpcQuery } from '../../app/ipc-query.ts';
import { QuarantineList } from './quarantine-list.tsx';

// "Your data": how the records are protected, what was set aside as damaged (with a way to
// copy it out), and the user's ways out: export everything, bring an export or a recording
// back in, and delete everything behind a typed confirmation.

type RecordsStatus = z.infer<typeof RecordsStatusSchema>;
type Message = { text: string; tone: 'quiet' | 'problem' };

export function protectionSentence(status: RecordsStatus): string {
  if (status.state === 'unavailable') return status.problem ?? 'Your records could not be opened.';
  switch (status.encryption?.reason) {
    case 'protected':
      return 'Your records are encrypted on disk, and their key is kept in your system’s key store.';
    case 'linux-basic-text':
      return 'Your records are encrypted on disk, but this desktop has no real key store (Chromium reports “basic text”), so the key is kept next to your data. Anyone who can open your user folder could read your records. Installing a keyring such as GNOME Keyring or KWallet fixes this.';
    case 'os-store-unavailable':
      return 'Your records are encrypted on disk, but no system key store is available, so the key is kept next to your data. Anyone who can open your user folder could read your records.';
    default:
      return 'Your records are encrypted on disk.';
  }
}

/**
 * Which files and why, the first few of them: a hostile or damaged export can name hundreds,
 * and a status line that long reads as noise.
 */
function fileProblems(problems: ReadonlyArray<{ file: string; reason: string }>, shown = 5): string {
  const named = problems.slice(0, shown).map((problem) => `${problem.file} (${problem.reason})`);
  const more = problems.length - named.length;
  return more > 0 ? `${named.join('; ')}; and ${more} more` : named.join('; ');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function DataSection() {
  const data = useDataClient();
  const confirmId = useId();
  const records = useIpcQuery('data.status', undefined);
  const status: RecordsStatus | null = records.status === 'ready' ? records.value : null;
  const quarantine = useIpcQuery('data.quarantine', undefined, { enabled: status?.state === 'open' });
  const [outcome, setOutcome] = useState<Message | null>(null);
  const message = outcome ?? (records.status === 'failed' ? { text: records.message, tone: 'problem' as const } : null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');

  /**
   * Runs one of the actions below, then reads the counts again (they are totals main keeps,
   * not a record to put in place). An answer after the section is gone never arrives.
   */
  async function run(task: () => Promise<Message | null>): Promise<void> {
    setBusy(true);
    const said = await task();
    if (said) setOutcome(said);
    records.reload();
    quarantine.reload();
    setBusy(false);
  }

  const exportEverything = () =>
    run(async () => {
      const result = await data.call('data.export');
      if (!result.ok) return { text: `Nothing was exported. ${result.message}`, tone: 'problem' };
      if (result.value.cancelled) return null;
      const { sessions, journalEntries, agreements, folder } = result.value;
      return {
        text: `Exported ${plural(sessions, 'session', 'sessions')}, ${plural(journalEntries, 'journal entry', 'journal entries')} and ${plural(agreements, 'agreement', 'agreements')} to ${folder}.`,
        tone: 'quiet',
      };
    });

  const exportQuarantine = () =>
    run(async () => {
      const result = await data.call('data.exportQuarantine');
      if (!result.ok) return { text: QUARANTINE_WORDS.exportFailed(result.message), tone: 'problem' };
      if (result.value.cancelled) return null;
      const { copied, folder, problems } = result.value;
      const text = [QUARANTINE_WORDS.exported(copied, folder)];
      if (problems.length > 0) text.push(`${QUARANTINE_WORDS.exportProblems(problems.length)} ${fileProblems(problems)}.`);
      return { text: text.join(' '), tone: problems.length > 0 ? 'problem' : 'quiet' };
    });

  const importExport = () =>
    run(async () => {
      const result = await data.call('data.import');
      if (!result.ok) return { text: `Nothing was imported. ${result.message}`, tone: 'problem' };
      if (result.value.cancelled) return null;
      const { added, unchanged, conflicts, problems } = result.value;
      const parts = [
        `Added ${plural(added.sessions, 'session', 'sessions')}, ${plural(added.journalEntries, 'journal entry', 'journal entries')} and ${plural(added.agreements, 'agreement', 'agreements')}.`,
      ];
      if (unchanged > 0) parts.push(`${plural(unchanged, 'record was', 'records were')} already here.`);
      if (conflicts > 0) parts.push(`${plural(conflicts, 'record differs', 'records differ')} from yours, so yours were kept.`);
      if (problems.length > 0) parts.push(`${plural(problems.length, 'file was', 'files were')} left out: ${fileProblems(problems)}.`);
      return { text: parts.join(' '), tone: problems.length > 0 ? 'problem' : 'quiet' };
    });

  const importRecording = () =>
    run(async () => {
      const result = await data.call('data.importRecording');
      if (!result.ok) return { text: `The recording was not imported. ${result.message}`, tone: 'problem' };
      if (result.value.cancelled) return null;
      if (result.value.alreadyImported) return { text: 'That recording is already in Attune.', tone: 'quiet' };
      const { leftOutCount } = result.value;
      return {
        text:
          leftOutCount === 0
            ? 'The recording was added as a session.'
            : `The recording was added as a session. ${leftOutCount} ${leftOutCount === 1 ? 'value was' : 'values were'} left out because ${leftOutCount === 1 ? 'it is' : 'they are'} not heartbeat intervals (under 100 or over 5,000 ms).`,
        tone: 'quiet',
      };
    });

  const deleteEverything = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim().toLowerCase() !== DELETE_EVERYTHING_CONFIRMATION) return;
    void run(async () => {
      const result = await data.call('data.deleteEverything', { confirm: DELETE_EVERYTHING_CONFIRMATION });
      setConfirming(false);
      setTyped('');
      if (!result.ok) return { text: `Nothing was deleted. ${result.message}`, tone: 'problem' };
      return { text: 'Everything Attune recorded has been deleted from this computer.', tone: 'quiet' };
    });
  };

  return (
    <>
      {status ? (
        <>
          <p className="section-note">{protectionSentence(status)}</p>
          {status.state === 'open' ? (
            <p>
              Attune holds {plural(status.sessionCount, 'session', 'sessions')}, {plural(status.journalCount, 'journal entry', 'journal entries')} and{' '}
              {plural(status.agreementCount, 'agreement', 'agreements')}.
            </p>
          ) : null}
          {status.state === 'open' ? (
            <QuarantineList entries={quarantine.status === 'ready' ? quarantine.value : null} busy={busy} onExport={() => void exportQuarantine()} />
          ) : null}
        </>
      ) : (
        <p className="section-note">Checking your records…</p>
      )}
      <div className="button-row">
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => void exportEverything()}>
          <Download aria-hidden="true" size={18} />
          Export everything…
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => void importExport()}>
          <Upload aria-hidden="true" size={18} />
          Import an export…
        </button>
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => void importRecording()}>
          <FileHeart aria-hidden="true" size={18} />
          Import a recording…
        </button>
      </div>
      <p className="section-note">
        Exports are plain files (JSON, CSV and RR text that Kubios opens), not encrypted: keep them somewhere safe.
      </p>
      {confirming ? (
        <form className="danger-zone" onSubmit={deleteEverything}>
          <label htmlFor={confirmId} className="field-label">
            Type “{DELETE_EVERYTHING_CONFIRMATION}” to delete every session, beat, journal entry and agreement
          </label>
          <p className="field-hint">This cannot be undone. Your settings stay.</p>
          <input
            id={confirmId}
            className="control"
            value={typed}
            autoComplete="off"
            onChange={(event) => setTyped(event.target.value)}
            autoFocus
          />
          <div className="button-row">
            <button type="submit" className="button button-danger" disabled={busy || typed.trim().toLowerCase() !== DELETE_EVERYTHING_CONFIRMATION}>
              Delete everything
            </button>
            <button type="button" className="button button-quiet" onClick={() => { setConfirming(false); setTyped(''); }}>
              Keep my data
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button-quiet" disabled={busy} onClick={() => setConfirming(true)}>
          <Trash2 aria-hidden="true" size={18} />
          Delete everything…
        </button>
      )}
      <p className={message?.tone === 'problem' ? 'field-error' : 'section-note'} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
    </>
  );
}
