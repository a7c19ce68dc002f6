import type { BluetoothPairingHandlerHandlerDetails, Event as ElectronEvent, Session, WebContents } from 'electron';
import type { BluetoothChooserState } from './bluetooth/chooser-state.ts';

// The thin Electron side of the Bluetooth chooser: every `select-bluetooth-device` event is
// taken over (preventDefault, or Electron would silently pick the first device) and handed to
// the state machine in bluetooth/chooser-state.ts, which streams the list to the in-app
// dialog and answers with the user's pick. Pairing prompts go to the same state machine.
//
// A reload or a crashed renderer takes the page's request with it (Chromium drops it with the
// old document) and the page cannot say so any more; main treats that like a closed window,
// so no dialog or pairing prompt outlives the page that asked.

type SelectListener = (
  event: Pick<ElectronEvent, 'preventDefault'>,
  devices: Array<{ deviceId: string; deviceName: string }>,
  callback: (deviceId: string) => void,
) => void;

export function attachBluetoothChooser(contents: WebContents, chooser: BluetoothChooserState): () => void {
  const onSelect: SelectListener = (event, devices, callback) => {
    event.preventDefault();
    chooser.onDeviceList(devices, callback);
  };
  const onGone = () => chooser.windowClosed();
  contents.on('select-bluetooth-device', onSelect as never);
  contents.once('destroyed', onGone);
  // 'did-navigate' is a new document in the main frame (a reload; in-page hash moves are not it).
  contents.on('did-navigate', onGone);
  contents.on('render-process-gone', onGone);
  return () => {
    contents.removeListener('select-bluetooth-device', onSelect as never);
    contents.removeListener('destroyed', onGone);
    contents.removeListener('did-navigate', onGone);
    contents.removeListener('render-process-gone', onGone);
    chooser.windowClosed();
  };
}

/** Windows and Linux ask before pairing some straps; the answer comes from our dialog. */
export function attachBluetoothPairing(session: Session, chooser: BluetoothChooserState): void {
  session.setBluetoothPairingHandler((details: BluetoothPairingHandlerHandlerDetails, callback) => {
    chooser.onPairingRequest(
      { deviceId: details.deviceId, pairingKind: details.pairingKind, ...(details.pin ? { pin: details.pin } : {}) },
      callback,
    );
  });
}
