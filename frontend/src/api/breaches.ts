// app.Compliance's breach log: missed periods ranked by priority (Pareto), false positives.
import type { Transport } from './transport';

/** compliance.Breach */
export interface Breach {
  /** slt[/tier]@period */
  id: string;
  slt: string;
  tier: string;
  period: string;
  start: string;
  end: string;
  attainment: number | null;
  target: number | null;
  op: string;
  /** A statistic's unit ("ms"): attainment, target and shortfall are in it. Shares have none. */
  unit?: string;
  shortfall: number;
  bad_minutes: number | null;
  bad_items: number | null;
  /** shortfall ÷ the shortfall the objective allows */
  budgets_overspent: number;
  allowance: number;
  weight: number;
  /** weight × budgets overspent: one unit for every kind of SLT */
  impact: number;
  impact_rule: string;
  /** money: cost per bad minute × bad minutes, where priced (not ranked) */
  cost?: number;
  frequency: number;
  duration: number;
  priority: number;
  pareto_rank: number;
  pareto_cumulative_share: number;
  vital_few: boolean;
  false_positive: boolean;
  false_positive_reason?: string;
  false_positive_by?: string;
}

/** app.BreachLog */
export interface BreachLog {
  at: string;
  since?: string;
  breaches: Breach[];
}

/** app.BreachQuery: since is a period key (2026-03) or a date; at empty = now. */
export interface BreachQuery {
  since?: string;
  at?: string;
}

export interface BreachesApi {
  list(q?: BreachQuery): Promise<BreachLog>;
}

export function createBreachesApi(t: Transport): BreachesApi {
  return {
    list: async (q = {}) => {
      const log = await t.call<BreachLog>('Compliance', 'Breaches', [{ since: q.since ?? '', at: q.at ?? '' }]);
      return { ...log, breaches: log?.breaches ?? [] };
    },
  };
}
