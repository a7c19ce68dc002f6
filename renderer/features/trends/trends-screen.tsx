import { useEffect, useState, type ComponentType } from 'react';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { useTrendsPath, type TrendsPath } from './trends-path.ts';

// The Trends area. Its insides (charts, recharts, the session page) are a separate chunk,
// fetched when the window is idle after start and at the latest on the first visit, so the
// first paint does not carry them. Loaded by hand rather than with React.lazy, as the
// journal does: a Suspense fallback holds revealed content back a few hundred milliseconds.

type AreaComponent = ComponentType<{ path: TrendsPath }>;

let loaded: AreaComponent | null = null;
let loading: Promise<AreaComponent> | null = null;

export function loadTrendsArea(): Promise<AreaComponent> {
  loading ??= import('./trends-area.tsx').then((module: { default: AreaComponent }) => {
    loaded = module.default;
    return module.default;
  });
  return loading;
}

if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
  window.requestIdleCallback(() => void loadTrendsArea().catch(() => undefined), { timeout: 5000 });
}

export function TrendsScreen({ focusOnMount }: ScreenProps) {
  const path = useTrendsPath();
  const [Area, setArea] = useState<AreaComponent | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Area) return;
    let live = true;
    loadTrendsArea().then(
      (component) => {
        if (live) setArea(() => component);
      },
      () => {
        loading = null;
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [Area]);
  return (
    <Screen title={path.view === 'session' ? 'Session' : 'Trends'} focusOnMount={focusOnMount}>
      {Area ? <Area path={path} /> : <p role="status">{failed ? 'Trends could not be opened. Try moving to another area and back.' : 'Opening Trends…'}</p>}
    </Screen>
  );
}
