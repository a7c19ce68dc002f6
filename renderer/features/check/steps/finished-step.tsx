import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { NOT_A_MEDICAL_DEVICE } from '../../../../shared/content/check-copy.ts';
import { FINISHED_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';

// The close of a check, completed or stopped: what was kept and where, a kind word, and the way
// back to the start.

export function FinishedStep({ step }: { step: Extract<Step, { name: 'finished' }> }) {
  const { reset } = useCheck();
  const words = WORDS[step.outcome];
  return (
    <div className="check-step">
      <StepHeading>{words.heading}</StepHeading>
      <p className="lead">{words.lead}</p>
      <p className="check-aside">{NOT_A_MEDICAL_DEVICE}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={reset}>
          {WORDS.backToStart}
        </button>
      </div>
    </div>
  );
}
