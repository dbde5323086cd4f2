// useJob starts a background job (Go's Jobs), polls it until it ends, and cancels it on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api';
import { type Job, waitForJob } from '../../api/jobs';

export interface JobHandle<R> {
  job: Job<R> | null;
  /** An error starting or polling the job (a failed job has job.state "failed" instead). */
  error: Error | null;
  running: boolean;
  run: (start: () => Promise<number>) => Promise<Job<R> | null>;
  cancel: () => Promise<void>;
  reset: () => void;
}

export function useJob<R>(intervalMs = 200): JobHandle<R> {
  const api = useApi();
  const [job, setJob] = useState<Job<R> | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [running, setRunning] = useState(false);
  const alive = useRef(true);
  const current = useRef<number | null>(null);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async (start: () => Promise<number>) => {
      setError(null);
      setJob(null);
      setRunning(true);
      try {
        const id = await start();
        current.current = id;
        const final = await waitForJob<R>(api.jobs, id, (j) => {
          if (alive.current && current.current === id) setJob(j);
        }, { intervalMs });
        return final;
      } catch (e) {
        if (alive.current) setError(e instanceof Error ? e : new Error(String(e)));
        return null;
      } finally {
        if (alive.current) setRunning(false);
      }
    },
    [api, intervalMs],
  );

  const cancel = useCallback(async () => {
    const id = current.current;
    if (id === null) return;
    try {
      const j = await api.jobs.cancel(id);
      if (alive.current && current.current === id) setJob(j as Job<R>);
    } catch (e) {
      if (alive.current) setError(e instanceof Error ? e : new Error(String(e)));
    }
  }, [api]);

  const reset = useCallback(() => {
    current.current = null;
    setJob(null);
    setError(null);
    setRunning(false);
  }, []);

  return { job, error, running, run, cancel, reset };
}
