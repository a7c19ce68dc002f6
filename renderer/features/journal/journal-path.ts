import { useSyncExternalStore } from 'react';
import { createHashStore } from '../../app/hash-route.ts';

// Places inside the journal, kept in the hash after `#/journal` so a reload keeps the
// user's place and the shell's router still sees the Journal area:
//   #/journal                     the list
//   #/journal/new?prompt=…&session=…&kind=…
//   #/journal/entry/<id>          one entry
//   #/journal/entry/<id>/edit
//   #/journal/repair              the five-step repair flow
//   #/journal/prompts             the prompt library
//   #/journal/session/<id>        a session with its entries
//   #/journal/agreements          repair agreements (?id=… points at one)
// The tray's reminders open `#/journal?new`, `#/journal?agreements` and
// `#/journal?agreement=<id>` (main/reminders/reminder-content.ts); those are read too.

export type NewEntryOptions = { promptId: string | null; sessionId: string | null; kind: string | null };

export type JournalPath =
  | { view: 'list' }
  | ({ view: 'new' } & NewEntryOptions)
  | { view: 'entry'; id: string }
  | { view: 'edit'; id: string }
  | { view: 'repair' }
  | { view: 'prompts' }
  | { view: 'session'; id: string }
  | { view: 'agreements'; id: string | null };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseJournalPath(hash: string): JournalPath {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean);
  if (parts[0] !== 'journal') return { view: 'list' };
  const [, section, id, action] = parts;
  const params = new URLSearchParams(query);
  if (section === undefined) {
    if (params.has('new')) return { view: 'new', promptId: null, sessionId: null, kind: null };
    const agreement = params.get('agreement');
    if (agreement !== null && ID.test(agreement)) return { view: 'agreements', id: agreement };
    if (params.has('agreements')) return { view: 'agreements', id: null };
  }
  if (section === 'agreements') {
    const focus = params.get('id');
    return { view: 'agreements', id: focus !== null && ID.test(focus) ? focus : null };
  }
  if (section === 'new') {
    return { view: 'new', promptId: params.get('prompt'), sessionId: params.get('session'), kind: params.get('kind') };
  }
  if ((section === 'entry' || section === 'session') && id && ID.test(id)) {
    if (section === 'session') return { view: 'session', id };
    return action === 'edit' ? { view: 'edit', id } : { view: 'entry', id };
  }
  if (section === 'repair') return { view: 'repair' };
  if (section === 'prompts') return { view: 'prompts' };
  return { view: 'list' };
}

export function journalHash(path: JournalPath): string {
  switch (path.view) {
    case 'list':
      return '#/journal';
    case 'new': {
      const params = new URLSearchParams();
      if (path.promptId) params.set('prompt', path.promptId);
      if (path.sessionId) params.set('session', path.sessionId);
      if (path.kind) params.set('kind', path.kind);
      const query = params.toString();
      return `#/journal/new${query ? `?${query}` : ''}`;
    }
    case 'entry':
      return `#/journal/entry/${path.id}`;
    case 'edit':
      return `#/journal/entry/${path.id}/edit`;
    case 'session':
      return `#/journal/session/${path.id}`;
    case 'agreements':
      return `#/journal/agreements${path.id ? `?id=${path.id}` : ''}`;
    default:
      return `#/journal/${path.view}`;
  }
}

export function newEntryPath(options: Partial<NewEntryOptions> = {}): JournalPath {
  return { view: 'new', promptId: options.promptId ?? null, sessionId: options.sessionId ?? null, kind: options.kind ?? null };
}

const hashStore = createHashStore();

export function goTo(path: JournalPath): void {
  const hash = journalHash(path);
  if (window.location.hash !== hash) window.location.hash = hash;
  hashStore.notify();
}

/** The hash string (stable between renders), parsed by the caller. */
export function useJournalHash(): string {
  return useSyncExternalStore(hashStore.subscribe, () => window.location.hash, () => '#/journal');
}
