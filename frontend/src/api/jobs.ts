// app.Jobs: background work (imports, packs) with progress and cancel, polled.
import type { Transport } from './transport';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** app.Job */
export interface Job<R = unknown> {
  id: number;
  kind: string;
  title: string;
  state: JobState;
  /** Progress in the job's own unit (bytes, rows, sections); total 0 = unknown. */
  done: number;
  total: number;
  step?: string;
  error?: string;
  result?: R;
  started: string;
  ended?: string;
  /** Who started it. */
  owner?: string;
}

export interface JobsApi {
  get<R = unknown>(id: number): Promise<Job<R>>;
  list(): Promise<Job[]>;
  /** Asks the job to stop; the work decides where it can stop safely. */
  cancel(id: number): Promise<Job>;
}

export function createJobsApi(t: Transport): JobsApi {
  return {
    get: <R,>(id: number) => t.call<Job<R>>('Jobs', 'Get', [id]),
    list: async () => (await t.call<Job[] | null>('Jobs', 'List')) ?? [],
    cancel: (id: number) => t.call<Job>('Jobs', 'Cancel', [id]),
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
