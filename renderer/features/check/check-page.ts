import { useSyncExternalStore } from 'react';
import { createHashStore } from '../../app/hash-route.ts';
import { parseCheckPage, routeHash, type CheckPageId } from '../../app/routes.ts';

// Which page inside Check is open (`#/check/why-this-can-be-hard`), kept in the hash so the
// browser's back works and a reload keeps it; null for the check itself.

const hashStore = createHashStore();

export function useCheckPage(): CheckPageId | null {
  const hash = useSyncExternalStore(hashStore.subscribe, () => window.location.hash, () => routeHash('check'));
  return parseCheckPage(hash);
}

/** Back to the check from one of its pages, where the running check carried on. */
export function closeCheckPage(): void {
  const hash = routeHash('check');
  if (window.location.hash !== hash) window.location.hash = hash;
  hashStore.notify();
}
