import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalCreateSchema, JournalEntrySchema, JournalPatchSchema } from '../../../shared/model/journal.ts';
import { fakeClock, openStore, tempDir } from './helpers.ts';

// The journal screen's optional structure (pleasantness, emotion words, the repair flow's
// record) and back-dating an entry after it was written.

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('journal entries with structure', () => {
  it('keeps pleasantness, emotion words and a repair record across a reopen', async () => {
    const clock = fakeClock();
    const store = await openStore(dir.path, { clock });
    const repair = {
      steps: [{ stepId: 'ownership', text: 'I missed you there.' }],
      hrBeforeBpm: 96,
      hrAfterBpm: 71,
      wentOnBeforeCalm: false,
      agreementId: null,
    };
    const entry = await store.createJournal(
      JournalCreateSchema.parse({ text: 'After the talk', kind: 'repair', pleasantness: 3, emotions: ['tense', 'hopeful'], repair }),
    );
    expect(JournalEntrySchema.parse(entry)).toMatchObject({ pleasantness: 3, emotions: ['tense', 'hopeful'], repair });
    await store.close();
    const again = await openStore(dir.path, { clock });
    expect(await again.getJournal(entry.id)).toMatchObject({ pleasantness: 3, emotions: ['tense', 'hopeful'], repair, kind: 'repair' });
    await again.close();
  });

  it('reads entries written without the new fields, and can move an entry to an earlier moment', async () => {
    const clock = fakeClock(Date.UTC(2025, 4, 10, 12));
    const store = await openStore(dir.path, { clock });
    const plain = await store.createJournal({ text: 'no structure' });
    expect(plain).not.toHaveProperty('pleasantness');
    const earlier = Date.UTC(2025, 4, 8, 21);
    const moved = await store.updateJournal(plain.id, JournalPatchSchema.parse({ createdAtMs: earlier, pleasantness: null }));
    expect(moved.createdAtMs).toBe(earlier);
    expect(store.listJournal({ fromMs: Date.UTC(2025, 4, 8), toMs: Date.UTC(2025, 4, 9) }).map((e) => e.id)).toEqual([plain.id]);
    await store.close();
  });

  it('refuses a pleasantness outside 1–7 and new kinds are accepted', () => {
    expect(JournalCreateSchema.safeParse({ text: 'x', pleasantness: 8 }).success).toBe(false);
    expect(JournalCreateSchema.safeParse({ text: 'x', pleasantness: 0 }).success).toBe(false);
    for (const kind of ['reflection', 'repair', 'debrief', 'prompt', 'note']) {
      expect(JournalCreateSchema.safeParse({ text: 'x', kind }).success).toBe(true);
    }
  });
});
