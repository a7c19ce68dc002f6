import { BREATHING_PRESET_SPECS, DEFAULT_PRESET, type BreathingPatternSpec } from '../../../shared/check/breathing.ts';
import type { Settings } from '../../../shared/model/settings.ts';

/** The breathing rhythm a new check starts with: the user's chosen one, or the default. */
export function preferredPattern(settings: Settings | null): BreathingPatternSpec {
  return BREATHING_PRESET_SPECS[settings?.breathing.preset ?? DEFAULT_PRESET];
}
