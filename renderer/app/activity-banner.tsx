import { useEffect } from 'react';
import { runningActivity } from '../../shared/check/activity.ts';
import { ACTIVITY_WORDS as WORDS } from '../../shared/content/check-steps-copy.ts';
import { useCheck, useTicker } from '../features/check/check-context.tsx';
import { clockTimeText, formatDuration, StateBadge } from '../features/check/step-parts.tsx';
import { BREAK_SHORTCUT } from './shortcuts.ts';
import type { RouteId } from './routes.ts';

// A check keeps running while the user looks at the journal or the device: the shell says so
// on every other screen (what runs, for how long, the body state, the way back, and during the
// conversation the break one press away), and the window title says it in the task bar.

export function ActivityBanner({ route }: { route: RouteId }) {
  const check = useCheck();
  const activity = runningActivity(check.flow, check.nowMs());
  useTicker(activity !== null, 1000);
  const title = activity === null ? 'Attune' : `${activity.title} · Attune`;
  useEffect(() => {
    document.title = title;
  }, [title]);
  if (activity === null || route === 'check') return null;
  return (
    <section className={`activity-banner activity-banner-${activity.kind}`} aria-label={activity.title} data-testid="activity-banner">
      <p>
        <strong>{activity.title}</strong> · {activity.returnAtMs !== null ? WORDS.backAt(clockTimeText(activity.returnAtMs)) : formatDuration(activity.elapsedSec)}
        {activity.state !== null ? (
          <>
            {' '}
            <StateBadge state={activity.state} />
          </>
        ) : null}
      </p>
      <div className="activity-actions">
        {activity.kind === 'conversation' ? (
          <button
            type="button"
            className="button"
            aria-keyshortcuts={BREAK_SHORTCUT.aria}
            title={BREAK_SHORTCUT.label}
            onClick={() => {
              check.send({ type: 'need-break' });
              window.location.hash = '#/check';
            }}
          >
            {WORDS.needBreak}
          </button>
        ) : null}
        <a className="button button-quiet" href="#/check">
          {WORDS.backToCheck}
        </a>
      </div>
    </section>
  );
}
