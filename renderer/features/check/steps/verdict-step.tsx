import { useState } from 'react';
import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { CANCEL_WORDS, VERDICT_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';
import { ReturnTimeField } from './return-time-field.tsx';

// The answer after breathing: ready (on to the intention card), breathe a little more, take a
// break (with words to say and a time to come back), or try again when the signal was too
// noisy to judge. The reason comes from the verdict itself; this step only offers what is next.

/** `shuttingDown`: the person said it feels numb or blank; the words for the partner fit going quiet. */
export function VerdictStep({ step, shuttingDown }: { step: Extract<Step, { name: 'verdict' }>; shuttingDown: boolean }) {
  const { send, nowMs } = useCheck();
  const { verdict } = step;
  const [returnAt, setReturnAt] = useState<number | null>(null);
  switch (verdict.kind) {
    case 'ready':
      return (
        <div className="check-step">
          <StepHeading>{WORDS.ready.heading}</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
              {WORDS.ready.continue}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'breathe-more' })}>
              {WORDS.ready.breatheLonger}
            </button>
            <CancelButton label={CANCEL_WORDS.endHere} />
          </div>
        </div>
      );
    case 'breathe-more':
      return (
        <div className="check-step">
          <StepHeading>{WORDS.breatheMore.heading}</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'breathe-more' })}>
              {WORDS.breatheMore.keepBreathing}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'take-break' })}>
              {WORDS.breatheMore.takeBreak}
            </button>
            <CancelButton />
          </div>
        </div>
      );
    case 'take-a-break':
      return (
        <div className="check-step">
          <StepHeading>{WORDS.takeABreak.heading}</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <p>{shuttingDown ? WORDS.takeABreak.whatToSayShutdown : WORDS.takeABreak.whatToSay}</p>
          <ReturnTimeField startMs={nowMs()} value={returnAt} onChange={setReturnAt} />
          <div className="check-actions">
            <button
              type="button"
              className="button"
              onClick={() => send({ type: 'take-break', ...(returnAt === null ? {} : { returnAtMs: returnAt }) })}
            >
              {WORDS.takeABreak.startBreak}
            </button>
            <CancelButton />
          </div>
        </div>
      );
    case 'signal-too-noisy':
      return (
        <div className="check-step">
          <StepHeading>{WORDS.signalTooNoisy.heading}</StepHeading>
          <p className="lead">{verdict.reason}</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => send({ type: 'retry' })}>
              {WORDS.signalTooNoisy.tryAgain}
            </button>
            <CancelButton />
          </div>
        </div>
      );
  }
}
