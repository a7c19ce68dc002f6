import Wind from 'lucide-react/icons/wind';
import { EmptyState } from '../../components/empty-state.tsx';
import { RouteLink } from '../../components/route-link.tsx';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

export function BreatheScreen({ focusOnMount, onNavigate }: ScreenProps) {
  return (
    <Screen title="Breathe" focusOnMount={focusOnMount}>
      <EmptyState
        icon={Wind}
        promise="A slow, steady guide to breathe along with: in as it grows, out as it settles, at about six breaths a minute unless you choose another rhythm. If you wear a strap, you will see your heart rate alongside."
        status={
          <>
            The breathing guide is not ready yet. You can already choose its rhythm and turn on sound cues in{' '}
            <RouteLink to="settings" onNavigate={onNavigate}>
              Settings
            </RouteLink>
            .
          </>
        }
      />
    </Screen>
  );
}
