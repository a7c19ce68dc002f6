import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A small real file system for tests that need the disk itself to refuse: a tmpfs filled to
// the last byte (ENOSPC) or remounted read-only (EROFS). Root can mount one (as here and in
// CI); elsewhere `tmpfsUnavailable` says why and the tests skip with that message.

export type Tmpfs = {
  path: string;
  /** Writes a filler file until the disk is full; `free()` removes it again. */
  fill(): void;
  free(): void;
  readOnly(): void;
  writable(): void;
  /** Unmounts and removes the mount point (safe to call twice, and after a failed test). */
  remove(): void;
};

const FILLER = '.filler';

/** Mounts a tmpfs of `sizeKb` in a fresh folder under the system temp folder. */
export function mountTmpfs(sizeKb = 512): Tmpfs {
  const path = mkdtempSync(join(tmpdir(), 'attune-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    rmdirSync(path);
    throw error;
  }
  let mounted = true;
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, path], { stdio: 'pipe' });
  return {
    path,
    fill() {
      const fd = openSync(join(path, FILLER), 'a');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(fd, block);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      // The last partial page too: single bytes until nothing more fits.
      const small = openSync(join(path, FILLER), 'a');
      try {
        for (;;) writeSync(small, Buffer.alloc(1));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(small);
      }
    },
    free: () => rmSync(join(path, FILLER), { force: true }),
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    remove() {
      if (!mounted) return;
      execFileSync('umount', ['-l', path], { stdio: 'pipe' });
      mounted = false;
      rmdirSync(path);
    },
  };
}

/** Why a tmpfs cannot be mounted here (not root), or null when it can. Tried once. */
export const tmpfsUnavailable: string | null = (() => {
  try {
    mountTmpfs(64).remove();
    return null;
  } catch (error) {
    return `mounting a tmpfs is not permitted here (${error instanceof Error ? error.message.split('\n')[0] : 'unknown'}); run as root to test a real full or read-only disk`;
  }
})();
