import { MINUTE_MS } from '../../shared/time/durations.ts';
import type { Clock } from '../../shared/time/clock.ts';
import { dueBetween, isAllowedAt, nextDueAfter, PRIORITY, type DueReminder, type PlanContext } from './plan.ts';
import { isCalmMoment, type RestingFacts } from './resting-reminder.ts';

// The reminder scheduler. Hand-written because no library we know combines what it needs:
// a plan per local day in the user's time zone, one waiting reminder at most (so sleep,
// resume, a clock change or a long pause produce one catch-up, never a burst), and
// deferral while the person is busy, away or in quiet hours.
//
// `step` is a pure function from (state, what the world looks like now) to (new state,
// what to show, when to look again). `createScheduler` runs it with an injected clock and
// timer; nothing polls faster than once every few minutes.


/** Nudges never come closer together than this, whatever was missed. */
export const MIN_GAP_MS = 30 * MINUTE_MS;
/** While a reminder waits (busy, idle, locked, quiet), look again this often. */
export const RECHECK_MS = 5 * MINUTE_MS;
/** The longest the scheduler sleeps, so a changed system clock is noticed within it. */
export const MAX_SLEEP_MS = 15 * MINUTE_MS;
const KEYS_KEPT = 400;

export type Blockers = {
  /** The window reported a check or a conversation in progress. */
  busy: boolean;
  screenLocked: boolean;
  userIdle: boolean;
  /** The system's do-not-disturb is on (only when it can be read and the user wants it respected). */
  doNotDisturb: boolean;
};

export type SchedulerContext = {
  nowMs: number;
  plan: PlanContext;
  pausedUntilMs: number | null;
  blockers: Blockers;
  /** Check-ins already shown today (local day), from the history. */
  checkInsShownToday: number;
  /** What the calm-day rule needs for a resting-reading reminder; null when the records cannot be read. */
  restingFacts: RestingFacts | null;
};

export type SchedulerState = {
  /** Every occurrence due up to here has been dealt with. */
  checkedUntilMs: number;
  /** The one reminder waiting to be shown. */
  pending: DueReminder | null;
  lastNudgeAtMs: number | null;
  /** Occurrences already shown or dropped, so a clock turned back never repeats them. */
  seenKeys: string[];
};

export type DeferReason = 'busy' | 'screen-locked' | 'idle' | 'do-not-disturb' | 'paused' | 'outside-hours' | 'too-soon';

export type StepResult = {
  state: SchedulerState;
  fire: DueReminder | null;
  deferred: DeferReason | null;
  wakeAtMs: number;
};

export function initialSchedulerState(nowMs: number): SchedulerState {
  // Nothing from before the app started is caught up: starting is not waking.
  return { checkedUntilMs: nowMs, pending: null, lastNudgeAtMs: null, seenKeys: [] };
}

export function step(state: SchedulerState, ctx: SchedulerContext): StepResult {
  const { nowMs } = ctx;
  const seen = new Set(state.seenKeys);
  // A clock turned back: nothing new is due, and `seen` keeps old occurrences from repeating.
  const from = Math.min(state.checkedUntilMs, nowMs);
  const fresh = dueBetween(from, nowMs, ctx.plan).filter((due) => !seen.has(due.key) && due.expiresAtMs > nowMs);
  const waiting = state.pending !== null && state.pending.expiresAtMs > nowMs ? [state.pending] : [];
  const candidates = [...waiting, ...fresh];
  // Everything that came due collapses into one: the most important, then the most recent.
  candidates.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.dueAtMs - a.dueAtMs);
  let pending = candidates[0] ?? null;
  for (const due of candidates.slice(1)) seen.add(due.key);

  let fire: DueReminder | null = null;
  let deferred: DeferReason | null = null;
  let lastNudgeAtMs = state.lastNudgeAtMs;
  if (pending !== null) {
    const verdict = judge(pending, ctx, lastNudgeAtMs);
    if (verdict === 'fire') {
      fire = pending;
      seen.add(pending.key);
      if (pending.kind !== 'break-over') lastNudgeAtMs = nowMs;
      pending = null;
    } else if (verdict === 'drop') {
      seen.add(pending.key);
      pending = null;
    } else {
      deferred = verdict;
    }
  }

  const next = nextDueAfter(nowMs, ctx.plan);
  let wakeAtMs = Math.min(nowMs + MAX_SLEEP_MS, next?.dueAtMs ?? Infinity);
  if (pending !== null) {
    const retryAt = deferred === 'too-soon' && lastNudgeAtMs !== null ? lastNudgeAtMs + MIN_GAP_MS : nowMs + RECHECK_MS;
    wakeAtMs = Math.min(wakeAtMs, retryAt, pending.expiresAtMs + 1);
  }
  return {
    state: { checkedUntilMs: nowMs, pending, lastNudgeAtMs, seenKeys: [...seen].slice(-KEYS_KEPT) },
    fire,
    deferred,
    wakeAtMs: Math.max(wakeAtMs, nowMs + 1000),
  };
}

function judge(due: DueReminder, ctx: SchedulerContext, lastNudgeAtMs: number | null): 'fire' | 'drop' | DeferReason {
  const { blockers, nowMs, plan } = ctx;
  if (blockers.busy) return 'busy';
  if (blockers.screenLocked) return 'screen-locked';
  if (blockers.userIdle) return 'idle';
  // The end of a break the user chose to take comes on time, even in quiet hours or a pause.
  if (due.kind === 'break-over') return 'fire';
  // A snoozed check-in was counted when it first came.
  if (due.kind === 'check-in' && !due.snoozed && ctx.checkInsShownToday >= plan.checkInsPerDay) return 'drop';
  if (ctx.pausedUntilMs !== null && nowMs < ctx.pausedUntilMs) return 'paused';
  if (!isAllowedAt(plan.settings, nowMs, plan.timeZone)) return 'outside-hours';
  if (due.kind === 'resting-reading' && !calmForResting(due, ctx)) {
    // Not a calm day for it: it goes quietly rather than wait, so it never holds back the
    // check-ins behind it (one reminder waits at most); tomorrow has its own.
    return 'drop';
  }
  if (blockers.doNotDisturb) return 'do-not-disturb';
  if (lastNudgeAtMs !== null && nowMs - lastNudgeAtMs < MIN_GAP_MS) return 'too-soon';
  return 'fire';
}

/** The calm-day rule for this occurrence; a snoozed one is the day's reminder coming back, not a second one. */
function calmForResting(due: DueReminder, ctx: SchedulerContext): boolean {
  if (ctx.restingFacts === null) return false;
  const facts = due.snoozed ? { ...ctx.restingFacts, lastReminderAtMs: null } : ctx.restingFacts;
  return isCalmMoment(ctx.nowMs, facts, ctx.plan.settings, ctx.plan.timeZone);
}

export type TimerHandle = unknown;
export type Timer = {
  set(callback: () => void, delayMs: number): TimerHandle;
  clear(handle: TimerHandle): void;
};

/** Node's timers, unref'd so a waiting reminder never keeps a process alive. */
export const systemTimer: Timer = {
  set(callback, delayMs) {
    const handle = setTimeout(callback, delayMs);
    handle.unref?.();
    return handle;
  },
  clear(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export type SchedulerDeps = {
  clock: Clock;
  timer: Timer;
  /** Everything the step needs besides the time, read fresh at each step. */
  context: () => Omit<SchedulerContext, 'nowMs'>;
  onFire: (due: DueReminder) => void;
  onStep?: (result: StepResult) => void;
};

export type Scheduler = {
  start(): void;
  stop(): void;
  /** Look again now: after resume, unlock, a settings change or the end of a busy spell. */
  poke(): void;
  /** The last result, for status displays. */
  last(): StepResult | null;
};

export function createScheduler(deps: SchedulerDeps): Scheduler {
  let state: SchedulerState | null = null;
  let handle: TimerHandle | null = null;
  let last: StepResult | null = null;
  let running = false;

  const run = () => {
    if (!running) return;
    if (handle !== null) deps.timer.clear(handle);
    handle = null;
    const nowMs = deps.clock.nowMs();
    state ??= initialSchedulerState(nowMs);
    const result = step(state, { nowMs, ...deps.context() });
    state = result.state;
    last = result;
    if (result.fire) deps.onFire(result.fire);
    deps.onStep?.(result);
    if (running) handle = deps.timer.set(run, result.wakeAtMs - nowMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      run();
    },
    stop() {
      running = false;
      if (handle !== null) deps.timer.clear(handle);
      handle = null;
    },
    poke: run,
    last: () => last,
  };
}
