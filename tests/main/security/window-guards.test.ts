import { describe, expect, it } from 'vitest';
import { BrowserWindow } from 'electron';
import type { WebContents } from 'electron';
import { hardenWebContents, focusWindow, createMainWindow } from '../../../main/window.ts';

type StandInWindow = InstanceType<typeof BrowserWindow> & {
  webContents: WebContents & { windowOpenHandler: (d: { url: string }) => { action: string } };
  loadedUrl: string | null;
  minimized: boolean;
  visible: boolean;
  focused: boolean;
};

function guardedWindow() {
  const opened: string[] = [];
  const window = new BrowserWindow({}) as unknown as StandInWindow;
  void window.loadURL('app://attune/index.html');
  hardenWebContents(window.webContents, (url) => opened.push(url));
  return { window, opened };
}

function navigate(window: StandInWindow, event: string, url: string): boolean {
  let prevented = false;
  window.webContents.emit(event, { preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('window guards', () => {
  it('stops navigation away from the app page but allows moving between its screens', () => {
    const { window } = guardedWindow();
    expect(navigate(window, 'will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate(window, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(window, 'will-redirect', 'https://example.com/')).toBe(true);
    expect(navigate(window, 'will-navigate', 'app://attune/index.html#/journal')).toBe(false);
  });

  it('never opens a new window, and sends no page outside to the browser (the app lists none)', () => {
    const { window, opened } = guardedWindow();
    // A well-formed https address with journal words in it: the way text could leave the machine.
    expect(window.webContents.windowOpenHandler({ url: 'https://example.org/article?note=we%20argued' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler({ url: 'https://example.org/article' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('refuses to attach a webview', () => {
    const { window } = guardedWindow();
    let prevented = false;
    window.webContents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('brings a minimised or hidden window back on a second launch', () => {
    const window = createMainWindow({
      BrowserWindow: BrowserWindow as never,
      preloadPath: '/p.cjs',
      darkBackground: true,
    }) as unknown as StandInWindow;
    expect(window.loadedUrl).toBe('app://attune/index.html');
    window.minimized = true;
    window.visible = false;
    focusWindow(window as never);
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    expect(() => focusWindow(null)).not.toThrow();
  });
});
