// A Transport for component tests: each "Service.Method" answers from a handler.
import { vi } from 'vitest';
import type { Transport } from '../../api';
import type { Me } from '../../api/session';
import openapi from '../../../../docs/openapi.json';

export type Handlers = Record<string, (...args: any[]) => unknown>;

/** Every API method, read from the generated docs/openapi.json (so it follows the Go services). */
export const ALL_METHODS = Object.keys(openapi.paths).map((p) => p.replace(/^\/api\//, ''));

/** A signed-in admin: may call everything (what Session.Me answers unless a test says otherwise). */
export const adminMe: Me = { name: 'tester', role: 'admin', rights: [], methods: ALL_METHODS };

export function fakeTransport(handlers: Handlers, mode: 'browser' | 'desktop' = 'browser') {
  handlers = { 'Session.Me': () => adminMe, ...handlers };
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
