import { z } from 'zod';

/**
 * Whether Attune can save: 'read-only' when its data folder takes no writes (a full disk, or
 * a read-only disk or folder). Everything still opens and reads; the window shows a banner.
 */
export const StorageStatusSchema = z.object({
  state: z.enum(['writable', 'read-only']),
  reason: z.enum(['disk-full', 'not-writable']).nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  dataFolder: z.string(),
  logFile: z.string(),
  storage: StorageStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** Things main must tell the user once, such as a settings file that had to be reset. */
export const NoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(['settings-reset', 'records-quarantined', 'storage-warning']),
  message: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** The computer woke from sleep (nothing else to say: the window remakes its links). */
export const SystemResumedSchema = z.object({}).strict();
