import { z } from 'zod';
import type { RecordMigration } from './record-migrations.ts';
import { EpochMsSchema, RecordIdSchema } from './session.ts';

// A repair agreement: the answer to step 5 of the repair flow ("what would help next
// time?"), kept so the tray can bring it back later.

export const AGREEMENT_SCHEMA_VERSION = 1;
export const AGREEMENT_MIGRATIONS: readonly RecordMigration[] = [];
/** How long an agreement may be: the schema enforces it, the repair flow keeps to it. */
export const AGREEMENT_TEXT_MAX_CHARS = 2000;

export const AgreementFieldsSchema = z.object({
  text: z.string().min(1).max(AGREEMENT_TEXT_MAX_CHARS),
  status: z.enum(['active', 'kept', 'archived']),
  /** When the tray should bring it back; null for never. */
  remindAtMs: EpochMsSchema.nullable(),
  journalEntryId: RecordIdSchema.nullable(),
  sessionId: RecordIdSchema.nullable(),
});

export const AgreementSchema = AgreementFieldsSchema.extend({
  schemaVersion: z.literal(AGREEMENT_SCHEMA_VERSION),
  id: RecordIdSchema,
  revision: z.number().int().min(1),
  createdAtMs: EpochMsSchema,
  updatedAtMs: EpochMsSchema,
}).strict();
export type Agreement = z.infer<typeof AgreementSchema>;

export const AgreementSaveSchema = AgreementFieldsSchema.partial().extend({
  /** Absent: a new agreement. */
  id: RecordIdSchema.optional(),
}).strict();
export type AgreementSave = z.infer<typeof AgreementSaveSchema>;
