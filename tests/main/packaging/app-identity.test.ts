import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APP_ID, claimAppIdentity, LINUX_DESKTOP_NAME } from '../../../main/branding/app-identity.ts';

// One identity in three places that cannot import each other: main/branding/app-identity.ts
// (used at run time), electron-builder.yml and package.json.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(`${root}electron-builder.yml`, 'utf8')) as {
  appId: string;
  linux: { syncDesktopName: boolean; desktop: { entry: Record<string, string> } };
};
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { desktopName: string };

describe('app identity', () => {
  it('is electron-builder’s appId, which Windows uses as the shortcut’s AppUserModelID', () => {
    expect(config.appId).toBe(APP_ID);
  });

  it('is claimed by the running app on Windows, and only there', () => {
    const claimed: string[] = [];
    const app = { setAppUserModelId: (id: string) => claimed.push(id) };
    for (const platform of ['linux', 'darwin'] as const) claimAppIdentity(app, platform);
    expect(claimed).toEqual([]);
    claimAppIdentity(app, 'win32');
    expect(claimed).toEqual([APP_ID]);
  });

  it('is claimed at the top of main, before the single-instance check and anything that shows', () => {
    const index = readFileSync(`${root}main/index.ts`, 'utf8');
    const call = index.indexOf('claimAppIdentity(app, process.platform);');
    expect(call).toBeGreaterThan(-1);
    expect(call).toBeLessThan(index.indexOf('app.requestSingleInstanceLock()'));
    expect(call).toBeLessThan(index.indexOf('function start('));
  });

  it('names the Linux window and the desktop entry alike, so the launcher groups them', () => {
    // Electron takes the window's app_id / WM_CLASS from desktopName minus ".desktop".
    expect(pkg.desktopName).toBe(LINUX_DESKTOP_NAME);
    expect(LINUX_DESKTOP_NAME).toBe(`${APP_ID}.desktop`);
    expect(config.linux.desktop.entry['StartupWMClass']).toBe(APP_ID);
    // The installed file is then app.attune.desktop.desktop, matching the app_id on Wayland.
    expect(config.linux.syncDesktopName).toBe(true);
  });
});
