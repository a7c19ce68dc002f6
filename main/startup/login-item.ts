import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Start at login. macOS and Windows keep the login item themselves (app.setLoginItemSettings);
// on Linux it is an XDG autostart entry, ~/.config/autostart/attune.desktop, written here.
// Attune then starts with its window hidden, in the tray.

export const AUTOSTART_FILE_NAME = 'attune.desktop';
export const HIDDEN_ARG = '--hidden';

/** Quotes one Exec argument as the Desktop Entry spec asks. */
export function quoteExecArg(arg: string): string {
  if (!/[\s"'\\`$;&|<>()*?#~=%]/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartDesktopEntry(execPath: string, args: readonly string[] = [HIDDEN_ARG]): string {
  // A literal % must be doubled in Exec; field codes are not used here.
  const exec = [execPath, ...args].map(quoteExecArg).join(' ').replace(/%/g, '%%');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    'Name=Attune',
    'Comment=Starts Attune quietly in the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function autostartPath(env: Record<string, string | undefined>, homeDir: string): string {
  const configHome = env['XDG_CONFIG_HOME'] && env['XDG_CONFIG_HOME'].startsWith('/') ? env['XDG_CONFIG_HOME'] : join(homeDir, '.config');
  return join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

export type LoginItemDeps = {
  platform: string;
  /** Electron's app.setLoginItemSettings (macOS, Windows). */
  setLoginItemSettings: (settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }) => void;
  execPath: string;
  env: Record<string, string | undefined>;
  homeDir: string;
};

export async function applyStartAtLogin(enabled: boolean, deps: LoginItemDeps): Promise<void> {
  if (deps.platform === 'darwin' || deps.platform === 'win32') {
    deps.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [HIDDEN_ARG] });
    return;
  }
  if (deps.platform !== 'linux') return;
  const path = autostartPath(deps.env, deps.homeDir);
  if (!enabled) {
    await rm(path, { force: true });
    return;
  }
  // An AppImage runs from a temporary mount; the file to start is the AppImage itself.
  const execPath = deps.env['APPIMAGE'] ?? deps.execPath;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, autostartDesktopEntry(execPath), { mode: 0o644 });
  await rename(`${path}.tmp`, path);
}

/** Started by the login item: come up in the tray without showing the window. */
export function startedHidden(argv: readonly string[], wasOpenedAtLogin: boolean): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}
