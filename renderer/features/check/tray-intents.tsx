import { useEffect, useId, useRef, useState } from 'react';
import { CHECK_FEELINGS, type CheckFeeling } from '../../../shared/check/feeling.ts';
import { CHECK_IN_STEPS, STEADYING_FOR } from '../../../shared/content/check-in-card.ts';
import { FEELING_WORDS } from '../../../shared/content/check-steps-copy.ts';
import { INTENTION_REMINDER, SELF_SOOTHING_IDEAS } from '../../../shared/content/check-copy.ts';
import { itemOfTheDay } from '../../../shared/content/item-of-the-day.ts';
import { DEFAULT_CHECK_IN_PHRASES } from '../../../shared/model/reminder-settings.ts';
import { civilDateOf } from '../../../shared/time/civil-date.ts';
import { useDataClient } from '../../app/data-client.ts';
import { useReminderStatus } from '../../app/reminder-status.ts';
import { clearRouteQuery, useRouteQuery } from '../../app/route-query.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { MomentNote } from '../moments/moment-note.tsx';
import { clockTimeText } from './step-parts.tsx';

// What the Check screen shows when the tray or a reminder sent the user here for something
// other than a full check: a 30-second check-in (Feel → Find → Reflect), a small moment to
// note, a break the tray started, or the end of a break. Each card offers the check as the next step, never forces it.

export type TrayIntent = 'checkin' | 'moment' | 'break' | 'break-over';

export function trayIntentOf(query: URLSearchParams): TrayIntent | null {
  if (query.has('checkin')) return 'checkin';
  if (query.has('moment')) return 'moment';
  const breakValue = query.get('break');
  if (breakValue === 'over') return 'break-over';
  if (breakValue !== null) return 'break';
  return null;
}

/** Today's phrase from the user's own list, the same all day, a different one tomorrow. */
export function phraseForDay(phrases: readonly string[], nowMs: number): string {
  return itemOfTheDay(phrases.length > 0 ? phrases : DEFAULT_CHECK_IN_PHRASES, civilDateOf(nowMs));
}

export function TrayIntentCard({ onStartCheck }: { onStartCheck: () => void }) {
  const intent = trayIntentOf(useRouteQuery());
  if (intent === null) return null;
  if (intent === 'checkin') return <CheckInCard />;
  if (intent === 'moment') return <MomentCard />;
  if (intent === 'break') return <BreakCard onStartCheck={onStartCheck} />;
  return <BreakOverCard onStartCheck={onStartCheck} />;
}

const CHECK_IN_ORDER = ['feel', 'find', 'reflect'] as const;
type CheckInStep = (typeof CHECK_IN_ORDER)[number] | 'finished' | 'moment';

/**
 * The half-minute check-in, the article's Feel → Find → Reflect: Feel (your own body first,
 * with the check's one-tap answers and one steadying thing that suits the answer), Find (one
 * kind guess about your partner), Reflect (checking it gently, then the day's phrase). Every
 * step can be skipped; the end offers to note a small moment.
 */
function CheckInCard() {
  const { state } = useSettings();
  const phrases = state.status === 'ready' ? state.settings.reminders.phrases : DEFAULT_CHECK_IN_PHRASES;
  const [phrase] = useState(() => phraseForDay(phrases, Date.now()));
  const [step, setStep] = useState<CheckInStep>('feel');
  const [feeling, setFeeling] = useState<CheckFeeling | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const steadying = useRef<HTMLParagraphElement>(null);
  const movedOn = useRef(false);
  const headingId = useId();
  useEffect(() => {
    // Keyboard and screen reader users land on each new step, not back at the top.
    if (movedOn.current) stepHeading.current?.focus();
  }, [step]);
  useEffect(() => {
    // The steadying thing appears under the answers: read it next, then Next.
    if (feeling !== null) steadying.current?.focus();
  }, [feeling]);
  const goTo = (next: CheckInStep) => {
    movedOn.current = true;
    setStep(next);
  };
  const next = () => goTo(step === 'feel' ? 'find' : step === 'find' ? 'reflect' : 'finished');

  return (
    <section className="check-step tray-intent" aria-labelledby="tray-intent-title">
      <h2 id="tray-intent-title">{step === 'moment' ? 'Note a small moment' : 'A moment to check in'}</h2>
      {step !== 'moment' && (
        <ol className="check-in-steps" aria-label="Steps">
          {CHECK_IN_ORDER.map((id) => (
            <li key={id} aria-current={step === id ? 'step' : undefined}>
              {CHECK_IN_STEPS[id].title}
            </li>
          ))}
        </ol>
      )}
      {step === 'feel' && (
        <>
          <h3 ref={stepHeading} tabIndex={-1} id={`${headingId}-feel`}>
            {CHECK_IN_STEPS.feel.question}
          </h3>
          <p>{CHECK_IN_STEPS.feel.hint}</p>
          {/* The check's own answers, in its own look (check.css). */}
          <div className="feeling-answers" role="group" aria-labelledby={`${headingId}-feel`}>
            {CHECK_FEELINGS.map((id) => (
              <button key={id} type="button" className="feeling-answer" aria-pressed={feeling === id} onClick={() => setFeeling(id)}>
                {FEELING_WORDS.answers[id]}
              </button>
            ))}
          </div>
          {feeling !== null && (
            <p ref={steadying} tabIndex={-1} className="lead check-in-steadying" data-testid="check-in-steadying">
              {STEADYING_FOR[feeling]}
            </p>
          )}
          <StepActions primary={feeling === null ? null : 'Next'} onNext={next} />
        </>
      )}
      {step === 'find' && (
        <>
          <h3 ref={stepHeading} tabIndex={-1}>
            {CHECK_IN_STEPS.find.question}
          </h3>
          <p className="lead">{CHECK_IN_STEPS.find.hint}</p>
          <StepActions primary="Next" onNext={next} />
        </>
      )}
      {step === 'reflect' && (
        <>
          <h3 ref={stepHeading} tabIndex={-1}>
            {CHECK_IN_STEPS.reflect.question}
          </h3>
          <p className="lead">{CHECK_IN_STEPS.reflect.example}</p>
          <p>{CHECK_IN_STEPS.reflect.hint}</p>
          <p className="lead">{phrase}</p>
          <StepActions primary="Finish" onNext={next} />
        </>
      )}
      {step === 'finished' && (
        <>
          <h3 ref={stepHeading} tabIndex={-1}>
            Thank you for taking a moment
          </h3>
          <p>There was nothing to get right. If something small and kind happened today, you can note it.</p>
          <div className="check-actions">
            <button type="button" className="button" onClick={() => goTo('moment')}>
              Note a small moment
            </button>
            <a className="button button-quiet" href="#/journal/new?kind=check-in">
              Write a few words
            </a>
            <button type="button" className="button button-quiet" onClick={clearRouteQuery}>
              Done
            </button>
          </div>
        </>
      )}
      {step === 'moment' && <MomentNote headingId={headingId} onDone={clearRouteQuery} />}
    </section>
  );
}

/** A check-in step's way on: its own button (none until there is something to go on with) and Skip, both to the next step. */
function StepActions({ primary, onNext }: { primary: string | null; onNext: () => void }) {
  return (
    <div className="check-actions">
      {primary !== null && (
        <button type="button" className="button" onClick={onNext}>
          {primary}
        </button>
      )}
      <button type="button" className="button button-quiet" onClick={onNext}>
        Skip
      </button>
    </div>
  );
}

/** The tray's "Note a small moment": the note card alone. */
function MomentCard() {
  const headingId = useId();
  return (
    <section className="check-step tray-intent" aria-labelledby="tray-intent-title">
      <h2 id="tray-intent-title">Note a small moment</h2>
      <MomentNote headingId={headingId} onDone={clearRouteQuery} />
    </section>
  );
}

function BreakCard({ onStartCheck }: { onStartCheck: () => void }) {
  const data = useDataClient();
  const { status } = useReminderStatus();
  const [ended, setEnded] = useState(false);
  const endsAtMs = ended ? null : (status?.breakEndsAtMs ?? null);
  return (
    <section className="check-step tray-intent" aria-labelledby="tray-intent-title">
      <h2 id="tray-intent-title">{endsAtMs === null ? 'Your break' : 'You are taking a break'}</h2>
      {endsAtMs !== null ? (
        <p className="lead">Give yourself until {clockTimeText(endsAtMs)}. Attune will let you know when the time is up.</p>
      ) : status !== null ? (
        <p className="lead">No break is running now. When you feel ready, a short check shows whether your body has settled.</p>
      ) : null}
      <p>Some things that help your body settle:</p>
      <ul className="soothing-ideas">
        {SELF_SOOTHING_IDEAS.slice(0, 5).map((idea) => (
          <li key={idea}>{idea}</li>
        ))}
      </ul>
      <div className="check-actions">
        {endsAtMs !== null ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              void data.call('reminders.endBreak').then(() => setEnded(true));
            }}
          >
            End the break now
          </button>
        ) : (
          <button type="button" className="button" onClick={onStartCheck}>
            Start a check
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={clearRouteQuery}>
          Close
        </button>
      </div>
    </section>
  );
}

function BreakOverCard({ onStartCheck }: { onStartCheck: () => void }) {
  return (
    <section className="check-step tray-intent" aria-labelledby="tray-intent-title">
      <h2 id="tray-intent-title">Your break time is up</h2>
      <p className="lead">Before you go back, see whether your body has settled. A check takes about two minutes.</p>
      <p>{INTENTION_REMINDER}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={onStartCheck}>
          Start a check
        </button>
        <button type="button" className="button button-quiet" onClick={clearRouteQuery}>
          Not yet
        </button>
      </div>
    </section>
  );
}
