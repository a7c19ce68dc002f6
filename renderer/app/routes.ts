// The six areas of the app, in navigation order. The order also gives the keyboard
// shortcuts: Ctrl (⌘ on macOS) + 1 … 6.

export const ROUTE_IDS = ['check', 'breathe', 'journal', 'trends', 'settings', 'device'] as const;
export type RouteId = (typeof ROUTE_IDS)[number];

export const DEFAULT_ROUTE: RouteId = 'check';

export const ROUTE_LABELS: Record<RouteId, string> = {
  check: 'Check',
  breathe: 'Breathe',
  journal: 'Journal',
  trends: 'Trends',
  settings: 'Settings',
  device: 'Device',
};

export function routeHash(id: RouteId): string {
  return `#/${id}`;
}

/** `#/settings` → 'settings'; anything unknown → null. */
export function parseRouteHash(hash: string): RouteId | null {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (ROUTE_IDS as readonly string[]).includes(name) ? (name as RouteId) : null;
}
