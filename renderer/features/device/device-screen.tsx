import Bluetooth from 'lucide-react/icons/bluetooth';
import { EmptyState } from '../../components/empty-state.tsx';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

export function DeviceScreen({ focusOnMount }: ScreenProps) {
  return (
    <Screen title="Device" focusOnMount={focusOnMount}>
      <EmptyState
        icon={Bluetooth}
        promise="Here you will connect a Bluetooth heart-rate strap: any strap that speaks the standard heart-rate service. Chest straps work best, because they also send the time between beats. A demo sensor will let you try Attune without a strap."
        status="No strap is connected, and connecting is not possible yet: this part of Attune is still being built."
      />
    </Screen>
  );
}
