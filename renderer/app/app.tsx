import type { AttuneApi } from '../../shared/ipc/api.ts';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { ApiContext } from './attune.ts';
import type { ErrorReporter } from './error-reporting.ts';
import { SettingsProvider } from './settings-context.tsx';
import { Shell } from './shell.tsx';

/** The whole window, given the API to main and where to report errors. */
export function App({ api, report }: { api: AttuneApi; report: ErrorReporter }) {
  return (
    <ErrorBoundary report={report} headingLevel={1}>
      <ApiContext value={api}>
        <SettingsProvider>
          <Shell report={report} />
        </SettingsProvider>
      </ApiContext>
    </ErrorBoundary>
  );
}
