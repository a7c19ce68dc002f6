import { STORE_NOTICE_WORDS } from '../../shared/content/store-messages.ts';
import { AgreementRecords } from './agreement-records.ts';
import type { Clock } from '../../shared/time/clock.ts';
import { JournalRecords } from './journal-records.ts';
import { recordsFromOtherKey } from './key-file.ts';
import { RECORD_KINDS, type RecordKind } from './layout.ts';
import { RecordFiles } from './record-files.ts';
import { RecordsIndex } from './records-index.ts';
import { SessionRecords } from './session-records.ts';
import { SessionTrash } from './session-trash.ts';
import type { SummarizeBeats } from '../../shared/signal/session-summary.ts';
import type { DeferredWork } from './deferred-work.ts';
import { ensureDataFolders, parseRelativeRecordFile, relativeRecordFile, unlinkIfPresent, type DataListing } from './vault-folder.ts';
import type { Vault } from './vault.ts';

// Opening the records: the parts of the store put together over one vault, then brought up
// to date with the folder. The index snapshot is read first; every record file that is new
// or changed since (by its fingerprint) is read again, files that are gone are forgotten,
// damaged ones quarantined, newer ones left alone; then the expired trash is purged and
// sessions a crash cut off are finished. Reading comes first and needs no free space; every
// write waits in DeferredWork until the disk takes writes (see loadRecords).
//
// A record or index sealed with another key than key.json's is one of two things. When
// other records open with the key, it is that one file: copied from another install, or a
// flipped bit in its key id. It is quarantined alone (the index, a cache, is rebuilt), and
// the rest of the store opens. When no record opens, the key file does not belong to this
// data: the opening stops before anything is moved.

export type StoreParts = {
  index: RecordsIndex;
  files: RecordFiles;
  sessions: SessionRecords;
  sessionTrash: SessionTrash;
  journal: JournalRecords;
  agreements: AgreementRecords;
};

export type PartsOptions = {
  clock: Clock;
  summarize: SummarizeBeats;
  indexSaveDelayMs: number;
  /** Runs a task under the store's one lock (the index snapshot is saved that way). */
  exclusive: (task: () => Promise<void>) => Promise<void>;
};

export function assembleParts(vault: Vault, options: PartsOptions): StoreParts {
  const index = new RecordsIndex(vault, options.indexSaveDelayMs, options.exclusive);
  const files = new RecordFiles(vault, index);
  const sessions = new SessionRecords(files, options.clock, options.summarize);
  return {
    index,
    files,
    sessions,
    sessionTrash: new SessionTrash(files, options.clock, (id) => sessions.isRecording(id)),
    journal: new JournalRecords(files, options.clock),
    agreements: new AgreementRecords(files, options.clock),
  };
}

/**
 * Reads the folder into the index, then hands every write the opening calls for to `later`
 * (in this order: folders, temp files, quarantine moves, trash purge, crash recovery, index
 * save) and tries them once. Nothing here writes before the probe write has shown the disk
 * takes writes, so a full or read-only disk opens with everything readable and nothing cut.
 */
export async function loadRecords(vault: Vault, parts: StoreParts, listing: DataListing, later: DeferredWork): Promise<void> {
  const { index } = parts;
  later.add('folders', () => ensureDataFolders(vault.fs, vault.layout));
  later.add('temp files', async () => {
    for (const tempPath of listing.tempFiles) await unlinkIfPresent(vault.fs, tempPath);
  });
  let indexChanged = !listing.hasIndex;

  let indexProblem: string | null = null;
  if (listing.hasIndex) {
    const outcome = await vault.readIndex();
    if (outcome.ok) index.loadSnapshot(outcome.snapshot);
    else if (outcome.problem === 'other-key' || outcome.problem === 'damaged') indexProblem = outcome.detail;
    // 'old-format': rebuilt below and overwritten on save; it is only a cache.
  }

  indexChanged = (await readChangedRecords(vault, index, listing, later)) || indexChanged;
  // Only now: had the records shown the key to be foreign, nothing would have been moved.
  const indexDetail = indexProblem;
  if (indexDetail !== null) later.add('index quarantine', () => vault.quarantineIndex(indexDetail));

  // Beats whose session record is gone (its record was quarantined in an earlier run); beats
  // whose record is in the trash are not orphans: the trash's settling moves them to it.
  const trashed = await parts.sessionTrash.trashedIds();
  const orphanBeats = listing.beats.filter(
    (sessionId) => !index.summary.getSession(sessionId) && !trashed.has(sessionId) && !index.newerRecords.has(relativeRecordFile('session', sessionId)),
  );
  if (orphanBeats.length > 0) {
    later.add('orphan beats', async () => {
      for (const sessionId of orphanBeats) await vault.quarantineBeats(sessionId, 'no session record refers to it');
    });
  }

  if (indexChanged) index.markDirty();
  later.add('trash purge', async () => {
    if (await parts.journal.purgeExpiredTrash()) index.markDirty();
    await parts.sessionTrash.settle();
  });
  // Until it can write, a session a crash cut off stays listed as recording, its beats readable.
  later.add('crash recovery', async () => {
    if (await parts.sessions.recoverInterrupted()) index.markDirty();
  });
  later.add('index save', () => index.saveIfDirty());
  await later.catchUp();
}

/** Reads every record file the snapshot does not describe as it is now; true when the index changed. */
async function readChangedRecords(vault: Vault, index: RecordsIndex, listing: DataListing, later: DeferredWork): Promise<boolean> {
  const { fingerprints } = index.summary;
  const seen = new Set<string>();
  const changed: Array<{ kind: RecordKind; id: string; file: string; fingerprint: string }> = [];
  await Promise.all(
    RECORD_KINDS.flatMap((kind) =>
      listing.records[kind].map(async (id) => {
        const file = relativeRecordFile(kind, id);
        seen.add(file);
        const fingerprint = await vault.fingerprint(kind, id);
        if (fingerprints.get(file) !== fingerprint) changed.push({ kind, id, file, fingerprint });
      }),
    ),
  );
  let indexChanged = false;
  for (const file of [...fingerprints.keys()]) {
    if (seen.has(file)) continue;
    const parsed = parseRelativeRecordFile(file);
    if (parsed) index.forget(parsed.kind, parsed.id);
    fingerprints.delete(file);
    indexChanged = true;
  }

  const damaged: Array<{ kind: RecordKind; id: string; detail: string }> = [];
  const otherKey: typeof damaged = [];
  // Records the snapshot vouches for, unchanged since, were opened with this key before.
  const changedFiles = new Set(changed.map((item) => item.file));
  let opened = [...fingerprints.keys()].filter((file) => seen.has(file) && !changedFiles.has(file)).length;
  for (const item of changed) {
    indexChanged = true;
    const outcome = await vault.readRecord(item.kind, item.id);
    if (outcome.ok) {
      index.remember(item.kind, outcome.doc);
      fingerprints.set(item.file, item.fingerprint);
      opened += 1;
      continue;
    }
    index.forget(item.kind, item.id);
    fingerprints.delete(item.file);
    if (outcome.problem === 'other-key') otherKey.push({ kind: item.kind, id: item.id, detail: outcome.detail });
    else if (outcome.problem === 'newer-version') index.newerRecords.add(item.file);
    else if (outcome.problem === 'damaged') damaged.push({ kind: item.kind, id: item.id, detail: outcome.detail });
    // 'missing': removed since the folder was listed; forgotten like any file that is gone.
  }
  // No record opens and some are sealed with another key: the key file does not belong to
  // this data. Stop before moving anything, rather than quarantine every record.
  if (otherKey.length > 0 && opened === 0) throw recordsFromOtherKey();
  damaged.push(...otherKey);
  if (damaged.length > 0) {
    later.add('record quarantine', async () => {
      for (const item of damaged) await vault.quarantineRecord(item.kind, item.id, item.detail);
    });
  }
  if (index.newerRecords.size > 0) vault.notify('storage-warning', STORE_NOTICE_WORDS.newerRecordsKept(index.newerRecords.size));
  return indexChanged;
}
