import { readFileSync } from 'node:fs';
import { act, cleanup, render, waitFor, type RenderResult } from '@testing-library/react';
import { expect } from 'vitest';
import { closeInProcessApis, createInProcessApi, type InProcessApi } from '../../support/in-process-api.ts';
import { App } from '../../../renderer/app/app.tsx';
import { clearAppearance } from '../../../renderer/app/appearance.ts';
import { createErrorReporter } from '../../../renderer/app/error-reporting.ts';

// Renders the whole window against the real main-side services (router, validation,
// settings file in a temp folder), called in process. Only the Electron transport is absent.

export type RenderedApp = RenderResult & { main: InProcessApi };

export function renderApp(main: InProcessApi = createInProcessApi()): RenderedApp {
  const result = render(<App api={main.api} report={createErrorReporter(main.api)} />);
  return Object.assign(result, { main });
}

/**
 * Unmounts (so the screens end their work), closes main's side once its answers are in,
 * removes the temp folders and puts the page back as a fresh window would be.
 */
export async function resetWindow(): Promise<void> {
  cleanup();
  await closeInProcessApis();
  window.location.hash = '';
  clearAppearance();
  window.localStorage.clear();
  performance.clearMarks();
}

export function readLog(main: InProcessApi): string {
  try {
    return readFileSync(main.services.log.path, 'utf8');
  } catch {
    return '';
  }
}

export function readSettingsFile(main: InProcessApi): Record<string, Record<string, unknown>> {
  return JSON.parse(readFileSync(main.services.settings.path, 'utf8')) as Record<string, Record<string, unknown>>;
}

/** Waits until main has answered every call the window made and React has applied the answers. */
export async function settled(main: InProcessApi): Promise<void> {
  await waitFor(() => expect(main.pendingCalls()).toBe(0));
  await act(async () => {});
}
