import { z } from 'zod';
import { DEFAULT_REGULATION_THRESHOLDS as RULES } from '../signal/regulation-rules.ts';
import { MAX_CORRECTED_PERCENT } from '../signal/verdict.ts';
import { ReminderSettingsPatchSchema, ReminderSettingsSchema } from './reminder-settings.ts';

// User settings: small, typed, every threshold the rules use. Stored by main in
// electron-store; this schema is the single source for defaults, validation and the
// JSON schema electron-store checks the file against.

export const SETTINGS_SCHEMA_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const;
export const MOTION_PREFERENCES = ['system', 'reduce'] as const;
export const TEXT_SIZES = ['standard', 'large'] as const;
export const BREATHING_PRESETS = ['long-exhale-4-6', 'resonance-5.5', 'box-4-4-4-4', '4-7-8', 'cyclic-sigh'] as const;

// Each section is declared once without defaults (the shape a patch may carry), then with
// defaults for the stored document. In zod 4, `.partial()` of a schema with defaults would
// still fill them in, so a one-field update would silently reset its neighbours.

const appearanceFields = {
  theme: z.enum(THEMES),
  motion: z.enum(MOTION_PREFERENCES),
  textSize: z.enum(TEXT_SIZES),
};

/** Ranges the user may choose; the defaults are the rules' own (shared/signal/regulation-rules.ts, verdict.ts). */
const physiologyFields = {
  floodedMinBpm: z.number().int().min(70).max(200),
  floodedAboveBaselinePercent: z.number().int().min(0).max(50),
  calmAboveBaselineBpm: z.number().int().min(0).max(30),
  sustainSec: z.number().int().min(10).max(120),
  maxCorrectedPercent: z.number().int().min(1).max(20),
};

const breathingFields = {
  preset: z.enum(BREATHING_PRESETS),
  soundCues: z.boolean(),
};

/**
 * The strap the user connected last, so "Reconnect to <name>" can pick it in the chooser.
 * `id` is the device id Electron's chooser reports (it differs from Web Bluetooth's
 * `device.id`), so main records it when the user picks, never the window.
 */
export const RememberedStrapSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(100),
}).strict();
export type RememberedStrap = z.infer<typeof RememberedStrapSchema>;

const devicesFields = {
  rememberedStrap: RememberedStrapSchema.nullable(),
};

/** During the conversation: whether the flooding cue also plays a soft sound (off unless chosen). */
const conversationFields = {
  floodCueSound: z.boolean(),
};

/** Prompt ids from shared/content/journal-prompts.ts the user starred. */
const journalFields = {
  favouritePromptIds: z.array(z.string().min(1).max(80)).max(200),
};

export const AppearanceSettingsSchema = z.object({
  theme: appearanceFields.theme.default('system'),
  motion: appearanceFields.motion.default('system'),
  textSize: appearanceFields.textSize.default('standard'),
});

/**
 * The engine's defaults, written out rather than parsed from the schema: a parse when this
 * module loads ran zod before the window had told it never to compile with eval (its CSP
 * forbids eval), whenever the bundler put this module in a chunk evaluated first, and every
 * window then reported a policy violation.
 */
const PHYSIOLOGY_DEFAULTS = {
  floodedMinBpm: RULES.floodedMinBpm,
  floodedAboveBaselinePercent: RULES.floodedAboveBaselinePercent,
  calmAboveBaselineBpm: RULES.calmAboveBaselineBpm,
  sustainSec: RULES.sustainSec,
  maxCorrectedPercent: MAX_CORRECTED_PERCENT,
};

export const PhysiologySettingsSchema = z.object({
  floodedMinBpm: physiologyFields.floodedMinBpm.default(PHYSIOLOGY_DEFAULTS.floodedMinBpm),
  floodedAboveBaselinePercent: physiologyFields.floodedAboveBaselinePercent.default(PHYSIOLOGY_DEFAULTS.floodedAboveBaselinePercent),
  calmAboveBaselineBpm: physiologyFields.calmAboveBaselineBpm.default(PHYSIOLOGY_DEFAULTS.calmAboveBaselineBpm),
  sustainSec: physiologyFields.sustainSec.default(PHYSIOLOGY_DEFAULTS.sustainSec),
  maxCorrectedPercent: physiologyFields.maxCorrectedPercent.default(PHYSIOLOGY_DEFAULTS.maxCorrectedPercent),
});

export type PhysiologySettings = z.infer<typeof PhysiologySettingsSchema>;
export const DEFAULT_PHYSIOLOGY_SETTINGS: PhysiologySettings = PHYSIOLOGY_DEFAULTS;

export const BreathingSettingsSchema = z.object({
  preset: breathingFields.preset.default('long-exhale-4-6'),
  soundCues: breathingFields.soundCues.default(false),
});

export const DevicesSettingsSchema = z.object({
  rememberedStrap: devicesFields.rememberedStrap.default(null),
});

export const ConversationSettingsSchema = z.object({
  floodCueSound: conversationFields.floodCueSound.default(false),
});

export const JournalSettingsSchema = z.object({
  favouritePromptIds: journalFields.favouritePromptIds.default([]),
});

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  appearance: AppearanceSettingsSchema.prefault({}),
  physiology: PhysiologySettingsSchema.prefault({}),
  breathing: BreathingSettingsSchema.prefault({}),
  reminders: ReminderSettingsSchema.prefault({}),
  // Added without a version bump: files without it read as "no strap remembered".
  devices: DevicesSettingsSchema.prefault({}),
  // Added without a version bump: files without it read as "no favourite prompts".
  journal: JournalSettingsSchema.prefault({}),
  // Added without a version bump: files without it read as "no sound with the cue".
  conversation: ConversationSettingsSchema.prefault({}),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: any subset of any section; schemaVersion is main's business. */
export const SettingsPatchSchema = z
  .object({
    appearance: z.object(appearanceFields).partial().strict().optional(),
    physiology: z.object(physiologyFields).partial().strict().optional(),
    breathing: z.object(breathingFields).partial().strict().optional(),
    reminders: ReminderSettingsPatchSchema.optional(),
    devices: z.object(devicesFields).partial().strict().optional(),
    journal: z.object(journalFields).partial().strict().optional(),
    conversation: z.object(conversationFields).partial().strict().optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/**
 * What the window may change: everything but the remembered strap. Main records the strap
 * itself, only after the user picked it in the chooser (bluetooth.rememberConnected), and
 * forgets it on bluetooth.forget; a page that could write it would pick which device
 * "Reconnect" connects to.
 */
export const WindowSettingsPatchSchema = SettingsPatchSchema.omit({ devices: true }).strict();

export type WindowSettingsPatch = z.infer<typeof WindowSettingsPatchSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({ schemaVersion: SETTINGS_SCHEMA_VERSION });
}

/** Applies a validated patch section by section; the result is validated again by the caller. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    ...current,
    appearance: { ...current.appearance, ...patch.appearance },
    physiology: { ...current.physiology, ...patch.physiology },
    breathing: { ...current.breathing, ...patch.breathing },
    reminders: { ...current.reminders, ...patch.reminders },
    devices: { ...current.devices, ...patch.devices },
    journal: { ...current.journal, ...patch.journal },
    conversation: { ...current.conversation, ...patch.conversation },
  };
}
