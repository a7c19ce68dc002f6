import { useSyncExternalStore } from 'react';

// The hint that can ride after a route in the hash (`#/check?checkin`, `#/breathe?minutes=1`),
// put there when a tray item or a reminder notification opens a screen. Screens read it,
// act once, and clear it so a reload does not act again.

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** The raw query after the route (`checkin`, `break=20`), or '' when there is none. */
export function routeQueryOf(hash: string): string {
  const index = hash.indexOf('?');
  return index < 0 ? '' : hash.slice(index + 1);
}

export function useRouteQuery(): URLSearchParams {
  const raw = useSyncExternalStore(subscribe, () => routeQueryOf(window.location.hash), () => '');
  return new URLSearchParams(raw);
}

/** Drops the hint from the address, keeping the route. */
export function clearRouteQuery(): void {
  const hash = window.location.hash;
  const index = hash.indexOf('?');
  if (index >= 0) window.location.hash = hash.slice(0, index);
}
