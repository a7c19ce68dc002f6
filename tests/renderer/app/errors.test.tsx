import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createInProcessApi, type InProcessApi } from '../../support/in-process-api.ts';
import { createErrorReporter, installErrorReporting } from '../../../renderer/app/error-reporting.ts';
import { ErrorBoundary } from '../../../renderer/components/error-boundary.tsx';
import { readLog, resetWindow } from '../support/render-app.tsx';

const teardown: (() => void)[] = [];
afterEach(async () => {
  for (const step of teardown.splice(0)) step();
  await resetWindow();
  vi.restoreAllMocks();
});

function reportingWindow(): InProcessApi {
  const main = createInProcessApi();
  const uninstall = installErrorReporting(createErrorReporter(main.api), window);
  teardown.push(uninstall);
  return main;
}

describe('error reporting', () => {
  it('writes an uncaught window error, with its stack, to the log file', async () => {
    const main = reportingWindow();
    const error = new TypeError('cannot read the pacer phase');
    window.dispatchEvent(new ErrorEvent('error', { message: error.message, error }));
    await waitFor(() => expect(readLog(main)).toMatch(/ERROR window: TypeError: cannot read the pacer phase/));
    expect(readLog(main)).toContain('errors.test.tsx'); // the stack came along
  });

  it('writes an unhandled promise rejection to the log file', async () => {
    const main = reportingWindow();
    const event = new Event('unhandledrejection');
    Object.defineProperty(event, 'reason', { value: new Error('strap went away') });
    window.dispatchEvent(event);
    await waitFor(() => expect(readLog(main)).toMatch(/window: Unhandled rejection: Error: strap went away/));
  });

  it('cuts a huge message down so main still accepts it', async () => {
    const main = reportingWindow();
    const error = new Error(`huge ${'x'.repeat(5000)}`);
    error.stack = `Error: huge\n${'    at frame (file.js:1:1)\n'.repeat(1000)}`;
    window.dispatchEvent(new ErrorEvent('error', { message: error.message, error }));
    await waitFor(() => expect(readLog(main)).toMatch(/window: Error: huge xxxx/));
  });

  it('stops after a burst so a looping error cannot fill the log', async () => {
    const main = reportingWindow();
    for (let n = 0; n < 50; n += 1) window.dispatchEvent(new ErrorEvent('error', { message: `loop ${n}`, error: new Error(`loop ${n}`) }));
    await waitFor(() => expect(readLog(main)).toMatch(/loop 19/));
    // Every report is sent as its error happens: once main has answered them all, the log is final.
    await waitFor(() => expect(main.pendingCalls()).toBe(0));
    expect(readLog(main)).not.toMatch(/loop 20/);
  });
});

describe('error boundary', () => {
  function Fragile() {
    const [broken, setBroken] = useState(false);
    if (broken) throw new Error('the view could not draw');
    return (
      <button type="button" onClick={() => setBroken(true)}>
        Break
      </button>
    );
  }

  it('shows a calm recovery message, logs the error, and can try again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // React reports the caught error too
    const user = userEvent.setup();
    const main = createInProcessApi();

    render(
      <ErrorBoundary report={createErrorReporter(main.api)}>
        <Fragile />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole('button', { name: 'Break' }));

    expect(screen.getByRole('heading', { name: 'This part of Attune stumbled' })).toBeTruthy();
    expect(screen.getByText(/Nothing you saved is lost/)).toBeTruthy();
    await waitFor(() => expect(readLog(main)).toMatch(/window: Error: the view could not draw/));

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('button', { name: 'Break' })).toBeTruthy();
  });
});
