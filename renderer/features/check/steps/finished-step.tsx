import type { FlowState, Step } from '../../../../shared/check/check-flow-types.ts';
import { DEBRIEF_REPAIR_AT_MOST, NOT_A_MEDICAL_DEVICE } from '../../../../shared/content/check-copy.ts';
import { FINISHED_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useSettings } from '../../../app/settings-context.tsx';
import { journalHash } from '../../journal/journal-path.ts';
import { useHeartRate } from '../../../sensors/heart-rate-context.tsx';
import { useCheck } from '../check-context.tsx';
import { preferredPattern } from '../preferred-pattern.ts';
import { useRestingBaseline } from '../resting-baseline.ts';
import { StepHeading } from '../step-parts.tsx';

// The close of a check, completed or stopped: what was kept and where, a kind word, and the way
// back to the start. After a conversation: the way to what the user wrote, and when it went
// badly, the repair steps (without pressure: "when you are both ready"). While the resting
// rate rests on fewer than three readings, a check that ends calm offers another one, gently.

export function FinishedStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'finished' }> }) {
  const { reset } = useCheck();
  const words = WORDS[step.outcome];
  return (
    <div className="check-step">
      <StepHeading>{words.heading}</StepHeading>
      <p className="lead">{words.lead}</p>
      {flow.debrief !== null ? <AfterTheConversation entryId={flow.debrief.entryId} pleasantness={flow.debrief.pleasantness} /> : null}
      {step.outcome === 'completed' && flow.mode === 'check' && flow.last?.state === 'calm' ? <RestingReadingOffer /> : null}
      <p className="check-aside">{NOT_A_MEDICAL_DEVICE}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={reset}>
          {WORDS.backToStart}
        </button>
      </div>
    </div>
  );
}

function RestingReadingOffer() {
  const baseline = useRestingBaseline();
  const check = useCheck();
  const heart = useHeartRate();
  const { state } = useSettings();
  if (baseline.status !== 'ready' || baseline.baseline.status !== 'calibrating' || heart.status.phase !== 'connected') return null;
  const needed = baseline.baseline.readingsNeeded;
  return (
    <section className="resting-offer" aria-labelledby="resting-offer-title">
      <h3 id="resting-offer-title">{WORDS.restingOffer.title}</h3>
      <p>{WORDS.restingOffer.lead(needed)}</p>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          check.reset();
          check.begin('calibration', null, preferredPattern(state.status === 'ready' ? state.settings : null));
        }}
      >
        {WORDS.restingOffer.start}
      </button>
    </section>
  );
}

function AfterTheConversation({ entryId, pleasantness }: { entryId: string; pleasantness: number | null }) {
  const wentBadly = pleasantness !== null && pleasantness <= DEBRIEF_REPAIR_AT_MOST;
  return (
    <section className="after-conversation" aria-labelledby="after-conversation-title">
      <h3 id="after-conversation-title">{WORDS.afterConversation.title}</h3>
      <p>
        <a href={journalHash({ view: 'entry', id: entryId })}>{WORDS.afterConversation.readEntry}</a>
      </p>
      {wentBadly ? (
        <p data-testid="repair-offer">
          {WORDS.afterConversation.repairLead}{' '}
          <a href={journalHash({ view: 'repair' })}>{WORDS.afterConversation.repairLink}</a>
        </p>
      ) : null}
    </section>
  );
}
