import { z } from 'zod';

// User settings: small, typed, every threshold the rules use. Stored by main in
// electron-store; this schema is the single source for defaults, validation and the
// JSON schema electron-store checks the file against.

export const SETTINGS_SCHEMA_VERSION = 1;

export const THEMES = ['system', 'light', 'dark'] as const;
export const MOTION_PREFERENCES = ['system', 'reduce'] as const;
export const TEXT_SIZES = ['standard', 'large'] as const;
export const BREATHING_PRESETS = ['long-exhale-4-6', 'resonance-5.5', 'box-4-4-4-4', '4-7-8', 'cyclic-sigh'] as const;

export const AppearanceSettingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  motion: z.enum(MOTION_PREFERENCES).default('system'),
  textSize: z.enum(TEXT_SIZES).default('standard'),
});

/** Defaults follow signal.md; they are rules of thumb, not diagnostic thresholds. */
export const PhysiologySettingsSchema = z.object({
  floodedMinBpm: z.number().int().min(70).max(200).default(100),
  floodedAboveBaselinePercent: z.number().int().min(0).max(50).default(10),
  calmAboveBaselineBpm: z.number().int().min(0).max(30).default(5),
  sustainSec: z.number().int().min(10).max(120).default(30),
  maxCorrectedPercent: z.number().int().min(1).max(20).default(5),
});

export const BreathingSettingsSchema = z.object({
  preset: z.enum(BREATHING_PRESETS).default('long-exhale-4-6'),
  soundCues: z.boolean().default(false),
});

export const SettingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  appearance: AppearanceSettingsSchema.prefault({}),
  physiology: PhysiologySettingsSchema.prefault({}),
  breathing: BreathingSettingsSchema.prefault({}),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update: any subset of any section; schemaVersion is main's business. */
export const SettingsPatchSchema = z
  .object({
    appearance: AppearanceSettingsSchema.partial().strict().optional(),
    physiology: PhysiologySettingsSchema.partial().strict().optional(),
    breathing: BreathingSettingsSchema.partial().strict().optional(),
  })
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

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
  };
}
