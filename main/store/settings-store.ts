import { copyFileSync, existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { z } from 'zod';
import {
  SettingsPatchSchema,
  SettingsSchema,
  applySettingsPatch,
  defaultSettings,
  type Settings,
  type SettingsPatch,
} from '../../shared/model/settings.ts';
import { migrateSettings } from '../../shared/model/settings-migrations.ts';
import type { Notice } from '../../shared/model/app-info.ts';
import { StoreError, toStoreError } from './errors.ts';

// Settings live in electron-store (small JSON, schema-checked, atomic writes). Before the
// store opens, we read the file ourselves: an unreadable, invalid or too-new file is copied
// aside (never overwritten), Attune starts from defaults, and the user is told once.
// electron-store's own `clearInvalidConfig` would silently throw the file away instead.

export const SETTINGS_FILE_NAME = 'settings';

export type SettingsStore = {
  readonly path: string;
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** Notices produced while opening; returned once, then forgotten. */
  takeNotices(): Notice[];
};

export type OpenSettingsOptions = {
  directory: string;
  now: () => Date;
};

export function openSettingsStore({ directory, now }: OpenSettingsOptions): SettingsStore {
  const path = join(directory, `${SETTINGS_FILE_NAME}.json`);
  const notices: Notice[] = [];
  const initial = readExistingSettings(path, now, notices);

  const store = new ElectronStore<Settings>({
    cwd: directory,
    name: SETTINGS_FILE_NAME,
    schema: settingsJsonSchemaProperties(),
    defaults: defaultSettings(),
    clearInvalidConfig: false,
  });
  // Write the (possibly migrated) document back through the store so the file on disk is
  // always current and complete.
  store.store = initial;

  return {
    path,
    get: () => SettingsSchema.parse(store.store),
    update(patch) {
      const parsedPatch = SettingsPatchSchema.safeParse(patch);
      if (!parsedPatch.success) throw new StoreError({ code: 'invalid', reason: 'settings-not-valid' });
      const next = SettingsSchema.safeParse(applySettingsPatch(SettingsSchema.parse(store.store), parsedPatch.data));
      if (!next.success) throw new StoreError({ code: 'invalid', reason: 'settings-not-valid' });
      try {
        store.store = next.data;
      } catch (error) {
        throw toStoreError(error);
      }
      return next.data;
    },
    takeNotices: () => notices.splice(0, notices.length),
  };
}

function readExistingSettings(path: string, now: () => Date, notices: Notice[]): Settings {
  if (!existsSync(path)) return defaultSettings();
  let raw: unknown;
  let problem: string | null = null;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    problem = 'it could not be read';
  }
  if (problem === null) {
    const outcome = migrateSettings(raw);
    if (outcome.ok) return outcome.settings;
    problem = outcome.reason === 'newer-version' ? 'it was written by a newer version of Attune' : 'its contents were not valid';
  }
  const backupPath = backUp(path, now());
  notices.push({
    id: `settings-reset-${now().getTime()}`,
    kind: 'settings-reset',
    message: `Your settings file could not be used because ${problem}, so Attune started with its default settings. The old file is kept as ${backupPath}.`,
  });
  // Move the bad file out of electron-store's way so it opens cleanly.
  writeFileSync(`${path}.tmp`, JSON.stringify(defaultSettings()));
  renameSync(`${path}.tmp`, path);
  return defaultSettings();
}

function backUp(path: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let candidate = path.replace(/\.json$/, `.unreadable-${stamp}.json`);
  for (let n = 2; existsSync(candidate); n += 1) {
    candidate = path.replace(/\.json$/, `.unreadable-${stamp}-${n}.json`);
  }
  copyFileSync(path, candidate);
  return candidate;
}

/** electron-store wants the JSON schema of each top-level key. */
function settingsJsonSchemaProperties(): ConstructorParameters<typeof ElectronStore<Settings>>[0] extends infer O
  ? O extends { schema?: infer S }
    ? S
    : never
  : never {
  const schema = z.toJSONSchema(SettingsSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, unknown>;
  };
  return schema.properties as never;
}
