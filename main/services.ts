import { join } from 'node:path';
import { channels, events } from '../shared/ipc/contract.ts';
import type { AppInfo } from '../shared/model/app-info.ts';
import { createRotatingLog, type Log } from './logging/rotating-log.ts';
import { openSettingsStore, type SettingsStore } from './store/settings-store.ts';
import { createAppHandlers } from './ipc/handlers/app.ts';
import { createBluetoothHandlers } from './ipc/handlers/bluetooth.ts';
import { createChooserState, type BluetoothChooserState, type ChooserTimers } from './bluetooth/chooser-state.ts';
import { createSettingsHandlers } from './ipc/handlers/settings.ts';
import { createRecordsHandlers } from './ipc/handlers/records.ts';
import { createRecordsService, type RecordsService } from './store/records-service.ts';
import { NO_KEY_PROTECTOR, type KeyProtector } from './store/key-file.ts';
import { watchStorage } from './store/storage-watch.ts';
import { createRouter, type Router, type SenderFrame } from './ipc/router.ts';
import { createHiddenItemsNotices } from './ipc/hidden-items.ts';
import { createEventEmitter, type EventSink } from './ipc/events.ts';
import { createRemindersHandlers } from './ipc/handlers/reminders.ts';
import { createTrendsHandlers } from './ipc/handlers/trends.ts';
import { createMomentsHandlers } from './ipc/handlers/moments.ts';
import { composeReminders, type ReminderParts, type ReminderServiceDeps } from './reminders/compose.ts';

// Builds every main-side service from plain parameters. Electron's main/index.ts and the
// browser-test harness both call this, so the window talks to the same router, validation
// and stores in both; only the transport and the OS hooks differ.

export type ServiceDeps = {
  userDataDir: string;
  appVersion: string;
  platform: NodeJS.Platform;
  now: () => Date;
  isTrustedSender: (sender: SenderFrame) => boolean;
  revealFile: (path: string) => void;
  sendEvent: EventSink;
  /** Timers for the Bluetooth chooser's time limits; the real ones unless a test injects its own. */
  timers?: ChooserTimers;
  /**
   * Wraps the records' data key: safeStorageKeyProtector(safeStorage, process.platform) in the
   * app (after 'ready'). Without one the key is stored unwrapped and Settings says so.
   */
  keyProtector?: KeyProtector;
  /** The system folder picker for export and import (dialog.showOpenDialog); null when cancelled. */
  chooseFolder?: (purpose: 'export' | 'import') => Promise<string | null>;
  /** The system file picker for one recording file; null when cancelled. */
  chooseRecordingFile?: () => Promise<string | null>;
  /** Notifications, power state, window and login item for reminders and the tray; inert without. */
  reminders?: Pick<ReminderServiceDeps, 'platform' | 'showWindow' | 'applyStartAtLogin' | 'timer' | 'timeZone'>;
};



export type AppServices = {
  router: Router;
  settings: SettingsStore;
  log: Log;
  info: AppInfo;
  bluetoothChooser: BluetoothChooserState;
  /** Sessions, beats, journal and agreements; close() on quit saves the index snapshot. */
  records: RecordsService;
  /** Reminders, the live status the tray shows, and opening a screen (start() runs the scheduler). */
  reminders: ReminderParts;
  /**
   * Ends the work these services own, on quit or at the end of a test: the reminders (their
   * last write of reminders.json), the records (the index snapshot) and the storage probe
   * started when they were made. Nothing writes into the data folder after it resolves.
   */
  close(): Promise<void>;
};

export function createAppServices(deps: ServiceDeps): AppServices {
  const log = createRotatingLog({ path: join(deps.userDataDir, 'logs', 'attune.log'), now: deps.now });
  const settings = openSettingsStore({ directory: deps.userDataDir, now: deps.now });
  const emitter = createEventEmitter(events, deps.sendEvent);
  const info: AppInfo = {
    name: 'Attune',
    version: deps.appVersion,
    platform: deps.platform === 'darwin' || deps.platform === 'win32' || deps.platform === 'linux' ? deps.platform : 'other',
    dataFolder: deps.userDataDir,
    logFile: log.path,
    storage: { state: 'writable', reason: null },
  };
  const bluetoothChooser = createChooserState({
    timers: deps.timers ?? { setTimeout: (callback, delayMs) => setTimeout(callback, delayMs), clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    now: () => deps.now().getTime(),
    emitChooser: (event) => emitter.emit('bluetooth.chooser', event),
    emitPairing: (event) => emitter.emit('bluetooth.pairing', event),
    rememberedStrap: () => settings.get().devices.rememberedStrap,
  });
  const records = createRecordsService({
    directory: join(deps.userDataDir, 'records'),
    keyProtector: deps.keyProtector ?? NO_KEY_PROTECTOR,
    clock: { nowMs: () => deps.now().getTime() },
  });
  const storage = watchStorage(deps.userDataDir, records, log, (status) => emitter.emit('app.storage', status));
  const reminders = composeReminders({
    ...deps.reminders,
    userDataDir: deps.userDataDir,
    settings,
    records,
    now: deps.now,
    emitNavigate: (request) => emitter.emit('app.navigate', request),
    onProblem: (message) => log.error(`reminders: ${message}`),
  });
  reminders.reminders.subscribe((status) => emitter.emit('reminders.changed', status));
  let lastSettings = settings.get();
  const settingsChanged = (next: typeof lastSettings) => {
    emitter.emit('settings.changed', next);
    reminders.settingsChanged(next, lastSettings);
    lastSettings = next;
  };
  const hiddenItems = createHiddenItemsNotices();
  const contractRouter = createRouter(
    channels,
    {
      ...createAppHandlers({
        info: async () => ({ ...info, storage: await storage.status() }),
        retryStorage: async () => ({ ...info, storage: await storage.retry() }),
        takeNotices: () => [...settings.takeNotices(), ...records.takeNotices(), ...hiddenItems.takeNotices()],
        revealFile: deps.revealFile,
        log,
      }),
      ...createSettingsHandlers(settings, settingsChanged),
      ...createBluetoothHandlers({ chooser: bluetoothChooser, settings, onSettingsChanged: settingsChanged }),
      ...createRecordsHandlers({
        records,
        chooseFolder: deps.chooseFolder ?? (async () => null),
        chooseRecordingFile: deps.chooseRecordingFile ?? (async () => null),
      }),
      ...createRemindersHandlers(reminders.reminders, reminders.liveStatus),
      ...createTrendsHandlers({ records }),
      ...createMomentsHandlers({ records }),
    },
    { isTrustedSender: deps.isTrustedSender, log, onItemsHidden: hiddenItems.onItemsHidden },
  );
  // A save the disk refused (it filled up, or went read-only while Attune ran): look at the
  // folder again, so the window's banner appears before the refusal reaches it.
  const router: Router = {
    ...contractRouter,
    async dispatch(sender, message) {
      const result = await contractRouter.dispatch(sender, message);
      if (!result.ok && (result.error.code === 'storage-full' || result.error.code === 'storage-failed')) await storage.writeRefused();
      return result;
    },
  };
  const close = async (): Promise<void> => {
    // The reminders stop first: they read the records while they run.
    await reminders.stop();
    await Promise.all([records.close(), storage.settled()]);
  };
  return { router, settings, log, info, bluetoothChooser, records, reminders, close };
}
