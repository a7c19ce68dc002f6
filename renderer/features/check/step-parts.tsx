import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { STATE_WORDS } from '../../../shared/content/check-copy.ts';
import type { RegulationState } from '../../../shared/signal/regulation-rules.ts';
import { useSettings } from '../../app/settings-context.tsx';

// Small pieces every step of the check shares.

/**
 * Whether a step's heading may take focus. The Check screen allows it once it has mounted
 * (or at once when the user moved there), so opening the app on Check leaves focus at the
 * top of the page, and every later step moves focus to its own heading.
 */
export const StepFocusContext = createContext<{ readonly current: boolean }>({ current: true });

/** Each step's heading takes focus when the step appears, so a screen reader says where the user is. */
export function StepHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focus = useContext(StepFocusContext);
  useEffect(() => {
    if (focus.current) ref.current?.focus();
  }, [focus]);
  return (
    <h2 ref={ref} tabIndex={-1} className="check-step-title" data-testid="check-step-title">
      {children}
    </h2>
  );
}

/** A body state: a word, a shape and a gentle colour, never the colour alone. */
export function StateBadge({ state }: { state: RegulationState }) {
  return (
    <span className={`state-badge state-badge-${state}`} data-testid="state-badge">
      <svg className="state-shape" viewBox="0 0 16 16" aria-hidden="true">
        {state === 'calm' ? <circle cx="8" cy="8" r="6" /> : state === 'elevated' ? <path d="M8 2 L14 13 L2 13 Z" /> : <rect x="2" y="2" width="12" height="12" rx="2" />}
      </svg>
      {STATE_WORDS[state].title}
    </span>
  );
}

export function Bpm({ value }: { value: number | null }) {
  return <>{value === null ? '–' : `${Math.round(value)} bpm`}</>;
}

const clockTimeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** A time of day as the user's own clock writes it (21:40, 9:40 PM): the one way the check shows one. */
export function clockTimeText(ms: number): string {
  return clockTimeFormat.format(ms);
}

export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const minutes = Math.floor(sec / 60);
  const seconds = sec % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';
function subscribeMotion(listener: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(reducedMotionQuery);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}
function systemReducesMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(reducedMotionQuery).matches;
}

/** Reduced motion from the setting or the system. */
export function useReducedMotion(): boolean {
  const { state } = useSettings();
  const system = useSyncExternalStore(subscribeMotion, systemReducesMotion, () => false);
  return system || (state.status === 'ready' && state.settings.appearance.motion === 'reduce');
}
