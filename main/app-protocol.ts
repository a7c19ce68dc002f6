import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './security/policy.ts';

// Serves the renderer bundle on app://attune/. Each request is mapped to a file inside the
// bundle folder; anything that would land outside it (../, encoded slashes, NUL bytes,
// another host) is refused before the disk is touched.

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export type AppPathResolution =
  | { ok: true; filePath: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

export function resolveAppPath(requestUrl: string, bundleRoot: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'malformed URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { ok: false, status: 403, reason: 'not the app origin' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'malformed path encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) {
    return { ok: false, status: 403, reason: 'forbidden characters in path' };
  }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(bundleRoot);
  const filePath = resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + sep)) {
    return { ok: false, status: 403, reason: 'path outside the bundle' };
  }
  return { ok: true, filePath };
}

export type ReadBundleFile = (path: string) => Promise<Uint8Array<ArrayBuffer>>;

/** The handler given to `protocol.handle('app', …)`: a plain Request → Response function. */
export function createAppRequestHandler(
  bundleRoot: string,
  readBundleFile: ReadBundleFile = async (path) => new Uint8Array(await readFile(path)),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const resolution = resolveAppPath(request.url, bundleRoot);
    if (!resolution.ok) return textResponse(resolution.status, 'Not available');
    let body: Uint8Array<ArrayBuffer>;
    try {
      body = await readBundleFile(resolution.filePath);
    } catch {
      return textResponse(404, 'Not found');
    }
    const headers = new Headers({
      'Content-Type': MIME_TYPES[extname(resolution.filePath).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
