import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, makeBeats, openStore, tempDir } from './helpers.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const DAY_MS = 24 * 3600 * 1000;

describe('journal entries', () => {
  it('creates, updates and reads back entries across a reopen, with revisions', async () => {
    const clock = fakeClock();
    const store = await openStore(dir.path, { clock });
    const entry = await store.createJournal({ text: 'Felt my jaw tighten when we talked about money.', tags: ['money', ' Money ', 'jaw'], kind: 'reflection' });
    expect(entry.revision).toBe(1);
    expect(entry.tags).toEqual(['money', 'jaw']);
    clock.advance(1000);
    const updated = await store.updateJournal(entry.id, { title: 'Money talk' }, 1);
    expect(updated.revision).toBe(2);
    expect(updated.updatedAtMs).toBe(entry.updatedAtMs + 1000);
    await expect(store.updateJournal(entry.id, { title: 'stale' }, 1)).rejects.toMatchObject({ code: 'conflict' });
    await store.close();

    const again = await openStore(dir.path, { clock });
    expect(await again.getJournal(entry.id)).toEqual(updated);
    expect(again.listJournal().map((e) => e.title)).toEqual(['Money talk']);
    await again.close();
  });

  it('moves deleted entries to a trash that can be undone, and purges them after 30 days', async () => {
    const clock = fakeClock();
    const store = await openStore(dir.path, { clock });
    const keep = await store.createJournal({ text: 'keep me' });
    const gone = await store.createJournal({ text: 'trash me' });
    await store.trashJournal(gone.id);
    expect(store.listJournal().map((e) => e.id)).toEqual([keep.id]);
    expect(store.listJournal({ trashed: true }).map((e) => e.id)).toEqual([gone.id]);
    expect(store.searchJournal({ text: 'trash' })).toEqual([]);
    await store.restoreJournal(gone.id);
    expect(store.listJournal()).toHaveLength(2);
    await store.trashJournal(gone.id);
    await store.close();

    clock.advance(29 * DAY_MS);
    const day29 = await openStore(dir.path, { clock });
    expect(day29.listJournal({ trashed: true })).toHaveLength(1);
    await day29.close();

    clock.advance(1 * DAY_MS + 1);
    const day30 = await openStore(dir.path, { clock });
    expect(day30.listJournal({ trashed: true })).toEqual([]);
    await expect(day30.getJournal(gone.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(day30.listJournal().map((e) => e.id)).toEqual([keep.id]);
    await day30.close();
  });

  it('searches text with prefixes and small typos, narrowed by tag and date', async () => {
    const clock = fakeClock(Date.UTC(2025, 2, 1));
    const store = await openStore(dir.path, { clock });
    const a = await store.createJournal({ text: 'We argued about the holidays and I flooded quickly.', tags: ['family'] });
    clock.advance(10 * DAY_MS);
    const b = await store.createJournal({ text: 'A calm talk about holidays; breathing first helped.', tags: ['family', 'win'] });
    await store.createJournal({ text: 'Nothing to do with it.', tags: ['work'] });
    expect(store.searchJournal({ text: 'holiday' }).map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    expect(store.searchJournal({ text: 'holidys' }).map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    expect(store.searchJournal({ text: 'holidays', tags: ['WIN'] }).map((h) => h.id)).toEqual([b.id]);
    expect(store.searchJournal({ text: 'holidays', toMs: Date.UTC(2025, 2, 5) }).map((h) => h.id)).toEqual([a.id]);
    expect(store.listJournal({ tags: ['family'] }).map((e) => e.id)).toEqual([b.id, a.id]);
    // Edits reach the search index, and it survives a reopen (through the snapshot).
    await store.updateJournal(a.id, { text: 'Rewritten: about the garden.' });
    expect(store.searchJournal({ text: 'garden' }).map((h) => h.id)).toEqual([a.id]);
    await store.close();
    const again = await openStore(dir.path, { clock });
    expect(again.searchJournal({ text: 'garden' }).map((h) => h.id)).toEqual([a.id]);
    expect(again.searchJournal({ text: 'holidays' }).map((h) => h.id)).toEqual([b.id]);
    await again.close();
  });

  it('links and unlinks entries and sessions in both directions', async () => {
    const store = await openStore(dir.path);
    const session = await store.startSession({ kind: 'check', source: { kind: 'demo' } });
    await store.appendBeats(session.id, makeBeats(20));
    await store.finishSession(session.id);
    const entry = await store.createJournal({ text: 'after the check' });
    const linked = await store.linkJournal(entry.id, session.id);
    expect(linked.sessionIds).toEqual([session.id]);
    expect((await store.linkJournal(entry.id, session.id)).revision).toBe(linked.revision);
    expect(store.listSessions(0, Number.MAX_SAFE_INTEGER)[0]?.journalEntryIds).toEqual([entry.id]);
    expect((await store.getSession(session.id)).journalEntryIds).toEqual([entry.id]);
    await expect(store.linkJournal(entry.id, 'NoSuchSession00')).rejects.toMatchObject({ code: 'not-found' });
    await store.unlinkJournal(entry.id, session.id);
    expect(store.listSessions(0, Number.MAX_SAFE_INTEGER)[0]?.journalEntryIds).toEqual([]);
    await store.close();
  });

  it('applies concurrent calls on the same record one after another, losing none', async () => {
    const store = await openStore(dir.path);
    const entry = await store.createJournal({ text: 'start', tags: [] });
    const session = await store.startSession({ kind: 'breathing', source: { kind: 'demo' } });
    const beats = makeBeats(200);
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i += 1) {
      calls.push(store.updateJournal(entry.id, { text: `edit ${i}` }));
      calls.push(store.appendBeats(session.id, beats.slice(i * 10, i * 10 + 10)));
      if (i % 5 === 0) calls.push(store.addMarker(session.id, { tMs: i * 1000, phase: 'breathing', edge: 'point' }));
    }
    calls.push(store.trashJournal(entry.id), store.restoreJournal(entry.id));
    await Promise.all(calls);
    const final = await store.getJournal(entry.id);
    expect(final.revision).toBe(1 + 20 + 2);
    expect(final.text).toBe('edit 19');
    expect(final.trashedAtMs).toBeNull();
    const finished = await store.finishSession(session.id);
    expect(finished.beatCount).toBe(200);
    const detail = await store.getSession(session.id);
    expect(detail.beats.rrMs).toEqual(beats.map((b) => b.rrMs));
    expect(detail.session.markers).toHaveLength(4);
    await store.close();
  });

  it('saves, lists and deletes repair agreements', async () => {
    const store = await openStore(dir.path);
    const agreement = await store.saveAgreement({ text: 'Next time I will ask for a 20-minute break before I raise my voice.' });
    expect(agreement.status).toBe('active');
    const kept = await store.saveAgreement({ id: agreement.id, status: 'kept' });
    expect(kept.revision).toBe(2);
    await store.close();
    const again = await openStore(dir.path);
    expect(again.listAgreements()).toEqual([kept]);
    await again.deleteAgreement(agreement.id);
    expect(again.listAgreements()).toEqual([]);
    await again.close();
  });
});
