import { READING_SEC, type FlowState, type Step } from '../../../../shared/check/check-flow-types.ts';
import { READING_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck, useTicker } from '../check-context.tsx';
import { Bpm, StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// The minute of listening that the result (or a resting reading) is made from. Nothing to do
// but sit still, so it shows only the time left and the heart rate as it comes in.

export function ReadingStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'reading' }> }) {
  const { nowMs } = useCheck();
  useTicker(true);
  const left = Math.max(0, READING_SEC - Math.floor((nowMs() - step.sinceMs) / 1000));
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead">{WORDS.lead}</p>
      <label className="check-progress">
        <span>{WORDS.secondsLeft(left)}</span>
        <progress max={READING_SEC} value={READING_SEC - left} />
      </label>
      <p className="check-aside">
        {WORDS.heartRateNow} <Bpm value={flow.last?.receiving ? flow.last.liveHrBpm : null} />
      </p>
      <div className="check-actions">
        <CancelButton />
      </div>
    </div>
  );
}
