import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
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
import { READ_ONLY_WORDS } from '../../shared/content/store-messages.ts';
import { StoreError, toStoreError } from './errors.ts';
import { isNotFound } from './fs-layer.ts';

// Settings live in memory and in settings.json, written through electron-store (small JSON,
// schema-checked, atomic writes) only when they change: opening reads and never writes, so
// Attune starts on a full or read-only disk. An unreadable, invalid or too-new file, or a
// folder (anything but a regular file) in its place, is renamed aside (never overwritten;
// a rename needs no free space and works for a folder), Attune starts from defaults, and
// the user is told once. electron-store's own `clearInvalidConfig` would silently throw the
// file away instead. A change the disk refuses is refused with a typed StoreError and not
// kept, so what the window shows is always what is saved.

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
  const opened = readExistingSettings(path, now, notices);
  let current = opened.settings;
  // A bad file that could not be moved aside (read-only disk) is moved before the first write.
  let badFileInPlace = opened.badFileInPlace;
  let store: ElectronStore<Settings> | null = null;

  const write = (next: Settings): void => {
    if (badFileInPlace) {
      setAside(path, now());
      badFileInPlace = false;
    }
    // Made on the first write only: electron-store writes the defaults when it opens a missing file.
    store ??= new ElectronStore<Settings>({
      cwd: directory,
      name: SETTINGS_FILE_NAME,
      schema: settingsJsonSchemaProperties(),
      defaults: defaultSettings(),
      clearInvalidConfig: false,
    });
    store.store = next;
  };

  if (opened.migrated) {
    try {
      write(current);
    } catch {
      // Kept in memory; the old file migrates again next time, or is written with the next change.
    }
  }

  return {
    path,
    get: () => current,
    update(patch) {
      const parsedPatch = SettingsPatchSchema.safeParse(patch);
      if (!parsedPatch.success) throw new StoreError({ code: 'invalid', reason: 'settings-not-valid' });
      const next = SettingsSchema.safeParse(applySettingsPatch(current, parsedPatch.data));
      if (!next.success) throw new StoreError({ code: 'invalid', reason: 'settings-not-valid' });
      try {
        write(next.data);
      } catch (error) {
        throw toStoreError(error);
      }
      current = next.data;
      return next.data;
    },
    takeNotices: () => notices.splice(0, notices.length),
  };
}

type OpenedSettings = {
  settings: Settings;
  /** The file holds an older version: write the migrated one. */
  migrated: boolean;
  /** A file that could not be used is still at settings.json (it could not be moved). */
  badFileInPlace: boolean;
};

function readExistingSettings(path: string, now: () => Date, notices: Notice[]): OpenedSettings {
  const problem = (() => {
    try {
      if (!statSync(path).isFile()) return READ_ONLY_WORDS.settingsFolderMovedAside;
      return null;
    } catch (error) {
      return isNotFound(error) ? 'missing' : 'it could not be read';
    }
  })();
  if (problem === 'missing') return { settings: defaultSettings(), migrated: false, badFileInPlace: false };
  let why = problem;
  if (why === null) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      why = 'it could not be read';
    }
    if (why === null) {
      const outcome = migrateSettings(raw);
      if (outcome.ok) return { settings: outcome.settings, migrated: !isDeepStrictEqual(raw, outcome.settings), badFileInPlace: false };
      why = outcome.reason === 'newer-version' ? 'it was written by a newer version of Attune' : 'its contents were not valid';
    }
  }
  let kept: string;
  let badFileInPlace = false;
  try {
    kept = `The old file is kept as ${setAside(path, now())}.`;
  } catch {
    kept = READ_ONLY_WORDS.settingsNotMoved(path);
    badFileInPlace = true;
  }
  notices.push({
    id: `settings-reset-${now().getTime()}`,
    kind: 'settings-reset',
    message: `Your settings file could not be used because ${why}, so Attune started with its default settings. ${kept}`,
  });
  return { settings: defaultSettings(), migrated: false, badFileInPlace };
}

/** Renames the unusable file (or folder) aside, byte for byte; throws when the disk refuses. */
function setAside(path: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let candidate = path.replace(/\.json$/, `.unreadable-${stamp}.json`);
  for (let n = 2; existsSync(candidate); n += 1) {
    candidate = path.replace(/\.json$/, `.unreadable-${stamp}-${n}.json`);
  }
  renameSync(path, candidate);
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
