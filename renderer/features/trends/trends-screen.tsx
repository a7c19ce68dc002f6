import { createIdleArea } from '../../app/idle-area.ts';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { useTrendsPath, type TrendsPath } from './trends-path.ts';

// The Trends area. Its insides (charts, recharts, the session page) are a separate chunk
// kept out of the first paint (see app/idle-area.ts).

const trendsArea = createIdleArea<{ path: TrendsPath }>(() => import('./trends-area.tsx'));

export function TrendsScreen({ focusOnMount }: ScreenProps) {
  const path = useTrendsPath();
  const { Area, failed } = trendsArea.useArea();
  return (
    <Screen title={path.view === 'session' ? 'Session' : 'Trends'} focusOnMount={focusOnMount}>
      {Area ? <Area path={path} /> : <p role="status">{failed ? 'Trends could not be opened. Try moving to another area and back.' : 'Opening Trends…'}</p>}
    </Screen>
  );
}
