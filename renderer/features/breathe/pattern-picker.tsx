import { useId, useState } from 'react';
import {
  BREATHING_PRESET_SPECS,
  CUSTOM_MAX_BREATHS_PER_MIN,
  CUSTOM_MAX_EXHALE_RATIO,
  CUSTOM_MIN_BREATHS_PER_MIN,
  CUSTOM_MIN_EXHALE_RATIO,
  customPattern,
  type BreathingPatternSpec,
  type BreathingPresetId,
} from '../../../shared/check/breathing.ts';

// Choose the rhythm: the presets, or your own (4–10 breaths a minute, how much longer the
// out-breath is than the in-breath). Native select and range inputs: keyboard and screen
// reader support come with them.

const CUSTOM = 'custom';

export function PatternPicker({ pattern, onChange }: { pattern: BreathingPatternSpec; onChange: (pattern: BreathingPatternSpec) => void }) {
  const id = useId();
  const [rate, setRate] = useState(6);
  const [ratio, setRatio] = useState(1.5);
  const selected = pattern.preset ?? CUSTOM;

  return (
    <div className="pattern-picker">
      <label htmlFor={`${id}-preset`}>Rhythm</label>
      <select
        id={`${id}-preset`}
        value={selected}
        onChange={(event) => {
          const value = event.target.value;
          onChange(value === CUSTOM ? customPattern(rate, ratio) : BREATHING_PRESET_SPECS[value as BreathingPresetId]);
        }}
      >
        {Object.values(BREATHING_PRESET_SPECS).map((spec) => (
          <option key={spec.preset} value={spec.preset ?? ''}>
            {spec.name}
          </option>
        ))}
        <option value={CUSTOM}>Your own rhythm</option>
      </select>
      {selected === CUSTOM ? (
        <div className="pattern-custom">
          <label htmlFor={`${id}-rate`}>Breaths a minute: {formatted(rate)}</label>
          <input
            id={`${id}-rate`}
            type="range"
            min={CUSTOM_MIN_BREATHS_PER_MIN}
            max={CUSTOM_MAX_BREATHS_PER_MIN}
            step={0.5}
            value={rate}
            onChange={(event) => {
              const next = Number(event.target.value);
              setRate(next);
              onChange(customPattern(next, ratio));
            }}
          />
          <label htmlFor={`${id}-ratio`}>Out-breath {formatted(ratio)} times as long as the in-breath</label>
          <input
            id={`${id}-ratio`}
            type="range"
            min={CUSTOM_MIN_EXHALE_RATIO}
            max={CUSTOM_MAX_EXHALE_RATIO}
            step={0.1}
            value={ratio}
            onChange={(event) => {
              const next = Number(event.target.value);
              setRatio(next);
              onChange(customPattern(rate, next));
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

function formatted(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
