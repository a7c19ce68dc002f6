import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ReminderHistoryEntrySchema, ReminderKindSchema } from '../../shared/model/reminders.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { nodeFs, type StoreFs } from '../store/fs-layer.ts';

// reminders.json under the user data folder: the history, the current pause and break, the
// reminders put off with Snooze and the seed that places check-ins. Small, so it is rewritten whole, atomically (temp file,
// fsync, rename). A file that cannot be read is kept aside and Attune starts afresh.

export const REMINDERS_FILE_NAME = 'reminders.json';

export const RemindersFileSchema = z.object({
  version: z.literal(1),
  seed: z.number().int().min(0),
  pausedUntilMs: z.number().int().nullable(),
  breakEndsAtMs: z.number().int().nullable(),
  history: z.array(ReminderHistoryEntrySchema),
  /** Reminders put off with Snooze, waiting for their time (plan.ts, snoozedOccurrence). Added later: absent means none. */
  snoozed: z
    .array(
      z
        .object({
          key: z.string().min(1).max(200),
          kind: ReminderKindSchema,
          dueAtMs: z.number().int(),
          expiresAtMs: z.number().int(),
          ref: z.string().max(200).optional(),
          snoozed: z.literal(true).optional(),
        })
        .strict(),
    )
    .max(20)
    .default([]),
});
export type RemindersFile = z.infer<typeof RemindersFileSchema>;

export type RemindersFileStore = {
  readonly path: string;
  load(): Promise<{ data: RemindersFile; problem: string | null }>;
  /** Queues a write of the latest data; writes never overlap and the last one wins. */
  save(data: RemindersFile): Promise<void>;
  /** Resolves when every queued write has finished (or failed): the owner waits for it on stop. */
  settled(): Promise<void>;
};

export function freshRemindersFile(random: () => number = Math.random): RemindersFile {
  return { version: 1, seed: Math.floor(random() * 2 ** 31), pausedUntilMs: null, breakEndsAtMs: null, history: [], snoozed: [] };
}

export function openRemindersFile(directory: string, fs: StoreFs = nodeFs, now: () => number = Date.now): RemindersFileStore {
  const path = join(directory, REMINDERS_FILE_NAME);
  let chain: Promise<void> = Promise.resolve();
  let latest: RemindersFile | null = null;
  return {
    path,
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return { data: freshRemindersFile(), problem: null };
      }
      try {
        return { data: RemindersFileSchema.parse(JSON.parse(text)), problem: null };
      } catch {
        const aside = `${path}.unreadable-${now()}`;
        await rename(path, aside).catch(() => undefined);
        return { data: freshRemindersFile(), problem: `The reminder history could not be read, so it starts afresh. The old file is kept as ${aside}.` };
      }
    },
    save(data) {
      latest = data;
      chain = chain.catch(() => undefined).then(async () => {
        if (latest === null) return;
        const next = latest;
        latest = null;
        await fs.mkdir(directory);
        await writeFileAtomic(fs, path, new TextEncoder().encode(`${JSON.stringify(next)}\n`));
      });
      return chain;
    },
    settled: () => chain.catch(() => undefined),
  };
}
