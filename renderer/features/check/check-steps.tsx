import type { FlowState } from '../../../shared/check/check-flow-types.ts';
import { HEART_RATE_ONLY_NOTE } from '../../../shared/content/check-steps-copy.ts';
import { BreakStep } from './steps/break-step.tsx';
import { BreathingStep } from './steps/breathing-step.tsx';
import { CalibratedStep } from './steps/calibrated-step.tsx';
import { ConversationStep } from './steps/conversation-step.tsx';
import { DebriefStep } from './steps/debrief-step.tsx';
import { FinishedStep } from './steps/finished-step.tsx';
import { GroundingStep } from './steps/grounding-step.tsx';
import { IntentionStep } from './steps/intention-step.tsx';
import { ReadingStep } from './steps/reading-step.tsx';
import { ResultStep } from './steps/result-step.tsx';
import { SignalCheckStep } from './steps/signal-check-step.tsx';
import { SignalLostStep } from './steps/signal-lost-step.tsx';
import { TooStirredStep } from './steps/too-stirred-step.tsx';
import { VerdictStep } from './steps/verdict-step.tsx';

// One screen per step of the check (shared/check/check-flow.ts decides which); each lives in
// steps/, with its words in shared/content/check-steps-copy.ts. Each says what is happening in
// plain words, offers one clear next step, and a quiet way out.

/** Steps whose figures a heart-rate-only sensor limits: they say so, once, under the step. */
const HEART_RATE_ONLY_STEPS: ReadonlySet<string> = new Set(['signal-check', 'reading', 'result', 'breathing', 'verdict']);

export function CheckStepView({ flow }: { flow: FlowState }) {
  const note = flow.heartRateOnly && HEART_RATE_ONLY_STEPS.has(flow.step.name);
  return (
    <>
      <CurrentStep flow={flow} />
      {note ? (
        <p className="section-note heart-rate-only-note" data-testid="heart-rate-only">
          {HEART_RATE_ONLY_NOTE}
        </p>
      ) : null}
    </>
  );
}

function CurrentStep({ flow }: { flow: FlowState }) {
  const { step } = flow;
  switch (step.name) {
    case 'idle':
      return null;
    case 'signal-check':
      return <SignalCheckStep flow={flow} step={step} />;
    case 'reading':
      return <ReadingStep flow={flow} step={step} />;
    case 'too-stirred':
      return <TooStirredStep step={step} />;
    case 'result':
      return <ResultStep flow={flow} step={step} />;
    case 'calibrated':
      return <CalibratedStep step={step} />;
    case 'grounding':
      return <GroundingStep step={step} />;
    case 'breathing':
      return <BreathingStep flow={flow} step={step} />;
    case 'verdict':
      return <VerdictStep step={step} shuttingDown={flow.feeling === 'numb'} />;
    case 'break':
      return <BreakStep flow={flow} step={step} />;
    case 'intention':
      return <IntentionStep />;
    case 'conversation':
      return <ConversationStep flow={flow} step={step} />;
    case 'debrief':
      return <DebriefStep />;
    case 'signal-lost':
      return <SignalLostStep flow={flow} />;
    case 'finished':
      return <FinishedStep flow={flow} step={step} />;
  }
}
