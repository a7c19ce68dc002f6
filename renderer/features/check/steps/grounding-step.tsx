import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { GROUNDING_CUES } from '../../../../shared/content/check-copy.ts';
import { GROUNDING_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// Body first: a few short cues, one at a time, to bring a stirred-up body down a notch before
// the paced breathing.

export function GroundingStep({ step }: { step: Extract<Step, { name: 'grounding' }> }) {
  const { send } = useCheck();
  const cue = GROUNDING_CUES[step.cue]!;
  const last = step.cue === GROUNDING_CUES.length - 1;
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="check-step-count">{WORDS.stepOf(step.cue + 1, GROUNDING_CUES.length)}</p>
      <div className="grounding-cue" data-testid="grounding-cue">
        <h3>{cue.title}</h3>
        <p className="lead">{cue.text}</p>
      </div>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
          {last ? WORDS.startBreathing : WORDS.next}
        </button>
        <CancelButton />
      </div>
    </div>
  );
}
