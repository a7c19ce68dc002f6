import NotebookPen from 'lucide-react/icons/notebook-pen';
import { EmptyState } from '../../components/empty-state.tsx';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

export function JournalScreen({ focusOnMount }: ScreenProps) {
  return (
    <Screen title="Journal" focusOnMount={focusOnMount}>
      <EmptyState
        icon={NotebookPen}
        promise="A private place for a few lines after a hard moment: what you noticed in your body, what you needed, what you would like to try next time. An entry can keep the reading from the check you did just before it."
        status="Your journal is empty, and writing in it is not possible yet: this part of Attune is still being built. What you write will stay on this computer."
      />
    </Screen>
  );
}
