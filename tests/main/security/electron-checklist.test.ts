import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  blinkFeaturesToEnable,
  ALLOWED_EXTERNAL_PAGES,
  isAllowedExternalUrl,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSenderFrame,
  shouldCancelRequest,
} from '../../../main/security/policy.ts';
import { mainWindowOptions } from '../../../main/window.ts';
import { readFileSync } from 'node:fs';

// The Electron security checklist (electronjs.org/docs/latest/tutorial/security), item by
// item, against the values the app actually uses.
describe('Electron security checklist', () => {
  const prefs = mainWindowOptions('/preload.cjs', false).webPreferences ?? {};

  it('1. only secure content: the app makes no network requests, so everything off-app is cancelled', () => {
    expect(shouldCancelRequest('http://example.com/script.js')).toBe(true);
    expect(shouldCancelRequest('https://cdn.example.com/font.woff2')).toBe(true);
    expect(shouldCancelRequest('ws://127.0.0.1:9000/')).toBe(true);
    expect(shouldCancelRequest('file:///etc/hosts')).toBe(true);
    expect(shouldCancelRequest('app://attune/assets/index.js')).toBe(false);
    expect(shouldCancelRequest('app://other-host/index.html')).toBe(true);
  });

  it('2. Node.js integration is off for the page, workers and subframes', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3. context isolation is on', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. the renderer is sandboxed', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('5. permission requests: notifications and writing to the clipboard only, and only for the app page', () => {
    expect(ALLOWED_PERMISSIONS).toEqual(['notifications', 'clipboard-sanitized-write']);
    expect(isPermissionAllowed('notifications', 'app://attune/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://attune/index.html')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'midi', 'openExternal', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb']) {
      expect(isPermissionAllowed(permission, 'app://attune/index.html'), permission).toBe(false);
    }
    expect(isPermissionAllowed('notifications', 'https://evil.example/')).toBe(false);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
  });

  it('6. webSecurity stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. a Content Security Policy with no unsafe-eval, no inline script and no remote sources', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'");
  });

  it('7b. the page carries the same CSP in its meta tag', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('8. allowRunningInsecureContent is off', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features are off', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. enableBlinkFeatures is not used in webPreferences; Web Bluetooth is switched on for Linux only', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(blinkFeaturesToEnable('linux')).toBe('WebBluetooth');
    expect(blinkFeaturesToEnable('darwin')).toBeNull();
    expect(blinkFeaturesToEnable('win32')).toBeNull();
  });

  it('11–12. no <webview>, and webviews cannot be attached', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('13. navigation is limited to the app page itself', () => {
    expect(isAllowedNavigation('app://attune/index.html', 'app://attune/index.html#/settings')).toBe(true);
    expect(isAllowedNavigation('app://attune/index.html', 'https://example.com/')).toBe(false);
    expect(isAllowedNavigation('app://attune/index.html', 'app://attune/other.html')).toBe(false);
    expect(isAllowedNavigation('app://attune/index.html', 'file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://attune/index.html', 'javascript:alert(1)')).toBe(false);
  });

  it("15. shell.openExternal only for the app's own listed pages: none today, so page script cannot send text out", () => {
    // Attune has no external links, so nothing opens, not even a well-formed https address.
    expect(ALLOWED_EXTERNAL_PAGES).toEqual([]);
    expect(isAllowedExternalUrl('https://www.gottman.com/blog/')).toBe(false);
    expect(isAllowedExternalUrl('https://attune.app/help/')).toBe(false);

    // With a help page listed, exactly that page opens and nothing that could carry data.
    const help = ['https://attune.app/help/'];
    expect(isAllowedExternalUrl('https://attune.app/help/', help)).toBe(true);
    expect(isAllowedExternalUrl('https://ATTUNE.app/help/', help), 'the same page, spelt in capitals').toBe(true);
    for (const url of [
      'https://attune.app/help/?entry=I%20felt%20so%20alone%20tonight',
      'https://attune.app/help/#I felt so alone tonight',
      'https://attune.app/help/other',
      'https://attune.app.evil.example/help/',
      `https://attune.app/help/${'a'.repeat(600)}`,
      'http://attune.app/help/',
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'https://user:pass@attune.app/help/',
      'https://attune.app:8443/help/',
      'https://192.168.1.1/',
      'https://localhost/',
      'not a url',
      'ms-settings:privacy',
    ]) {
      expect(isAllowedExternalUrl(url, help), url).toBe(false);
    }
  });

  it('17. IPC senders are validated: main frame of the app page only', () => {
    expect(isTrustedSenderFrame({ url: 'app://attune/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSenderFrame({ url: 'app://attune/index.html', isMainFrame: false })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'http://localhost:5173/', isMainFrame: true })).toBe(false);
    expect(isTrustedSenderFrame({ url: 'http://localhost:5173/', isMainFrame: true }, 'http://localhost:5173')).toBe(true);
  });

  it('18. file:// is not used: the page is served from a standard, secure custom scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.standard).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.secure).toBe(true);
    expect(APP_SCHEME_PRIVILEGES.bypassCSP).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.corsEnabled).toBe(false);
  });

  it('keeps listening while minimised: the check records during a conversation', () => {
    expect(prefs.backgroundThrottling).toBe(false);
  });

  it('dialogs cannot be spammed and dropped files do not navigate', () => {
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });
});
