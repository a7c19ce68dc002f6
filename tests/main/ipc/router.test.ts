import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouter, registerHandlers, type SenderFrame } from '../../../main/ipc/router.ts';
import { defineChannel } from '../../../shared/ipc/channel.ts';
import { IpcError } from '../../../shared/ipc/result.ts';
import { createInProcessApi, TRUSTED_TEST_FRAME, type InProcessApi } from '../../support/in-process-api.ts';

const trusted: SenderFrame = { url: 'app://attune/index.html', isMainFrame: true };

describe('IPC router with the real contract and services', () => {
  let harness: InProcessApi;
  beforeEach(() => {
    harness = createInProcessApi();
  });
  afterEach(() => harness.close());

  const dispatch = (message: unknown, sender: SenderFrame = TRUSTED_TEST_FRAME) => harness.services.router.dispatch(sender, message);

  it('answers app.info with the version, platform and data folder', async () => {
    const result = await harness.api.invoke('app.info');
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'Attune', platform: 'linux', dataFolder: harness.dataDir }),
    });
  });

  it('gets and updates settings, saving them to the file on disk', async () => {
    const updated = await harness.api.invoke('settings.update', { appearance: { theme: 'dark' } });
    expect(updated.ok && updated.value.appearance.theme).toBe('dark');
    const onDisk = JSON.parse(readFileSync(harness.services.settings.path, 'utf8')) as { appearance: { theme: string } };
    expect(onDisk.appearance.theme).toBe('dark');
    const read = await harness.api.invoke('settings.get');
    expect(read.ok && read.value.appearance.theme).toBe('dark');
  });

  it('tells the window when settings change', async () => {
    const seen: string[] = [];
    const stop = harness.api.on('settings.changed', (settings) => seen.push(settings.appearance.theme));
    await harness.api.invoke('settings.update', { appearance: { theme: 'light' } });
    stop();
    await harness.api.invoke('settings.update', { appearance: { theme: 'dark' } });
    expect(seen).toEqual(['light']);
  });

  it.each([
    ['a value of the wrong type', { appearance: { theme: 42 } }],
    ['a value out of range', { physiology: { floodedMinBpm: 1000 } }],
    ['an unknown section', { telemetry: { enabled: true } }],
    ['an unknown key', { appearance: { theme: 'dark', fontFamily: 'Comic Sans' } }],
    ['the schema version', { schemaVersion: 7 }],
    // Main records the strap after a real pick in its chooser; a page choosing it would pick
    // which device "Reconnect" connects to.
    ['the remembered strap', { devices: { rememberedStrap: { id: 'AA:BB:CC:DD:EE:FF', name: 'Polar H10' } } }],
    ['forgetting the strap through settings', { devices: { rememberedStrap: null } }],
    ['not an object', 'dark'],
    ['null', null],
  ])('rejects %s with a typed error and leaves the file alone', async (_label, payload) => {
    // No file yet (settings are written on the first change): it must stay that way.
    const fileNow = () => (existsSync(harness.services.settings.path) ? readFileSync(harness.services.settings.path, 'utf8') : null);
    const before = fileNow();
    const result = await dispatch({ channel: 'settings.update', payload });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-payload');
      expect(result.error.message).toMatch(/^Invalid input for settings\.update/);
      expect(result.error.message).not.toMatch(/\bat \w+ \(|\.ts:\d+/); // no stack trace
    }
    expect(fileNow()).toBe(before);
  });

  it('rejects an unknown channel', async () => {
    const result = await dispatch({ channel: 'fs.readFile', payload: '/etc/passwd' });
    expect(result).toEqual({ ok: false, error: { code: 'unknown-channel', message: expect.stringContaining('fs.readFile') } });
  });

  it('does not treat inherited object keys as channels', async () => {
    for (const channel of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const result = await dispatch({ channel, payload: undefined });
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('unknown-channel');
    }
  });

  it.each([
    ['a subframe of the app page', { url: 'app://attune/index.html', isMainFrame: false }],
    ['another origin', { url: 'https://evil.example/', isMainFrame: true }],
    ['a file page', { url: 'file:///tmp/x.html', isMainFrame: true }],
    ['an empty URL', { url: '', isMainFrame: true }],
  ])('refuses a message from %s', async (_label, sender) => {
    const result = await dispatch({ channel: 'app.info', payload: undefined }, sender);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
  });

  it.each([[undefined], [null], [42], ['app.info'], [{ payload: 1 }], [{ channel: 7 }]])(
    'rejects a malformed message %j',
    async (message) => {
      const result = await dispatch(message);
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid-payload');
    },
  );
});

describe('IPC router failure handling', () => {
  const contract = {
    'demo.fails': defineChannel({ input: z.undefined(), output: z.string(), summary: 'throws' }),
    'demo.expected': defineChannel({ input: z.undefined(), output: z.string(), summary: 'throws IpcError' }),
    'demo.badOutput': defineChannel({ input: z.undefined(), output: z.number(), summary: 'wrong output' }),
    'demo.echo': defineChannel({ input: z.object({ text: z.string() }), output: z.string(), summary: 'echo' }),
    'demo.list': defineChannel({ input: z.undefined(), output: z.array(z.object({ id: z.string(), startedAtMs: z.number().max(8.64e12) })), summary: 'a list' }),
    'demo.shortList': defineChannel({ input: z.undefined(), output: z.array(z.number()).max(2), summary: 'a list of at most two' }),
  };
  const logged: string[] = [];
  const hidden: Array<[string, number]> = [];
  const router = createRouter(
    contract,
    {
      'demo.fails': () => {
        throw new Error('disk exploded at /home/someone/secret');
      },
      'demo.expected': () => {
        throw new IpcError('not-found', 'That entry is gone.');
      },
      'demo.badOutput': () => 'not a number' as unknown as number,
      'demo.echo': ({ text }) => text,
      // The second session is dated in the year 2300: the schema refuses it.
      'demo.list': () => [
        { id: 'a', startedAtMs: 1.7e12 },
        { id: 'b', startedAtMs: 1.04e13 },
        { id: 'c', startedAtMs: 1.8e12 },
      ],
      'demo.shortList': () => [1, 2, 3],
    },
    { isTrustedSender: () => true, log: { error: (message) => logged.push(message) }, onItemsHidden: (channel, count) => hidden.push([channel, count]) },
  );

  it('turns an unexpected exception into a vague internal error and logs the detail', async () => {
    const result = await router.dispatch(trusted, { channel: 'demo.fails' });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: expect.stringContaining('log file') } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(logged.at(-1)).toContain('disk exploded');
  });

  it('passes an expected error through with its code and message', async () => {
    expect(await router.dispatch(trusted, { channel: 'demo.expected' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That entry is gone.' },
    });
  });

  it('checks the handler output against its schema', async () => {
    const result = await router.dispatch(trusted, { channel: 'demo.badOutput' });
    expect(result.ok ? 'ok' : result.error.code).toBe('internal');
  });

  it('answers a list with the items it can show when one does not match its schema, and says how many it left out', async () => {
    logged.length = 0;
    expect(await router.dispatch(trusted, { channel: 'demo.list' })).toEqual({
      ok: true,
      value: [
        { id: 'a', startedAtMs: 1.7e12 },
        { id: 'c', startedAtMs: 1.8e12 },
      ],
    });
    expect(hidden).toEqual([['demo.list', 1]]);
    expect(logged.at(-1)).toMatch(/demo\.list returned a value that does not match/);
  });

  it('still fails a list that breaks its own limits, with nothing left out to blame', async () => {
    hidden.length = 0;
    const result = await router.dispatch(trusted, { channel: 'demo.shortList' });
    expect(result.ok ? 'ok' : result.error.code).toBe('internal');
    expect(hidden).toEqual([]);
  });

  it('never writes a payload to the log', async () => {
    logged.length = 0;
    await router.dispatch(trusted, { channel: 'demo.echo', payload: { text: 12345 } });
    await router.dispatch(trusted, { channel: 'demo.echo', payload: { text: 'my private journal line' } });
    expect(logged.join('\n')).not.toMatch(/12345|private journal/);
  });

  it('refuses to start when a channel has no handler', () => {
    expect(() => createRouter(contract, {} as never, { isTrustedSender: () => true, log: { error: () => {} } })).toThrow(
      /No handler for channel demo\.fails/,
    );
  });

  it('binds to a transport so messages reach the same router', async () => {
    let listener: ((sender: SenderFrame, message: unknown) => Promise<unknown>) | null = null;
    registerHandlers(
      contract,
      {
        'demo.fails': () => 'x',
        'demo.expected': () => 'x',
        'demo.badOutput': () => 1,
        'demo.echo': ({ text }) => text.toUpperCase(),
        'demo.list': () => [],
        'demo.shortList': () => [],
      },
      { onInvoke: (l) => (listener = l) },
      { isTrustedSender: (s) => s.isMainFrame, log: { error: () => {} } },
    );
    expect(await listener!(trusted, { channel: 'demo.echo', payload: { text: 'hi' } })).toEqual({ ok: true, value: 'HI' });
  });
});
