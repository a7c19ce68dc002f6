import { useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, parseRouteHash, routeHash, type RouteId } from './routes.ts';

// Hash routing (`#/settings`) so a reload keeps the user's place and the app:// page never
// navigates away. A tiny external store: the hash is the single source of truth.

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

export function currentRoute(): RouteId {
  return parseRouteHash(window.location.hash) ?? DEFAULT_ROUTE;
}

export function navigate(id: RouteId): void {
  const hash = routeHash(id);
  if (window.location.hash !== hash) window.location.hash = hash;
  // Some environments fire `hashchange` late or not at all; listeners compare, so a
  // second notification is harmless.
  notify();
}

export function useRoute(): RouteId {
  return useSyncExternalStore(subscribe, currentRoute, () => DEFAULT_ROUTE);
}
