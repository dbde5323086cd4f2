// app.Jobs: background work (imports, packs) with progress and cancel, polled.
import type { Transport } from './transport';
import { invoke } from './call';
import type { Job as WireJob } from './generated/wire';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** app.Job, with the type of its result when the caller knows it. */
export type Job<R = unknown> = Omit<WireJob, 'result' | 'state'> & { state: JobState | (string & {}); result?: R };

export interface JobsApi {
  get<R = unknown>(id: number): Promise<Job<R>>;
  list(): Promise<Job[]>;
  /** Asks the job to stop; the work decides where it can stop safely. */
  cancel(id: number): Promise<Job>;
}

export function createJobsApi(t: Transport): JobsApi {
  return {
    get: async <R,>(id: number) => (await invoke(t, 'Jobs.Get', id)) as Job<R>,
    list: () => invoke(t, 'Jobs.List'),
    cancel: (id: number) => invoke(t, 'Jobs.Cancel', id),
  };
}

/** Fraction done in [0, 1], or null when the total is unknown. */
export function jobFraction(j: Pick<Job, 'done' | 'total' | 'state'>): number | null {
  if (j.state === 'done') return 1;
  if (!j.total || j.total <= 0) return null;
  return Math.max(0, Math.min(1, j.done / j.total));
}

export interface PollOptions {
  intervalMs?: number;
  signal?: AbortSignal;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * waitForJob polls a job until it leaves "running", reporting every state
 * it sees; resolves with the final job (done, failed or cancelled).
 */
export async function waitForJob<R>(
  jobs: JobsApi,
  id: number,
  onUpdate: (j: Job<R>) => void,
  opts: PollOptions = {},
): Promise<Job<R>> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const interval = opts.intervalMs ?? 250;
  for (;;) {
    const j = await jobs.get<R>(id);
    onUpdate(j);
    if (j.state !== 'running') return j;
    if (opts.signal?.aborted) return j;
    await sleep(interval);
  }
}
