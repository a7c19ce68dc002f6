import { useSyncExternalStore } from 'react';
import { SESSION_KINDS } from '../../../shared/model/session.ts';
import { TREND_RANGES, type TrendRange } from '../../../shared/trends/aggregate.ts';
import { DEFAULT_SESSIONS_FILTER, type SessionKind } from '../../../shared/trends/sessions-list.ts';
import { createHashStore } from '../../app/hash-route.ts';

// Places inside Trends, kept in the hash so a reload keeps the user's place:
//   #/trends?range=12m&tag=partner   the overview with a range and a tag filter
//   #/trends/sessions?kind=check&range=3m   the list of sessions, filtered by kind and range
//   #/trends/session/<id>            one session in detail
// A value the address gets wrong (an unknown range or kind) falls back to the default.

/** `range` null: the address names none, so the overview picks one to fit the data (defaultRange). */
export type TrendsPath =
  | { view: 'overview'; range: TrendRange | null; tag: string | null }
  | { view: 'sessions'; kind: SessionKind | null; range: TrendRange }
  | { view: 'session'; id: string };
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseTrendsPath(hash: string): TrendsPath {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean);
  if (parts[1] === 'session' && parts[2] && ID.test(parts[2])) return { view: 'session', id: parts[2] };
  const params = new URLSearchParams(query);
  const range = params.get('range');
  if (parts[1] === 'sessions') {
    const kind = params.get('kind');
    return {
      view: 'sessions',
      kind: (SESSION_KINDS as readonly string[]).includes(kind ?? '') ? (kind as SessionKind) : DEFAULT_SESSIONS_FILTER.kind,
      range: (TREND_RANGES as readonly string[]).includes(range ?? '') ? (range as TrendRange) : DEFAULT_SESSIONS_FILTER.range,
    };
  }
  return {
    view: 'overview',
    range: (TREND_RANGES as readonly string[]).includes(range ?? '') ? (range as TrendRange) : null,
    tag: params.get('tag') || null,
  };
}

export function trendsHash(path: TrendsPath): string {
  if (path.view === 'session') return `#/trends/session/${path.id}`;
  const params = new URLSearchParams();
  if (path.view === 'sessions') {
    if (path.kind !== null) params.set('kind', path.kind);
    if (path.range !== DEFAULT_SESSIONS_FILTER.range) params.set('range', path.range);
    const query = params.toString();
    return `#/trends/sessions${query ? `?${query}` : ''}`;
  }
  if (path.range !== null) params.set('range', path.range);
  if (path.tag) params.set('tag', path.tag);
  const query = params.toString();
  return `#/trends${query ? `?${query}` : ''}`;
}

/** Moves within Trends; `replace` keeps the browser history from filling with range clicks. */

const hashStore = createHashStore();

export function goToTrends(path: TrendsPath, replace = false): void {
  const hash = trendsHash(path);
  if (window.location.hash !== hash) {
    if (replace) window.history.replaceState(null, '', hash);
    else window.location.hash = hash;
  }
  hashStore.notify();
}

export function useTrendsPath(): TrendsPath {
  const hash = useSyncExternalStore(hashStore.subscribe, () => window.location.hash, () => '#/trends');
  return parseTrendsPath(hash);
}
