import type { FlowState, Step } from '../../../../shared/check/check-flow-types.ts';
import { CONVERSATION_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { BREAK_SHORTCUT } from '../../../app/shortcuts.ts';
import { useCheck, useTicker } from '../check-context.tsx';
import { PartnerCard } from '../partner-card.tsx';
import { formatDuration, StateBadge, StepHeading } from '../step-parts.tsx';

// During the conversation the check keeps listening (the window may be minimised), so that if
// the body floods again it can suggest a pause before the talk goes wrong. The screen stays quiet:
// time together, the body state, a line only when a pause would help, and the pause itself one
// press away ("I need a break", also from the keyboard and the tray). Below them, closed until
// asked for, a card for noticing the partner (partner-card.tsx): after the buttons, so the way
// to a pause never moves.

export function ConversationStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'conversation' }> }) {
  const { send, nowMs } = useCheck();
  useTicker(true, 5000);
  const sample = flow.last;
  const floodedNow = step.cues > 0 && sample?.state === 'flooded';
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead">{WORDS.lead}</p>
      <p>{WORDS.timeTogether(formatDuration((nowMs() - step.sinceMs) / 1000))}</p>
      {step.breaks > 0 ? <p data-testid="conversation-breaks">{WORDS.breaksSoFar(step.breaks)}</p> : null}
      {sample?.state ? (
        <p>
          {WORDS.rightNow} <StateBadge state={sample.state} />
        </p>
      ) : null}
      <p role="status" data-testid="flood-cue">
        {floodedNow ? WORDS.flooded : ''}
      </p>
      <div className="check-actions">
        <button
          type="button"
          className={floodedNow ? 'button' : 'button button-quiet'}
          aria-keyshortcuts={BREAK_SHORTCUT.aria}
          title={BREAK_SHORTCUT.label}
          onClick={() => send({ type: 'need-break' })}
        >
          {WORDS.needBreak}
        </button>
        <button type="button" className={floodedNow ? 'button button-quiet' : 'button'} onClick={() => send({ type: 'end-conversation' })}>
          {WORDS.over}
        </button>
      </div>
      <PartnerCard />
    </div>
  );
}
