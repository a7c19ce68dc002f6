// Every security-relevant value of the app as plain data, so tests can check each item of
// the Electron security checklist against exactly what main/window.ts and main/index.ts use.

export const APP_SCHEME = 'app';
export const APP_HOST = 'attune';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: real origin and relative URLs; secure: a secure context, which Web Bluetooth
 * requires; supportFetchAPI: the bundle loads its own assets. No CORS, no service workers,
 * no bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: true,
} as const;

/** Checklist items 2–4, 6, 9, 10, 12 and friends. */
export const WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
  // Not a security item: a check keeps listening to the strap and recording while the window
  // is hidden or minimised during a conversation, so its timers must not be throttled.
  backgroundThrottling: false,
} as const;

/**
 * No eval, no inline script or style elements, nothing from the network. The same string is
 * in renderer/index.html (meta) and sent as a header by the app:// handler.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The only permissions the window may have: showing notifications, and writing text to the
 * clipboard when the user presses a Copy button (an agreement, to share with a partner;
 * Chromium allows the write only during a user gesture). Reading the clipboard stays denied.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['notifications', 'clipboard-sanitized-write'];

export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl ?? '');
}

export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * The pages outside the app a link in it may open in the user's browser, as exact addresses.
 * None today: Attune has no external links. An open list of "any https address" would be the
 * one road page script could take to carry journal text off the machine (in a query string),
 * so a page must be named here to open, and nothing else does.
 */
export const ALLOWED_EXTERNAL_PAGES: readonly string[] = [];

/** Longer than any help page's address; a longer one is data, not a link. */
export const MAX_EXTERNAL_URL_LENGTH = 512;

/**
 * Links open in the user's browser only when they are exactly one of `allowedPages` (the
 * app's own help pages) and a plain https address: short, no credentials, no odd ports, a
 * real host name, no query or fragment to carry anything. Anything else is dropped.
 */
export function isAllowedExternalUrl(url: string, allowedPages: readonly string[] = ALLOWED_EXTERNAL_PAGES): boolean {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.port !== '' || parsed.search !== '' || parsed.hash !== '') return false;
  const host = parsed.hostname;
  if (!/^[a-z0-9.-]+$/i.test(host) || !host.includes('.') || host.startsWith('.') || host.endsWith('.')) return false;
  if (/^[0-9.]+$/.test(host)) return false; // bare IP addresses are never a link we put in the app
  return allowedPages.includes(parsed.href);
}

/**
 * The session request filter: Attune makes no network requests at all, so every request
 * that is not for its own bundle is cancelled. `allowedDevOrigin` is set only when running
 * under `electron-vite dev`, whose renderer comes from a local dev server.
 */
export function shouldCancelRequest(url: string, allowedDevOrigin: string | null = null): boolean {
  if (isAppUrl(url)) return false;
  if (url.startsWith('devtools://')) return false;
  if (allowedDevOrigin !== null) {
    const parsed = parseUrl(url);
    if (parsed !== null && (parsed.origin === allowedDevOrigin || parsed.protocol === 'ws:' && parsed.host === new URL(allowedDevOrigin).host)) {
      return false;
    }
  }
  return true;
}

/** Navigation never leaves the app page: hash changes within it are the only moves allowed. */
export function isAllowedNavigation(currentUrl: string, targetUrl: string): boolean {
  const current = parseUrl(currentUrl);
  const target = parseUrl(targetUrl);
  if (current === null || target === null) return false;
  return isAppUrl(targetUrl) && current.origin === target.origin && current.pathname === target.pathname;
}

/** Web Bluetooth is behind a Blink feature flag on Linux only; elsewhere Electron exposes it. */
export function blinkFeaturesToEnable(platform: NodeJS.Platform): string | null {
  return platform === 'linux' ? 'WebBluetooth' : null;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** IPC is answered only for our window's main frame showing the app (or the dev server). */
export function isTrustedSenderFrame(sender: { url: string; isMainFrame: boolean }, allowedDevOrigin: string | null = null): boolean {
  if (!sender.isMainFrame) return false;
  if (isAppUrl(sender.url)) return true;
  if (allowedDevOrigin === null) return false;
  const parsed = parseUrl(sender.url);
  return parsed !== null && parsed.origin === allowedDevOrigin;
}
