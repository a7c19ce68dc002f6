import { afterAll, describe, expect, it } from 'vitest';
import { contextBridge, ipcRenderer } from 'electron';
import { createElectronTransport } from '../../main/ipc/electron-transport.ts';
import { createAppServices, type AppServices } from '../../main/services.ts';
import { isTrustedSenderFrame } from '../../main/security/policy.ts';
import { EVENT_CHANNEL } from '../../shared/ipc/transport-names.ts';
import type { AttuneApi } from '../../shared/ipc/api.ts';
import { makeTempDir } from '../support/temp-dir.ts';

// The preload against the electron stand-in, wired to the real router through the Electron
// transport: the page gets `window.attune` with two functions and nothing else, calls reach
// the router, and listeners receive payloads, never Electron's event objects.
const dir = makeTempDir('attune-preload-');
let services: AppServices | null = null;
// The services end their own work (the storage probe, the records, the reminders) before the folder goes.
afterAll(async () => {
  try {
    await services?.close();
  } finally {
    dir.cleanup();
  }
});

describe('preload', () => {
  it('exposes only window.attune, built from the contract', async () => {
    services = createAppServices({
      userDataDir: dir.path,
      appVersion: '1.2.3',
      platform: 'linux',
      now: () => new Date(),
      isTrustedSender: (sender) => isTrustedSenderFrame(sender),
      revealFile: () => {},
      sendEvent: () => {},
    });
    const app = services;
    createElectronTransport().onInvoke((sender, message) => app.router.dispatch(sender, message));
    await import('../../main/preload.ts');

    const exposed = (contextBridge as unknown as { exposed: Map<string, unknown> }).exposed;
    expect([...exposed.keys()]).toEqual(['attune']);
    const attune = exposed.get('attune') as AttuneApi;
    expect(Object.keys(attune).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(attune)).toBe(true);

    const info = await attune.invoke('app.info');
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ version: '1.2.3', dataFolder: dir.path }) });

    const received: unknown[] = [];
    const stop = attune.on('settings.changed', (payload) => received.push(payload));
    const electronEvent = { sender: { id: 1 }, ports: [] };
    ipcRenderer.emit(EVENT_CHANNEL, electronEvent, { event: 'settings.changed', payload: { marker: 1 } });
    ipcRenderer.emit(EVENT_CHANNEL, electronEvent, { event: 'app.notice', payload: { marker: 2 } });
    stop();
    ipcRenderer.emit(EVENT_CHANNEL, electronEvent, { event: 'settings.changed', payload: { marker: 3 } });
    expect(received).toEqual([{ marker: 1 }]);
  });
});
