import { createIdleArea } from '../../app/idle-area.ts';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';
import { useTrendsPath, type TrendsPath } from './trends-path.ts';

// The Trends area. Its insides (charts, recharts, the session page) are a separate chunk
// kept out of the first paint (see app/idle-area.ts).

const trendsArea = createIdleArea<{ path: TrendsPath }>(() => import('./trends-area.tsx'));
// The sessions list needs no charts: its own small chunk, so it never waits for recharts.
const sessionsArea = createIdleArea<Omit<Extract<TrendsPath, { view: 'sessions' }>, 'view'>>(() => import('./sessions-list-area.tsx'));

export function TrendsScreen({ focusOnMount }: ScreenProps) {
  const path = useTrendsPath();
  return (
    <Screen title={path.view === 'session' ? 'Session' : 'Trends'} focusOnMount={focusOnMount}>
      {path.view === 'sessions' ? <SessionsListArea kind={path.kind} range={path.range} /> : <ChartsArea path={path} />}
    </Screen>
  );
}

function ChartsArea({ path }: { path: TrendsPath }) {
  const { Area, failed } = trendsArea.useArea();
  return Area ? <Area path={path} /> : <Opening failed={failed} />;
}

function SessionsListArea(props: Omit<Extract<TrendsPath, { view: 'sessions' }>, 'view'>) {
  const { Area, failed } = sessionsArea.useArea();
  return Area ? <Area {...props} /> : <Opening failed={failed} />;
}

function Opening({ failed }: { failed: boolean }) {
  return <p role="status">{failed ? 'Trends could not be opened. Try moving to another area and back.' : 'Opening Trends…'}</p>;
}
