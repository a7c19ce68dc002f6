import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler, resolveAppPath } from '../../../main/app-protocol.ts';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/policy.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('app:// protocol', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let bundle: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    temp = makeTempDir();
    bundle = join(temp.path, 'renderer');
    mkdirSync(join(bundle, 'assets'), { recursive: true });
    writeFileSync(join(bundle, 'index.html'), '<!doctype html><title>Attune</title>');
    writeFileSync(join(bundle, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(temp.path, 'secret.txt'), 'outside the bundle');
    handle = createAppRequestHandler(bundle);
  });
  afterAll(() => temp.cleanup());

  it('serves the page with its type and the CSP header', async () => {
    const response = await handle(new Request('app://attune/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Attune</title>');
  });

  it('serves the root as index.html and assets with a script type', async () => {
    expect((await handle(new Request('app://attune/'))).status).toBe(200);
    const script = await handle(new Request('app://attune/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    ['app://attune/..%2fsecret.txt'],
    ['app://attune/%2e%2e%2fsecret.txt'],
    ['app://attune/assets/..%2f..%2fsecret.txt'],
    ['app://attune/..%5csecret.txt'],
    ['app://attune/index.html%00.js'],
  ])('refuses %s without reading outside the bundle', async (url) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('refuses another host on the same scheme', async () => {
    expect((await handle(new Request('app://elsewhere/index.html'))).status).toBe(403);
  });

  it('answers 404 for a missing file and 405 for a POST', async () => {
    expect((await handle(new Request('app://attune/nope.js'))).status).toBe(404);
    expect((await handle(new Request('app://attune/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('treats a malformed escape as a bad request', () => {
    expect(resolveAppPath('app://attune/%E0%A4%A', bundle)).toEqual(expect.objectContaining({ ok: false, status: 400 }));
  });
});
