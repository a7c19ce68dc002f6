import type { FlowState, Step } from '../../../../shared/check/check-flow-types.ts';
import { CHECK_FEELINGS, routeCheck } from '../../../../shared/check/feeling.ts';
import { STATE_WORDS } from '../../../../shared/content/check-copy.ts';
import { FEELING_WORDS, feelingNote, RESULT_WORDS as WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { checkPageHash, settingsHash } from '../../../app/routes.ts';
import { useCheck } from '../check-context.tsx';
import { Bpm, StateBadge, StepHeading } from '../step-parts.tsx';
import { CancelButton } from './cancel-button.tsx';

// What the reading says about the body, in words before numbers, with how it was decided one
// click away; then the one-tap question of how it feels inside. The next step follows the
// answer, with the heart's state informing it (shared/check/feeling.ts): calm and fine may go
// straight to the verdict, numb or blank is brought back into the room first, fine with a
// heart that is up is told so and offered both ways, and flooded may take a break at once.
// Without an answer the heart alone decides, as before the question existed.

export function ResultStep({ flow, step }: { flow: FlowState; step: Extract<Step, { name: 'result' }> }) {
  const { send } = useCheck();
  const { reading } = step;
  const state = reading.state ?? 'elevated';
  const { feeling } = flow;
  const route = routeCheck(feeling, state);
  const note = feeling === null ? null : feelingNote(feeling, route);
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
      <section className="feeling-question" aria-labelledby="feeling-question-title">
        <h3 id="feeling-question-title">{FEELING_WORDS.question}</h3>
        <p className="section-note">{FEELING_WORDS.hint}</p>
        <div className="feeling-answers" role="group" aria-labelledby="feeling-question-title">
          {CHECK_FEELINGS.map((id) => (
            <button
              key={id}
              type="button"
              className="feeling-answer"
              aria-pressed={feeling === id}
              onClick={() => send({ type: 'feel', feeling: id })}
            >
              {FEELING_WORDS.answers[id]}
            </button>
          ))}
        </div>
        {note === null ? null : (
          <p className="feeling-note" role="status" data-testid="feeling-note">
            {note}
          </p>
        )}
        <p className="why-hard-link">
          <a href={checkPageHash('why-this-can-be-hard')}>{FEELING_WORDS.whyHard}</a>
        </p>
      </section>
      <div className="check-actions">
        {route.path === 'ready' ? (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'skip-to-verdict' })}>
              {WORDS.seeIfReady}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'continue' })}>
              {WORDS.breatheAnyway}
            </button>
          </>
        ) : route.path === 'either' ? (
          <>
            <button type="button" className="button" onClick={() => send({ type: 'skip-to-verdict' })}>
              {WORDS.seeIfReady}
            </button>
            <button type="button" className="button button-quiet" onClick={() => send({ type: 'continue' })}>
              {WORDS.settleFirst}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => send({ type: 'continue' })}>
            {route.path === 'shutdown' ? FEELING_WORDS.comeBackFirst : WORDS.settleFirst}
          </button>
        )}
        {route.offerBreak ? (
          <button type="button" className="button button-quiet" onClick={() => send({ type: 'take-break' })}>
            {WORDS.takeBreakNow}
          </button>
        ) : null}
        <CancelButton />
      </div>
    </div>
  );
}
