import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type EventMessage } from '../../shared/ipc/transport-names.ts';
import type { IpcTransport, SenderFrame } from './router.ts';

// The Electron side of the IPC transport: one ipcMain handler for every contract channel.
// The sender frame is read from Electron's event, never from the message.

export function createElectronTransport(): IpcTransport {
  return {
    onInvoke(listener) {
      ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, message: unknown) => listener(senderOf(event), message));
    },
  };
}

export function senderOf(event: IpcMainInvokeEvent): SenderFrame {
  const frame = event.senderFrame;
  return {
    url: frame?.url ?? '',
    isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame,
  };
}

/** Sends an event to the window if it is still there. */
export function sendToWindow(contents: () => WebContents | null, event: string, payload: unknown): void {
  const target = contents();
  if (target === null || target.isDestroyed()) return;
  const message: EventMessage = { event, payload };
  target.send(EVENT_CHANNEL, message);
}
