import { HOUR_MS, MINUTE_MS } from '../../shared/time/durations.ts';
import { clockMinutes, type ReminderSettings } from '../../shared/model/reminder-settings.ts';
import type { ReminderKind } from '../../shared/model/reminders.ts';
import { addDays, civilDateOf, dateKey, instantOf, minuteOfDay, weekdayOf, type CivilDate } from '../../shared/time/civil-date.ts';

// When reminders are due and when they may be shown: pure functions of the settings, the
// time zone and a seed. Nothing here reads a clock; the scheduler passes instants in.

export type MinuteRange = { start: number; end: number };

/** A reminder that has come due, with the last moment it is still worth showing. */
export type DueReminder = {
  /** Unique per occurrence, e.g. "check-in:2025-03-30#1"; a key fires at most once. */
  key: string;
  kind: ReminderKind;
  dueAtMs: number;
  expiresAtMs: number;
  /** Agreement id for follow-ups. */
  ref?: string;
  /** Set on a reminder brought back after a snooze (see snoozedOccurrence). */
  snoozed?: true;
};

/**
 * A snoozed reminder comes back this long after the snooze: long enough to finish what the
 * person was in the middle of, short enough that the moment still belongs to the same part
 * of the day (a check-in's afternoon, the evening's journal). Longer is what a pause is for.
 */
export const SNOOZE_MS = 60 * MINUTE_MS;
/** Marks the key of a reminder brought back after a snooze, so the original stays unique. */
export const SNOOZED_KEY_MARK = '~snoozed-';

export type PlanContext = {
  settings: ReminderSettings;
  timeZone: string;
  /** Fixed per installation: the jitter differs between people but not between restarts. */
  seed: number;
  /** Check-ins a day after the skip rule (may be fewer than the setting). */
  checkInsPerDay: number;
  breakEndsAtMs: number | null;
  agreements: ReadonlyArray<{ id: string; remindAtMs: number }>;
  /** The baseline wants a resting reading (resting-reminder.ts decides; the calm-day rule is the scheduler's). */
  restingReadingWanted: boolean;
  /** Reminders put off with Snooze, each due again at its own time. */
  snoozed: readonly DueReminder[];
};


/** How late each kind may still be shown; older ones are dropped quietly. */
export const STALE_AFTER_MS: Record<ReminderKind, number> = {
  'check-in': 90 * MINUTE_MS,
  journal: 3 * HOUR_MS,
  weekly: 24 * HOUR_MS,
  agreement: 36 * HOUR_MS,
  'break-over': 12 * HOUR_MS,
  // Long enough for a stirred morning to settle before the day's chance has gone.
  'resting-reading': 4 * HOUR_MS,
};

/** When several are waiting only one is shown: the one that matters most. */
export const PRIORITY: Record<ReminderKind, number> = {
  'break-over': 6,
  agreement: 5,
  journal: 4,
  weekly: 3,
  'resting-reading': 2,
  'check-in': 1,
};

/** Quiet hours on one day as minute ranges; a span over midnight splits into two. */
export function quietRanges(settings: ReminderSettings): MinuteRange[] {
  if (!settings.quietHours) return [];
  const start = clockMinutes(settings.quietStart);
  const end = clockMinutes(settings.quietEnd);
  if (start === end) return [];
  return start < end ? [{ start, end }] : [{ start: 0, end }, { start, end: 1440 }];
}

/** Minutes of `date` when nudges may come: the active ranges of an active day, minus quiet hours. */
export function allowedRanges(settings: ReminderSettings, date: CivilDate): MinuteRange[] {
  if (!settings.activeDays.includes(weekdayOf(date))) return [];
  let ranges = mergeRanges(settings.activeRanges.map((r) => ({ start: clockMinutes(r.start), end: clockMinutes(r.end) })));
  for (const quiet of quietRanges(settings)) ranges = ranges.flatMap((range) => subtract(range, quiet));
  return ranges;
}

/** Inside the user's active hours and outside quiet hours (pauses are the scheduler's business). */
export function isAllowedAt(settings: ReminderSettings, ms: number, timeZone: string): boolean {
  const minute = minuteOfDay(ms, timeZone);
  return allowedRanges(settings, civilDateOf(ms, timeZone)).some((r) => minute >= r.start && minute < r.end);
}

/**
 * Check-in times for one day: the allowed minutes are cut into `count` equal slots and each
 * slot gets one moment, placed by a seeded random draw away from the slot's edges, so
 * check-ins are spread out, never clustered, and differ from day to day.
 */
export function checkInTimes(settings: ReminderSettings, date: CivilDate, count: number, seed: number, timeZone: string): number[] {
  const ranges = allowedRanges(settings, date);
  const total = ranges.reduce((sum, r) => sum + (r.end - r.start), 0);
  if (count <= 0 || total < count) return [];
  const random = mulberry32(hashString(`${seed}:${dateKey(date)}`));
  const slot = total / count;
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const edge = slot * 0.15;
    const offset = i * slot + edge + random() * (slot - 2 * edge);
    times.push(instantOf(date, minuteAtOffset(ranges, Math.floor(offset)), timeZone));
  }
  return times;
}

/** Every reminder occurrence due in (fromMs, toMs]; at most two days back are looked at. */
export function dueBetween(fromMs: number, toMs: number, ctx: PlanContext): DueReminder[] {
  const start = Math.max(fromMs, toMs - 2 * 24 * HOUR_MS);
  const out: DueReminder[] = [];
  // One day either side covers time-zone edges; each day is planned as a whole.
  const last = addDays(civilDateOf(toMs, ctx.timeZone), 1);
  for (let date = addDays(civilDateOf(start, ctx.timeZone), -1); dateKey(date) <= dateKey(last); date = addDays(date, 1)) {
    out.push(...plannedFor(date, ctx));
  }
  out.push(...oneOffOccurrences(ctx));
  return out.filter((d) => d.dueAtMs > start && d.dueAtMs <= toMs);
}

/** The first occurrence due after `ms` (looking up to ten days ahead), or null. */
export function nextDueAfter(ms: number, ctx: PlanContext): DueReminder | null {
  let best: DueReminder | null = null;
  const consider = (due: DueReminder) => {
    if (due.dueAtMs > ms && (best === null || due.dueAtMs < best.dueAtMs)) best = due;
  };
  oneOffOccurrences(ctx).forEach(consider);
  let date = addDays(civilDateOf(ms, ctx.timeZone), -1);
  for (let i = 0; i < 10; i += 1, date = addDays(date, 1)) {
    // Days come in order: once something found is due before this day begins, nothing later beats it.
    const found = best as DueReminder | null;
    if (found !== null && found.dueAtMs < instantOf(date, 0, ctx.timeZone)) break;
    plannedFor(date, ctx).forEach(consider);
  }
  return best;
}

/** The day's plan, with the resting-reading reminder only while the baseline wants one. */
function plannedFor(date: CivilDate, ctx: PlanContext): DueReminder[] {
  const day = dayOccurrences(date, ctx);
  return ctx.restingReadingWanted ? day : day.filter((due) => due.kind !== 'resting-reading');
}

/**
 * The reminder `due` put off with Snooze at `nowMs`: due again SNOOZE_MS later, worth
 * showing for as long as its kind is, under a key of its own so the original stays seen.
 */
export function snoozedOccurrence(due: DueReminder, nowMs: number): DueReminder {
  const original = due.key.split(SNOOZED_KEY_MARK)[0]!;
  const dueAtMs = nowMs + SNOOZE_MS;
  return { ...due, key: `${original}${SNOOZED_KEY_MARK}${dueAtMs}`, dueAtMs, expiresAtMs: dueAtMs + STALE_AFTER_MS[due.kind], snoozed: true };
}

// Planning a day costs a few dozen Intl calls and the scheduler asks about the same days
// again and again, so recent plans are kept.
const dayCache = new Map<string, DueReminder[]>();
const DAY_CACHE_SIZE = 64;

function dayOccurrences(date: CivilDate, ctx: PlanContext): DueReminder[] {
  const { settings, timeZone } = ctx;
  const key = dateKey(date);
  const cacheKey = `${key}|${timeZone}|${ctx.seed}|${ctx.checkInsPerDay}|${JSON.stringify(settings)}`;
  const cached = dayCache.get(cacheKey);
  if (cached) return cached;
  const out: DueReminder[] = [];
  const push = (kind: ReminderKind, occurrence: string, dueAtMs: number) =>
    out.push({ kind, key: occurrence, dueAtMs, expiresAtMs: dueAtMs + STALE_AFTER_MS[kind] });
  if (settings.checkIns) {
    checkInTimes(settings, date, ctx.checkInsPerDay, ctx.seed, timeZone).forEach((at, i) => push('check-in', `check-in:${key}#${i}`, at));
  }
  if (settings.journalPrompt) push('journal', `journal:${key}`, instantOf(date, clockMinutes(settings.journalTime), timeZone));
  if (settings.weeklyProgress && weekdayOf(date) === settings.weeklyDay) {
    push('weekly', `weekly:${key}`, instantOf(date, clockMinutes(settings.weeklyTime), timeZone));
  }
  if (settings.restingReadings) {
    // One a day at a seeded moment of its own, placed as a single check-in would be.
    const [at] = checkInTimes(settings, date, 1, hashString(`resting-reading:${ctx.seed}`), timeZone);
    if (at !== undefined) push('resting-reading', `resting-reading:${key}`, at);
  }
  if (dayCache.size >= DAY_CACHE_SIZE) dayCache.delete(dayCache.keys().next().value!);
  dayCache.set(cacheKey, out);
  return out;
}

/** Whether the settings let this kind of reminder come at all (a snoozed one included). */
function kindIsOn(settings: ReminderSettings, kind: ReminderKind): boolean {
  switch (kind) {
    case 'check-in':
      return settings.checkIns;
    case 'journal':
      return settings.journalPrompt;
    case 'weekly':
      return settings.weeklyProgress;
    case 'break-over':
      return settings.breakOver;
    case 'agreement':
      return settings.agreementFollowUps;
    case 'resting-reading':
      return settings.restingReadings;
  }
}

function oneOffOccurrences(ctx: PlanContext): DueReminder[] {
  // A reminder snoozed before its kind was turned off stays off.
  const out: DueReminder[] = ctx.snoozed.filter((due) => kindIsOn(ctx.settings, due.kind));
  if (ctx.settings.agreementFollowUps) {
    for (const a of ctx.agreements) {
      const expiresAtMs = a.remindAtMs + STALE_AFTER_MS.agreement;
      out.push({ kind: 'agreement', key: `agreement:${a.id}:${a.remindAtMs}`, dueAtMs: a.remindAtMs, expiresAtMs, ref: a.id });
    }
  }
  if (ctx.settings.breakOver && ctx.breakEndsAtMs !== null) {
    const at = ctx.breakEndsAtMs;
    out.push({ kind: 'break-over', key: `break-over:${at}`, dueAtMs: at, expiresAtMs: at + STALE_AFTER_MS['break-over'] });
  }
  return out;
}

function minuteAtOffset(ranges: MinuteRange[], offset: number): number {
  let left = offset;
  for (const range of ranges) {
    const length = range.end - range.start;
    if (left < length) return range.start + left;
    left -= length;
  }
  const lastRange = ranges[ranges.length - 1]!;
  return lastRange.end - 1;
}

function mergeRanges(ranges: MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const range of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && range.start <= previous.end) previous.end = Math.max(previous.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function subtract(range: MinuteRange, cut: MinuteRange): MinuteRange[] {
  if (cut.end <= range.start || cut.start >= range.end) return [range];
  const out: MinuteRange[] = [];
  if (cut.start > range.start) out.push({ start: range.start, end: cut.start });
  if (cut.end < range.end) out.push({ start: cut.end, end: range.end });
  return out;
}

/** A small seeded generator: the same seed and day always give the same check-in times. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
