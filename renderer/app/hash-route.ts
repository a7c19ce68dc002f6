import { useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE, parseRouteHash, routeHash, type RouteId } from './routes.ts';

// Hash routing (`#/settings`) so a reload keeps the user's place and the app:// page never
// navigates away. A tiny external store: the hash is the single source of truth.

export type HashStore = {
  subscribe(listener: () => void): () => void;
  /** Tells subscribers the hash may have changed (some environments fire `hashchange` late). */
  notify(): void;
};

/** Listeners for the address hash, for useSyncExternalStore; one per module that navigates. */
export function createHashStore(): HashStore {
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  return {
    notify,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener('hashchange', notify);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('hashchange', notify);
      };
    },
  };
}

const hashStore = createHashStore();

export function currentRoute(): RouteId {
  return parseRouteHash(window.location.hash) ?? DEFAULT_ROUTE;
}

export function navigate(id: RouteId): void {
  const hash = routeHash(id);
  if (window.location.hash !== hash) window.location.hash = hash;
  // Some environments fire `hashchange` late or not at all; listeners compare, so a
  // second notification is harmless.
  hashStore.notify();
}

export function useRoute(): RouteId {
  return useSyncExternalStore(hashStore.subscribe, currentRoute, () => DEFAULT_ROUTE);
}
