import { z } from 'zod';
import type { RecordMigration } from './record-migrations.ts';
import { EpochMsSchema, RecordIdSchema } from './session.ts';

// A journal entry: what the user wrote about a moment, with tags, the prompt it answered,
// the body cues they ticked and the sessions it is about. Deleting moves it to the trash
// (`trashedAtMs`); it can be restored for 30 days, then it is removed for good.

export const JOURNAL_SCHEMA_VERSION = 1;
export const JOURNAL_MIGRATIONS: readonly RecordMigration[] = [];
export const JOURNAL_TRASH_KEEP_MS = 30 * 24 * 3600 * 1000;

// The journal screen writes 'reflection', 'repair' (the five-step flow), 'debrief' (right
// after a session) and 'prompt' (answering a prompt); the others are written elsewhere
// ('moment': a small moment noted from the tray or the window, moment.note).
export const JOURNAL_KINDS = ['reflection', 'check-in', 'intention', 'repair', 'weekly-signs', 'note', 'debrief', 'prompt', 'moment'] as const;

// What an entry may hold. The schemas below enforce these at the IPC boundary and on disk;
// the entry form and the repair flow read the same figures to say so kindly before saving.
export const JOURNAL_TEXT_MAX_CHARS = 50_000;
export const JOURNAL_TITLE_MAX_CHARS = 200;
export const JOURNAL_TAG_MAX_CHARS = 40;
export const JOURNAL_TAGS_MAX = 30;
export const REPAIR_STEP_TEXT_MAX_CHARS = 5000;
export const JOURNAL_SESSION_LINKS_MAX = 200;
/** A search is a few words, not a paragraph. */
export const JOURNAL_SEARCH_MAX_CHARS = 200;

export const TagSchema = z.string().trim().min(1).max(JOURNAL_TAG_MAX_CHARS);

/** What the repair flow keeps besides the text: each step's words and heart rate before and after. */
export const RepairRecordSchema = z.object({
  steps: z.array(z.object({ stepId: z.string().max(40), text: z.string().max(REPAIR_STEP_TEXT_MAX_CHARS) }).strict()).max(5),
  /** Heart rate when the body check began; null without a strap. */
  hrBeforeBpm: z.number().min(25).max(250).nullable(),
  /** Heart rate when the flow was saved; null without a strap. */
  hrAfterBpm: z.number().min(25).max(250).nullable(),
  /** True when the user chose to go on before their heart rate had settled. */
  wentOnBeforeCalm: z.boolean(),
  /** The agreement made from step 5, if one was kept. */
  agreementId: RecordIdSchema.nullable(),
}).strict();
export type RepairRecord = z.infer<typeof RepairRecordSchema>;

export const JournalFieldsSchema = z.object({
  title: z.string().max(JOURNAL_TITLE_MAX_CHARS),
  text: z.string().max(JOURNAL_TEXT_MAX_CHARS),
  tags: z.array(TagSchema).max(JOURNAL_TAGS_MAX),
  kind: z.enum(JOURNAL_KINDS),
  promptId: z.string().max(80).nullable(),
  cues: z.array(z.string().max(60)).max(40),
  /** The weekly self-rating of the five signs of progress, each 1–5, when this entry holds one. */
  signsRating: z.array(z.number().int().min(1).max(5)).length(5).nullable(),
  // Added at version 1 without a migration (optional; absent in older entries).
  /** How it felt, 1 (very unpleasant) … 7 (very pleasant); null when not rated. */
  pleasantness: z.number().int().min(1).max(7).nullable().optional(),
  /** Words from the emotion grid (shared/content/emotions.ts), by id. */
  emotions: z.array(z.string().max(40)).max(20).optional(),
  repair: RepairRecordSchema.nullable().optional(),
  /** A small moment's kind, by id (shared/content/small-moments.ts); only on 'moment' entries. */
  momentKind: z.string().max(40).optional(),
});

export const JournalEntrySchema = JournalFieldsSchema.extend({
  schemaVersion: z.literal(JOURNAL_SCHEMA_VERSION),
  id: RecordIdSchema,
  revision: z.number().int().min(1),
  createdAtMs: EpochMsSchema,
  updatedAtMs: EpochMsSchema,
  sessionIds: z.array(RecordIdSchema).max(JOURNAL_SESSION_LINKS_MAX),
  trashedAtMs: EpochMsSchema.nullable(),
}).strict();
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const JournalCreateSchema = JournalFieldsSchema.partial().extend({
  text: z.string().max(JOURNAL_TEXT_MAX_CHARS),
  sessionIds: z.array(RecordIdSchema).max(JOURNAL_SESSION_LINKS_MAX).optional(),
  /** When the moment happened, if not now (a reflection written the next morning). */
  createdAtMs: EpochMsSchema.optional(),
}).strict();
export type JournalCreate = z.infer<typeof JournalCreateSchema>;

export const JournalPatchSchema = JournalFieldsSchema.partial().extend({
  /** Moves the entry to another moment (back-dating after it was written). */
  createdAtMs: EpochMsSchema.optional(),
}).strict();
export type JournalPatch = z.infer<typeof JournalPatchSchema>;

/** Lists and search results: everything but the full text. */
export const JournalListItemSchema = z.object({
  id: RecordIdSchema,
  revision: z.number().int().min(1),
  createdAtMs: EpochMsSchema,
  updatedAtMs: EpochMsSchema,
  trashedAtMs: EpochMsSchema.nullable(),
  title: z.string(),
  excerpt: z.string(),
  tags: z.array(z.string()),
  kind: z.enum(JOURNAL_KINDS),
  sessionIds: z.array(RecordIdSchema),
  /** A weekly signs entry's five ratings, so lists show them; absent on other entries. */
  signsRating: JournalFieldsSchema.shape.signsRating.optional(),
});
export type JournalListItem = z.infer<typeof JournalListItemSchema>;
