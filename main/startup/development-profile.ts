import { join } from 'node:path';

// A build started from a checkout (`npm start`, `npm run dev`) is not the Attune a person has
// installed: it keeps its settings and records in a folder of its own, so trying a change
// never reads or rewrites someone's real data (or takes the installed app's single-instance
// lock, which Electron keys on the data folder), and it never touches the start-at-login
// entry, which belongs to the installed app.

export const DEVELOPMENT_DATA_FOLDER = 'Attune (development)';

export type RunProfile = { development: false } | { development: true; userDataDir: string };

/** Electron's `app.isPackaged` is false exactly when it runs an app from a folder, not an installer. */
export function runProfile(isPackaged: boolean, appDataDir: () => string): RunProfile {
  if (isPackaged) return { development: false };
  return { development: true, userDataDir: join(appDataDir(), DEVELOPMENT_DATA_FOLDER) };
}
