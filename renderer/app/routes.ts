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

// Settings' sections, in the order its side list shows them (what a person comes to change
// most first, facts about the app last). `#/settings` alone opens the first; any screen can
// link straight to one with `settingsHash`, and a reload keeps it.
export const SETTINGS_SECTION_IDS = ['heart-rate', 'reminders', 'breathing', 'appearance', 'shortcuts', 'data', 'about'] as const;
export type SettingsSectionId = (typeof SETTINGS_SECTION_IDS)[number];

export function settingsHash(section: SettingsSectionId): string {
  return `${routeHash('settings')}/${section}`;
}

/** `#/settings/data` → 'data'; null when the hash names no section or one Attune does not know. */
export function parseSettingsSection(hash: string): SettingsSectionId | null {
  const name = hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[1] ?? '';
  return (SETTINGS_SECTION_IDS as readonly string[]).includes(name) ? (name as SettingsSectionId) : null;
}

// Pages inside Check that are not steps of the check: `#/check/why-this-can-be-hard`. The
// running check carries on underneath (its state lives above the screens) and is back when
// the page closes; a reload keeps the page.
export const CHECK_PAGE_IDS = ['why-this-can-be-hard'] as const;
export type CheckPageId = (typeof CHECK_PAGE_IDS)[number];

export function checkPageHash(page: CheckPageId): string {
  return `${routeHash('check')}/${page}`;
}

/** `#/check/why-this-can-be-hard` → that page; null for the check itself or a page Attune does not know. */
export function parseCheckPage(hash: string): CheckPageId | null {
  if (parseRouteHash(hash) !== 'check') return null;
  const name = hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[1] ?? '';
  return (CHECK_PAGE_IDS as readonly string[]).includes(name) ? (name as CheckPageId) : null;
}
