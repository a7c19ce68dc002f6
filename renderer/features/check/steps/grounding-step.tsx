import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { GROUNDING_CUES } from '../../../../shared/content/check-copy.ts';
import { FEELING_WORDS, GROUNDING_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { checkPageHash } from '../../../app/routes.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';
import { PartnerWords } from './break-step.tsx';
import { CancelButton } from './cancel-button.tsx';

// Body first: a few short cues, one at a time, before the paced breathing. For a stirred-up
// body they bring it down a notch; for someone going quiet ('shutdown') they bring them back
// into the room and the body, end with the words for the partner, and leave breathing as an
// offer rather than the next thing.

export function GroundingStep({ step }: { step: Extract<Step, { name: 'grounding' }> }) {
  const { send } = useCheck();
  const cues = GROUNDING_CUES[step.kind];
  const cue = cues[step.cue]!;
  const last = step.cue === cues.length - 1;
  const shutdown = step.kind === 'shutdown';
  return (
    <div className="check-step">
      <StepHeading>{shutdown ? WORDS.shutdownHeading : WORDS.heading}</StepHeading>
      {shutdown && step.cue === 0 ? <p className="lead">{WORDS.shutdownLead}</p> : null}
      <p className="check-step-count">{WORDS.stepOf(step.cue + 1, cues.length)}</p>
      <div className="grounding-cue" data-testid="grounding-cue">
        <h3>{cue.title}</h3>
        <p className="lead">{cue.text}</p>
      </div>
      {shutdown && last ? <PartnerWords shutdown /> : null}
      {shutdown ? (
        <p className="why-hard-link">
          <a href={checkPageHash('why-this-can-be-hard')}>{FEELING_WORDS.whyHard}</a>
        </p>
      ) : null}
      <div className="check-actions">
        {shutdown && last ? (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
              {WORDS.breatheNow}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'skip-to-verdict' })}>
              {WORDS.seeIfReady}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
            {last ? WORDS.startBreathing : WORDS.next}
          </button>
        )}
        <CancelButton />
      </div>
    </div>
  );
}
