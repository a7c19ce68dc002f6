import { useState } from 'react';
import { INTENTION_REMINDER, SELF_SOOTHING_IDEAS } from '../../../shared/content/check-copy.ts';
import { itemOfTheDay } from '../../../shared/content/item-of-the-day.ts';
import { DEFAULT_CHECK_IN_PHRASES } from '../../../shared/model/reminder-settings.ts';
import { civilDateOf } from '../../../shared/time/civil-date.ts';
import { useDataClient } from '../../app/data-client.ts';
import { useReminderStatus } from '../../app/reminder-status.ts';
import { clearRouteQuery, useRouteQuery } from '../../app/route-query.ts';
import { useSettings } from '../../app/settings-context.tsx';
import { clockTimeText } from './step-parts.tsx';

// What the Check screen shows when the tray or a reminder sent the user here for something
// other than a full check: a 30-second check-in (Feel → Find → Reflect), a break the tray
// started, or the end of a break. Each card offers the check as the next step, never forces it.

export type TrayIntent = 'checkin' | 'break' | 'break-over';

export function trayIntentOf(query: URLSearchParams): TrayIntent | null {
  if (query.has('checkin')) return 'checkin';
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
  if (intent === 'break') return <BreakCard onStartCheck={onStartCheck} />;
  return <BreakOverCard onStartCheck={onStartCheck} />;
}

function CheckInCard() {
  const { state } = useSettings();
  const phrases = state.status === 'ready' ? state.settings.reminders.phrases : DEFAULT_CHECK_IN_PHRASES;
  const [phrase] = useState(() => phraseForDay(phrases, Date.now()));
  return (
    <section className="check-step tray-intent" aria-labelledby="tray-intent-title">
      <h2 id="tray-intent-title">A moment to check in</h2>
      <p className="lead">{phrase}</p>
      <p>Take half a minute with it. There is nothing to get right.</p>
      <div className="check-actions">
        <a className="button" href="#/journal/new?kind=check-in">
          Write a few words
        </a>
        <button type="button" className="button button-quiet" onClick={clearRouteQuery}>
          Done
        </button>
      </div>
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
