import { SETTINGS_SCHEMA_VERSION, SettingsSchema, type Settings } from './settings.ts';

// Settings files written by older versions are brought forward one version at a time by
// pure functions, so each step is small and tested on its own. A file from a newer
// Attune than this one cannot be understood safely and is reported, never guessed at.

export type SettingsMigration = {
  from: number;
  to: number;
  migrate: (raw: Record<string, unknown>) => Record<string, unknown>;
};

/**
 * Version 0 is how the file looked before versioning: flat theme and threshold keys.
 * Kept so the migration path is exercised from day one.
 */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [
  {
    from: 0,
    to: 1,
    migrate: (raw) => {
      const { theme, floodedMinBpm, calmAboveBaselineBpm, ...rest } = raw;
      return {
        ...rest,
        schemaVersion: 1,
        appearance: { ...asRecord(rest['appearance']), ...(theme === undefined ? {} : { theme }) },
        physiology: {
          ...asRecord(rest['physiology']),
          ...(floodedMinBpm === undefined ? {} : { floodedMinBpm }),
          ...(calmAboveBaselineBpm === undefined ? {} : { calmAboveBaselineBpm }),
        },
      };
    },
  },
];

export type MigrationOutcome =
  | { ok: true; settings: Settings; migratedFrom: number | null }
  | { ok: false; reason: 'not-an-object' | 'newer-version' | 'no-migration-path' | 'invalid-after-migration'; detail: string };

export function migrateSettings(
  raw: unknown,
  migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
  currentVersion: number = SETTINGS_SCHEMA_VERSION,
): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not-an-object', detail: 'The settings file does not hold an object.' };
  }
  let doc = raw as Record<string, unknown>;
  const declared = doc['schemaVersion'];
  const declaredVersion = declared === undefined ? 0 : declared;
  if (typeof declaredVersion !== 'number' || !Number.isInteger(declaredVersion) || declaredVersion < 0) {
    return { ok: false, reason: 'invalid-after-migration', detail: 'The settings version is not a whole number.' };
  }
  let version: number = declaredVersion;
  if (version > currentVersion) {
    return { ok: false, reason: 'newer-version', detail: `Settings version ${version} comes from a newer Attune.` };
  }
  const startVersion = version;
  while (version < currentVersion) {
    const step = migrations.find((m) => m.from === version);
    if (!step) {
      return { ok: false, reason: 'no-migration-path', detail: `No way to update settings from version ${version}.` };
    }
    doc = step.migrate(doc);
    version = step.to;
  }
  const parsed = SettingsSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      reason: 'invalid-after-migration',
      detail: first ? `${first.path.join('.') || 'settings'}: ${first.message}` : 'The settings do not match their schema.',
    };
  }
  return { ok: true, settings: parsed.data, migratedFrom: startVersion === currentVersion ? null : startVersion };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
