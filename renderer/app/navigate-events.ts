import { useEffect } from 'react';
import { routeHash } from './routes.ts';
import { useApi } from './attune.ts';

// Main asks for a screen when a tray item or a reminder notification is clicked. The query
// ("checkin", "break=20") rides along in the hash for the screen to pick up.

export function useNavigateEvents(): void {
  const api = useApi();
  useEffect(
    () =>
      api.on('app.navigate', ({ route, query }) => {
        const hash = `${routeHash(route)}${query ? `?${query}` : ''}`;
        if (window.location.hash !== hash) window.location.hash = hash;
      }),
    [api],
  );
}
