import type { z } from 'zod';
import { SettingsSchema } from '../model/settings.ts';
import { NoticeSchema, StorageStatusSchema, SystemResumedSchema } from '../model/app-info.ts';
import { appChannels } from './channels/app.ts';
import { bluetoothChannels, bluetoothEvents } from './channels/bluetooth.ts';
import { settingsChannels } from './channels/settings.ts';
import { recordsChannels } from './channels/records.ts';
import { remindersChannels } from './channels/reminders.ts';
import { trendsChannels } from './channels/trends.ts';
import { momentsChannels } from './channels/moments.ts';
import { NavigateRequestSchema, ReminderStatusSchema } from '../model/reminders.ts';

// The whole IPC surface in one place. Each domain declares its channels in channels/;
// this file joins them. The preload API, the main router and both sides' types come from here.

export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...bluetoothChannels,
  ...recordsChannels,
  ...remindersChannels,
  ...trendsChannels,
  ...momentsChannels,
} as const;

/** Messages main pushes to the window, each with the schema of its payload. */
export const events = {
  'settings.changed': SettingsSchema,
  'app.notice': NoticeSchema,
  ...bluetoothEvents,
  /** Show a screen: a tray item or a reminder notification was clicked. */
  'app.navigate': NavigateRequestSchema,
  'reminders.changed': ReminderStatusSchema,
  /** The computer woke from sleep: links made before it (Bluetooth) are remade. */
  'system.resumed': SystemResumedSchema,
  /** Whether Attune can save changed while it ran (the disk filled, or writes work again). */
  'app.storage': StorageStatusSchema,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
