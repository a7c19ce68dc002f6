import { BREATHING_PRESETS, type Settings, type WindowSettingsPatch } from '../../../shared/model/settings.ts';
import { playFloodCueChime } from '../check/check-context.tsx';
import { ChoiceField, NumberField, ToggleField } from './fields.tsx';
import { PHYSIOLOGY_FIELDS } from './physiology-fields.ts';

// The bodies of three Settings sections made of plain preferences: heart rate (the thresholds
// and the flooding cue's sound), breathing and appearance. Each change saves at once through
// `save`; the section's frame and heading are settings-screen.tsx's.

export type SettingsFormProps = {
  settings: Settings;
  errors: Record<string, string>;
  save: (field: string, label: string, patch: WindowSettingsPatch) => Promise<boolean>;
  setErrors: (update: (current: Record<string, string>) => Record<string, string>) => void;
};

const THEME_OPTIONS = [
  { value: 'system', label: 'Match my computer' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

const MOTION_OPTIONS = [
  { value: 'system', label: 'Match my computer' },
  { value: 'reduce', label: 'Reduce motion' },
] as const;

const TEXT_SIZE_OPTIONS = [
  { value: 'standard', label: 'Standard' },
  { value: 'large', label: 'Large' },
] as const;

const PRESET_LABELS: Record<(typeof BREATHING_PRESETS)[number], string> = {
  'long-exhale-4-6': 'Longer out-breath: in 4 s, out 6 s',
  'resonance-5.5': 'Resonance: 5.5 breaths a minute',
  'box-4-4-4-4': 'Box: in 4, hold 4, out 4, hold 4',
  '4-7-8': '4-7-8: in 4, hold 7, out 8',
  'cyclic-sigh': 'Cyclic sigh: two breaths in, one long breath out',
};
const PRESET_OPTIONS = BREATHING_PRESETS.map((value) => ({ value, label: PRESET_LABELS[value] }));

export function HeartRateSection({ settings, errors, save, setErrors }: SettingsFormProps) {
  return (
    <>
      <p className="section-note">
        These are rules of thumb, not diagnostic thresholds. They decide when Attune calls your body calm or flooded, and
        you can fit them to yourself.
      </p>
      {PHYSIOLOGY_FIELDS.map((field) => (
        <NumberField
          key={field.key}
          label={field.label}
          hint={`${field.explanation} From ${field.min} to ${field.max}.`}
          value={settings.physiology[field.key]}
          min={field.min}
          max={field.max}
          error={errors[field.key]}
          onCommit={(value) => save(field.key, field.label, { physiology: { [field.key]: value } })}
          onUnreadable={() =>
            setErrors((current) => ({
              ...current,
              [field.key]: `That was not a number, so nothing changed. Use a whole number from ${field.min} to ${field.max}.`,
            }))
          }
        />
      ))}

      <section className="settings-subsection" aria-labelledby="settings-conversation">
        <h3 id="settings-conversation">During a conversation</h3>
        <p className="section-note">
          When your heart rate stays high for a while during a conversation, Attune sends a quiet notification with neutral
          words, at most once every ten minutes.
        </p>
        <ToggleField
          label="A soft sound with the cue"
          hint="Two low notes, quiet enough not to startle. Off unless you turn it on."
          value={settings.conversation.floodCueSound}
          error={errors['floodCueSound']}
          onCommit={(floodCueSound) => save('floodCueSound', 'A soft sound with the cue', { conversation: { floodCueSound } })}
        />
        <button type="button" className="button button-quiet" onClick={() => void playFloodCueChime()}>
          Hear the sound
        </button>
      </section>
    </>
  );
}

export function BreathingSection({ settings, errors, save }: SettingsFormProps) {
  return (
    <>
      <ChoiceField
        label="Breathing rhythm"
        value={settings.breathing.preset}
        options={PRESET_OPTIONS}
        error={errors['preset']}
        onCommit={(preset) => save('preset', 'Breathing rhythm', { breathing: { preset } })}
      />
      <ToggleField
        label="Sound cues"
        hint="A soft tone at each change between breathing in and out."
        value={settings.breathing.soundCues}
        error={errors['soundCues']}
        onCommit={(soundCues) => save('soundCues', 'Sound cues', { breathing: { soundCues } })}
      />
    </>
  );
}

export function AppearanceSection({ settings, errors, save }: SettingsFormProps) {
  return (
    <>
      <ChoiceField
        label="Theme"
        value={settings.appearance.theme}
        options={THEME_OPTIONS}
        error={errors['theme']}
        onCommit={(theme) => save('theme', 'Theme', { appearance: { theme } })}
      />
      <ChoiceField
        label="Motion"
        hint="Reduce motion stops transitions and swaps moving guides for a counted rhythm."
        value={settings.appearance.motion}
        options={MOTION_OPTIONS}
        error={errors['motion']}
        onCommit={(motion) => save('motion', 'Motion', { appearance: { motion } })}
      />
      <ChoiceField
        label="Text size"
        value={settings.appearance.textSize}
        options={TEXT_SIZE_OPTIONS}
        error={errors['textSize']}
        onCommit={(textSize) => save('textSize', 'Text size', { appearance: { textSize } })}
      />
    </>
  );
}
