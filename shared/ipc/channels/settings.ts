import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../../model/settings.ts';
import { defineChannel } from '../channel.ts';

export const settingsChannels = {
  'settings.get': defineChannel({
    input: z.undefined(),
    output: SettingsSchema,
    summary: 'The current settings, with defaults filled in.',
  }),
  'settings.update': defineChannel({
    input: SettingsPatchSchema,
    output: SettingsSchema,
    summary: 'Changes some settings and returns all of them.',
  }),
} as const;
