import { lazy, Suspense } from 'react';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

// The Journal area. Its insides (list, editor, repair flow, prompts) load on first visit.

const JournalArea = lazy(() => import('./journal-area.tsx'));

export function JournalScreen({ focusOnMount }: ScreenProps) {
  return (
    <Screen title="Journal" focusOnMount={focusOnMount}>
      <Suspense fallback={<p className="journal-count">Opening your journal…</p>}>
        <JournalArea />
      </Suspense>
    </Screen>
  );
}
