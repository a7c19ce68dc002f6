import { INTENTION_REMINDER, INTENTION_STEPS } from '../../../../shared/content/check-copy.ts';
import { CANCEL_WORDS, INTENTION_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck } from '../check-context.tsx';
import { StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// Once the body is ready, the Feel → Find → Reflect card to carry into the conversation, so the
// settled body has somewhere to go: listening, not fixing.

export function IntentionStep() {
  const { send } = useCheck();
  return (
    <div className="check-step">
      <StepHeading>{WORDS.heading}</StepHeading>
      <ol className="intention-card" data-testid="intention-card">
        {INTENTION_STEPS.map((item) => (
          <li key={item.name}>
            <strong>{item.name}</strong>
            <span>{item.prompt}</span>
            <em>{item.example}</em>
          </li>
        ))}
      </ol>
      <p className="intention-reminder">{INTENTION_REMINDER}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={() => send({ type: 'start-conversation' })}>
          {WORDS.startConversation}
        </button>
        <CancelButton label={CANCEL_WORDS.endHere} />
      </div>
    </div>
  );
}
