import { notFound, StoreError } from './errors.ts';
import { isNotFound } from './fs-layer.ts';
import type { Clock } from '../../shared/time/clock.ts';
import type { RecordKind } from './layout.ts';
import type { RecordDoc } from './record-codec.ts';
import type { RecordsIndex } from './records-index.ts';
import type { Vault } from './vault.ts';

// One record file at a time, with the index kept in step: the vault writes, removes or reads
// the file, and the index learns what that did to it. Every record kind (sessions, journal,
// agreements) goes through here, so a missing, damaged or newer record is handled one way:
// a missing one is forgotten (not-found), a damaged one is quarantined and forgotten
// (damaged), a newer one is left alone (newer-version).

/** What adopting a record from an export did: a record with that id already here is never overwritten. */
export type AdoptOutcome = 'added' | 'unchanged' | 'conflict';

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class RecordFiles {
  readonly vault: Vault;
  readonly index: RecordsIndex;

  constructor(vault: Vault, index: RecordsIndex) {
    this.vault = vault;
    this.index = index;
  }

  async write<K extends RecordKind>(kind: K, doc: RecordDoc[K]): Promise<void> {
    const fingerprint = await this.vault.writeRecord(kind, doc);
    this.index.fileWritten(kind, doc.id, fingerprint);
  }

  /**
   * Whether anything is on disk under this record's name, known to the index or not (a record
   * from a newer Attune, a file the index has not seen): adopting never writes over it.
   * `alsoAt` names other files the record would create (a session's beats).
   */
  async occupied(kind: RecordKind, id: string, alsoAt: readonly string[] = []): Promise<boolean> {
    for (const path of [this.vault.layout.recordPath(kind, id), ...alsoAt]) {
      try {
        await this.vault.fs.stat(path);
        return true;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return false;
  }

  async remove(kind: RecordKind, id: string): Promise<void> {
    await this.vault.removeRecord(kind, id);
    this.index.fileGone(kind, id);
  }

  async read<K extends RecordKind>(kind: K, id: string): Promise<RecordDoc[K]> {
    const read = await this.vault.readRecord(kind, id);
    if (read.ok) return read.doc;
    if (read.problem === 'newer-version') throw new StoreError({ code: 'newer-version', what: 'record' });
    if (read.problem !== 'missing') await this.vault.quarantineRecord(kind, id, read.detail);
    this.index.forget(kind, id);
    this.index.fileGone(kind, id);
    throw read.problem === 'missing' ? notFound(kind) : new StoreError({ code: 'damaged', record: kind, detail: read.detail });
  }

  /**
   * For walks over every record (export): a record that cannot be read is skipped (a damaged
   * one has been quarantined and reported by read) rather than failing the walk.
   */
  async readOrSkip<K extends RecordKind>(kind: K, id: string): Promise<RecordDoc[K] | null> {
    try {
      return await this.read(kind, id);
    } catch (error) {
      if (error instanceof StoreError && (error.code === 'damaged' || error.code === 'not-found' || error.code === 'newer-version')) return null;
      throw error;
    }
  }
}

/** What the part of the store for one kind of record (sessions, journal, agreements) works with. */
export abstract class KindRecords {
  protected readonly files: RecordFiles;
  protected readonly clock: Clock;

  constructor(files: RecordFiles, clock: Clock) {
    this.files = files;
    this.clock = clock;
  }

  protected get index(): RecordsIndex {
    return this.files.index;
  }
}
