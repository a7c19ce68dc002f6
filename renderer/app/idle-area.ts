import { useEffect, useState, type ComponentType } from 'react';
import { createLifetime } from './lifetime.ts';

// A heavy area (Journal, Trends) kept out of the first paint: its chunk is fetched when the
// window is idle after start, and at the latest on the first visit. Loaded by hand rather
// than with React.lazy: a Suspense fallback holds revealed content back a few hundred
// milliseconds (React's reveal throttling), which is the wait these areas are meant to avoid.

export type IdleArea<P> = {
  /** Starts (or joins) the fetch; resolves with the area's component. */
  load(): Promise<ComponentType<P>>;
  /** The component once fetched, and whether fetching failed (a visit later tries again). */
  useArea(): { Area: ComponentType<P> | null; failed: boolean };
};

export function createIdleArea<P extends object>(importArea: () => Promise<{ default: ComponentType<P> }>): IdleArea<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;

  const load = (): Promise<ComponentType<P>> => {
    loading ??= importArea().then(
      (module) => {
        loaded = module.default;
        return module.default;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
    window.requestIdleCallback(() => void load().catch(() => undefined), { timeout: 5000 });
  }

  return {
    load,
    useArea() {
      const [Area, setArea] = useState<ComponentType<P> | null>(() => loaded);
      const [failed, setFailed] = useState(false);
      useEffect(() => {
        if (Area) return;
        const waiting = createLifetime();
        waiting.guard(load()).then(
          (component) => setArea(() => component),
          () => setFailed(true),
        );
        return () => waiting.end();
      }, [Area]);
      return { Area, failed };
    },
  };
}
