import { STORE_NOTICE_WORDS } from '../../shared/content/store-messages.ts';
import type { Notice } from '../../shared/model/app-info.ts';

// When a list answer leaves out items its schema refuses (the router's onItemsHidden), the
// user is told once per kind of list and run, in the notices the window collects. The same
// bad record would otherwise be announced on every refresh of every screen that lists it.

const LIST_NAMES: Record<string, string> = {
  'session.list': 'sessions',
  'journal.list': 'journal entries',
  'journal.search': 'journal entries',
  'journal.searchIds': 'journal entries',
  'agreement.list': 'repair agreements',
};

export type HiddenItemsNotices = {
  onItemsHidden(channel: string, hiddenCount: number): void;
  takeNotices(): Notice[];
};

export function createHiddenItemsNotices(): HiddenItemsNotices {
  const told = new Set<string>();
  let pending: Notice[] = [];
  return {
    onItemsHidden(channel, hiddenCount) {
      const what = LIST_NAMES[channel] ?? 'records';
      if (hiddenCount <= 0 || told.has(what)) return;
      told.add(what);
      pending.push({ id: `records-hidden-${what.replace(/\s+/g, '-')}`, kind: 'storage-warning', message: STORE_NOTICE_WORDS.itemsHidden(hiddenCount, what) });
    },
    takeNotices() {
      const notices = pending;
      pending = [];
      return notices;
    },
  };
}
