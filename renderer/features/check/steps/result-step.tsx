import type { Step } from '../../../../shared/check/check-flow-types.ts';
import { STATE_WORDS } from '../../../../shared/content/check-copy.ts';
import { RESULT_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { settingsHash } from '../../../app/routes.ts';
import { useCheck } from '../check-context.tsx';
import { Bpm, StateBadge, StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// What the reading says about the body, in words before numbers, with how it was decided one
// click away. The next step follows the state: calm may go straight to the verdict, flooded
// may take a break at once, and anything but calm is invited to settle first.

export function ResultStep({ step }: { step: Extract<Step, { name: 'result' }> }) {
  const { send } = useCheck();
  const { reading } = step;
  const state = reading.state ?? 'elevated';
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <div className={`state-card state-card-${state}`}>
        <StateBadge state={state} />
        <p>{STATE_WORDS[state].text}</p>
        <p className="state-figures" data-testid="reading-figures">
          {WORDS.heartRate} <Bpm value={reading.meanHrBpm} /> · {WORDS.restingRate} <Bpm value={reading.baselineHrBpm} />
        </p>
      </div>
      <details className="explainer">
        <summary>{WORDS.explainerTitle}</summary>
        <p>
          {WORDS.explainer} <a href={settingsHash('heart-rate')}>{WORDS.changeThem}</a>.
        </p>
      </details>
      <div className="check-actions">
        {state === 'calm' ? (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'skip-to-verdict' })}>
              {WORDS.seeIfReady}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'continue' })}>
              {WORDS.breatheAnyway}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
              {WORDS.settleFirst}
            </button>
            {state === 'flooded' ? (
              <button type="button" className="button button-quiet" onClick={() => send({ type: 'take-break' })}>
                {WORDS.takeBreakNow}
              </button>
            ) : null}
          </>
        )}
        <CancelButton />
      </div>
    </div>
  );
}
