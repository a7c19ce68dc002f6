import { isBack } from '../../../../shared/check/check-flow.ts';
import type { FlowState } from '../../../../shared/check/check-flow-types.ts';
import { SIGNAL_LOST_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useHeartRate } from '../../../sensors/heart-rate-context.tsx';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// A strap that drops out mid-reading or mid-breathing should not cost the check: say that what
// was recorded is kept, show when beats come back, and resume where the user was. A strap
// that says it slipped off the skin gets words about the skin, not about the connection.

export function SignalLostStep({ flow }: { flow: FlowState }) {
  const { send } = useCheck();
  const heart = useHeartRate();
  const back = flow.last !== null && isBack(flow.last);
  const offSkin = flow.step.name === 'signal-lost' && flow.step.cause === 'no-contact';
  const words = offSkin ? WORDS.offSkin : WORDS;
  return (
    <div className="check-step">
      <StepHeading>{words.heading}</StepHeading>
      <p className="lead">{words.lead}</p>
      <p role="status" data-testid="signal-back">
        {back ? words.back : words.waiting}
      </p>
      <div className="check-actions">
        <button type="button" className="button" disabled={!back} onClick={() => send({ type: 'resume-after-loss' })}>
          {WORDS.resume}
        </button>
        {heart.status.phase === 'lost' || heart.status.phase === 'failed' ? (
          <button type="button" className="button button-quiet" onClick={heart.retry}>
            {WORDS.reconnect}
          </button>
        ) : null}
        <CancelButton />
      </div>
    </div>
  );
}
