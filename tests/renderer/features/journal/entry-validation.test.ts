import { describe, expect, it } from 'vitest';
import { parseLocalDateTime, toLocalInput, validateEntry, type EntryDraft } from '../../../../renderer/features/journal/entry-validation.ts';

const NOW = new Date(2025, 5, 10, 20, 0).getTime();
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ title: '', text: 'words', whenLocal: '2025-06-10T19:30', pleasantness: null, emotions: [], tags: [], ...over });

describe('entry form checks', () => {
  it('accepts words alone, or a feeling alone, and refuses neither', () => {
    expect(validateEntry(draft(), NOW).errors).toEqual({});
    expect(validateEntry(draft({ text: '  ', pleasantness: 2 }), NOW).errors).toEqual({});
    expect(validateEntry(draft({ text: '', emotions: ['calm'] }), NOW).errors).toEqual({});
    expect(validateEntry(draft({ text: ' \n ' }), NOW).errors.text).toMatch(/Write a few words/);
  });

  it('back-dates to any past moment, but not into the future, before 2000 or to a date that does not exist', () => {
    expect(validateEntry(draft({ whenLocal: '2024-12-24T08:05' }), NOW).createdAtMs).toBe(new Date(2024, 11, 24, 8, 5).getTime());
    expect(validateEntry(draft({ whenLocal: '2025-06-10T20:00' }), NOW).errors.when).toBeUndefined();
    expect(validateEntry(draft({ whenLocal: '2025-06-11T08:00' }), NOW).errors.when).toMatch(/still to come/);
    expect(validateEntry(draft({ whenLocal: '1999-12-31T23:00' }), NOW).errors.when).toMatch(/2000/);
    expect(validateEntry(draft({ whenLocal: '2025-02-30T10:00' }), NOW).errors.when).toMatch(/Give a date and time/);
    expect(validateEntry(draft({ whenLocal: '' }), NOW).errors.when).toMatch(/Give a date and time/);
  });

  it('limits text, title and tags to what an entry can hold', () => {
    expect(validateEntry(draft({ text: 'x'.repeat(50_001) }), NOW).errors.text).toMatch(/longer than an entry can hold/);
    expect(validateEntry(draft({ title: 't'.repeat(201) }), NOW).errors.title).toBeDefined();
    expect(validateEntry(draft({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }), NOW).errors.tags).toBeDefined();
  });

  it('round-trips the datetime-local format in the user’s time zone', () => {
    const ms = new Date(2025, 0, 5, 7, 9).getTime();
    expect(toLocalInput(ms)).toBe('2025-01-05T07:09');
    expect(parseLocalDateTime(toLocalInput(ms))).toBe(ms);
  });
});
