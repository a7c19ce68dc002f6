import type { ChannelSpec } from '../../shared/ipc/channel.ts';
import { IpcError, type IpcErrorCode } from '../../shared/ipc/result.ts';
import {
  READ_ONLY_WORDS,
  RECORD_ERROR_WORDS,
  STORAGE_ERROR_WORDS,
  TRANSFER_ERROR_WORDS,
  type StoredThing,
} from '../../shared/content/store-messages.ts';
import { StoreError, toStoreError, type StoreProblem } from '../store/errors.ts';
import type { RecordKind } from '../store/layout.ts';
import type { ContractHandlers } from './router.ts';

// Where the stores' errors meet the window: each StoreError becomes the IpcError
// code and the plain sentence the renderer shows (the words are in
// shared/content/store-messages.ts). File-system errors that reach a handler from outside the
// store (an export folder that cannot be written) are read the same way, as storage errors.

const THING: Record<RecordKind, StoredThing> = { session: 'session', journal: 'journal entry', agreement: 'agreement' };

const INVALID_WORDS = {
  'agreement-without-text': () => RECORD_ERROR_WORDS.agreementNeedsText,
  'settings-not-valid': () => RECORD_ERROR_WORDS.settingsNotValid,
  'not-a-file': () => TRANSFER_ERROR_WORDS.notAFile,
  'file-too-large': () => TRANSFER_ERROR_WORDS.fileTooLarge,
  'not-a-recording': (detail?: string) => TRANSFER_ERROR_WORDS.notARecording(detail ?? 'its contents were not understood'),
  'record-not-valid': () => RECORD_ERROR_WORDS.recordNotValid,
} as const;

const CONFLICT_WORDS = {
  'changed-since-read': RECORD_ERROR_WORDS.entryChangedElsewhere,
  'not-recording': RECORD_ERROR_WORDS.sessionNotRecording,
  'still-recording': RECORD_ERROR_WORDS.sessionStillRecording,
} as const;

function answer(problem: StoreProblem): [IpcErrorCode, string] {
  switch (problem.code) {
    case 'not-found':
      return ['not-found', problem.place === 'trash' ? RECORD_ERROR_WORDS.sessionNoLongerInTrash : RECORD_ERROR_WORDS.noSuchRecord(THING[problem.record])];
    case 'conflict':
      return ['conflict', CONFLICT_WORDS[problem.reason]];
    case 'invalid':
      return ['invalid-payload', INVALID_WORDS[problem.reason](problem.detail)];
    case 'damaged':
      return ['corrupt-data', RECORD_ERROR_WORDS.recordDamaged];
    case 'newer-version':
      return ['unavailable', problem.what === 'record' ? RECORD_ERROR_WORDS.recordFromNewerVersion : TRANSFER_ERROR_WORDS.exportFromNewerVersion];
    case 'not-an-export':
      return ['not-found', problem.reason === 'no-manifest' ? TRANSFER_ERROR_WORDS.exportIncomplete : TRANSFER_ERROR_WORDS.notAnExport];
    case 'closed':
      return ['unavailable', RECORD_ERROR_WORDS.storeClosed];
    case 'not-open':
      return ['unavailable', problem.problem ?? RECORD_ERROR_WORDS.storeNotOpen];
    case 'reopen-failed':
      return ['storage-failed', problem.problem ?? RECORD_ERROR_WORDS.storeNotReopened];
    case 'storage-full':
      return ['storage-full', STORAGE_ERROR_WORDS.diskFull];
    case 'storage-failed':
      return ['storage-failed', STORAGE_ERROR_WORDS.couldNotWrite(problem.fsCode)];
    case 'read-only':
      return [problem.reason === 'disk-full' ? 'storage-full' : 'storage-failed', READ_ONLY_WORDS.writeRefused];
  }
}

/** The IpcError the window gets for a store error. */
export function storeErrorToIpc(error: StoreError): IpcError {
  const [code, message] = answer(error.problem);
  return new IpcError(code, message);
}

/** Store and file-system errors become IpcErrors; anything else (an IpcError, a bug) is returned as it is. */
export function toIpcError(error: unknown): unknown {
  if (error instanceof IpcError) return error;
  const stored = toStoreError(error);
  return stored instanceof StoreError ? storeErrorToIpc(stored) : stored;
}

/** Wraps every handler of a channel group so the store's errors reach the router as IpcErrors. */
export function withStoreErrors<C extends Record<string, ChannelSpec>>(handlers: ContractHandlers<C>): ContractHandlers<C> {
  const wrapped: Partial<ContractHandlers<C>> = {};
  for (const name of Object.keys(handlers) as Array<keyof C>) {
    const handler = handlers[name];
    wrapped[name] = (async (input: never, context: never) => {
      try {
        return await handler(input, context);
      } catch (error) {
        throw toIpcError(error);
      }
    }) as ContractHandlers<C>[keyof C];
  }
  return wrapped as ContractHandlers<C>;
}
