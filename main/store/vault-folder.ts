import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { syncDirectory, TEMP_SUFFIX, writeAll } from './atomic-write.ts';
import { isNotFound, type StoreFs } from './fs-layer.ts';
import { KEY_FILE_NAME } from './key-file.ts';
import {
  BEATS_EXT,
  BEATS_FOLDER,
  DELETING_PREFIX,
  INDEX_FILE_NAME,
  QUARANTINE_FOLDER,
  RECORD_EXT,
  TRASH_FOLDER,
  RECORD_FOLDERS,
  RECORD_KINDS,
  type RecordKind,
  type StoreLayout,
} from './layout.ts';

// The records folder as a whole: what is in it (listed when the store opens), and removing
// all of it (delete-everything), plus the two small file operations the vault and the
// opening share. Nothing here needs the data key.

export type DataListing = {
  records: Record<RecordKind, string[]>;
  beats: string[];
  hasIndex: boolean;
  tempFiles: string[];
};

const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Ids of every record and beats file, and temp files left by a crash. Only reads: a folder
 * that is not there lists as empty (ensureDataFolders makes them, once the disk takes writes).
 */
export async function listDataFiles(fs: StoreFs, layout: StoreLayout): Promise<DataListing> {
  const tempFiles: string[] = [];
  const listFolder = async (folder: string, ext: string): Promise<string[]> => {
    const dir = join(layout.root, folder);
    const ids: string[] = [];
    for (const name of await readdirOrEmpty(fs, dir)) {
      if (name.endsWith(TEMP_SUFFIX)) tempFiles.push(join(dir, name));
      else if (name.endsWith(ext) && ID_PATTERN.test(name.slice(0, -ext.length))) ids.push(name.slice(0, -ext.length));
    }
    return ids;
  };
  const records = {} as Record<RecordKind, string[]>;
  for (const kind of RECORD_KINDS) records[kind] = await listFolder(RECORD_FOLDERS[kind], RECORD_EXT);
  const beats = await listFolder(BEATS_FOLDER, BEATS_EXT);
  const rootNames = await readdirOrEmpty(fs, layout.root);
  for (const name of rootNames) if (name.endsWith(TEMP_SUFFIX)) tempFiles.push(join(layout.root, name));
  return { records, beats, hasIndex: rootNames.includes(INDEX_FILE_NAME), tempFiles };
}

/** The records folder and its record and beats folders, made where missing. */
export async function ensureDataFolders(fs: StoreFs, layout: StoreLayout): Promise<void> {
  for (const folder of [...RECORD_KINDS.map((kind) => RECORD_FOLDERS[kind]), BEATS_FOLDER]) await fs.mkdir(join(layout.root, folder));
}

async function readdirOrEmpty(fs: StoreFs, path: string): Promise<string[]> {
  try {
    return await fs.readdir(path);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

/** A temp name, so one a crash leaves behind is swept on the next start like any other. */
const WRITE_CHECK_FILE = `write-check${TEMP_SUFFIX}`;
const WRITE_CHECK_BYTES = 4096;

/**
 * Makes the folder if needed, writes a small file into it, flushes and removes it: fails (with the
 * disk's own error code) when the disk is full or refuses writes. Touches nothing else.
 */
export async function checkWritable(fs: StoreFs, directory: string): Promise<void> {
  await fs.mkdir(directory);
  const path = join(directory, WRITE_CHECK_FILE);
  const handle = await fs.open(path, 'w');
  try {
    await writeAll(handle, new Uint8Array(WRITE_CHECK_BYTES), 0);
    await handle.sync();
  } finally {
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
  }
}

export function hasAnyData(listing: DataListing): boolean {
  return listing.hasIndex || listing.beats.length > 0 || RECORD_KINDS.some((kind) => listing.records[kind].length > 0);
}

/** Whether a delete-everything was cut short (its `deleting-…` folder is still there). */
export async function deletionUnfinished(fs: StoreFs, layout: StoreLayout): Promise<boolean> {
  return (await readdirOrEmpty(fs, layout.root)).some((name) => name.startsWith(DELETING_PREFIX));
}

/** Everything the store keeps, key last: until the key goes, what is left is still readable. */
const DATA_ENTRIES = [...RECORD_KINDS.map((kind) => RECORD_FOLDERS[kind]), BEATS_FOLDER, QUARANTINE_FOLDER, TRASH_FOLDER, INDEX_FILE_NAME, KEY_FILE_NAME];

/**
 * Removes every record, beats file, the index, the quarantine, the trash and the key. Everything is
 * first renamed into one `deleting-…` folder, so a crash half-way is finished on the next
 * start instead of leaving half the data.
 */
export async function removeAllData(fs: StoreFs, layout: StoreLayout): Promise<void> {
  const existing = (await fs.readdir(layout.root)).find((name) => name.startsWith(DELETING_PREFIX));
  const deletingDir = join(layout.root, existing ?? `${DELETING_PREFIX}${randomBytes(6).toString('hex')}`);
  await fs.mkdir(deletingDir);
  for (const name of DATA_ENTRIES) {
    try {
      await fs.rename(join(layout.root, name), join(deletingDir, name));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  await syncDirectory(fs, layout.root);
  await fs.rm(deletingDir);
  for (const name of await fs.readdir(layout.root)) {
    if (name.endsWith(TEMP_SUFFIX) || name.startsWith(DELETING_PREFIX)) await fs.rm(join(layout.root, name));
  }
  await syncDirectory(fs, layout.root);
}

export async function unlinkIfPresent(fs: StoreFs, path: string): Promise<void> {
  try {
    await fs.unlink(path);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

export async function truncateFile(fs: StoreFs, path: string, lengthBytes: number): Promise<void> {
  const handle = await fs.open(path, 'r+');
  try {
    await handle.truncate(lengthBytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A record file's path relative to the records folder, as the index's fingerprints name it. */
export function relativeRecordFile(kind: RecordKind, id: string): string {
  return `${RECORD_FOLDERS[kind]}/${id}${RECORD_EXT}`;
}

export function parseRelativeRecordFile(file: string): { kind: RecordKind; id: string } | null {
  const [folder, name] = file.split('/');
  const kind = RECORD_KINDS.find((k) => RECORD_FOLDERS[k] === folder);
  if (!kind || !name?.endsWith(RECORD_EXT)) return null;
  return { kind, id: name.slice(0, -RECORD_EXT.length) };
}
