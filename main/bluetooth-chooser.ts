import type { BluetoothPairingHandlerHandlerDetails, Event as ElectronEvent, Session, WebContents } from 'electron';
import type { BluetoothChooserState } from './bluetooth/chooser-state.ts';

// The thin Electron side of the Bluetooth chooser: every `select-bluetooth-device` event is
// taken over (preventDefault, or Electron would silently pick the first device) and handed to
// the state machine in bluetooth/chooser-state.ts, which streams the list to the in-app
// dialog and answers with the user's pick. Pairing prompts go to the same state machine.

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
  return () => {
    contents.removeListener('select-bluetooth-device', onSelect as never);
    contents.removeListener('destroyed', onGone);
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
