import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { createInProcessApi } from '../../../support/in-process-api.ts';
import { resetWindow } from '../../support/render-app.tsx';

// Re-watching a saved session: its stored beats play again as the heart-rate source.
afterEach(resetWindow);

describe('replaying a saved session', () => {
  it('plays the session from its detail page as a labelled replay source', async () => {
    const main = createInProcessApi();
    const started = await main.api.invoke('session.start', { kind: 'check', source: { kind: 'demo' } });
    if (!started.ok) throw new Error(started.error.message);
    const sessionId = started.value.id;
    let tMs = 0;
    const beats = Array.from({ length: 240 }, (_, i) => {
      const rrMs = 820 + 40 * Math.sin(i / 3);
      tMs += rrMs;
      return { tMs, rrMs };
    });
    await main.api.invoke('session.appendBeats', { sessionId, beats });
    await main.api.invoke('session.finish', { sessionId });

    window.location.hash = `#/trends/session/${sessionId}`;
    render(<App api={main.api} report={createErrorReporter(main.api)} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Replay this session' }));
    await waitFor(() => expect(window.location.hash).toBe('#/device'));
    expect(await screen.findByText('Replay')).toBeTruthy();
  });
});
