import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { TOO_STIRRED_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { navigate } from '../../../app/hash-route.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';

// A resting reading is the line every later check is judged against, so Attune does not take
// one while the heart is clearly up: it says so, and offers the breathing that helps first.

export function TooStirredStep({ step }: { step: Extract<Step, { name: 'too-stirred' }> }) {
  const { send, reset } = useCheck();
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead" data-testid="too-stirred">
        {WORDS.lead(Math.round(step.hrBpm))}
      </p>
      <div className="check-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            reset();
            navigate('breathe');
          }}
        >
          {WORDS.breatheFirst}
        </button>
        <button type="button" className="button button-quiet" onClick={() => send({ type: 'retry' })}>
          {WORDS.tryAgain}
        </button>
        <button type="button" className="button button-quiet" onClick={reset}>
          {WORDS.notNow}
        </button>
      </div>
    </div>
  );
}
