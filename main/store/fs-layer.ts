import * as fsp from 'node:fs/promises';

// The store reaches the disk only through this small interface, so tests can put a file
// system in between that fails the way real disks do (ENOSPC half-way through a write, a
// rename that never happens) and check that earlier data survives.

export type FileHandleLike = {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  truncate(lengthBytes: number): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
};

export type StatLike = { size: number; mtimeMs: number; ino: number; isFile(): boolean; isDirectory(): boolean };

export type StoreFs = {
  open(path: string, flags: string): Promise<FileHandleLike>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<StatLike>;
  mkdir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rm(path: string): Promise<void>;
  writeFile(path: string, data: Uint8Array | string): Promise<void>;
};

export const nodeFs: StoreFs = {
  // Owner-only: the files are encrypted, but key.json may hold the key unwrapped.
  open: (path, flags) => fsp.open(path, flags, 0o600),
  readFile: (path) => fsp.readFile(path),
  readdir: (path) => fsp.readdir(path),
  stat: (path) => fsp.stat(path),
  mkdir: async (path) => {
    await fsp.mkdir(path, { recursive: true, mode: 0o700 });
  },
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  rm: (path) => fsp.rm(path, { recursive: true, force: true }),
  writeFile: (path, data) => fsp.writeFile(path, data, { mode: 0o600 }),
};

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}
