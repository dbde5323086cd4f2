import { openTheLink } from './token';

/**
 * ApiError is what every failed call to Go becomes: an Error whose message is
 * the Go error text. status is the HTTP status in the browser, undefined in
 * the window.
 */
export class ApiError extends Error {
  readonly status?: number;
  /** "Service.Method" that failed, for logs. */
  readonly call: string;

  constructor(message: string, call: string, status?: number) {
    super(message);
    this.name = 'ApiError';
    this.call = call;
    this.status = status;
  }
}

/**
 * toError turns whatever a Wails promise rejected with into an ApiError.
 * Wails v2 rejects with the Go error string; be liberal anyway (Error
 * objects, {message}/{error} objects from a custom error formatter).
 */
export function toError(reason: unknown, call: string): ApiError {
  if (reason instanceof ApiError) return reason;
  if (reason instanceof Error) return new ApiError(reason.message || fallback(call), call);
  if (typeof reason === 'string') return new ApiError(reason.trim() || fallback(call), call);
  if (reason && typeof reason === 'object') {
    const r = reason as Record<string, unknown>;
    for (const key of ['message', 'error', 'Message', 'Error']) {
      if (typeof r[key] === 'string' && r[key]) return new ApiError(r[key] as string, call);
    }
    try {
      return new ApiError(JSON.stringify(reason), call);
    } catch {
      /* fall through */
    }
  }
  return new ApiError(fallback(call), call);
}

function fallback(call: string): string {
  return `${call} failed without a message`;
}

/**
 * httpError builds the ApiError for a non-2xx response of `slate serve`.
 * The body is the Go error: JSON {"error": "..."} (or {"message": "..."}) or plain text.
 */
export function httpError(status: number, statusText: string, body: string, call: string): ApiError {
  // A person in the browser cannot send an Authorization header: tell them to open the printed link.
  if (status === 401) return new ApiError(openTheLink(), call, status);
  const text = body.trim();
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'string' && parsed) return new ApiError(parsed, call, status);
      if (parsed && typeof parsed === 'object') {
        const r = parsed as Record<string, unknown>;
        for (const key of ['error', 'message']) {
          if (typeof r[key] === 'string' && r[key]) return new ApiError(r[key] as string, call, status);
        }
      }
    } catch {
      // plain text body: the message itself
      if (!text.startsWith('<')) return new ApiError(text, call, status);
    }
  }
  if (status === 403) return new ApiError(`not allowed: ${call} (ask the workspace owner)`, call, status);
  return new ApiError(`${call}: HTTP ${status}${statusText ? ` ${statusText}` : ''}`, call, status);
}
