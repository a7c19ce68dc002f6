import { useId } from 'react';
import { BREATHE_LENGTHS, BREATHE_WORDS as WORDS, type BreatheLength } from '../../../shared/content/breathe-copy.ts';

// How long to breathe: 1, 3, 5 or 10 minutes, or as long as the user likes. Native radio
// buttons in a fieldset: arrow keys move between them and a screen reader hears the group.

export function LengthPicker({ length, onChange }: { length: BreatheLength; onChange: (length: BreatheLength) => void }) {
  const name = useId();
  return (
    <fieldset className="length-picker">
      <legend>{WORDS.lengthLegend}</legend>
      <div className="length-options">
        {BREATHE_LENGTHS.map((option) => (
          <label key={String(option)} className="length-option">
            <input type="radio" name={name} value={String(option)} checked={option === length} onChange={() => onChange(option)} />
            {WORDS.lengthLabel(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
