import { z } from 'zod';
import { SMALL_MOMENT_KIND_IDS, SMALL_MOMENT_WORDS_MAX_CHARS } from '../../content/small-moments.ts';
import { JournalEntrySchema } from '../../model/journal.ts';
import { defineChannel } from '../channel.ts';

// Small moments: noted in two taps from the tray's card or the window. Each is kept as a
// journal entry of kind 'moment', so the journal lists it and export, import, the trash and
// delete-everything treat it like any entry.

const MomentNoteSchema = z
  .object({
    kind: z.enum(SMALL_MOMENT_KIND_IDS),
    /** Optional words about it; blank means none. */
    words: z.string().max(SMALL_MOMENT_WORDS_MAX_CHARS).optional(),
  })
  .strict();

export const momentsChannels = {
  'moment.note': defineChannel({
    input: MomentNoteSchema,
    output: JournalEntrySchema,
    summary: 'Notes a small moment (what it was, optional words) as a journal entry of kind moment.',
  }),
} as const;
