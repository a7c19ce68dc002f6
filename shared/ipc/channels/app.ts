import { z } from 'zod';
import { AppInfoSchema, NoticeSchema } from '../../model/app-info.ts';
import { defineChannel } from '../channel.ts';

export const appChannels = {
  'app.info': defineChannel({
    input: z.undefined(),
    output: AppInfoSchema,
    summary: 'Version, platform, data folder and log file location.',
  }),
  'app.retryStorage': defineChannel({
    input: z.undefined(),
    output: AppInfoSchema,
    summary: 'Tries writing to the data folder again (and the work that waited for it); the app info with its storage status.',
  }),
  'app.takeNotices': defineChannel({
    input: z.undefined(),
    output: z.array(NoticeSchema),
    summary: 'Messages main has for the user (each returned once).',
  }),
  'app.showLogFile': defineChannel({
    input: z.undefined(),
    output: z.boolean(),
    summary: 'Reveals the log file in the system file manager.',
  }),
  'log.rendererError': defineChannel({
    input: z.object({
      message: z.string().max(2000),
      stack: z.string().max(8000).optional(),
    }).strict(),
    output: z.boolean(),
    summary: 'Records an unexpected error from the window in the log file (no user data).',
  }),
} as const;
