import { BREAK_MIN_MINUTES } from '../../shared/check/break-bounds.ts';
import type { LiveStatus, PauseSpan, ReminderKind } from '../../shared/model/reminders.ts';
import { civilDateOf, dayNumberOf } from '../../shared/time/civil-date.ts';

// The tray as a pure function of app state: which icon, what the tooltip and (macOS) title
// say, and the menu. The adapter (tray-adapter.ts) only applies what this returns, so
// everything a person sees in the tray is tested here without Electron.

export type TrayIconName = 'idle' | 'connected' | 'flooded' | 'break' | 'paused' | 'attention';

export type TrayAction =
  | 'open-waiting'
  | 'snooze-waiting'
  | 'skip-waiting'
  | 'start-check'
  | 'breathe'
  | 'check-in'
  | 'note-moment'
  | 'new-journal'
  | 'take-break'
  | 'end-break'
  | 'reconnect-strap'
  | `pause-${PauseSpan}`
  | 'resume'
  | 'open'
  | 'quit';

export type TrayMenuItem =
  | { type: 'action'; action: TrayAction; label: string; enabled: boolean }
  | { type: 'note'; label: string }
  | { type: 'separator' }
  | { type: 'submenu'; label: string; items: TrayMenuItem[] };

export type TrayState = {
  platform: string;
  nowMs: number;
  timeZone: string;
  locale: string;
  live: LiveStatus | null;
  breakEndsAtMs: number | null;
  pausedUntilMs: number | null;
  /** A reminder that came and has no answer yet (notified or not): offered with Snooze and Skip. */
  waiting: ReminderKind | null;
  /** The strap whose link was lost and not restored; the menu offers to reconnect it. */
  lostStrap: string | null;
};

export type TrayView = {
  icon: TrayIconName;
  /** macOS draws template images in the menu bar's own colour. */
  template: boolean;
  tooltip: string;
  /** Text beside the icon in the macOS menu bar; empty elsewhere. */
  title: string;
  menu: TrayMenuItem[];
};

const WAITING_LABELS: Record<ReminderKind, string> = {
  'check-in': 'Time for a check-in',
  journal: 'Time for a few lines in your journal',
  weekly: 'Time for your weekly look back',
  'break-over': 'Your break time is up',
  agreement: 'Time to look back at a plan you made',
  'resting-reading': 'A calm moment for a resting reading',
};

const STATE_WORDS = { calm: 'calm', elevated: 'a little stirred up', flooded: 'flooded' } as const;

export function minutesLeft(breakEndsAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((breakEndsAtMs - nowMs) / 60_000));
}

export function trayView(state: TrayState): TrayView {
  const onBreak = state.breakEndsAtMs !== null && state.breakEndsAtMs > state.nowMs;
  const paused = state.pausedUntilMs !== null && state.pausedUntilMs > state.nowMs;
  const connected = state.live?.connected === true;
  const flooded = connected && state.live?.state === 'flooded';
  const minutes = onBreak ? minutesLeft(state.breakEndsAtMs!, state.nowMs) : 0;
  const pausedUntil = paused ? clockLabel(state.pausedUntilMs!, state) : '';

  const icon: TrayIconName = flooded
    ? 'flooded'
    : onBreak
      ? 'break'
      : state.waiting !== null || state.lostStrap !== null
        ? 'attention'
        : paused
          ? 'paused'
          : connected
            ? 'connected'
            : 'idle';

  const lines = ['Attune'];
  if (connected) lines.push(heartLine(state.live!));
  if (state.lostStrap !== null) lines.push(`Lost the connection to ${state.lostStrap}`);
  if (onBreak) lines.push(`On a break: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`);
  if (state.waiting !== null) lines.push(WAITING_LABELS[state.waiting]);
  if (paused) lines.push(`Reminders paused until ${pausedUntil}`);
  // Windows cuts tooltips at 127 characters.
  const tooltip = lines.join(' · ').slice(0, 127);

  const isMac = state.platform === 'darwin';
  const title = !isMac ? '' : onBreak ? `${minutes}m` : connected && state.live?.bpm != null ? String(state.live.bpm) : '';

  const menu: TrayMenuItem[] = [];
  if (state.waiting !== null) {
    menu.push({ type: 'action', action: 'open-waiting', label: `${WAITING_LABELS[state.waiting]}: open`, enabled: true });
    // Where notifications have no buttons (most Linux desktops) these are the only way to answer.
    menu.push({ type: 'action', action: 'snooze-waiting', label: 'Snooze it for an hour', enabled: true });
    menu.push({ type: 'action', action: 'skip-waiting', label: 'Skip this one', enabled: true });
    menu.push({ type: 'separator' });
  }
  if (state.lostStrap !== null) {
    // A scan needs a click inside the window, so this opens the Device screen at its Reconnect button.
    menu.push({ type: 'action', action: 'reconnect-strap', label: `Reconnect to ${state.lostStrap}…`, enabled: true });
    menu.push({ type: 'separator' });
  }
  if (connected) menu.push({ type: 'note', label: heartLine(state.live!) });
  menu.push(
    { type: 'action', action: 'start-check', label: 'Start a check', enabled: true },
    { type: 'action', action: 'breathe', label: 'Breathe for a minute', enabled: true },
    { type: 'action', action: 'check-in', label: 'Check in now', enabled: true },
    { type: 'action', action: 'note-moment', label: 'Note a small moment', enabled: true },
    { type: 'action', action: 'new-journal', label: 'New journal entry', enabled: true },
    { type: 'separator' },
  );
  if (onBreak) {
    menu.push({ type: 'note', label: `On a break: ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left` });
    menu.push({ type: 'action', action: 'end-break', label: 'End the break now', enabled: true });
  } else {
    menu.push({ type: 'action', action: 'take-break', label: `Take a ${BREAK_MIN_MINUTES}-minute break`, enabled: true });
  }
  menu.push({ type: 'separator' });
  if (paused) menu.push({ type: 'note', label: `Reminders paused until ${pausedUntil}` });
  menu.push(
    {
      type: 'submenu',
      label: paused ? 'Pause reminders for longer' : 'Pause reminders',
      items: [
        { type: 'action', action: 'pause-30m', label: 'For 30 minutes', enabled: true },
        { type: 'action', action: 'pause-1h', label: 'For 1 hour', enabled: true },
        { type: 'action', action: 'pause-2h', label: 'For 2 hours', enabled: true },
        { type: 'action', action: 'pause-tomorrow', label: 'Until tomorrow morning', enabled: true },
      ],
    },
    { type: 'action', action: 'resume', label: 'Resume reminders', enabled: paused },
    { type: 'separator' },
    { type: 'action', action: 'open', label: 'Open Attune', enabled: true },
    { type: 'action', action: 'quit', label: 'Quit Attune', enabled: true },
  );
  return { icon, template: isMac, tooltip, title, menu };
}

function heartLine(live: LiveStatus): string {
  if (live.bpm === null) return 'Strap connected';
  return live.state === null ? `${live.bpm} bpm` : `${live.bpm} bpm, ${STATE_WORDS[live.state]}`;
}

function clockLabel(ms: number, state: TrayState): string {
  const daysAhead = dayNumberOf(civilDateOf(ms, state.timeZone)) - dayNumberOf(civilDateOf(state.nowMs, state.timeZone));
  const time = new Intl.DateTimeFormat(state.locale, { timeZone: state.timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
  if (daysAhead === 0) return time;
  if (daysAhead === 1) return `tomorrow ${time}`;
  const weekday = new Intl.DateTimeFormat(state.locale, { timeZone: state.timeZone, weekday: 'long' }).format(ms);
  return `${weekday} ${time}`;
}

/** Every action the menu can offer, for checks that nothing is missing. */
export const ALL_TRAY_ACTIONS: readonly TrayAction[] = [
  'start-check',
  'breathe',
  'check-in',
  'note-moment',
  'new-journal',
  'take-break',
  'pause-30m',
  'pause-1h',
  'pause-2h',
  'pause-tomorrow',
  'resume',
  'open',
  'quit',
];
