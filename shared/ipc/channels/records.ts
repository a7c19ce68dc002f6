import { z } from 'zod';
import { AgreementSaveSchema, AgreementSchema } from '../../model/agreement.ts';
import { JOURNAL_SEARCH_MAX_CHARS, JournalCreateSchema, JournalEntrySchema, JournalListItemSchema, JournalPatchSchema, TagSchema } from '../../model/journal.ts';
import {
  BeatSchema,
  EpochMsSchema,
  PhaseMarkerSchema,
  RecordIdSchema,
  SessionDetailSchema,
  SessionFinishSchema,
  SessionListItemSchema,
  SessionStartSchema,
} from '../../model/session.ts';
import { SessionsListEntrySchema } from '../../trends/sessions-list.ts';
import { defineChannel } from '../channel.ts';

// Sessions, their beats, journal entries, repair agreements and the user's data as a
// whole (export, import, delete everything). Main owns the files; the window only ever
// names records by id. Folders and files for export and import are chosen in main through
// the system dialog, never passed in from the page.

const sessionRef = z.object({ sessionId: RecordIdSchema }).strict();
const entryRef = z.object({ id: RecordIdSchema }).strict();
const linkRef = z.object({ entryId: RecordIdSchema, sessionId: RecordIdSchema }).strict();

const journalFilterFields = {
  fromMs: EpochMsSchema.optional(),
  toMs: EpochMsSchema.optional(),
  tags: z.array(TagSchema).max(10).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
};

const cancelled = z.object({ cancelled: z.literal(true) }).strict();

export const DELETE_EVERYTHING_CONFIRMATION = 'delete everything';

export const EncryptionStatusSchema = z.object({
  /** 'os': the data key is wrapped by the system key store; 'none': stored beside the data as is. */
  wrappedBy: z.enum(['os', 'none']),
  backend: z.string(),
  reason: z.enum(['protected', 'os-store-unavailable', 'linux-basic-text']),
});

export const RecordsStatusSchema = z.object({
  /** 'open', or 'unavailable' with `problem` saying why in plain words (e.g. a missing key). */
  state: z.enum(['open', 'unavailable']),
  problem: z.string().nullable(),
  encryption: EncryptionStatusSchema.nullable(),
  sessionCount: z.number().int().min(0),
  journalCount: z.number().int().min(0),
  agreementCount: z.number().int().min(0),
  quarantinedCount: z.number().int().min(0),
  newerRecordCount: z.number().int().min(0),
});

/** One file in the quarantine folder (main/store/quarantine.ts). */
export const QuarantineEntrySchema = z.object({
  name: z.string().max(400),
  what: z.enum(['session', 'journal', 'agreement', 'beats', 'index', 'record', 'other']),
  reason: z.string().nullable(),
  atMs: EpochMsSchema.nullable(),
  sizeBytes: z.number().int().min(0),
  /** 'copied': a repaired file took its place; 'moved': the original left the records. */
  kept: z.enum(['moved', 'copied']).nullable(),
}).strict();

export const recordsChannels = {
  'session.start': defineChannel({
    input: SessionStartSchema,
    output: SessionListItemSchema,
    summary: 'Starts recording a session (check, breathing, break…) and returns it.',
  }),
  'session.appendBeats': defineChannel({
    input: z.object({ sessionId: RecordIdSchema, beats: z.array(BeatSchema).min(1).max(2000) }).strict(),
    output: z.object({ beatCount: z.number().int().min(0) }),
    summary: 'Saves a batch of beats of a recording session; resolved means on disk.',
  }),
  'session.addMarker': defineChannel({
    input: z.object({ sessionId: RecordIdSchema, marker: PhaseMarkerSchema }).strict(),
    output: z.object({ markerCount: z.number().int().min(0) }),
    summary: 'Marks a phase (baseline, breathing, verdict…) in a recording session.',
  }),
  'session.finish': defineChannel({
    input: SessionFinishSchema,
    output: SessionListItemSchema,
    summary: 'Ends a recording and stores its summary, computed from the saved beats.',
  }),
  'session.discard': defineChannel({
    input: sessionRef,
    output: z.object({ discarded: z.literal(true) }),
    summary: 'Removes a session and its beats for good.',
  }),
  'session.delete': defineChannel({
    input: sessionRef,
    output: z.object({ sessionId: RecordIdSchema, trashedAtMs: EpochMsSchema }).strict(),
    summary: 'Moves a finished session and its beats to the trash, where it can be restored for 30 days.',
  }),
  'session.restore': defineChannel({
    input: sessionRef,
    output: SessionsListEntrySchema,
    summary: 'Brings a session and its beats back from the trash.',
  }),
  'session.list': defineChannel({
    input: z
      .object({ fromMs: EpochMsSchema, toMs: EpochMsSchema })
      .strict()
      .refine((range) => range.toMs > range.fromMs, { message: 'toMs must be after fromMs', path: ['toMs'] }),
    output: z.array(SessionListItemSchema),
    summary: 'Sessions that started in [fromMs, toMs), oldest first, with their summaries.',
  }),
  'session.listAll': defineChannel({
    input: z.undefined(),
    output: z.array(SessionsListEntrySchema),
    summary: 'Every session, oldest first, with only what the sessions list shows (no summaries, no beats).',
  }),
  'session.get': defineChannel({
    input: sessionRef,
    output: SessionDetailSchema,
    summary: 'One session with its phase markers, beats and linked journal entries.',
  }),

  'journal.create': defineChannel({
    input: JournalCreateSchema,
    output: JournalEntrySchema,
    summary: 'Saves a new journal entry.',
  }),
  'journal.update': defineChannel({
    input: z
      .object({ id: RecordIdSchema, patch: JournalPatchSchema, expectedRevision: z.number().int().min(1).optional() })
      .strict(),
    output: JournalEntrySchema,
    summary: 'Changes an entry; with expectedRevision, fails with conflict if it changed meanwhile.',
  }),
  'journal.delete': defineChannel({
    input: entryRef,
    output: JournalEntrySchema,
    summary: 'Moves an entry to the trash, where it can be restored for 30 days.',
  }),
  'journal.restore': defineChannel({
    input: entryRef,
    output: JournalEntrySchema,
    summary: 'Brings an entry back from the trash.',
  }),
  'journal.get': defineChannel({
    input: entryRef,
    output: JournalEntrySchema,
    summary: 'One journal entry with its full text.',
  }),
  'journal.list': defineChannel({
    input: z.object({ ...journalFilterFields, trashed: z.boolean().optional() }).strict(),
    output: z.array(JournalListItemSchema),
    summary: 'Entries (newest first) by date range and tags; trashed: true lists the trash.',
  }),
  'journal.search': defineChannel({
    input: z.object({ text: z.string().trim().min(1).max(JOURNAL_SEARCH_MAX_CHARS), ...journalFilterFields }).strict(),
    output: z.array(JournalListItemSchema.extend({ score: z.number() })),
    summary: 'Full-text search of entries, narrowed by tags and dates, best match first.',
  }),
  'journal.searchIds': defineChannel({
    input: z.object({ text: z.string().trim().min(1).max(JOURNAL_SEARCH_MAX_CHARS), ...journalFilterFields }).strict(),
    output: z.array(z.object({ id: RecordIdSchema, score: z.number() })),
    summary: 'The same search, answering only ids and scores: for a window that already holds the list (search as you type).',
  }),
  'journal.link': defineChannel({
    input: linkRef,
    output: JournalEntrySchema,
    summary: 'Links an entry to a session.',
  }),
  'journal.unlink': defineChannel({
    input: linkRef,
    output: JournalEntrySchema,
    summary: 'Removes the link between an entry and a session.',
  }),

  'agreement.list': defineChannel({
    input: z.undefined(),
    output: z.array(AgreementSchema),
    summary: 'Repair agreements, newest first.',
  }),
  'agreement.save': defineChannel({
    input: AgreementSaveSchema,
    output: AgreementSchema,
    summary: 'Creates (no id) or changes a repair agreement.',
  }),
  'agreement.delete': defineChannel({
    input: entryRef,
    output: z.object({ deleted: z.literal(true) }),
    summary: 'Deletes a repair agreement.',
  }),

  'data.status': defineChannel({
    input: z.undefined(),
    output: RecordsStatusSchema,
    summary: 'Whether the records are open, how the key is protected, and counts.',
  }),
  'data.export': defineChannel({
    input: z.undefined(),
    output: z.union([
      cancelled,
      z.object({
        cancelled: z.literal(false),
        folder: z.string(),
        sessions: z.number().int(),
        journalEntries: z.number().int(),
        agreements: z.number().int(),
      }),
    ]),
    summary: 'Asks for a folder and writes everything there as JSON, CSV and plain RR files.',
  }),
  'data.import': defineChannel({
    input: z.undefined(),
    output: z.union([
      cancelled,
      z.object({
        cancelled: z.literal(false),
        added: z.object({ sessions: z.number().int(), journalEntries: z.number().int(), agreements: z.number().int() }),
        unchanged: z.number().int(),
        conflicts: z.number().int(),
        problems: z.array(z.object({ file: z.string(), reason: z.string() })),
      }),
    ]),
    summary: 'Asks for an Attune export folder and adds what is not here yet.',
  }),
  'data.importRecording': defineChannel({
    input: z.undefined(),
    output: z.union([
      cancelled,
      z.object({ cancelled: z.literal(false), session: SessionListItemSchema, alreadyImported: z.boolean(), leftOutCount: z.number().int().min(0) }),
    ]),
    summary: 'Asks for a recording file (plain RR, Kubios, Polar HRM or CSV) and adds it as a session.',
  }),
  'data.quarantine': defineChannel({
    input: z.undefined(),
    output: z.array(QuarantineEntrySchema),
    summary: 'The files set aside in the quarantine folder, oldest first: when, what, why and how big.',
  }),
  'data.exportQuarantine': defineChannel({
    input: z.undefined(),
    output: z.union([
      cancelled,
      z.object({
        cancelled: z.literal(false),
        folder: z.string(),
        copied: z.number().int().min(0),
        problems: z.array(z.object({ file: z.string(), reason: z.string() }).strict()),
      }).strict(),
    ]),
    summary: 'Asks for a folder and copies the quarantined files there, byte for byte and still encrypted.',
  }),
  'data.deleteEverything': defineChannel({
    input: z.object({ confirm: z.literal(DELETE_EVERYTHING_CONFIRMATION) }).strict(),
    output: z.object({ deleted: z.literal(true) }),
    summary: 'Deletes every session, beat, entry and agreement, and the key. Needs the typed confirmation.',
  }),
} as const;
