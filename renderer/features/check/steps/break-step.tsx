import { returnTimeBounds } from '../../../../shared/check/break-bounds.ts';
import type { FlowState, Step } from '../../../../shared/check/check-flow-types.ts';
import { SELF_SOOTHING_IDEAS } from '../../../../shared/content/check-copy.ts';
import { BREAK_WORDS as WORDS, CANCEL_WORDS, RETURN_CHECK_WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { timeOfDayText } from '../../../../shared/time/civil-date.ts';
import { useCheck, useTicker } from '../check-context.tsx';
import { LiveView } from '../live-view.tsx';
import { Bpm, formatDuration, StateBadge, StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';
import { ReturnTimeField } from './return-time-field.tsx';

// A break of at least 20 minutes, because a flooded body needs about that long to settle: how
// long is left, when to come back, kind things to do meanwhile, and the heart rate settling.
// "Ready to return?" only lets the user go once the time is up and the body is calm.

export function BreakStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'break' }> }) {
  const { send, nowMs, series } = useCheck();
  useTicker(true);
  const now = nowMs();
  const { earliestMs } = returnTimeBounds(step.sinceMs);
  const minLeftSec = Math.max(0, (earliestMs - now) / 1000);
  const sample = flow.last;
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead">{WORDS.lead}</p>
      <p data-testid="break-time">
        {minLeftSec > 0 ? WORDS.atLeastMore(formatDuration(minLeftSec)) : WORDS.minimumPassed} {WORDS.backAt(timeOfDayText(step.returnAtMs))}
      </p>
      <ReturnTimeField startMs={step.sinceMs} value={step.returnAtMs} onChange={(ms) => send({ type: 'set-return', returnAtMs: ms })} />
      <h3>{WORDS.ideasTitle}</h3>
      <ul className="soothing-ideas">
        {SELF_SOOTHING_IDEAS.map((idea) => (
          <li key={idea}>{idea}</li>
        ))}
      </ul>
      <section className="break-recovery" aria-labelledby="break-recovery-title">
        <h3 id="break-recovery-title">{WORDS.recoveryTitle}</h3>
        {sample?.receiving ? (
          <p data-testid="break-recovery">
            {WORDS.heartRateNow} <Bpm value={sample.liveHrBpm} />, {WORDS.resting} <Bpm value={flow.baselineHrBpm} />.{' '}
            {sample.state ? <StateBadge state={sample.state} /> : null}
          </p>
        ) : (
          <p data-testid="break-recovery">{WORDS.wearStrap}</p>
        )}
        <LiveView sample={sample} series={series} baselineHrBpm={flow.baselineHrBpm} sessionSec={(now - (flow.startedAtMs ?? now)) / 1000} />
      </section>
      <p className="check-problem" role="status" data-testid="return-check">
        {step.returnCheck === 'none' ? '' : RETURN_CHECK_WORDS[step.returnCheck]}
      </p>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'check-return' })}>
          {WORDS.readyToReturn}
        </button>
        <CancelButton label={CANCEL_WORDS.endBreak} />
      </div>
    </div>
  );
}
