// The two ways the UI reaches Go. This folder is the only code that knows
// about Wails or HTTP; everything else uses the typed client in client.ts.
import { ApiError, httpError, toError } from './errors';
import { readToken } from './token';

/** Go package whose structs the window binds: window.go.<package>.<Struct>.<Method>. */
export const GO_PACKAGE = 'app';

export type Mode = 'desktop' | 'browser';

export interface Transport {
  readonly mode: Mode;
  /** Calls the bound Go method Service.Method with positional args; rejects with ApiError. */
  call<T>(service: string, method: string, args?: unknown[]): Promise<T>;
}

type BoundMethod = (...args: unknown[]) => Promise<unknown>;

/** What the Wails v2 runtime injects into the window. */
export interface WailsGlobals {
  go?: Record<string, Record<string, Record<string, BoundMethod | undefined> | undefined> | undefined>;
  runtime?: { WindowSetTitle?: (title: string) => void };
  WailsInvoke?: (message: string) => void;
  location?: { protocol: string };
}

/** isDesktop reports whether the page runs inside the Wails window. */
export function isDesktop(win: WailsGlobals): boolean {
  return (
    typeof win.go === 'object' ||
    typeof win.WailsInvoke === 'function' ||
    win.location?.protocol === 'wails:'
  );
}

/** wailsTransport calls the methods Wails bound into the window. */
export function wailsTransport(win: WailsGlobals): Transport {
  return {
    mode: 'desktop',
    async call<T>(service: string, method: string, args: unknown[] = []): Promise<T> {
      const name = `${service}.${method}`;
      const fn = win.go?.[GO_PACKAGE]?.[service]?.[method];
      if (typeof fn !== 'function') {
        throw new ApiError(
          `${name} is not bound in this window (is this Slate build older than the UI?)`,
          name,
        );
      }
      try {
        return (await fn(...args)) as T;
      } catch (reason) {
        throw toError(reason, name);
      }
    },
  };
}

export interface HttpOptions {
  /** Origin + path prefix of `slate serve`; default: same origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Returns the bearer token; default: the one taken from ?token= at start-up. */
  token?: () => string | null;
}

/** httpTransport POSTs the JSON array of args to `slate serve` at /api/<Service>/<Method>. */
export function httpTransport(opts: HttpOptions = {}): Transport {
  const base = (opts.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  const token = opts.token ?? (() => readToken());
  return {
    mode: 'browser',
    async call<T>(service: string, method: string, args: unknown[] = []): Promise<T> {
      const name = `${service}.${method}`;
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        Accept: 'application/json',
      };
      const t = token();
      if (t) headers.Authorization = `Bearer ${t}`;
      let res: Response;
      try {
        res = await doFetch(`${base}/api/${encodeURIComponent(service)}/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(args),
        });
      } catch (reason) {
        const why = reason instanceof Error ? reason.message : String(reason);
        throw new ApiError(`cannot reach the Slate server (${why})`, name);
      }
      const body = await res.text();
      if (!res.ok) throw httpError(res.status, res.statusText, body, name);
      if (!body.trim()) return undefined as T;
      try {
        return JSON.parse(body) as T;
      } catch {
        throw new ApiError(`${name}: the server sent a response that is not JSON`, name, res.status);
      }
    },
  };
}
