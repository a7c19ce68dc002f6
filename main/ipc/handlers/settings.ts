import type { settingsChannels } from '../../../shared/ipc/channels/settings.ts';
import type { Settings } from '../../../shared/model/settings.ts';
import type { SettingsStore } from '../../store/settings-store.ts';
import type { ContractHandlers } from '../router.ts';
import { withStoreErrors } from '../store-errors.ts';

export function createSettingsHandlers(
  store: SettingsStore,
  onChanged: (settings: Settings) => void,
): ContractHandlers<typeof settingsChannels> {
  // The settings store raises the stores' own errors; the window gets them as IpcErrors.
  return withStoreErrors<typeof settingsChannels>({
    'settings.get': () => store.get(),
    'settings.update': (patch) => {
      const next = store.update(patch);
      onChanged(next);
      return next;
    },
  });
}
