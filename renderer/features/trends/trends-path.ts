import { useSyncExternalStore } from 'react';
import { TREND_RANGES, type TrendRange } from '../../../shared/trends/aggregate.ts';
import { createHashStore } from '../../app/hash-route.ts';

// Places inside Trends, kept in the hash so a reload keeps the user's place:
//   #/trends?range=12m&tag=partner   the overview with a range and a tag filter
//   #/trends/session/<id>            one session in detail

export type TrendsPath = { view: 'overview'; range: TrendRange; tag: string | null } | { view: 'session'; id: string };

export const DEFAULT_RANGE: TrendRange = '3m';
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseTrendsPath(hash: string): TrendsPath {
  const [pathPart = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean);
  if (parts[1] === 'session' && parts[2] && ID.test(parts[2])) return { view: 'session', id: parts[2] };
  const params = new URLSearchParams(query);
  const range = params.get('range');
  return {
    view: 'overview',
    range: (TREND_RANGES as readonly string[]).includes(range ?? '') ? (range as TrendRange) : DEFAULT_RANGE,
    tag: params.get('tag') || null,
  };
}

export function trendsHash(path: TrendsPath): string {
  if (path.view === 'session') return `#/trends/session/${path.id}`;
  const params = new URLSearchParams();
  if (path.range !== DEFAULT_RANGE) params.set('range', path.range);
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
