import { z } from 'zod';
import { SettingsSchema, WindowSettingsPatchSchema } from '../../model/settings.ts';
import { defineChannel } from '../channel.ts';

export const settingsChannels = {
  'settings.get': defineChannel({
    input: z.undefined(),
    output: SettingsSchema,
    summary: 'The current settings, with defaults filled in.',
  }),
  'settings.update': defineChannel({
    input: WindowSettingsPatchSchema,
    output: SettingsSchema,
    summary: 'Changes some settings (not the remembered strap, which main records after a pick) and returns all of them.',
  }),
} as const;
