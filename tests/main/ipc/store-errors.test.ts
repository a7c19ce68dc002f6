import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRouter, type SenderFrame } from '../../../main/ipc/router.ts';
import { withStoreErrors } from '../../../main/ipc/store-errors.ts';
import { StoreError, type StoreProblem } from '../../../main/store/errors.ts';
import { defineChannel } from '../../../shared/ipc/channel.ts';
import { IpcError } from '../../../shared/ipc/result.ts';

// The stores throw their own errors; the window must still get the code and the
// sentence it got when the store threw IpcErrors itself. The sentences are written out here,
// not imported, so a change to what the user reads is a change to this test too.

const trusted: SenderFrame = { url: 'app://attune/index.html', isMainFrame: true };
const contract = { 'demo.store': defineChannel({ input: z.undefined(), output: z.string(), summary: 'throws what the test sets' }) };

function routerThrowing(error: () => unknown) {
  const logged: string[] = [];
  const router = createRouter(
    contract,
    withStoreErrors<typeof contract>({
      'demo.store': async () => {
        throw error();
      },
    }),
    { isTrustedSender: () => true, log: { error: (message) => logged.push(message) } },
  );
  return { dispatch: () => router.dispatch(trusted, { channel: 'demo.store' }), logged };
}

const CASES: Array<[StoreProblem, string, string]> = [
  [{ code: 'not-found', record: 'session' }, 'not-found', 'There is no session with that id.'],
  [{ code: 'not-found', record: 'journal' }, 'not-found', 'There is no journal entry with that id.'],
  [{ code: 'not-found', record: 'agreement' }, 'not-found', 'There is no agreement with that id.'],
  [{ code: 'conflict', reason: 'changed-since-read' }, 'conflict', 'This entry was changed elsewhere since it was opened. Reload it and try again.'],
  [{ code: 'conflict', reason: 'not-recording' }, 'conflict', 'This session is no longer recording.'],
  [{ code: 'invalid', reason: 'agreement-without-text' }, 'invalid-payload', 'A new agreement needs its text.'],
  [{ code: 'invalid', reason: 'settings-not-valid' }, 'invalid-payload', 'These settings are not valid.'],
  [{ code: 'invalid', reason: 'not-a-file' }, 'invalid-payload', 'That is not a file.'],
  [{ code: 'invalid', reason: 'file-too-large' }, 'invalid-payload', 'That file is too large to be a heart-beat recording.'],
  [
    { code: 'invalid', reason: 'not-a-recording', detail: 'no RR intervals found' },
    'invalid-payload',
    'This file could not be read as a recording: no RR intervals found.',
  ],
  [
    { code: 'damaged', record: 'journal', detail: 'GCM tag mismatch' },
    'corrupt-data',
    'This record was damaged. It has been moved aside to the quarantine folder; everything else is fine.',
  ],
  [{ code: 'newer-version', what: 'record' }, 'unavailable', 'This record was saved by a newer version of Attune.'],
  [{ code: 'newer-version', what: 'export' }, 'unavailable', 'This export was made by a newer version of Attune.'],
  [
    { code: 'not-an-export', reason: 'no-manifest' },
    'not-found',
    'This folder is not a complete Attune export (its manifest.json is missing or unreadable).',
  ],
  [{ code: 'not-an-export', reason: 'other-format' }, 'not-found', 'This folder is not an Attune export.'],
  [{ code: 'closed' }, 'unavailable', 'The records store is closed.'],
  [{ code: 'not-open', problem: null }, 'unavailable', 'The records store is not open.'],
  [{ code: 'not-open', problem: 'The key is missing.' }, 'unavailable', 'The key is missing.'],
  [{ code: 'reopen-failed', problem: null }, 'storage-failed', 'The records store could not be opened after deleting.'],
  [
    { code: 'storage-full', fsCode: 'ENOSPC' },
    'storage-full',
    'The disk is full, so this was not saved. Everything saved before is safe; free some space and try again.',
  ],
  [{ code: 'storage-failed', fsCode: 'EACCES' }, 'storage-failed', 'Attune could not write to its data folder (EACCES). Everything saved before is safe.'],
];

describe('store errors at the IPC boundary', () => {
  it.each(CASES)('%j reaches the window as %s', async (problem, code, message) => {
    const { dispatch, logged } = routerThrowing(() => new StoreError(problem));
    expect(await dispatch()).toEqual({ ok: false, error: { code, message } });
    expect(logged).toEqual([]);
  });

  it('reads file-system errors from outside the store (an export folder) as storage errors', async () => {
    const full = routerThrowing(() => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'EDQUOT' }));
    expect(await full.dispatch()).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    const denied = routerThrowing(() => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    expect(await denied.dispatch()).toEqual({
      ok: false,
      error: { code: 'storage-failed', message: 'Attune could not write to its data folder (EACCES). Everything saved before is safe.' },
    });
  });

  it('passes IpcErrors through and leaves bugs to the router (vague to the window, detail in the log)', async () => {
    const passed = routerThrowing(() => new IpcError('conflict', 'Already done.'));
    expect(await passed.dispatch()).toEqual({ ok: false, error: { code: 'conflict', message: 'Already done.' } });
    const bug = routerThrowing(() => new TypeError('x is undefined'));
    expect(await bug.dispatch()).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(bug.logged.join('\n')).toContain('x is undefined');
  });

  it('keeps the technical detail out of the sentence', async () => {
    const { dispatch } = routerThrowing(() => new StoreError({ code: 'damaged', record: 'session', detail: 'secret detail /home/someone' }));
    expect(JSON.stringify(await dispatch())).not.toContain('secret detail');
  });
});
