import { returnTimeBounds } from '../../../../shared/check/break-bounds.ts';
import type { FlowState, Step } from '../../../../shared/check/check-flow-types.ts';
import { SELF_SOOTHING_IDEAS } from '../../../../shared/content/check-copy.ts';
import { BREAK_WORDS as WORDS, CANCEL_WORDS, PARTNER_WORDS, RETURN_CHECK_WORDS, SHUTDOWN_PARTNER_WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck, useTicker } from '../check-context.tsx';
import { LiveView } from '../live-view.tsx';
import { Bpm, clockTimeText, StateBadge, StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';
import { ReturnTimeField } from './return-time-field.tsx';

// A break of at least 20 minutes, because a flooded body needs about that long to settle. What
// matters most comes first: the heart rate settling toward the resting rate. Then when to come
// back (one honest time until 20 minutes have passed, the way back only after), the words to
// say before stepping away, and kind things to do meanwhile. A break asked for during the
// conversation goes back to it; one the verdict led to goes back to the verdict.

export function BreakStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'break' }> }) {
  const { send, nowMs, series } = useCheck();
  useTicker(true);
  const now = nowMs();
  const { earliestMs } = returnTimeBounds(step.sinceMs);
  const minimumPassed = now >= earliestMs;
  const fromConversation = step.conversation !== null;
  const words = fromConversation ? WORDS.conversation : WORDS;
  const sample = flow.last;
  const receiving = sample !== null && sample.receiving && sample.contact !== 'no';
  return (
    <div className="check-step">
      <StepHeading>{words.heading}</StepHeading>
      <p className="lead">{words.lead}</p>
      <section className="break-recovery" aria-labelledby="break-recovery-title">
        <h3 id="break-recovery-title">{WORDS.recoveryTitle}</h3>
        {receiving ? (
          <p data-testid="break-recovery">
            {WORDS.heartRateNow} <Bpm value={sample.liveHrBpm} />, {WORDS.resting} <Bpm value={flow.baselineHrBpm} />.{' '}
            {sample.state ? <StateBadge state={sample.state} /> : null}
          </p>
        ) : (
          <p data-testid="break-recovery">{WORDS.wearStrap}</p>
        )}
        <LiveView sample={sample} series={series} baselineHrBpm={flow.baselineHrBpm} sessionSec={(now - (flow.startedAtMs ?? now)) / 1000} />
      </section>
      <p data-testid="break-time" role="status">
        {minimumPassed
          ? WORDS.minimumPassed(clockTimeText(step.returnAtMs))
          : WORDS.comeBackAt(clockTimeText(step.returnAtMs), Math.max(1, Math.ceil((step.returnAtMs - now) / 60_000)))}
      </p>
      <p className="check-problem" role="status" data-testid="return-check">
        {currentReturnAnswer(step, flow)}
      </p>
      <div className="check-actions">
        {minimumPassed ? (
          <button type="button" className="button" onClick={() => send({ type: 'check-return' })}>
            {words.readyToReturn}
          </button>
        ) : null}
        {fromConversation ? (
          <button type="button" className="button button-quiet" onClick={() => send({ type: 'end-conversation' })}>
            {WORDS.conversation.over}
          </button>
        ) : null}
        <CancelButton label={CANCEL_WORDS.endBreak} />
      </div>
      <PartnerWords shutdown={flow.feeling === 'numb'} />
      <ReturnTimeField startMs={step.sinceMs} value={step.returnAtMs} onChange={(ms) => send({ type: 'set-return', returnAtMs: ms })} />
      <h3>{WORDS.ideasTitle}</h3>
      <ul className="soothing-ideas">
        {SELF_SOOTHING_IDEAS.map((idea) => (
          <li key={idea}>{idea}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The words for the partner, on every route into a break and at the end of the grounding for
 * going quiet; `shutdown` (the person said numb or blank) gives the words for going quiet.
 */
export function PartnerWords({ shutdown = false }: { shutdown?: boolean }) {
  const words = shutdown ? SHUTDOWN_PARTNER_WORDS : PARTNER_WORDS;
  return (
    <section className="partner-words" aria-labelledby="partner-words-title">
      <h3 id="partner-words-title">{words.title}</h3>
      {words.lines.map((line) => (
        <blockquote key={line}>
          <p>{line}</p>
        </blockquote>
      ))}
    </section>
  );
}

/**
 * The answer to the last "Ready to return?", while it still holds: "not calm yet" goes once
 * the body is calm, "no reading" once beats arrive, so no answer contradicts the screen.
 */
function currentReturnAnswer(step: Extract<Step, { name: 'break' }>, flow: FlowState): string {
  const sample = flow.last;
  switch (step.returnCheck) {
    case 'none':
      return '';
    case 'not-calm-yet':
      return sample?.state === 'calm' ? '' : RETURN_CHECK_WORDS['not-calm-yet'];
    case 'no-reading':
      return sample !== null && sample.receiving && sample.state !== null ? '' : RETURN_CHECK_WORDS['no-reading'];
    case 'too-soon':
      return RETURN_CHECK_WORDS['too-soon'];
  }
}
