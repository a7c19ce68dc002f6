import { useId } from 'react';
import FolderOutput from 'lucide-react/icons/folder-output';
import type { z } from 'zod';
import { QUARANTINE_WORDS as WORDS } from '../../../shared/content/store-messages.ts';
import type { QuarantineEntrySchema } from '../../../shared/ipc/channels/records.ts';

// Settings → Your data: the files in the quarantine folder (when each was set aside, what
// it was, why, how big), and a way to copy them out for a support request. The list comes
// from the folder itself, so it is the same after a restart.

type QuarantineEntry = z.infer<typeof QuarantineEntrySchema>;

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function QuarantineList({ entries, busy, onExport }: { entries: QuarantineEntry[] | null; busy: boolean; onExport: () => void }) {
  const headingId = useId();
  if (entries === null) return null;
  return (
    <div className="quarantine" role="group" aria-labelledby={headingId}>
      <h3 id={headingId}>{WORDS.heading}</h3>
      {entries.length === 0 ? (
        <p className="section-note">{WORDS.none}</p>
      ) : (
        <>
          <p className="field-error">{WORDS.intro(entries.length)}</p>
          <ul className="quarantine-list">
            {entries.map((entry) => (
              <li key={entry.name}>
                <strong>{WORDS.kind[entry.what]}</strong>
                {entry.kept === 'copied' ? ` (${WORDS.copied})` : ''}, {entry.atMs === null ? WORDS.unknownTime : whenFormat.format(entry.atMs)},{' '}
                {formatSize(entry.sizeBytes)}. <span className="field-hint">{entry.reason ?? WORDS.noReason}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-quiet" disabled={busy} onClick={onExport}>
            <FolderOutput aria-hidden="true" size={18} />
            {WORDS.exportButton}
          </button>
          <p className="section-note">{WORDS.exportExplain}</p>
        </>
      )}
    </div>
  );
}
