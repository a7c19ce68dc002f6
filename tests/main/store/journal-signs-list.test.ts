import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeClock, openStore, tempDir } from './helpers.ts';

// The journal's list shows a weekly signs entry's five ratings from its list item, so the
// item must carry them: when written, and after a reopen (the index snapshot keeps them).

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

describe('weekly signs in the journal list', () => {
  it('lists a signs entry with its five ratings, the same after a reopen; other entries without', async () => {
    const clock = fakeClock();
    const store = await openStore(dir.path, { clock });
    const signs = await store.createJournal({ kind: 'weekly-signs', title: 'Signs of progress', text: '', signsRating: [3, 4, 2, 5, 1] });
    clock.advance(1000);
    const note = await store.createJournal({ text: 'Just words.' });
    const listed = () => Object.fromEntries(store.listJournal().map((item) => [item.id, item.signsRating]));
    expect(listed()).toEqual({ [signs.id]: [3, 4, 2, 5, 1], [note.id]: undefined });
    await store.close();

    const again = await openStore(dir.path, { clock });
    expect(Object.fromEntries(again.listJournal().map((item) => [item.id, item.signsRating]))).toEqual({ [signs.id]: [3, 4, 2, 5, 1], [note.id]: undefined });
    await again.close();
  });
});
