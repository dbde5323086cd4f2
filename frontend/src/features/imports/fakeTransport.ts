// A Transport for component tests: each "Service.Method" answers from a handler.
import { vi } from 'vitest';
import type { Transport } from '../../api';

export type Handlers = Record<string, (...args: any[]) => unknown>;

export function fakeTransport(handlers: Handlers, mode: 'browser' | 'desktop' = 'browser') {
  const call = vi.fn(async (service: string, method: string, args: unknown[] = []) => {
    const h = handlers[`${service}.${method}`];
    if (!h) throw new Error(`unexpected call ${service}.${method}`);
    return h(...args);
  });
  const transport: Transport = { mode, call: call as Transport['call'] };
  /** The arguments of every call to Service.Method. */
  const calls = (name: string) => call.mock.calls.filter(([s, m]) => `${s}.${m}` === name).map((c) => c[2] ?? []);
  return { transport, call, calls };
}
