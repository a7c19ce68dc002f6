import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { syncDirectory, TEMP_SUFFIX, writeAll, writeFileAtomic } from './atomic-write.ts';
import { errorCode, isNotFound, type StoreFs } from './fs-layer.ts';

// A file that fails to decrypt or parse is moved, byte for byte, into quarantine/ and
// reported once. Moving (not deleting, not rewriting) keeps it for a later recovery tool or
// a support request, and keeps everything else loading. A beats file that is repaired (its
// readable frames written afresh) is copied there first, whole, for the same reason.
//
// The folder itself is the list: each file's name carries when it was set aside and its
// original name, and a small `<name>.about.json` beside it says what it was and why. So the
// count and the list in Settings are the same after a restart. The note is written after
// the file and is only a description: a file without one (a crash in between, a full disk)
// is still listed, its kind told from its name.

export const QUARANTINE_KINDS = ['session', 'journal', 'agreement', 'beats', 'index'] as const;
export type QuarantineKind = (typeof QUARANTINE_KINDS)[number];

/** A file set aside while the store has been open (notices and tests). */
export type QuarantineReport = {
  file: string;
  what: QuarantineKind;
  reason: string;
  atMs: number;
};

/** One file in the quarantine folder, as Settings lists it. */
export type QuarantineEntry = {
  /** Its name in the quarantine folder. */
  name: string;
  /** 'record' when only the name is left to tell, and it says a record but not which kind. */
  what: QuarantineKind | 'record' | 'other';
  /** null when no note was kept. */
  reason: string | null;
  /** When it was set aside; null when neither the note nor the name says. */
  atMs: number | null;
  sizeBytes: number;
  /** 'moved': the original is gone from the records; 'copied': a repaired file took its place. */
  kept: 'moved' | 'copied' | null;
};

const NOTE_SUFFIX = '.about.json';

const NoteSchema = z.object({
  what: z.enum(QUARANTINE_KINDS),
  reason: z.string().max(2000),
  atMs: z.number().int().min(0),
  kept: z.enum(['moved', 'copied']),
});
type Note = z.infer<typeof NoteSchema>;

export async function moveToQuarantine(fs: StoreFs, quarantineDir: string, path: string, nowMs: number, about: Omit<Note, 'atMs' | 'kept'>): Promise<string> {
  await fs.mkdir(quarantineDir);
  const target = quarantineTarget(quarantineDir, path, nowMs);
  await fs.rename(path, target);
  await syncDirectory(fs, quarantineDir);
  await writeNote(fs, target, { ...about, atMs: nowMs, kept: 'moved' });
  return target;
}

/** Copies a file, byte for byte, into quarantine; the original stays where it is. */
export async function copyToQuarantine(fs: StoreFs, quarantineDir: string, path: string, nowMs: number, about: Omit<Note, 'atMs' | 'kept'>): Promise<string> {
  const bytes = await fs.readFile(path);
  await fs.mkdir(quarantineDir);
  const target = quarantineTarget(quarantineDir, path, nowMs);
  await writeFileAtomic(fs, target, bytes);
  await writeNote(fs, target, { ...about, atMs: nowMs, kept: 'copied' });
  return target;
}

function quarantineTarget(quarantineDir: string, path: string, nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  return join(quarantineDir, `${stamp}-${randomBytes(3).toString('hex')}-${basename(path)}`);
}

/** The note only describes the file; the file is already safe, so a note that cannot be written is left out. */
async function writeNote(fs: StoreFs, target: string, note: Note): Promise<void> {
  await writeFileAtomic(fs, `${target}${NOTE_SUFFIX}`, Buffer.from(JSON.stringify(note))).catch(() => undefined);
}

/** Every file in the quarantine folder, oldest first. */
export async function listQuarantine(fs: StoreFs, quarantineDir: string): Promise<QuarantineEntry[]> {
  let names: string[];
  try {
    names = await fs.readdir(quarantineDir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const entries: QuarantineEntry[] = [];
  for (const name of names) {
    if (name.endsWith(NOTE_SUFFIX) || name.endsWith(TEMP_SUFFIX)) continue;
    const stat = await fs.stat(join(quarantineDir, name)).catch(() => null);
    if (!stat?.isFile()) continue;
    const note = await readNote(fs, join(quarantineDir, `${name}${NOTE_SUFFIX}`));
    entries.push({
      name,
      what: note?.what ?? kindFromName(name),
      reason: note?.reason ?? null,
      atMs: note?.atMs ?? stampFromName(name),
      sizeBytes: stat.size,
      kept: note?.kept ?? null,
    });
  }
  return entries.sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0) || a.name.localeCompare(b.name));
}

async function readNote(fs: StoreFs, path: string): Promise<Note | null> {
  try {
    const parsed = NoteSchema.safeParse(JSON.parse((await fs.readFile(path)).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function kindFromName(name: string): QuarantineEntry['what'] {
  if (name.endsWith('.beats')) return 'beats';
  if (name.endsWith('-index.rec')) return 'index';
  return name.endsWith('.rec') ? 'record' : 'other';
}

/** `2025-01-06T09-00-00-000Z-…` → its time, as quarantineTarget wrote it. */
function stampFromName(name: string): number | null {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z-/.exec(name);
  if (!match) return null;
  const atMs = Date.parse(`${match[1]}:${match[2]}:${match[3]}.${match[4]}Z`);
  return Number.isNaN(atMs) ? null : atMs;
}

export type QuarantineExport = { folder: string; copied: number; problems: Array<{ file: string; reason: string }> };

/**
 * Copies every quarantined file and its note, byte for byte (still encrypted), into a new
 * folder inside `parent`. Nothing there is overwritten: each file is created exclusively.
 * A file that could not be copied is named in `problems`, never skipped silently.
 */
export async function exportQuarantine(fs: StoreFs, quarantineDir: string, parent: string, nowMs: number): Promise<QuarantineExport> {
  const entries = await listQuarantine(fs, quarantineDir);
  const stamp = new Date(nowMs).toISOString().replace(/[:.]/g, '-');
  const folder = join(parent, `attune-quarantine-${stamp}-${randomBytes(2).toString('hex')}`);
  await fs.mkdir(folder);
  const problems: QuarantineExport['problems'] = [];
  let copied = 0;
  for (const entry of entries) {
    try {
      await copyExclusive(fs, join(quarantineDir, entry.name), join(folder, entry.name));
      copied += 1;
    } catch (error) {
      problems.push({ file: entry.name, reason: errorCode(error) ?? (error instanceof Error ? error.message : String(error)) });
      continue;
    }
    const notePath = join(quarantineDir, `${entry.name}${NOTE_SUFFIX}`);
    await copyExclusive(fs, notePath, join(folder, `${entry.name}${NOTE_SUFFIX}`)).catch((error: unknown) => {
      if (!isNotFound(error)) problems.push({ file: `${entry.name}${NOTE_SUFFIX}`, reason: errorCode(error) ?? String(error) });
    });
  }
  await syncDirectory(fs, folder);
  return { folder, copied, problems };
}

/** Creates `to` (never over an existing file) with the bytes of `from`, checked; a failed copy leaves nothing behind. */
async function copyExclusive(fs: StoreFs, from: string, to: string): Promise<void> {
  const bytes = await fs.readFile(from);
  const handle = await fs.open(to, 'wx');
  try {
    try {
      await writeAll(handle, bytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (!(await fs.readFile(to)).equals(bytes)) throw new Error('the copy does not match the original');
  } catch (error) {
    await fs.unlink(to).catch(() => undefined);
    throw error;
  }
}
