import { PhysiologySettingsSchema, type Settings } from '../../../shared/model/settings.ts';

// The physiology thresholds as the Settings screen shows them: wording here, ranges read
// from the settings schema so the form and main's validation can never disagree.

export type PhysiologyKey = keyof Settings['physiology'];

export type PhysiologyField = {
  key: PhysiologyKey;
  label: string;
  explanation: string;
  min: number;
  max: number;
};

function range(key: PhysiologyKey): { min: number; max: number } {
  const inner = PhysiologySettingsSchema.shape[key].unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

export const PHYSIOLOGY_FIELDS: readonly PhysiologyField[] = [
  {
    key: 'floodedMinBpm',
    label: 'Flooded at or above (bpm)',
    explanation: 'A heart rate at or above this counts as flooded, whatever your resting rate.',
    ...range('floodedMinBpm'),
  },
  {
    key: 'floodedAboveBaselinePercent',
    label: 'Flooded above your resting rate (%)',
    explanation: 'If your resting rate is high, flooded starts this far above it instead.',
    ...range('floodedAboveBaselinePercent'),
  },
  {
    key: 'calmAboveBaselineBpm',
    label: 'Calm within (bpm above resting)',
    explanation: 'You count as calm again when your heart rate is no more than this above your resting rate.',
    ...range('calmAboveBaselineBpm'),
  },
  {
    key: 'sustainSec',
    label: 'Lasting at least (seconds)',
    explanation: 'How long a rate has to last before it counts, so a single spike or dip does not.',
    ...range('sustainSec'),
  },
  {
    key: 'maxCorrectedPercent',
    label: 'Most corrected beats for a verdict (%)',
    explanation: 'If more beats than this needed correcting, Attune says the signal was too unsteady instead of giving a verdict.',
    ...range('maxCorrectedPercent'),
  },
];
