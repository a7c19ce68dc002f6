// Every stored record (session, journal entry, agreement) carries its own `schemaVersion`.
// A record written by an older Attune is brought forward one version at a time by pure
// functions when it is read; it is written back in the new shape only when it next changes,
// so an upgrade never rewrites the whole data set. A record from a newer Attune is left
// untouched on disk and reported, never guessed at.

export type RecordMigration = {
  from: number;
  to: number;
  migrate: (raw: Record<string, unknown>) => Record<string, unknown>;
};

export type RecordMigrationOutcome =
  | { ok: true; doc: Record<string, unknown>; migratedFrom: number | null }
  | { ok: false; reason: 'not-an-object' | 'bad-version' | 'newer-version' | 'no-migration-path'; detail: string };

export function migrateRecord(
  raw: unknown,
  migrations: readonly RecordMigration[],
  currentVersion: number,
): RecordMigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: 'not-an-object', detail: 'The record does not hold an object.' };
  }
  let doc = raw as Record<string, unknown>;
  const declared = doc['schemaVersion'];
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0) {
    return { ok: false, reason: 'bad-version', detail: 'The record version is not a whole number.' };
  }
  if (declared > currentVersion) {
    return { ok: false, reason: 'newer-version', detail: `Record version ${declared} comes from a newer Attune.` };
  }
  let version = declared;
  while (version < currentVersion) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, reason: 'no-migration-path', detail: `No way to update a record from version ${version}.` };
    doc = { ...step.migrate(doc), schemaVersion: step.to };
    version = step.to;
  }
  return { ok: true, doc, migratedFrom: declared === currentVersion ? null : declared };
}
