import { JOURNAL_TAGS_MAX, JOURNAL_TEXT_MAX_CHARS, JOURNAL_TITLE_MAX_CHARS } from '../../../shared/model/journal.ts';

// What the entry form checks before saving, in words for the person writing. Main checks
// again (the schemas at the IPC boundary); these are here to say it kindly and early.

/** Entries a minute into the future are fine (clocks differ); later is a typo. */
const FUTURE_SLACK_MS = 60_000;
const EARLIEST_MS = Date.UTC(2000, 0, 1);

export type EntryDraft = {
  title: string;
  text: string;
  whenLocal: string;
  pleasantness: number | null;
  emotions: string[];
  tags: string[];
};

export type EntryErrors = Partial<Record<'text' | 'when' | 'title' | 'tags', string>>;

export function validateEntry(draft: EntryDraft, nowMs: number): { errors: EntryErrors; createdAtMs: number | null } {
  const errors: EntryErrors = {};
  const hasStructure = draft.pleasantness !== null || draft.emotions.length > 0;
  if (!draft.text.trim() && !hasStructure) errors.text = 'Write a few words, or pick how it felt, before saving.';
  else if (draft.text.length > JOURNAL_TEXT_MAX_CHARS) errors.text = `That is longer than an entry can hold (${JOURNAL_TEXT_MAX_CHARS.toLocaleString()} characters). Split it into two entries?`;
  if (draft.title.length > JOURNAL_TITLE_MAX_CHARS) errors.title = `A title can be up to ${JOURNAL_TITLE_MAX_CHARS} characters.`;
  if (draft.tags.length > JOURNAL_TAGS_MAX) errors.tags = `An entry can have up to ${JOURNAL_TAGS_MAX} tags.`;
  const createdAtMs = parseLocalDateTime(draft.whenLocal);
  if (createdAtMs === null) errors.when = 'Give a date and time, for example today at 21:30.';
  else if (createdAtMs > nowMs + FUTURE_SLACK_MS) errors.when = 'That moment is still to come. Pick a time that has already happened.';
  else if (createdAtMs < EARLIEST_MS) errors.when = 'Pick a date from 2000 onwards.';
  return { errors, createdAtMs };
}

/** `YYYY-MM-DDTHH:mm` in the user's time zone, as a datetime-local input holds it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function parseLocalDateTime(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const date = new Date(y!, mo! - 1, d!, h!, mi!, s || 0, 0);
  if (date.getFullYear() !== y || date.getMonth() !== mo! - 1 || date.getDate() !== d) return null;
  return date.getTime();
}
