import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSettingsStore } from '../../../main/store/settings-store.ts';
import { defaultSettings } from '../../../shared/model/settings.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../../support/tmpfs.ts';

// Opening settings never writes: a current file is left alone (same inode, same time), a
// folder in place of settings.json is renamed aside like a damaged file, and on a disk that
// takes no writes the settings are read and a change is refused with a typed error.

const now = () => new Date('2026-11-25T10:00:00.000Z');
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const dir = makeTempDir('attune-settings-');
  cleanups.push(dir.cleanup);
  return dir.path;
}

function disk(): Tmpfs {
  const mount = mountTmpfs(256);
  cleanups.push(() => mount.remove());
  return mount;
}

describe('opening settings', () => {
  it('leaves a current settings file untouched', () => {
    const dir = folder();
    openSettingsStore({ directory: dir, now }).update({ appearance: { theme: 'dark' } });
    const path = join(dir, 'settings.json');
    const before = statSync(path);
    const bytes = readFileSync(path);
    const store = openSettingsStore({ directory: dir, now });
    expect(store.get().appearance.theme).toBe('dark');
    const after = statSync(path);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
    expect(readFileSync(path)).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('moves a folder named settings.json aside, starts from defaults and says so once', () => {
    const dir = folder();
    mkdirSync(join(dir, 'settings.json'));
    writeFileSync(join(dir, 'settings.json', 'inside.txt'), 'kept');
    const store = openSettingsStore({ directory: dir, now });
    expect(store.get()).toEqual(defaultSettings());
    const [aside] = readdirSync(dir).filter((name) => name.startsWith('settings.unreadable-'));
    expect(readFileSync(join(dir, aside!, 'inside.txt'), 'utf8')).toBe('kept');
    const notices = store.takeNotices();
    expect(notices.map((n) => n.kind)).toEqual(['settings-reset']);
    expect(notices[0]!.message).toMatch(/it was a folder, not a file/);
    expect(notices[0]!.message).toContain(aside!);
    // The first change writes a real file in its place.
    store.update({ appearance: { theme: 'light' } });
    expect(statSync(join(dir, 'settings.json')).isFile()).toBe(true);
  });
});

describe.skipIf(tmpfsUnavailable !== null)('settings on a disk that takes no writes', () => {
  it('reads the file on a read-only disk, refuses a change with a typed error and leaves the file byte for byte', () => {
    const mount = disk();
    openSettingsStore({ directory: mount.path, now }).update({ physiology: { floodedMinBpm: 108 } });
    const bytes = readFileSync(join(mount.path, 'settings.json'));
    mount.readOnly();
    const store = openSettingsStore({ directory: mount.path, now });
    expect(store.get().physiology.floodedMinBpm).toBe(108);
    expect(() => store.update({ physiology: { floodedMinBpm: 112 } })).toThrow(expect.objectContaining({ code: 'storage-failed', problem: { code: 'storage-failed', fsCode: 'EROFS' } }));
    // What the window shows is what is saved.
    expect(store.get().physiology.floodedMinBpm).toBe(108);
    expect(readFileSync(join(mount.path, 'settings.json'))).toEqual(bytes);
  });

  it('starts from defaults on a full disk with no settings file, and refuses a change as storage-full', () => {
    const mount = disk();
    mount.fill();
    const store = openSettingsStore({ directory: mount.path, now });
    expect(store.get()).toEqual(defaultSettings());
    expect(() => store.update({ appearance: { theme: 'dark' } })).toThrow(expect.objectContaining({ code: 'storage-full' }));
    expect(existsSync(join(mount.path, 'settings.json'))).toBe(false);
    mount.free();
    store.update({ appearance: { theme: 'dark' } });
    expect(openSettingsStore({ directory: mount.path, now }).get().appearance.theme).toBe('dark');
  });

  it('keeps a folder in place of settings.json on a read-only disk, starts from defaults and moves it before the first write', () => {
    const mount = disk();
    mkdirSync(join(mount.path, 'settings.json'));
    mount.readOnly();
    const store = openSettingsStore({ directory: mount.path, now });
    expect(store.get()).toEqual(defaultSettings());
    expect(store.takeNotices()[0]!.message).toMatch(/could not be moved aside, so it was left as it is/);
    expect(statSync(join(mount.path, 'settings.json')).isDirectory()).toBe(true);
    mount.writable();
    store.update({ appearance: { theme: 'dark' } });
    expect(readdirSync(mount.path).filter((name) => name.startsWith('settings.unreadable-'))).toHaveLength(1);
    expect(statSync(join(mount.path, 'settings.json')).isFile()).toBe(true);
  });
});
