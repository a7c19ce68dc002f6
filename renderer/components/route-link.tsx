import type { ReactNode } from 'react';
import { routeHash, type RouteId } from '../app/routes.ts';

/** An in-text link to another area, e.g. "Settings". */
export function RouteLink({ to, onNavigate, children }: { to: RouteId; onNavigate: (id: RouteId) => void; children: ReactNode }) {
  return (
    <a
      href={routeHash(to)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onNavigate(to);
      }}
    >
      {children}
    </a>
  );
}
