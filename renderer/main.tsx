import './app/zod-without-eval.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/nunito-sans/wght.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/settings.css';
import './styles/device.css';
import './styles/check.css';
import { App } from './app/app.tsx';
import { applyRememberedAppearance } from './app/appearance.ts';
import { getAttuneApi } from './app/attune.ts';
import { errorReporterFor, installErrorReporting } from './app/error-reporting.ts';
import { testSensorEnvironment } from './app/test-sensors.ts';

const api = getAttuneApi();
const report = errorReporterFor(api);
installErrorReporting(report);
applyRememberedAppearance();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App api={api} report={report} sensors={testSensorEnvironment()} />
  </StrictMode>,
);
