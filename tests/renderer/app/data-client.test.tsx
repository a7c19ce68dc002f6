import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createApi, type AttuneApi, type Subscribe } from '../../../shared/ipc/api.ts';
import type { JournalEntry } from '../../../shared/model/journal.ts';
import { ApiContext } from '../../../renderer/app/attune.ts';
import { createDataClient, UNREACHABLE_MESSAGE, useDataClient, type ChannelResult, type DataResult } from '../../../renderer/app/data-client.ts';
import { createInProcessApi, type InProcessApi } from '../../support/in-process-api.ts';
import { readLog, resetWindow, settled } from '../support/render-app.tsx';

// The one door from the window to main, against the real services in process: what a
// refusal, a lost link and a success look like to the caller, what reaches the log, and that
// an answer for a component that is gone is dropped.

afterEach(resetWindow);

type RawInvoke = (channel: string, input?: unknown) => Promise<unknown>;

/** main's API with one channel's transport broken, the way the preload or Electron breaks it. */
function breaking(main: InProcessApi, broken: string, how: 'rejects' | 'preload-says-transport' | 'internal'): AttuneApi {
  const real = main.api.invoke as RawInvoke;
  const failing = () => Promise.reject(new Error('the message port closed'));
  if (how === 'preload-says-transport') {
    // The real createApi turns a rejected transport into its own transport result.
    return createApi((channel, payload) => (channel === broken ? failing() : real(channel, payload)), main.api.on as Subscribe);
  }
  const invoke: RawInvoke = (channel, input) => {
    if (channel !== broken) return real(channel, input);
    return how === 'rejects' ? failing() : Promise.resolve({ ok: false, error: { code: 'internal', message: 'Something went wrong inside Attune.' } });
  };
  return { invoke: invoke as AttuneApi['invoke'], on: main.api.on };
}

function windowLines(main: InProcessApi): string[] {
  return readLog(main)
    .split('\n')
    .filter((line) => line.includes('window: '));
}

describe('the data client', () => {
  it('passes a success through, typed by the contract', async () => {
    const main = createInProcessApi();
    const created = await main.api.invoke('journal.create', { text: 'We talked on the walk home.' });
    if (!created.ok) throw new Error(created.error.message);
    const result = await createDataClient(main.api).call('journal.get', { id: created.value.id });
    expectTypeOf<ChannelResult['journal.get']>().toEqualTypeOf<DataResult<JournalEntry>>();
    expect(result.ok && result.value.text).toBe('We talked on the walk home.');
    await settled(main);
    expect(windowLines(main)).toEqual([]);
  });

  it('keeps main’s words for a refusal, and logs nothing', async () => {
    const main = createInProcessApi();
    const direct = await main.api.invoke('journal.get', { id: 'AAAAAAAAAAAAAAAA' });
    const result = await createDataClient(main.api).call('journal.get', { id: 'AAAAAAAAAAAAAAAA' });
    expect(direct.ok).toBe(false);
    expect(result).toEqual({ ok: false, code: 'not-found', message: direct.ok ? null : direct.error.message });
    const invalid = await createDataClient(main.api).call('data.deleteEverything', { confirm: 'delete all' as 'delete everything' });
    expect(invalid.ok === false && invalid.code).toBe('invalid-payload');
    await settled(main);
    expect(windowLines(main)).toEqual([]);
  });

  it.each([
    { how: 'rejects', when: 'the call is rejected' },
    { how: 'preload-says-transport', when: 'the preload answers with a transport error' },
  ] as const)('says plainly that main could not be reached when $when, and logs it once', async ({ how }) => {
    const main = createInProcessApi();
    const result = await createDataClient(breaking(main, 'journal.list', how)).call('journal.list', {});
    expect(result).toEqual({ ok: false, code: 'transport', message: UNREACHABLE_MESSAGE });
    await settled(main);
    const lines = windowLines(main);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/window: journal\.list failed \(transport\)/);
  });

  it('logs a bug main reported, and hands on main’s vague words for it', async () => {
    const main = createInProcessApi();
    const result = await createDataClient(breaking(main, 'agreement.list', 'internal')).call('agreement.list');
    expect(result).toEqual({ ok: false, code: 'internal', message: 'Something went wrong inside Attune.' });
    await settled(main);
    expect(windowLines(main)).toEqual([expect.stringMatching(/window: agreement\.list failed \(internal\): Something went wrong inside Attune\./)]);
  });
});

describe('useDataClient', () => {
  /** main's API with every answer held back until release(). */
  function held(main: InProcessApi): { api: AttuneApi; release(): void } {
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const invoke: RawInvoke = (channel, input) => gate.then(() => (main.api.invoke as RawInvoke)(channel, input));
    return { api: { invoke: invoke as AttuneApi['invoke'], on: main.api.on }, release: () => open() };
  }

  it('drops an answer that arrives after the component unmounted; a detached call still gets its answer', async () => {
    const main = createInProcessApi();
    const { api, release } = held(main);
    let renders = 0;
    const seen: string[] = [];
    const { result, unmount } = renderHook(
      () => {
        renders += 1;
        return useDataClient();
      },
      { wrapper: ({ children }: { children: ReactNode }) => <ApiContext value={api}>{children}</ApiContext> },
    );
    const data = result.current;
    void data.call('journal.list', {}).then(() => seen.push('bound'));
    void data.detached.call('journal.list', {}).then(() => seen.push('detached'));
    unmount();
    const rendersAtUnmount = renders;
    act(release);
    // The bound call was asked first, so its answer is in by the time the detached one is.
    await waitFor(() => expect(seen).toContain('detached'));
    await settled(main);
    expect(seen).toEqual(['detached']);
    expect(renders).toBe(rendersAtUnmount);
  });

  it('answers while the component is mounted', async () => {
    const main = createInProcessApi();
    const { result } = renderHook(() => useDataClient(), {
      wrapper: ({ children }: { children: ReactNode }) => <ApiContext value={main.api}>{children}</ApiContext>,
    });
    const answer = await act(() => result.current.call('app.info'));
    expect(answer.ok && answer.value.version).toBe('0.0.0-test');
  });
});
