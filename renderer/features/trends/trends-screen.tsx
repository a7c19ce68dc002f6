import ChartLine from 'lucide-react/icons/chart-line';
import { EmptyState } from '../../components/empty-state.tsx';
import { Screen } from '../../components/screen.tsx';
import type { ScreenProps } from '../screen-props.ts';

export function TrendsScreen({ focusOnMount }: ScreenProps) {
  return (
    <Screen title="Trends" focusOnMount={focusOnMount}>
      <EmptyState
        icon={ChartLine}
        promise="Over the weeks, Trends will show how quickly you find your way back to calm, next to your resting heart rate and the moments you wrote about. It compares you only with yourself."
        status="There is nothing to show yet. Trends grow out of checks, and checks are not ready yet."
      />
    </Screen>
  );
}
