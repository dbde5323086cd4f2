// app.Compliance's breach log: missed periods ranked by priority (Pareto), false positives.
import type { Transport } from './transport';
import { invoke } from './call';
import type { Breach, BreachLog, BreachQuery } from './generated/wire';

export type { Breach, BreachLog, BreachQuery };

export interface BreachesApi {
  /** since is a period key (2026-03) or a date; at empty = now. */
  list(q?: Partial<BreachQuery>): Promise<BreachLog>;
}

export function createBreachesApi(t: Transport): BreachesApi {
  return {
    list: (q = {}) => invoke(t, 'Compliance.Breaches', { since: q.since ?? '', at: q.at ?? '' }),
  };
}
