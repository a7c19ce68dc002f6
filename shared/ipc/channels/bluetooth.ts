import { z } from 'zod';
import { RememberedStrapSchema } from '../../model/settings.ts';
import { defineChannel } from '../channel.ts';

// The in-app Bluetooth chooser. Electron hands main every `select-bluetooth-device` event;
// main streams the device list to the window ('bluetooth.chooser' events), and the window
// answers with the user's pick or a cancel. The window also says when its own device request
// ended, so a dialog whose request Chromium dropped does not stay up. Pairing prompts (Windows,
// Linux) travel the same way. Main never picks a device the user did not choose, except the
// remembered strap when the user pressed "Reconnect to <name>".

export const CHOOSER_MODES = ['choose', 'reconnect'] as const;
export const CHOOSER_CLOSE_REASONS = ['picked', 'cancelled', 'not-found', 'superseded', 'request-ended', 'window-closed'] as const;
export const PAIRING_KINDS = ['confirm', 'confirmPin', 'providePin'] as const;

const RequestIdSchema = z.number().int().min(1);
/** Names one announced device request (bluetooth.beginRequest) when the window says it ended. */
const TicketSchema = z.number().int().min(1);

export const ChooserDeviceSchema = z.object({
  id: z.string().max(200),
  name: z.string().max(100),
  remembered: z.boolean(),
});
export type ChooserDevice = z.infer<typeof ChooserDeviceSchema>;

export const ChooserEventSchema = z.discriminatedUnion('state', [
  z.object({
    requestId: RequestIdSchema,
    state: z.literal('open'),
    mode: z.enum(CHOOSER_MODES),
    /** Newest list first sorted: the remembered strap first, then by name. */
    devices: z.array(ChooserDeviceSchema).max(200),
    /** In reconnect mode, the strap being looked for. */
    lookingFor: z.string().max(100).nullable(),
    /** False once the scan has stopped: the list will not grow, the user may search again. */
    searching: z.boolean(),
  }),
  z.object({
    requestId: RequestIdSchema,
    state: z.literal('closed'),
    reason: z.enum(CHOOSER_CLOSE_REASONS),
    /** A sentence for the user when the reason is worth one (the strap was not found). */
    message: z.string().max(300).nullable(),
  }),
]);
export type ChooserEvent = z.infer<typeof ChooserEventSchema>;

export const PairingEventSchema = z.discriminatedUnion('state', [
  z.object({
    pairingId: RequestIdSchema,
    state: z.literal('open'),
    kind: z.enum(PAIRING_KINDS),
    deviceName: z.string().max(100),
    /** The PIN to compare, for 'confirmPin'. */
    pin: z.string().max(16).nullable(),
  }),
  z.object({ pairingId: RequestIdSchema, state: z.literal('closed') }),
]);
export type PairingEvent = z.infer<typeof PairingEventSchema>;

export const bluetoothEvents = {
  'bluetooth.chooser': ChooserEventSchema,
  'bluetooth.pairing': PairingEventSchema,
} as const;

export const bluetoothChannels = {
  'bluetooth.beginRequest': defineChannel({
    input: z.object({ mode: z.enum(CHOOSER_MODES) }).strict(),
    output: z.object({ rememberedStrap: RememberedStrapSchema.nullable(), ticket: TicketSchema }),
    summary: 'Says a device request is coming and whether to auto-pick the remembered strap; closes any open one. The ticket names it for bluetooth.requestEnded.',
  }),
  'bluetooth.requestEnded': defineChannel({
    input: z.object({ ticket: TicketSchema }).strict(),
    output: z.object({ accepted: z.boolean() }),
    summary: "The window's device request settled (picked, refused or failed): close its chooser if it is still open.",
  }),
  'bluetooth.choose': defineChannel({
    input: z.object({ requestId: RequestIdSchema, deviceId: z.string().min(1).max(200) }).strict(),
    output: z.object({ accepted: z.boolean() }),
    summary: 'The device the user picked in the chooser.',
  }),
  'bluetooth.cancel': defineChannel({
    input: z.object({ requestId: RequestIdSchema }).strict(),
    output: z.object({ accepted: z.boolean() }),
    summary: 'The user closed the chooser without picking.',
  }),
  'bluetooth.answerPairing': defineChannel({
    input: z
      .object({ pairingId: RequestIdSchema, confirmed: z.boolean(), pin: z.string().regex(/^[0-9]{1,16}$/).optional() })
      .strict(),
    output: z.object({ accepted: z.boolean() }),
    summary: 'The user confirmed (or refused) pairing, with the PIN when the strap asked for one.',
  }),
  'bluetooth.rememberConnected': defineChannel({
    input: z.object({ name: z.string().max(100) }).strict(),
    output: z.object({ rememberedStrap: RememberedStrapSchema.nullable() }),
    summary: 'The picked strap connected: remember it for "Reconnect to <name>".',
  }),
  'bluetooth.forget': defineChannel({
    input: z.undefined(),
    output: z.object({ forgotten: z.literal(true) }),
    summary: 'Forgets the remembered strap.',
  }),
} as const;
