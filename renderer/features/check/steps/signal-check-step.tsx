import { SIGNAL_CHECK_CLEAN_SEC, type FlowState, type Step } from '../../../../shared/check/check-flow-types.ts';
import { SIGNAL_CHECK_WORDS as WORDS, SIGNAL_PROBLEM_WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { navigate } from '../../../app/hash-route.ts';
import { StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// The first step: a reading is only worth having from a clean signal, so wait for a run of
// steady beats, and when they do not come, say why in plain words and what to try.

export function SignalCheckStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'signal-check' }> }) {
  const clean = Math.min(SIGNAL_CHECK_CLEAN_SEC, Math.floor(flow.last?.cleanRunSec ?? 0));
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead">{WORDS.lead(SIGNAL_CHECK_CLEAN_SEC)}</p>
      <label className="check-progress">
        <span>{WORDS.progress}</span>
        <progress max={SIGNAL_CHECK_CLEAN_SEC} value={clean} />
      </label>
      <p className="check-problem" role="status" data-testid="signal-problem">
        {step.problem === null ? '' : SIGNAL_PROBLEM_WORDS[step.problem]}
      </p>
      {step.problem === 'no-beats' ? (
        <p>
          <button type="button" className="button button-quiet" onClick={() => navigate('device')}>
            {WORDS.openDevice}
          </button>
        </p>
      ) : null}
      <div className="check-actions">
        <CancelButton />
      </div>
    </div>
  );
}
