import HeartPulse from 'lucide-react/icons/heart-pulse';
import Wind from 'lucide-react/icons/wind';
import NotebookPen from 'lucide-react/icons/notebook-pen';
import ChartLine from 'lucide-react/icons/chart-line';
import Settings from 'lucide-react/icons/settings';
import Bluetooth from 'lucide-react/icons/bluetooth';
import type { ComponentType, MouseEvent } from 'react';
import { ROUTE_IDS, ROUTE_LABELS, routeHash, type RouteId } from './routes.ts';
import { ariaShortcut, shortcutLabel } from './shortcuts.ts';

const ICONS: Record<RouteId, ComponentType<{ 'aria-hidden': 'true'; size: number; className: string }>> = {
  check: HeartPulse,
  breathe: Wind,
  journal: NotebookPen,
  trends: ChartLine,
  settings: Settings,
  device: Bluetooth,
};

export function MainNav({ current, onNavigate }: { current: RouteId; onNavigate: (id: RouteId) => void }) {
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {ROUTE_IDS.map((id, index) => {
          const Icon = ICONS[id];
          const label = ROUTE_LABELS[id];
          return (
            <li key={id}>
              <a
                href={routeHash(id)}
                className="nav-link"
                aria-current={id === current ? 'page' : undefined}
                title={`${label} (${shortcutLabel(index)})`}
                aria-keyshortcuts={ariaShortcut(index)}
                onClick={(event: MouseEvent<HTMLAnchorElement>) => {
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  onNavigate(id);
                }}
              >
                <Icon aria-hidden="true" size={20} className="nav-icon" />
                <span>{label}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
