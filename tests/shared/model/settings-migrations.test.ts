import { describe, expect, it } from 'vitest';
import { migrateSettings } from '../../../shared/model/settings-migrations.ts';
import { defaultSettings } from '../../../shared/model/settings.ts';

describe('settings migrations', () => {
  it('accepts a current file as it is', () => {
    const current = { ...defaultSettings(), appearance: { theme: 'dark', motion: 'reduce', textSize: 'large' } };
    expect(migrateSettings(current)).toEqual({ ok: true, settings: current, migratedFrom: null });
  });

  it('fills in sections missing from a current file with defaults', () => {
    const outcome = migrateSettings({ schemaVersion: 1, breathing: { soundCues: true } });
    expect(outcome.ok && outcome.settings.breathing).toEqual({ preset: 'long-exhale-4-6', soundCues: true });
    expect(outcome.ok && outcome.settings.physiology.floodedMinBpm).toBe(100);
  });

  it('moves the flat keys of an unversioned file into their sections', () => {
    const outcome = migrateSettings({ theme: 'dark', floodedMinBpm: 95, calmAboveBaselineBpm: 4 });
    expect(outcome).toEqual({
      ok: true,
      migratedFrom: 0,
      settings: {
        ...defaultSettings(),
        appearance: { ...defaultSettings().appearance, theme: 'dark' },
        physiology: { ...defaultSettings().physiology, floodedMinBpm: 95, calmAboveBaselineBpm: 4 },
      },
    });
  });

  it.each([
    ['a newer version', { schemaVersion: 2 }, 'newer-version'],
    ['an array', [], 'not-an-object'],
    ['null', null, 'not-an-object'],
    ['a string', 'dark', 'not-an-object'],
    ['a fractional version', { schemaVersion: 0.5 }, 'invalid-after-migration'],
    ['invalid values', { schemaVersion: 1, physiology: { sustainSec: -3 } }, 'invalid-after-migration'],
  ])('refuses %s', (_label, raw, reason) => {
    expect(migrateSettings(raw)).toEqual(expect.objectContaining({ ok: false, reason }));
  });

  it('says when no migration path exists', () => {
    expect(migrateSettings({ schemaVersion: 0 }, [])).toEqual(expect.objectContaining({ ok: false, reason: 'no-migration-path' }));
  });
});
