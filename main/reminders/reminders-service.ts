import { clampBreakMinutes } from '../../shared/check/break-bounds.ts';
import { DAY_MS, MINUTE_MS } from '../../shared/time/durations.ts';
import type { ReminderSettings } from '../../shared/model/reminder-settings.ts';
import type {
  NavigateRequest,
  PauseSpan,
  ReminderHistoryEntry,
  ReminderKind,
  ReminderOutcome,
  ReminderStatus,
} from '../../shared/model/reminders.ts';
import { appendEntry, checkInPace, checkInsShownOn, countsSince, lastShownAtMs, unanswered } from './history.ts';
import { nextDueAfter, snoozedOccurrence, type DueReminder, type PlanContext } from './plan.ts';
import { restingReadingNeeded, type BaselineFacts, type RestingFacts } from './resting-reminder.ts';
import { reminderRoute, reminderText, type ReminderText } from './reminder-content.ts';
import { freshRemindersFile, type RemindersFile, type RemindersFileStore } from './reminders-file.ts';
import type { Clock } from '../../shared/time/clock.ts';
import { pauseEnd } from './pause-end.ts';
import { createScheduler, type Scheduler, type Timer } from './scheduler.ts';

// Reminders as a service: the scheduler, the history file, pauses and breaks, what the
// window says it is busy with, and the notifications. Every OS hook arrives as a
// parameter, so this runs the same in Electron, in the browser-test harness and in Node.

/** A busy report the window never cleared (it crashed, say) stops counting after this. */
const BUSY_EXPIRES_MS = 3 * 60 * MINUTE_MS;

export type NotificationHandlers = {
  onClick: () => void;
  onClose: () => void;
  /** The notification's Snooze button (where the system shows buttons). */
  onSnooze: () => void;
  /** The notification's Skip button. */
  onSkip: () => void;
};

/** Where the person answered a reminder. */
export type AnswerSource = 'notification' | 'tray';

/** Shows a system notification; resolves false when the system would not show it. */
export type Notifier = (text: ReminderText, handlers: NotificationHandlers) => Promise<boolean>;

export type SystemState = { screenLocked: boolean; userIdle: boolean };

export type ReminderPlatform = {
  notify: Notifier;
  /** Screen lock and idleness where the platform tells (powerMonitor); otherwise neither. */
  systemState: () => SystemState;
  /** The system's do-not-disturb, or null where it cannot be read. */
  doNotDisturb: () => boolean | null;
};

export const inertPlatform: ReminderPlatform = {
  notify: async () => false,
  systemState: () => ({ screenLocked: false, userIdle: false }),
  doNotDisturb: () => null,
};

export type RemindersDeps = {
  settings: () => ReminderSettings;
  file: RemindersFileStore;
  platform: ReminderPlatform;
  clock: Clock;
  timer: Timer;
  timeZone: () => string;
  /** Shows the window on a screen. */
  openScreen: (request: NavigateRequest) => void;
  onProblem?: (message: string) => void;
  /** How many small moments were noted this local week, for the weekly reminder's words; null when unknown. */
  smallMomentsThisWeek?: () => Promise<number | null>;
  /** What the records say about the baseline and flooding; null (no resting-reading reminders) when they cannot be read. */
  baselineFacts?: () => BaselineFacts | null;
};

export type RemindersService = {
  /** Resolves once reminders.json has been read. */
  readonly ready: Promise<void>;
  start(): Promise<void>;
  /** Stops the scheduler; resolves once the last write of reminders.json has finished. */
  stop(): Promise<void>;
  status(): ReminderStatus;
  pause(span: PauseSpan): Promise<ReminderStatus>;
  resume(): Promise<ReminderStatus>;
  startBreak(minutes: number): Promise<ReminderStatus>;
  endBreak(): Promise<ReminderStatus>;
  setBusy(activity: 'check' | 'conversation', busy: boolean): void;
  /** The reminder waiting for an answer was opened (from the tray). */
  openWaiting(): void;
  /** The reminder waiting for an answer is put off: it comes back after SNOOZE_MS (plan.ts). */
  snoozeWaiting(via: AnswerSource): void;
  /** The reminder waiting for an answer is let go, and the history says it was skipped. */
  skipWaiting(via: AnswerSource): void;
  /** The user started this kind of moment themselves (tray or window): an open reminder of it counts as acted on. */
  userStarted(kind: ReminderKind): void;
  setAgreementFollowUps(list: ReadonlyArray<{ id: string; remindAtMs: number }>): void;
  /** Resume from sleep, unlock, a clock or settings change: look again now. */
  poke(): void;
  subscribe(listener: (status: ReminderStatus) => void): () => void;
};

export function createRemindersService(deps: RemindersDeps): RemindersService {
  let data: RemindersFile = freshRemindersFile();
  let waiting: DueReminder | null = null;
  let agreements: ReadonlyArray<{ id: string; remindAtMs: number }> = [];
  const busySince = new Map<string, number>();
  const listeners = new Set<(status: ReminderStatus) => void>();
  let lastEmitted = '';

  const ready = deps.file.load().then(({ data: loaded, problem }) => {
    data = loaded;
    if (problem) deps.onProblem?.(problem);
  });

  const now = () => deps.clock.nowMs();

  const readFacts = (): BaselineFacts | null => {
    try {
      return deps.baselineFacts?.() ?? null;
    } catch {
      // Records that cannot be read now: no resting-reading reminder until they can.
      return null;
    }
  };

  const planContext = (facts: BaselineFacts | null = readFacts()): PlanContext => {
    const settings = deps.settings();
    const t = now();
    const timeZone = deps.timeZone();
    return {
      settings,
      timeZone: deps.timeZone(),
      seed: data.seed,
      checkInsPerDay: checkInPace(settings.checkInsPerDay, data.history, now()).perDay,
      breakEndsAtMs: data.breakEndsAtMs,
      agreements,
      restingReadingWanted: settings.restingReadings && restingReadingNeeded(facts, t, timeZone),
      snoozed: data.snoozed.filter((due) => due.expiresAtMs > t),
    };
  };

  const restingFacts = (facts: BaselineFacts | null): RestingFacts | null =>
    facts === null ? null : { ...facts, lastReminderAtMs: lastShownAtMs(data.history, 'resting-reading') };

  const isBusy = () => {
    const t = now();
    for (const [activity, since] of busySince) if (t - since > BUSY_EXPIRES_MS) busySince.delete(activity);
    return busySince.size > 0;
  };

  const scheduler: Scheduler = createScheduler({
    clock: deps.clock,
    timer: deps.timer,
    context: () => {
      const facts = readFacts();
      const plan = planContext(facts);
      const system = deps.platform.systemState();
      const dnd = deps.platform.doNotDisturb();
      return {
        plan,
        pausedUntilMs: data.pausedUntilMs,
        blockers: {
          busy: isBusy(),
          screenLocked: system.screenLocked,
          userIdle: system.userIdle,
          doNotDisturb: plan.settings.respectDoNotDisturb && dnd === true,
        },
        checkInsShownToday: checkInsShownOn(data.history, now(), plan.timeZone),
        restingFacts: restingFacts(facts),
      };
    },
    onFire: (due) => void show(due),
    onStep: () => emitIfChanged(),
  });

  function record(key: string, kind: ReminderKind, outcome: ReminderOutcome, via?: 'notification' | 'tray'): void {
    const entry: ReminderHistoryEntry = { key, kind, outcome, atMs: now(), ...(via ? { via } : {}) };
    data = { ...data, history: appendEntry(data.history, entry) };
  }

  function persist(): void {
    deps.file.save(data).catch(() => deps.onProblem?.('The reminder history could not be saved.'));
  }

  /** An earlier reminder nobody answered counts as skipped once the next one comes. */
  function closeUnanswered(outcome: ReminderOutcome): void {
    const open = unanswered(data.history);
    if (open) record(open.key, open.kind, outcome);
  }

  async function show(due: DueReminder): Promise<void> {
    closeUnanswered('skipped');
    if (due.kind === 'break-over') data = { ...data, breakEndsAtMs: null };
    if (due.snoozed) data = { ...data, snoozed: data.snoozed.filter((s) => s.key !== due.key && s.expiresAtMs > now()) };
    // Open until it is answered or goes stale: the tray offers it with Snooze and Skip.
    waiting = due;
    // Recorded before the system answers, so the daily count holds even if steps come quickly.
    record(due.key, due.kind, 'shown', 'notification');
    persist();
    let shown: boolean;
    try {
      // Only the weekly reminder waits for a figure (the records index, in memory).
      const facts = due.kind === 'weekly' && deps.smallMomentsThisWeek ? { smallMomentsThisWeek: await deps.smallMomentsThisWeek() } : {};
      shown = await deps.platform.notify(reminderText(due.kind, facts), {
        onClick: () => {
          answer(due, 'acted');
          deps.openScreen(reminderRoute(due));
        },
        onClose: () => answer(due, 'skipped'),
        onSnooze: () => snooze(due, 'notification'),
        onSkip: () => answer(due, 'skipped', 'notification'),
      });
    } catch {
      shown = false;
    }
    if (!shown && unanswered(data.history)?.key === due.key) {
      // A notification the system would not show: the tray carries the reminder alone.
      data = {
        ...data,
        history: data.history.map((e) => (e.key === due.key && e.outcome === 'shown' ? { ...e, via: 'tray' as const } : e)),
      };
      persist();
    }
    emitIfChanged(true);
  }

  function answer(due: DueReminder, outcome: ReminderOutcome, via?: AnswerSource): void {
    const open = unanswered(data.history);
    if (open === null || open.key !== due.key) return;
    record(due.key, due.kind, outcome, via);
    if (waiting?.key === due.key) waiting = null;
    persist();
    emitIfChanged(true);
  }

  /** Puts `due` off: recorded as snoozed, and planned again SNOOZE_MS from now. */
  function snooze(due: DueReminder, via: AnswerSource): void {
    const open = unanswered(data.history);
    if (open === null || open.key !== due.key) return;
    const again = snoozedOccurrence(due, now());
    data = { ...data, snoozed: [...data.snoozed.filter((s) => s.expiresAtMs > now()), again].slice(-20) };
    answer(due, 'snoozed', via);
    scheduler.poke();
  }

  /** The open reminder, while it is still worth answering. */
  function openReminder(): DueReminder | null {
    return waiting !== null && waiting.expiresAtMs > now() ? waiting : null;
  }

  function status(): ReminderStatus {
    const t = now();
    const settings = deps.settings();
    const pace = checkInPace(settings.checkInsPerDay, data.history, t);
    const pending = scheduler.last()?.state.pending ?? null;
    const upcoming = pending ?? nextDueAfter(t, planContext());
    return {
      pausedUntilMs: data.pausedUntilMs !== null && data.pausedUntilMs > t ? data.pausedUntilMs : null,
      breakEndsAtMs: data.breakEndsAtMs,
      next: upcoming ? { kind: upcoming.kind, atMs: Math.max(upcoming.dueAtMs, t) } : null,
      checkInsPerDay: settings.checkIns ? pace.perDay : 0,
      fewerBecauseSkipped: settings.checkIns && pace.fewerBecauseSkipped,
      waiting: openReminder()?.kind ?? null,
      recent: data.history.slice(-50).reverse(),
      lastSevenDays: countsSince(data.history, t - 7 * DAY_MS),
      doNotDisturbSource: deps.platform.doNotDisturb() === null ? 'quiet-hours' : 'os',
      timeZone: deps.timeZone(),
    };
  }

  function emitIfChanged(force = false): void {
    if (listeners.size === 0) return;
    const current = status();
    const signature = JSON.stringify([current.pausedUntilMs, current.breakEndsAtMs, current.next, current.waiting, current.recent[0]]);
    if (!force && signature === lastEmitted) return;
    lastEmitted = signature;
    for (const listener of listeners) listener(current);
  }

  async function change(mutate: () => void): Promise<ReminderStatus> {
    await ready;
    mutate();
    persist();
    scheduler.poke();
    emitIfChanged(true);
    return status();
  }

  return {
    ready,
    async start() {
      await ready;
      scheduler.start();
    },
    stop() {
      scheduler.stop();
      // A save queued just before (a busy report, a pause) must not land after the owner
      // has moved on: a test's temp folder would be written again after its removal.
      return deps.file.settled();
    },
    status,
    pause: (span) =>
      change(() => {
        // Pausing while a reminder is open is the "not now" answer to it.
        closeUnanswered('snoozed');
        waiting = null;
        data = { ...data, pausedUntilMs: pauseEnd(span, now(), deps.settings(), deps.timeZone()) };
      }),
    resume: () =>
      change(() => {
        data = { ...data, pausedUntilMs: null };
      }),
    startBreak: (minutes) =>
      change(() => {
        data = { ...data, breakEndsAtMs: now() + clampBreakMinutes(minutes) * MINUTE_MS };
      }),
    endBreak: () =>
      change(() => {
        data = { ...data, breakEndsAtMs: null };
      }),
    setBusy(activity, busy) {
      if (busy) busySince.set(activity, now());
      else busySince.delete(activity);
      if (!busy) scheduler.poke();
    },
    openWaiting() {
      const due = openReminder();
      if (due === null) return;
      answer(due, 'acted');
      waiting = null;
      deps.openScreen(reminderRoute(due));
      emitIfChanged(true);
    },
    snoozeWaiting(via) {
      const due = openReminder();
      if (due !== null) snooze(due, via);
    },
    skipWaiting(via) {
      const due = openReminder();
      if (due !== null) answer(due, 'skipped', via);
    },
    userStarted(kind) {
      const open = unanswered(data.history);
      if (open === null || open.kind !== kind) return;
      record(open.key, open.kind, 'acted');
      if (waiting?.key === open.key) waiting = null;
      persist();
      emitIfChanged(true);
    },
    setAgreementFollowUps(list) {
      agreements = [...list];
      scheduler.poke();
    },
    poke: () => scheduler.poke(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
