import { BREAK_MIN_MINUTES } from '../../shared/check/break-bounds.ts';
import type { PageIntent } from '../../shared/model/page-intents.ts';
import type { NavigateRequest } from '../../shared/model/reminders.ts';
import type { RemindersService } from '../reminders/reminders-service.ts';
import type { Clock } from '../../shared/time/clock.ts';
import type { Timer, TimerHandle } from '../reminders/scheduler.ts';
import type { LiveStatusStore } from './live-status.ts';
import { trayView, type TrayAction, type TrayView } from './tray-model.ts';

// Joins app state to the tray: builds the view whenever something it shows changes, and
// turns menu choices into effects. No Electron here; the view is applied by whatever
// `apply` is given (the Electron adapter in the app, a recorder in tests).

export type TrayEffects = {
  openScreen: (request: NavigateRequest) => void;
  /** Carries the choice out in the page, the tray click counting as a click there (page-intents.ts). */
  runInPage: (intent: PageIntent) => void;
  showWindow: () => void;
  quit: () => void;
};

export type TrayControllerDeps = {
  reminders: RemindersService;
  live: LiveStatusStore;
  clock: Clock;
  timer: Timer;
  platform: string;
  timeZone: () => string;
  locale: string;
  effects: TrayEffects;
};

export type TrayController = {
  view(): TrayView;
  /** Starts pushing views to `apply`; returns a stop function. */
  attach(apply: (view: TrayView) => void): () => void;
  handle(action: TrayAction): void;
};

export function createTrayController(deps: TrayControllerDeps): TrayController {
  const view = (): TrayView => {
    const status = deps.reminders.status();
    return trayView({
      platform: deps.platform,
      nowMs: deps.clock.nowMs(),
      timeZone: deps.timeZone(),
      locale: deps.locale,
      live: deps.live.get(),
      lostStrap: deps.live.lostStrap(),
      breakEndsAtMs: status.breakEndsAtMs,
      pausedUntilMs: status.pausedUntilMs,
      waiting: status.waiting,
    });
  };

  const handle = (action: TrayAction) => {
    const { effects, reminders } = deps;
    switch (action) {
      case 'open-waiting':
        return reminders.openWaiting();
      case 'snooze-waiting':
        return reminders.snoozeWaiting('tray');
      case 'skip-waiting':
        return reminders.skipWaiting('tray');
      case 'start-check':
        return effects.openScreen({ route: 'check' });
      case 'breathe':
        return effects.openScreen({ route: 'breathe', query: 'minutes=1' });
      case 'check-in':
        reminders.userStarted('check-in');
        return effects.openScreen({ route: 'check', query: 'checkin' });
      case 'note-moment':
        // The Check screen shows the note card alone (renderer/features/check/tray-intents.tsx).
        return effects.openScreen({ route: 'check', query: 'moment' });
      case 'new-journal':
        reminders.userStarted('journal');
        return effects.openScreen({ route: 'journal', query: 'new' });
      case 'take-break':
        void reminders.startBreak(BREAK_MIN_MINUTES);
        return effects.openScreen({ route: 'check', query: 'break=20' });
      case 'end-break':
        return void reminders.endBreak();
      case 'reconnect-strap':
        // The Device screen shows the attempt; a window that had to open first lands on its
        // Reconnect button instead, as its page cannot take the intent before it has loaded.
        effects.openScreen({ route: 'device', query: 'reconnect' });
        return effects.runInPage('reconnect-strap');
      case 'pause-30m':
        return void reminders.pause('30m');
      case 'pause-1h':
        return void reminders.pause('1h');
      case 'pause-2h':
        return void reminders.pause('2h');
      case 'pause-tomorrow':
        return void reminders.pause('tomorrow');
      case 'resume':
        return void reminders.resume();
      case 'open':
        return effects.showWindow();
      case 'quit':
        return effects.quit();
    }
  };

  return {
    view,
    handle,
    attach(apply) {
      let last = '';
      let handle: TimerHandle | null = null;
      const refresh = () => {
        const next = view();
        const signature = JSON.stringify(next);
        if (signature !== last) {
          last = signature;
          apply(next);
        }
        scheduleRefresh();
      };
      // Only a break's countdown and the end of a pause change with time alone; nothing
      // ticks when neither is running.
      const scheduleRefresh = () => {
        if (handle !== null) deps.timer.clear(handle);
        handle = null;
        const now = deps.clock.nowMs();
        const status = deps.reminders.status();
        const moments: number[] = [];
        if (status.breakEndsAtMs !== null && status.breakEndsAtMs > now) {
          // The minutes shown change each time the time left crosses a whole minute.
          const remaining = status.breakEndsAtMs - now;
          moments.push(now + (remaining % 60_000 || 60_000));
        }
        if (status.pausedUntilMs !== null) moments.push(status.pausedUntilMs);
        const at = Math.min(...moments.filter((m) => m > now));
        if (Number.isFinite(at)) handle = deps.timer.set(refresh, at - now + 50);
      };
      const offReminders = deps.reminders.subscribe(refresh);
      const offLive = deps.live.subscribe(refresh);
      refresh();
      return () => {
        offReminders();
        offLive();
        if (handle !== null) deps.timer.clear(handle);
      };
    },
  };
}
