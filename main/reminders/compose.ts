import type { NavigateRequest } from '../../shared/model/reminders.ts';
import type { Settings } from '../../shared/model/settings.ts';
import type { RecordsService } from '../store/records-service.ts';
import type { RecordsStore } from '../store/records-store.ts';
import { MAX_EPOCH_MS } from '../../shared/model/session.ts';
import { baselineFactsFrom } from './resting-reminder.ts';
import type { SettingsStore } from '../store/settings-store.ts';
import { createLiveStatus, type LiveStatusStore } from '../tray/live-status.ts';
import { openRemindersFile } from './reminders-file.ts';
import { createRemindersService, inertPlatform, type ReminderPlatform, type RemindersService } from './reminders-service.ts';
import { systemTimer, type Timer } from './scheduler.ts';
import { systemTimeZone } from '../../shared/time/civil-date.ts';
import { smallMomentsThisWeek } from './moments-this-week.ts';

// The reminders part of createAppServices, kept here so services.ts gains only a few lines.

export type ReminderServiceDeps = {
  userDataDir: string;
  settings: SettingsStore;
  records: RecordsService;
  now: () => Date;
  /** Notifications, lock and idle state; inert (no notifications) unless Electron gives them. */
  platform?: ReminderPlatform;
  /**
   * Shows the window for a screen. Returns false when it had to open a new window that starts
   * on that screen itself (the event would arrive before the page listens).
   */
  showWindow?: (request: NavigateRequest) => boolean;
  emitNavigate: (request: NavigateRequest) => void;
  onProblem: (message: string) => void;
  timer?: Timer;
  timeZone?: () => string;
  /** Puts Attune in (or takes it out of) the system's start-at-login list. */
  applyStartAtLogin?: (enabled: boolean) => Promise<void> | void;
};

export type ReminderParts = {
  reminders: RemindersService;
  liveStatus: LiveStatusStore;
  openScreen: (request: NavigateRequest) => void;
  /** Call after every settings change. */
  settingsChanged: (next: Settings, previous: Settings | null) => void;
  /** Starts the scheduler and the agreement follow-up refresh (the app only; tests may skip it). */
  start: () => Promise<void>;
  /** Stops both; resolves when their last writes and reads have finished. */
  stop: () => Promise<void>;
};

const AGREEMENT_REFRESH_MS = 10 * 60_000;

export function composeReminders(deps: ReminderServiceDeps): ReminderParts {
  const timer = deps.timer ?? systemTimer;
  const openScreen = (request: NavigateRequest) => {
    const loaded = deps.showWindow?.(request) ?? true;
    if (loaded) deps.emitNavigate(request);
  };
  // The store once it has opened, read synchronously (from memory) each time the scheduler
  // looks, so a resting reading just taken stops its reminder at once.
  let openStore: RecordsStore | null = null;
  const reminders = createRemindersService({
    settings: () => deps.settings.get().reminders,
    file: openRemindersFile(deps.userDataDir),
    platform: deps.platform ?? inertPlatform,
    clock: { nowMs: () => deps.now().getTime() },
    timer,
    timeZone: deps.timeZone ?? systemTimeZone,
    openScreen,
    onProblem: deps.onProblem,
    smallMomentsThisWeek: () => smallMomentsThisWeek(deps.records, deps.now().getTime(), (deps.timeZone ?? systemTimeZone)()),
    baselineFacts: () => (openStore === null ? null : baselineFactsFrom(openStore.listSessions(0, MAX_EPOCH_MS))),
  });

  let refreshHandle: unknown = null;
  /** The refresh in flight, if any: stop() waits for it. */
  let refreshing: Promise<void> = Promise.resolve();
  const refreshAgreements = async () => {
    try {
      const store = await deps.records.store();
      openStore = store;
      reminders.setAgreementFollowUps(
        store
          .listAgreements()
          .filter((a) => a.status === 'active' && a.remindAtMs !== null)
          .map((a) => ({ id: a.id, remindAtMs: a.remindAtMs! })),
      );
    } catch {
      // Records unavailable (a lost key, say): no follow-ups or resting readings until they are.
      openStore = null;
    }
  };

  return {
    reminders,
    liveStatus: createLiveStatus(),
    openScreen,
    settingsChanged(next, previous) {
      reminders.poke();
      if (deps.applyStartAtLogin && next.reminders.startAtLogin !== previous?.reminders.startAtLogin) {
        Promise.resolve(deps.applyStartAtLogin(next.reminders.startAtLogin)).catch(() =>
          deps.onProblem('Attune could not change whether it starts with your computer.'),
        );
      }
    },
    async start() {
      await reminders.start();
      if (deps.applyStartAtLogin) {
        // Brings the system entry in line with the setting (the app may have moved since).
        Promise.resolve(deps.applyStartAtLogin(deps.settings.get().reminders.startAtLogin)).catch(() => undefined);
      }
      const loop = () => {
        refreshing = refreshAgreements();
        refreshHandle = timer.set(loop, AGREEMENT_REFRESH_MS);
      };
      loop();
    },
    async stop() {
      if (refreshHandle !== null) timer.clear(refreshHandle);
      await Promise.all([reminders.stop(), refreshing]);
    },
  };
}
