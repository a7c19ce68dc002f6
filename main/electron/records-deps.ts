import { dialog, safeStorage, type BrowserWindow } from 'electron';
import { safeStorageKeyProtector } from '../store/safe-storage-protector.ts';
import type { KeyProtector } from '../store/key-file.ts';

// What the records store needs from Electron: the OS key store for its data key, and the
// system pickers for export, import and recording files. Call after the app is ready
// (safeStorage reports itself unavailable on Linux before that).

export type RecordsElectronDeps = {
  keyProtector: KeyProtector;
  chooseFolder: (purpose: 'export' | 'import') => Promise<string | null>;
  chooseRecordingFile: () => Promise<string | null>;
};

export function recordsElectronDeps(currentWindow: () => BrowserWindow | null): RecordsElectronDeps {
  const pick = async (options: Electron.OpenDialogOptions): Promise<string | null> => {
    const window = currentWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    keyProtector: safeStorageKeyProtector(safeStorage, process.platform),
    chooseFolder: (purpose) =>
      pick({
        title: purpose === 'export' ? 'Choose a folder for your Attune export' : 'Choose an Attune export folder to bring back',
        buttonLabel: purpose === 'export' ? 'Export here' : 'Import',
        properties: purpose === 'export' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
      }),
    chooseRecordingFile: () =>
      pick({
        title: 'Choose a heart-rate recording',
        buttonLabel: 'Import',
        properties: ['openFile'],
        filters: [
          { name: 'Heart-rate recordings', extensions: ['txt', 'csv', 'hrm', 'rr'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
  };
}
