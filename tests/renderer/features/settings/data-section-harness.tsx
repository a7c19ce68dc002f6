import { afterEach } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../../renderer/app/attune.ts';
import { DataSection } from '../../../../renderer/features/settings/data-section.tsx';
import { createInProcessApi, type InProcessApi } from '../../../support/in-process-api.ts';

// Settings → Your data on its own, against the real main-side services in a temp folder.
// Call inside a describe block: it closes every harness and removes every folder it was
// given after each test.

export type DataSectionHarness = {
  /** Starts main, lets `prepare` put data in place, then renders the section. */
  render(options?: Parameters<typeof createInProcessApi>[0], prepare?: (harness: InProcessApi) => Promise<void>): Promise<InProcessApi>;
  /** A temp folder of the test's own, removed after it. */
  keep<T extends { cleanup: () => void }>(folder: T): T;
};

export function dataSectionHarness(): DataSectionHarness {
  const folders: Array<{ cleanup: () => void }> = [];
  const harnesses: InProcessApi[] = [];
  afterEach(async () => {
    cleanup();
    await Promise.all(harnesses.splice(0).map((harness) => harness.close()));
    for (const folder of folders.splice(0)) folder.cleanup();
  });
  return {
    async render(options = {}, prepare) {
      const harness = createInProcessApi(options);
      harnesses.push(harness);
      await prepare?.(harness);
      render(
        <ApiContext.Provider value={harness.api}>
          <DataSection />
        </ApiContext.Provider>,
      );
      return harness;
    },
    keep(folder) {
      folders.push(folder);
      return folder;
    },
  };
}
