import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi } from '../shared/ipc/api.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage, type InvokeMessage } from '../shared/ipc/transport-names.ts';

// The sandboxed preload: exposes `window.attune`, built from the contract, and nothing
// else. No ipcRenderer, no Electron event objects and no Node reach page code.

const api = createApi(
  (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, { channel, payload } satisfies InvokeMessage),
  (event, listener) => {
    const forward = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
);

contextBridge.exposeInMainWorld('attune', api);
