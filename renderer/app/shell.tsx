import { useCallback, useEffect, useState, type ComponentType, type MouseEvent } from 'react';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { BreatheScreen } from '../features/breathe/breathe-screen.tsx';
import { CheckScreen } from '../features/check/check-screen.tsx';
import { DeviceScreen } from '../features/device/device-screen.tsx';
import { JournalScreen } from '../features/journal/journal-screen.tsx';
import type { ScreenProps } from '../features/screen-props.ts';
import { SettingsScreen } from '../features/settings/settings-screen.tsx';
import { TrendsScreen } from '../features/trends/trends-screen.tsx';
import { ActivityBanner } from './activity-banner.tsx';
import { useAppearance } from './appearance.ts';
import type { ErrorReporter } from './error-reporting.ts';
import { navigate, useRoute } from './hash-route.ts';
import { useNavigateEvents } from './navigate-events.ts';
import { MainNav } from './nav.tsx';
import { Notices } from './notices.tsx';
import { StorageBanner } from './storage-banner.tsx';
import type { RouteId } from './routes.ts';
import { useRouteShortcuts } from './shortcuts.ts';

// The frame around every screen: skip link, navigation, the read-only banner (a data folder
// that takes no writes), a running check's line, notices and the current area.
// Screens with heavy insides (Journal, Trends with its charts) load them themselves, when idle
// after start and at the latest on the first visit, so the first script stays small.

const SCREENS: Record<RouteId, ComponentType<ScreenProps>> = {
  check: CheckScreen,
  breathe: BreatheScreen,
  journal: JournalScreen,
  trends: TrendsScreen,
  settings: SettingsScreen,
  device: DeviceScreen,
};

/** Benchmarks measure navigation start → this mark. */
export const SHELL_RENDERED_MARK = 'attune-shell-rendered';

export function Shell({ report }: { report: ErrorReporter }) {
  const route = useRoute();
  // Focus moves to a screen's heading only once the user has moved, not on opening.
  const [openedOn] = useState(route);
  const [hasMoved, setHasMoved] = useState(false);
  if (!hasMoved && route !== openedOn) setHasMoved(true);
  useAppearance();
  useNavigateEvents();
  useRouteShortcuts(useCallback((id: RouteId) => navigate(id), []));

  useEffect(() => {
    if (performance.getEntriesByName(SHELL_RENDERED_MARK, 'mark').length === 0) performance.mark(SHELL_RENDERED_MARK);
  }, []);

  const Current = SCREENS[route];
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className="sidebar">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Attune
        </p>
        <MainNav current={route} onNavigate={navigate} />
      </header>
      <main id="main" className="content" tabIndex={-1}>
        <StorageBanner />
        <ActivityBanner route={route} />
        <Notices />
        <ErrorBoundary key={route} report={report} headingLevel={1}>
          <Current focusOnMount={hasMoved || route !== openedOn} onNavigate={navigate} />
        </ErrorBoundary>
      </main>
    </div>
  );
}

// The hash belongs to the router, so the skip link moves focus itself instead of
// navigating to #main.
function skipToMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
