import { useEffect, useState, type ComponentType } from 'react';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

// The Journal area. Its insides (list, editor, repair flow, prompts) are a separate chunk,
// fetched when the window is idle after start and at the latest on the first visit, so the
// first paint does not carry them. Loaded by hand rather than with React.lazy: a Suspense
// fallback holds the revealed content back for a few hundred milliseconds (React's reveal
// throttling), which is exactly the wait the journal's list is meant to avoid.

type AreaModule = { default: ComponentType };

let loaded: ComponentType | null = null;
let loading: Promise<ComponentType> | null = null;

export function loadJournalArea(): Promise<ComponentType> {
  loading ??= import('./journal-area.tsx').then((module: AreaModule) => {
    loaded = module.default;
    return module.default;
  });
  return loading;
}

if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
  window.requestIdleCallback(() => void loadJournalArea().catch(() => undefined), { timeout: 5000 });
}

export function JournalScreen({ focusOnMount }: ScreenProps) {
  const [Area, setArea] = useState<ComponentType | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Area) return;
    let live = true;
    loadJournalArea().then(
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
    <Screen title="Journal" focusOnMount={focusOnMount}>
      {Area ? <Area /> : <p className="journal-count">{failed ? 'The journal could not be opened. Try moving to another area and back.' : 'Opening your journal…'}</p>}
    </Screen>
  );
}
