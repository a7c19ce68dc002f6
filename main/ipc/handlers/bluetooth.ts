import type { bluetoothChannels } from '../../../shared/ipc/channels/bluetooth.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { BluetoothChooserState } from '../../bluetooth/chooser-state.ts';
import type { SettingsStore } from '../../store/settings-store.ts';
import type { ContractHandlers } from '../router.ts';

export type BluetoothHandlerDeps = {
  chooser: BluetoothChooserState;
  settings: SettingsStore;
  onSettingsChanged: (settings: Settings) => void;
};

export function createBluetoothHandlers({ chooser, settings, onSettingsChanged }: BluetoothHandlerDeps): ContractHandlers<typeof bluetoothChannels> {
  const setRemembered = (rememberedStrap: Settings['devices']['rememberedStrap']) => {
    const next = settings.update({ devices: { rememberedStrap } });
    onSettingsChanged(next);
    return next.devices.rememberedStrap;
  };
  return {
    'bluetooth.beginRequest': ({ mode }) => chooser.beginRequest(mode),
    'bluetooth.requestEnded': ({ ticket }) => ({ accepted: chooser.requestEnded(ticket) }),
    'bluetooth.choose': ({ requestId, deviceId }) => ({ accepted: chooser.choose(requestId, deviceId) }),
    'bluetooth.cancel': ({ requestId }) => ({ accepted: chooser.cancel(requestId) }),
    'bluetooth.answerPairing': ({ pairingId, confirmed, pin }) => ({ accepted: chooser.answerPairing(pairingId, confirmed, pin) }),
    'bluetooth.rememberConnected': ({ name }) => {
      // Only main knows the id Electron's chooser uses, and only for a strap the user picked.
      const picked = chooser.lastPicked();
      const current = settings.get().devices.rememberedStrap;
      if (picked === null) return { rememberedStrap: current };
      const strap = { id: picked.id, name: picked.name || name };
      if (current?.id === strap.id && current.name === strap.name) return { rememberedStrap: current };
      return { rememberedStrap: setRemembered(strap) };
    },
    'bluetooth.forget': () => {
      setRemembered(null);
      return { forgotten: true as const };
    },
  };
}
