// A simulated computer for the reminders service: a fake clock, a fake timer queue, sleep
// and wake, a notifier that records what it showed, and an in-memory reminders file.
// Nothing here waits for real time.
import { defaultSettings } from '../../../shared/model/settings.ts';
import { ReminderSettingsSchema, type ReminderSettings } from '../../../shared/model/reminder-settings.ts';
import type { ReminderKind } from '../../../shared/model/reminders.ts';
import type { RemindersFile, RemindersFileStore } from '../../../main/reminders/reminders-file.ts';
import {
  createRemindersService,
  type NotificationHandlers,
  type RemindersService,
  type SystemState,
} from '../../../main/reminders/reminders-service.ts';
import type { ReminderText } from '../../../main/reminders/reminder-content.ts';
import type { Timer } from '../../../main/reminders/scheduler.ts';
import type { BaselineFacts } from '../../../main/reminders/resting-reminder.ts';

export type Shown = { atMs: number; kind: ReminderKind; text: ReminderText; handlers: NotificationHandlers };

export type Simulation = {
  service: RemindersService;
  shown: Shown[];
  opened: Array<{ route: string; query?: string }>;
  nowMs(): number;
  /** Runs the timers due up to `untilMs`, in order. */
  advanceTo(untilMs: number): void;
  /** The machine sleeps: no timer runs until `wakeMs`, then the system reports resume. */
  sleepUntil(wakeMs: number): void;
  setClock(ms: number): void;
  system: SystemState;
  notificationsWork: boolean;
  file: { data: RemindersFile | null };
  timersSet: number;
};

export function reminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return ReminderSettingsSchema.parse({ ...defaultSettings().reminders, ...overrides });
}

export function memoryFile(initial: RemindersFile | null = null): RemindersFileStore & { data: RemindersFile | null } {
  const store = {
    path: '/memory/reminders.json',
    data: initial,
    async load() {
      return { data: store.data ?? { version: 1 as const, seed: 12345, pausedUntilMs: null, breakEndsAtMs: null, history: [], snoozed: [] }, problem: null };
    },
    async save(data: RemindersFile) {
      store.data = data;
    },
    settled: async () => {},
  };
  return store;
}

export async function simulate(options: {
  startMs: number;
  settings: ReminderSettings | (() => ReminderSettings);
  timeZone: string;
  file?: RemindersFile | null;
  /** Click every notification as it appears (a person who takes up every reminder). */
  actOnEvery?: boolean;
  /** A reminders file of its own (a real one in a temp folder); an in-memory one by default. */
  store?: RemindersFileStore;
  /** What the records say about the baseline (resting-reminder.ts); none by default. */
  baselineFacts?: () => BaselineFacts | null;
  /** This week's small moments for the weekly reminder's words; not asked by default. */
  smallMomentsThisWeek?: () => Promise<number | null>;
}): Promise<Simulation> {
  let now = options.startMs;
  let nextId = 1;
  const timers = new Map<number, { atMs: number; callback: () => void }>();
  let asleep = false;
  const shown: Shown[] = [];
  const opened: Array<{ route: string; query?: string }> = [];
  const memory = memoryFile(options.file ?? null);
  const file = options.store ?? memory;
  const sim = {} as Simulation;
  const timer: Timer = {
    set(callback, delayMs) {
      const id = nextId++;
      timers.set(id, { atMs: now + delayMs, callback });
      sim.timersSet += 1;
      return id;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
  };
  const settings = typeof options.settings === 'function' ? options.settings : () => options.settings as ReminderSettings;
  const system: SystemState = { screenLocked: false, userIdle: false };
  const service = createRemindersService({
    settings,
    file,
    clock: { nowMs: () => now },
    timer,
    timeZone: () => options.timeZone,
    platform: {
      notify: async (text, handlers) => {
        if (!sim.notificationsWork) return false;
        shown.push({ atMs: now, kind: kindOf(text), text, handlers });
        if (options.actOnEvery) handlers.onClick();
        return true;
      },
      systemState: () => system,
      doNotDisturb: () => null,
    },
    openScreen: (request) => opened.push(request),
    ...(options.baselineFacts ? { baselineFacts: options.baselineFacts } : {}),
    ...(options.smallMomentsThisWeek ? { smallMomentsThisWeek: options.smallMomentsThisWeek } : {}),
  });

  function runDue(untilMs: number): void {
    for (;;) {
      let nextEntry: [number, { atMs: number; callback: () => void }] | null = null;
      for (const entry of timers) if (nextEntry === null || entry[1].atMs < nextEntry[1].atMs) nextEntry = entry;
      if (nextEntry === null || nextEntry[1].atMs > untilMs) break;
      timers.delete(nextEntry[0]);
      now = Math.max(now, nextEntry[1].atMs);
      nextEntry[1].callback();
    }
    now = Math.max(now, untilMs);
  }

  Object.assign(sim, {
    service,
    shown,
    opened,
    system,
    notificationsWork: true,
    file: memory,
    timersSet: 0,
    nowMs: () => now,
    advanceTo(untilMs: number) {
      if (asleep) throw new Error('asleep');
      runDue(untilMs);
    },
    sleepUntil(wakeMs: number) {
      asleep = true;
      now = wakeMs;
      asleep = false;
      // On resume both things happen: the overdue timer runs late and main hears 'resume'.
      service.poke();
      runDue(wakeMs);
    },
    setClock(ms: number) {
      now = ms;
    },
  });
  await service.start();
  return sim;
}

const BODY_TO_KIND: Record<string, ReminderKind> = {
  'Time for a check-in': 'check-in',
  'Time for a few lines in your journal': 'journal',
  'Time for your weekly look back': 'weekly',
  'Your break time is up': 'break-over',
  'Time to look back at a plan you made': 'agreement',
  'A calm moment for a resting reading?': 'resting-reading',
};

function kindOf(text: ReminderText): ReminderKind {
  // The weekly reminder may add this week's small moments after its own words.
  const kind = BODY_TO_KIND[text.body] ?? BODY_TO_KIND[text.body.replace(/\. \d+ small moments? this week\.$/, '')];
  if (!kind) throw new Error(`unexpected notification text ${text.body}`);
  return kind;
}

/** Local wall-clock reading, computed independently of the code under test. */
export function wallClock(ms: number, timeZone: string): { date: string; minute: number; weekday: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minute: Number(get('hour')) * 60 + Number(get('minute')),
    weekday: weekdays.indexOf(get('weekday')),
  };
}

export function toMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
