import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { AttuneApi } from '../../../shared/ipc/api.ts';
import { ApiContext } from '../../../renderer/app/attune.ts';
import { useIpcEvent, useIpcQuery } from '../../../renderer/app/ipc-query.ts';
import { createInProcessApi, type InProcessApi } from '../../support/in-process-api.ts';

// How screens read from main, against the real services in process. A gate in front of
// invoke holds answers back, so a test can let them arrive late or out of order.

type Gated = { api: AttuneApi; main: InProcessApi; release(): void; releaseAsk(index: number): void; asked: string[] };

const opened: InProcessApi[] = [];
afterEach(async () => {
  cleanup();
  await Promise.all(opened.splice(0).map((main) => main.close()));
});

function gated(): Gated {
  const main = createInProcessApi();
  opened.push(main);
  const waiting: Array<(() => void) | null> = [];
  const asked: string[] = [];
  const api: AttuneApi = {
    invoke: ((channel: string, input?: unknown) => {
      asked.push(`${channel} ${JSON.stringify(input ?? null)}`);
      return new Promise<void>((resolve) => waiting.push(resolve)).then(() => (main.api.invoke as (c: string, i?: unknown) => Promise<unknown>)(channel, input));
    }) as AttuneApi['invoke'],
    on: main.api.on,
  };
  return {
    api,
    main,
    asked,
    release: () => waiting.forEach((resolve, index) => {
      waiting[index] = null;
      resolve?.();
    }),
    releaseAsk: (index) => {
      waiting[index]?.();
      waiting[index] = null;
    },
  };
}

const wrapperFor = (api: AttuneApi) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <ApiContext value={api}>{children}</ApiContext>;
  };

describe('useIpcQuery', () => {
  it('is loading until main answers, then holds the answer', async () => {
    const { api, release } = gated();
    const { result } = renderHook(() => useIpcQuery('journal.list', {}), { wrapper: wrapperFor(api) });
    expect(result.current.status).toBe('loading');
    act(release);
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.status === 'ready' && result.current.value).toEqual([]);
  });

  it('asks again when the input changes, and drops the older answer that arrives last', async () => {
    const { api, main, releaseAsk, asked } = gated();
    const created = await main.api.invoke('journal.create', { text: 'We talked on the walk home.' });
    if (!created.ok) throw new Error(created.error.message);
    const { result, rerender } = renderHook(({ id }: { id: string }) => useIpcQuery('journal.get', { id }), {
      wrapper: wrapperFor(api),
      initialProps: { id: 'AAAAAAAAAAAAAAAA' },
    });
    rerender({ id: created.value.id });
    expect(asked).toHaveLength(2);
    // The new answer first, then the old one (a not-found) last: the old one must not win.
    act(() => releaseAsk(1));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => releaseAsk(0));
    await waitFor(() => expect(main.pendingCalls()).toBe(0));
    await act(async () => {});
    expect(result.current.status === 'ready' && result.current.value.id).toBe(created.value.id);
  });

  it('says why it failed, with main’s code', async () => {
    const { api, release } = gated();
    const { result } = renderHook(() => useIpcQuery('journal.get', { id: 'AAAAAAAAAAAAAAAA' }), { wrapper: wrapperFor(api) });
    act(release);
    await waitFor(() => expect(result.current.status).toBe('failed'));
    expect(result.current.status === 'failed' && result.current.code).toBe('not-found');
  });

  it('keeps the last answer on screen while a reload is out, and takes the new one', async () => {
    const { api, main, release } = gated();
    const { result } = renderHook(() => useIpcQuery('journal.list', {}), { wrapper: wrapperFor(api) });
    act(release);
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await main.api.invoke('journal.create', { text: 'A small repair after dinner.' });
    act(() => result.current.reload());
    expect(result.current.status === 'ready' && result.current.value).toHaveLength(0);
    act(release);
    await waitFor(() => expect(result.current.status === 'ready' && result.current.value).toHaveLength(1));
  });

  it('takes a saved record into its answer without asking again', async () => {
    const { api, release, asked } = gated();
    const { result } = renderHook(() => useIpcQuery('journal.list', {}), { wrapper: wrapperFor(api) });
    act(release);
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.update((entries) => [...entries, { id: 'saved' } as (typeof entries)[number]]));
    expect(result.current.status === 'ready' && result.current.value.map((e) => e.id)).toEqual(['saved']);
    expect(asked).toHaveLength(1);
  });

  it('drops an answer that arrives after the screen is gone', async () => {
    const { api, main, release } = gated();
    let renders = 0;
    const { unmount } = renderHook(
      () => {
        renders += 1;
        return useIpcQuery('journal.list', {});
      },
      { wrapper: wrapperFor(api) },
    );
    unmount();
    const rendersAtUnmount = renders;
    release();
    await waitFor(() => expect(main.pendingCalls()).toBe(0));
    expect(renders).toBe(rendersAtUnmount);
  });
});

describe('useIpcEvent', () => {
  it('hears main’s events while mounted, with the latest listener, and stops at unmount', async () => {
    const { api, main } = gated();
    const heard: string[] = [];
    const { rerender, unmount } = renderHook(
      ({ tag }: { tag: string }) => useIpcEvent('settings.changed', (settings) => heard.push(`${tag}:${settings.appearance.theme}`)),
      { wrapper: wrapperFor(api), initialProps: { tag: 'first' } },
    );
    await main.api.invoke('settings.update', { appearance: { theme: 'dark' } });
    rerender({ tag: 'second' });
    await main.api.invoke('settings.update', { appearance: { theme: 'light' } });
    unmount();
    await main.api.invoke('settings.update', { appearance: { theme: 'system' } });
    expect(heard).toEqual(['first:dark', 'second:light']);
  });
});
