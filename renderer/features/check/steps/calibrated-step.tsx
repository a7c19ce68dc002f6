import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { CALIBRATED_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck } from '../check-context.tsx';
import { Bpm, StepHeading } from '../step-parts.tsx';

// The end of a resting reading: the heart rate it found, and why a few more on calm days help,
// since every later check is judged against this baseline.

export function CalibratedStep({ step }: { step: Extract<Step, { name: 'calibrated' }> }) {
  const { reset } = useCheck();
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead" data-testid="calibrated-hr">
        {WORDS.restsAt} <Bpm value={step.reading.meanHrBpm} />.
      </p>
      <p>{WORDS.explanation}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={reset}>
          {WORDS.continue}
        </button>
      </div>
    </div>
  );
}
