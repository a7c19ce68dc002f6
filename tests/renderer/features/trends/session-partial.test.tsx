import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App } from '../../../../renderer/app/app.tsx';
import { createErrorReporter } from '../../../../renderer/app/error-reporting.ts';
import { createInProcessApi } from '../../../support/in-process-api.ts';
import { resetWindow } from '../../support/render-app.tsx';

// A session whose beats file was damaged on disk shows the rest and says, on its page, roughly
// how much could not be read (the store keeps a copy of the damaged file in quarantine).
afterEach(resetWindow);

describe('a session with damaged beats', () => {
  it('says on its page that part of its heart data could not be read, and how much', async () => {
    const main = createInProcessApi();
    const started = await main.api.invoke('session.start', { kind: 'check', source: { kind: 'demo' } });
    if (!started.ok) throw new Error(started.error.message);
    const sessionId = started.value.id;
    let tMs = 0;
    const batch = () =>
      Array.from({ length: 60 }, () => {
        tMs += 800;
        return { tMs, rrMs: 800 };
      });
    for (let i = 0; i < 3; i += 1) await main.api.invoke('session.appendBeats', { sessionId, beats: batch() });
    await main.api.invoke('session.finish', { sessionId });
    // One byte inside the second batch's ciphertext: header 12 bytes, each frame 32 + 60 × 16.
    const path = join(main.dataDir, 'records', 'beats', `${sessionId}.beats`);
    const bytes = readFileSync(path);
    const at = 12 + (32 + 960) + 100;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(path, bytes);

    try {
      window.location.hash = `#/trends/session/${sessionId}`;
      render(<App api={main.api} report={createErrorReporter(main.api)} />);
      expect(
        await screen.findByText(/120 beats recorded\. Part of this session's heart data was damaged: about 48 seconds \(60 beats\) could not be read/),
      ).toBeTruthy();
    } finally {
      await main.close();
    }
  });
});
