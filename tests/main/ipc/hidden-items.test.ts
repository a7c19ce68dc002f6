import { describe, expect, it } from 'vitest';
import { createHiddenItemsNotices } from '../../../main/ipc/hidden-items.ts';

describe('telling the user a list left something out', () => {
  it('says once per kind of list how many it could not show, and that they are kept', () => {
    const notices = createHiddenItemsNotices();
    notices.onItemsHidden('session.list', 2);
    notices.onItemsHidden('session.list', 2); // the next refresh of the same list
    notices.onItemsHidden('journal.search', 1);
    const told = notices.takeNotices();
    expect(told.map((notice) => notice.message)).toEqual([
      '2 of your sessions could not be shown, because something in them is out of range. They are kept on disk as they are; everything else is listed normally.',
      '1 of your journal entries could not be shown, because something in it is out of range. It is kept on disk as it is; everything else is listed normally.',
    ]);
    expect(told.every((notice) => notice.kind === 'storage-warning')).toBe(true);
    expect(notices.takeNotices()).toEqual([]);
    notices.onItemsHidden('journal.list', 3); // the same entries, seen through another list
    expect(notices.takeNotices()).toEqual([]);
  });
});
