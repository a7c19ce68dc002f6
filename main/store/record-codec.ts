import type { z } from 'zod';
import { AGREEMENT_MIGRATIONS, AGREEMENT_SCHEMA_VERSION, AgreementSchema, type Agreement } from '../../shared/model/agreement.ts';
import { JOURNAL_MIGRATIONS, JOURNAL_SCHEMA_VERSION, JournalEntrySchema, type JournalEntry } from '../../shared/model/journal.ts';
import { migrateRecord, type RecordMigration } from '../../shared/model/record-migrations.ts';
import { SESSION_MIGRATIONS, SESSION_SCHEMA_VERSION, SessionRecordSchema, type SessionRecord } from '../../shared/model/session.ts';
import { seal, unseal, UnsealError, type DataKey } from './crypto.ts';
import { recordAad, type RecordKind } from './layout.ts';

// Turns record documents into sealed bytes and back: JSON, AES-GCM, then on the way in
// the migration path for that kind and its schema. Every failure is a typed outcome so the
// caller can decide between quarantine (damaged), stop (other key) and leave alone (newer).

export type RecordDoc = { session: SessionRecord; journal: JournalEntry; agreement: Agreement };

type KindSpec = { schema: z.ZodType; migrations: readonly RecordMigration[]; version: number };
const KIND_SPECS: Record<RecordKind, KindSpec> = {
  session: { schema: SessionRecordSchema, migrations: SESSION_MIGRATIONS, version: SESSION_SCHEMA_VERSION },
  journal: { schema: JournalEntrySchema, migrations: JOURNAL_MIGRATIONS, version: JOURNAL_SCHEMA_VERSION },
  agreement: { schema: AgreementSchema, migrations: AGREEMENT_MIGRATIONS, version: AGREEMENT_SCHEMA_VERSION },
};

export type DecodeOutcome<K extends RecordKind> =
  | { ok: true; doc: RecordDoc[K]; migratedFrom: number | null }
  | { ok: false; problem: 'damaged' | 'other-key' | 'newer-version'; detail: string };

export function encodeRecord<K extends RecordKind>(dataKey: DataKey, kind: K, doc: RecordDoc[K]): Buffer {
  return seal(dataKey, Buffer.from(JSON.stringify(doc), 'utf8'), recordAad(kind, doc.id));
}

export function decodeRecord<K extends RecordKind>(dataKey: DataKey, kind: K, id: string, sealed: Buffer): DecodeOutcome<K> {
  let plain: Buffer;
  try {
    plain = unseal(dataKey, sealed, recordAad(kind, id));
  } catch (error) {
    if (error instanceof UnsealError) {
      return { ok: false, problem: error.reason === 'other-key' ? 'other-key' : 'damaged', detail: error.message };
    }
    throw error;
  }
  return parseRecordJson(kind, id, plain.toString('utf8'));
}

/** Also used by import, which reads the same documents as plain JSON. */
export function parseRecordJson<K extends RecordKind>(kind: K, id: string | null, json: string): DecodeOutcome<K> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'damaged', detail: 'The record is not valid JSON.' };
  }
  return validateRecord(kind, id, raw);
}

export function validateRecord<K extends RecordKind>(kind: K, id: string | null, raw: unknown): DecodeOutcome<K> {
  const spec = KIND_SPECS[kind];
  const migrated = migrateRecord(raw, spec.migrations, spec.version);
  if (!migrated.ok) {
    return { ok: false, problem: migrated.reason === 'newer-version' ? 'newer-version' : 'damaged', detail: migrated.detail };
  }
  const parsed = spec.schema.safeParse(migrated.doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'damaged', detail: `The record does not match its schema${issue ? ` (${issue.path.join('.') || 'record'}: ${issue.message})` : ''}.` };
  }
  const doc = parsed.data as RecordDoc[K];
  if (id !== null && doc.id !== id) return { ok: false, problem: 'damaged', detail: 'The record id does not match its file name.' };
  return { ok: true, doc, migratedFrom: migrated.migratedFrom };
}
