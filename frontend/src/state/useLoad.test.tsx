import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLoad } from './useLoad';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('loads, keeps the answer while reloading, and reports a failure with the last answer kept', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let n = 0;
    const { result } = renderHook(() => useLoad(() => answers[n++].promise, []));
    expect(result.current).toMatchObject({ data: null, error: null, loading: true });
    await act(async () => answers[0].resolve('first'));
    expect(result.current).toMatchObject({ data: 'first', error: null, loading: false });
    let again!: Promise<void>;
    act(() => {
      again = result.current.reload();
    });
    expect(result.current).toMatchObject({ data: 'first', loading: true });
    await act(async () => {
      answers[1].reject('database in use');
      await again;
    });
    expect(result.current.data).toBe('first');
    expect(result.current.error?.message).toBe('database in use');
  });

  it('drops the answer to another question, keeps it while refreshing the same one', async () => {
    let version = 1;
    const { result, rerender } = renderHook(({ q, v }) => useLoad(async () => `${q}${version}`, [q], { refresh: v }), {
      initialProps: { q: 'a', v: 1 },
    });
    await waitFor(() => expect(result.current.data).toBe('a1'));
    version = 2;
    rerender({ q: 'a', v: 2 });
    expect(result.current.data).toBe('a1');
    await waitFor(() => expect(result.current.data).toBe('a2'));
    rerender({ q: 'b', v: 2 });
    expect(result.current.data).toBeNull();
    await waitFor(() => expect(result.current.data).toBe('b2'));
  });

  it('drops an answer that arrives after a newer request started', async () => {
    const slow = deferred<string>();
    const { result, rerender } = renderHook(({ q }) => useLoad(() => (q === 'a' ? slow.promise : Promise.resolve('b')), [q]), {
      initialProps: { q: 'a' },
    });
    rerender({ q: 'b' });
    await waitFor(() => expect(result.current.data).toBe('b'));
    await act(async () => slow.resolve('a'));
    expect(result.current.data).toBe('b');
  });

  it('waits while not enabled', async () => {
    let calls = 0;
    const { result, rerender } = renderHook(({ on }) => useLoad(async () => ++calls, [], { enabled: on }), { initialProps: { on: false } });
    expect(calls).toBe(0);
    rerender({ on: true });
    await waitFor(() => expect(result.current.data).toBe(1));
  });
});
