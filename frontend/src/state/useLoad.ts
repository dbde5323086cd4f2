// useLoad is how a screen reads from Go: it runs the fetch when its inputs
// change and on reload(), keeps the last answer while a new one loads (so a
// reload does not blank the screen), keeps the error of the last attempt,
// and drops an answer that arrives after a newer request started.
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';

/** errorOf turns whatever a promise rejected with into an Error. */
export const errorOf = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

export interface Load<T> {
  /** The last answer; null until the first one arrives. */
  data: T | null;
  /** Why the last attempt failed; null while it runs and after it succeeded. */
  error: Error | null;
  loading: boolean;
  /** Fetches again (after a change, or Try again); resolves when done. */
  reload: () => Promise<void>;
}

export interface LoadOptions {
  /** false: wait (nothing is fetched, data stays as it is). */
  enabled?: boolean;
  /** When this changes, fetch again keeping the answer on screen (the same question, newer data). */
  refresh?: unknown;
}

/**
 * useLoad(fetch, deps): fetch runs when deps change (a new question: the old
 * answer is dropped) and when options.refresh changes or reload() is called
 * (the same question: the old answer stays until the new one arrives).
 */
export function useLoad<T>(fetch: () => Promise<T>, deps: DependencyList, options: LoadOptions = {}): Load<T> {
  const { enabled = true, refresh } = options;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(enabled);
  const ticket = useRef(0);
  // The caller's deps decide when fetch is a new question.
  const run = useCallback(fetch, deps);
  const asked = useRef(run);
  const reload = useCallback(async () => {
    const mine = ++ticket.current;
    setError(null);
    setLoading(true);
    try {
      const v = await run();
      if (mine === ticket.current) setData(v);
    } catch (e) {
      if (mine === ticket.current) setError(errorOf(e));
    } finally {
      if (mine === ticket.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    if (!enabled) return;
    if (asked.current !== run) {
      asked.current = run;
      setData(null);
    }
    reload();
  }, [reload, run, enabled, refresh]);
  return { data, error, loading, reload };
}
