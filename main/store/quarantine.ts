import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { syncDirectory } from './atomic-write.ts';
import type { StoreFs } from './fs-layer.ts';

// A file that fails to decrypt or parse is moved, byte for byte, into quarantine/ and
// reported once. Moving (not deleting, not rewriting) keeps it for a later recovery tool or
// a support request, and keeps everything else loading.

export type QuarantineReport = {
  file: string;
  what: 'session' | 'journal' | 'agreement' | 'beats' | 'index';
  reason: string;
  atMs: number;
};

export async function moveToQuarantine(fs: StoreFs, quarantineDir: string, path: string, nowMs: number): Promise<string> {
  await fs.mkdir(quarantineDir);
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const target = join(quarantineDir, `${stamp}-${randomBytes(3).toString('hex')}-${basename(path)}`);
  await fs.rename(path, target);
  await syncDirectory(fs, quarantineDir);
  return target;
}
