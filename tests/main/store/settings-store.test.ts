import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore } from '../../../main/store/settings-store.ts';
import { defaultSettings } from '../../../shared/model/settings.ts';
import { StoreError } from '../../../main/store/errors.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

const fixedNow = () => new Date('2026-11-25T10:00:00.000Z');

describe('settings store', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  function settingsFile(): Record<string, unknown> {
    return JSON.parse(readFileSync(join(dir.path, 'settings.json'), 'utf8')) as Record<string, unknown>;
  }

  it('starts from the documented defaults and writes no file until something changes', () => {
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    expect(store.get()).toEqual(defaultSettings());
    expect(store.get().physiology).toEqual({
      floodedMinBpm: 100,
      floodedAboveBaselinePercent: 10,
      calmAboveBaselineBpm: 5,
      sustainSec: 30,
      maxCorrectedPercent: 5,
    });
    expect(existsSync(join(dir.path, 'settings.json'))).toBe(false);
    expect(store.takeNotices()).toEqual([]);
    store.update({ appearance: { theme: 'dark' } });
    expect(settingsFile()['schemaVersion']).toBe(1);
  });

  it('saves an update to the file and keeps it after reopening', () => {
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    const next = store.update({ appearance: { theme: 'dark' }, physiology: { floodedMinBpm: 110 } });
    expect(next.appearance.theme).toBe('dark');
    expect(next.appearance.motion).toBe('system');
    expect((settingsFile()['physiology'] as Record<string, unknown>)['floodedMinBpm']).toBe(110);
    const reopened = openSettingsStore({ directory: dir.path, now: fixedNow });
    expect(reopened.get().appearance.theme).toBe('dark');
    expect(reopened.get().physiology.floodedMinBpm).toBe(110);
  });

  it('changes only the field that was updated, leaving the rest of its section alone', () => {
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    store.update({ appearance: { motion: 'reduce' } });
    store.update({ appearance: { textSize: 'large' } });
    store.update({ physiology: { sustainSec: 45 } });
    store.update({ physiology: { calmAboveBaselineBpm: 7 } });
    expect(store.get().appearance).toEqual({ theme: 'system', motion: 'reduce', textSize: 'large' });
    expect(store.get().physiology).toMatchObject({ sustainSec: 45, calmAboveBaselineBpm: 7, floodedMinBpm: 100 });
  });

  it('rejects an out-of-range value with a typed error and keeps the old value', () => {
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    store.update({ physiology: { floodedMinBpm: 105 } });
    expect(() => store.update({ physiology: { floodedMinBpm: 20 } })).toThrow(StoreError);
    expect(store.get().physiology.floodedMinBpm).toBe(105);
    expect((settingsFile()['physiology'] as Record<string, unknown>)['floodedMinBpm']).toBe(105);
  });

  it('keeps a backup of a corrupt file, starts from defaults and says so once', () => {
    writeFileSync(join(dir.path, 'settings.json'), '{"schemaVersion": 1, "appearance": {"theme": "da');
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    expect(store.get()).toEqual(defaultSettings());
    const backups = readdirSync(dir.path).filter((name) => name.startsWith('settings.unreadable-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir.path, backups[0]!), 'utf8')).toContain('"theme": "da');
    const notices = store.takeNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.kind).toBe('settings-reset');
    expect(notices[0]!.message).toContain(backups[0]!);
    expect(store.takeNotices()).toEqual([]);
  });

  it('keeps a backup of a file with invalid values rather than guessing', () => {
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ schemaVersion: 1, physiology: { floodedMinBpm: 'fast' } }));
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    expect(store.get().physiology.floodedMinBpm).toBe(100);
    expect(store.takeNotices()[0]!.message).toMatch(/not valid/);
  });

  it('never overwrites an earlier backup', () => {
    writeFileSync(join(dir.path, 'settings.json'), 'garbage one');
    openSettingsStore({ directory: dir.path, now: fixedNow });
    writeFileSync(join(dir.path, 'settings.json'), 'garbage two');
    openSettingsStore({ directory: dir.path, now: fixedNow });
    const backups = readdirSync(dir.path).filter((name) => name.startsWith('settings.unreadable-'));
    expect(backups).toHaveLength(2);
    const contents = backups.map((name) => readFileSync(join(dir.path, name), 'utf8')).sort();
    expect(contents).toEqual(['garbage one', 'garbage two']);
  });

  it('does not touch a file written by a newer Attune except to back it up', () => {
    const newer = JSON.stringify({ schemaVersion: 99, appearance: { theme: 'dark' } });
    writeFileSync(join(dir.path, 'settings.json'), newer);
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    expect(store.takeNotices()[0]!.message).toMatch(/newer version/);
    const backups = readdirSync(dir.path).filter((name) => name.startsWith('settings.unreadable-'));
    expect(readFileSync(join(dir.path, backups[0]!), 'utf8')).toBe(newer);
  });

  it('migrates an unversioned file forward, keeping the values', () => {
    writeFileSync(join(dir.path, 'settings.json'), JSON.stringify({ theme: 'light', floodedMinBpm: 105 }));
    const store = openSettingsStore({ directory: dir.path, now: fixedNow });
    expect(store.get().appearance.theme).toBe('light');
    expect(store.get().physiology.floodedMinBpm).toBe(105);
    expect(settingsFile()['schemaVersion']).toBe(1);
    expect(settingsFile()).not.toHaveProperty('theme');
    expect(store.takeNotices()).toEqual([]);
    expect(existsSync(join(dir.path, 'settings.json'))).toBe(true);
  });
});
