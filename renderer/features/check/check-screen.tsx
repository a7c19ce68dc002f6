import HeartPulse from 'lucide-react/icons/heart-pulse';
import { EmptyState } from '../../components/empty-state.tsx';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

export function CheckScreen({ focusOnMount }: ScreenProps) {
  return (
    <Screen title="Check" focusOnMount={focusOnMount}>
      <EmptyState
        icon={HeartPulse}
        promise="Before a hard conversation, a check will listen to your heart for a minute or so and compare it with your own resting rate. It will tell you whether your body seems calm, a little stirred up, or flooded, and suggest what might help next."
        status="Checks are not ready yet: this part of Attune is still being built. When it is, you will need a heart-rate strap or the demo sensor, both set up in Device."
      />
    </Screen>
  );
}
