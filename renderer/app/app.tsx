import type { AttuneApi } from '../../shared/ipc/api.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { CheckProvider } from '../features/check/check-context.tsx';
import { StandaloneBreakRecording } from '../features/check/standalone-break-recorder.tsx';
import { BluetoothChooserDialog } from '../features/device/bluetooth-chooser-dialog.tsx';
import { HeartRateProvider, type SensorEnvironment } from '../sensors/heart-rate-context.tsx';
import { ApiContext } from './attune.ts';
import type { ErrorReporter } from './error-reporting.ts';
import { SettingsProvider } from './settings-context.tsx';
import { Shell } from './shell.tsx';

/** The whole window, given the API to main, where to report errors and (in tests) the sensors' world. */
export function App({ api, report, sensors }: { api: AttuneApi; report: ErrorReporter; sensors?: SensorEnvironment }) {
  return (
    <ErrorBoundary report={report} headingLevel={1}>
      <ApiContext value={api}>
        <SettingsProvider>
          <HeartRateProvider {...(sensors ? { environment: sensors } : {})}>
            <CheckProvider>
              <StandaloneBreakRecording />
              <Shell report={report} />
            </CheckProvider>
            <BluetoothChooserDialog />
          </HeartRateProvider>
        </SettingsProvider>
      </ApiContext>
    </ErrorBoundary>
  );
}
