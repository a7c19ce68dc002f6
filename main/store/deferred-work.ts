import { errorCode } from './fs-layer.ts';

// Work the records store owes the disk but does not need in order to read: sweeping temp
// files, moving damaged files to quarantine, purging the expired trash, finishing sessions a
// crash cut off, saving the index snapshot, creating the first key. Opening never waits for
// it to succeed: with a full or read-only disk the store opens and reads everything, and the
// work waits here, in order, until a test write shows the disk takes writes again.

/** Why the data folder takes no writes: a full disk, or one that refuses (read-only, permissions). */
export type WriteBlock = { reason: 'disk-full' | 'not-writable'; fsCode: string };

const FULL_DISK_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** A file-system refusal (any error with a system code), or null for anything else (a bug). */
export function writeBlockOf(error: unknown): WriteBlock | null {
  const fsCode = errorCode(error);
  if (fsCode === undefined) return null;
  return { reason: FULL_DISK_CODES.has(fsCode) ? 'disk-full' : 'not-writable', fsCode };
}

type Task = { name: string; run: () => Promise<void> };

export class DeferredWork {
  private readonly tasks: Task[] = [];
  private block: WriteBlock | null = null;
  private readonly probe: () => Promise<void>;

  /** `probe` writes and removes a small file: it fails, having changed nothing, when the disk refuses writes. */
  constructor(probe: () => Promise<void>) {
    this.probe = probe;
  }

  add(name: string, run: () => Promise<void>): void {
    this.tasks.push({ name, run });
  }

  get pending(): boolean {
    return this.tasks.length > 0;
  }

  /** Why the waiting work could not be done the last time it was tried; null when nothing waits. */
  get blocked(): WriteBlock | null {
    return this.tasks.length > 0 ? this.block : null;
  }

  /** Forgets what waits (everything it referred to was deleted). */
  clear(): void {
    this.tasks.length = 0;
    this.block = null;
  }

  /**
   * Does the waiting work in order, after a probe write. A refusal from the disk stops it
   * there (that task and the rest wait for the next try) and resolves false; a task that
   * fails otherwise is dropped and its error thrown, so a bug cannot block the rest forever.
   */
  async catchUp(): Promise<boolean> {
    if (this.tasks.length === 0) return true;
    let started = false;
    try {
      await this.probe();
      for (let task = this.tasks[0]; task !== undefined; task = this.tasks[0]) {
        started = true;
        await task.run();
        this.tasks.shift();
      }
      this.block = null;
      return true;
    } catch (error) {
      const block = writeBlockOf(error);
      if (block === null) {
        if (started) this.tasks.shift();
        throw error;
      }
      this.block = block;
      return false;
    }
  }
}
