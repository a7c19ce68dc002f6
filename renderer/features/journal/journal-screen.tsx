import { createIdleArea } from '../../app/idle-area.ts';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

// The Journal area. Its insides (list, editor, repair flow, prompts) are a separate chunk
// kept out of the first paint (see app/idle-area.ts).

const journalArea = createIdleArea(() => import('./journal-area.tsx'));

export function JournalScreen({ focusOnMount }: ScreenProps) {
  const { Area, failed } = journalArea.useArea();
  return (
    <Screen title="Journal" focusOnMount={focusOnMount}>
      {Area ? <Area /> : <p className="journal-count">{failed ? 'The journal could not be opened. Try moving to another area and back.' : 'Opening your journal…'}</p>}
    </Screen>
  );
}
