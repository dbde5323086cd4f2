// app.Analysis: the statistical reading of one SLT (control chart, trend,
// time to breach, seasonality, baseline band, verdict).
import type { Transport } from './transport';

export interface ChartPoint {
  index: number;
  label: string;
  start: string;
  end: string;
  value: number;
  /** the value before the day-of-week adjustment (adjusted daily series only) */
  raw?: number;
  center: number;
  lcl: number;
  ucl: number;
  met: boolean | null;
  in_baseline: boolean;
  /** phase II: the run rules are read on this point */
  judged: boolean;
  rules: string[];
}

export interface Violation {
  rule: string;
  /** better, worse or unusual, judged by the SLT's op */
  direction: 'better' | 'worse' | 'unusual';
  index: number;
  label: string;
  span_labels: [string, string];
  description: string;
}

export interface ControlChart {
  kind: string;
  why: string;
  center: number;
  sigma: number;
  rules: string;
  points: ChartPoint[];
  violations: Violation[];
}

export interface Trend {
  slope: number;
  slope_ci: [number, number];
  r2: number;
  mann_kendall_p: number;
  significant: boolean;
  direction: string;
  fitted_last: number;
}

export interface TimeToBreach {
  status: string;
  periods_ahead: number | null;
  period?: string;
  horizon: number;
  message: string;
}

export interface SeasonIndex {
  labels: string[];
  index: number[];
  weight: number[];
  mean: number;
  amplitude: number;
  best: string;
  worst: string;
  p: number | null;
}

export interface BandPoint {
  label: string;
  value?: number | null;
  center: number | null;
  lower: number | null;
  upper: number | null;
  outside: boolean;
}

export interface AnalysisResult {
  slt: string;
  tier?: string;
  ratio: boolean;
  unit?: string;
  op: string;
  target: number | null;
  period_kind: string;
  periods: number;
  skipped: { label: string; reason: string }[];
  chart: ControlChart | null;
  trend: Trend | null;
  time_to_breach: TimeToBreach;
  seasonality: { hour_of_day: SeasonIndex | null; day_of_week: SeasonIndex | null; samples: number } | null;
  baseline_band: { method: string; window: number; points: BandPoint[]; outside: string[]; next: BandPoint } | null;
  /** the reference (phase I): chosen (auto) or given */
  baseline: { from: number; to: number; from_label: string; to_label: string; all: boolean; auto: boolean; why: string };
  adjustment: Adjustment | null;
  capability: Capability | null;
  verdict: Verdict;
}

export interface Adjustment {
  kind: string;
  labels: string[];
  index: number[];
  p: number;
  applied: boolean;
  why: string;
}

export interface Capability {
  periods: number;
  missed: number;
  missed_labels: string[];
  expected_miss_share: number | null;
  capable: boolean;
  incapable: boolean;
  text: string;
}

export interface Verdict {
  status: string;
  text: string;
  control: string;
  capability: string;
  trend: string;
  breach: string;
  stable: boolean;
  /** the rules, limits and figures behind the text */
  details: string[];
}

export interface EscalationLevel {
  level: number;
  after?: string;
  authority: string;
  contact?: string;
  communication?: string;
  remediation?: string;
}

/** app.AnalysisDefinition */
export interface AnalysisDefinition {
  name: string;
  display_name: string;
  service: string;
  type: string;
  owner: string;
  feed?: string;
  indicator: string;
  statistic?: string;
  period: string;
  time_zone: string;
  supplier?: string;
  op: string;
  target: number | null;
  objective: string;
  tiers: { name: string; calendar?: string; op?: string; target: number }[];
  tier?: string;
  assumptions: { expectedVolume?: string; dependencies?: string[]; notes?: string[] } | null;
  escalation: EscalationLevel[];
}

/** app.SLTAnalysis */
export interface SLTAnalysis {
  at: string;
  definition: AnalysisDefinition;
  analysis: AnalysisResult;
}

export interface AnalysisQuery {
  slt: string;
  tier?: string;
  at?: string;
  from?: string;
  to?: string;
}

export interface AnalysisApi {
  slt(q: AnalysisQuery): Promise<SLTAnalysis>;
}

const arr = <T,>(v: T[] | null | undefined): T[] => v ?? [];

export function createAnalysisApi(t: Transport): AnalysisApi {
  return {
    slt: async (q) => {
      const r = await t.call<SLTAnalysis>('Analysis', 'SLT', [
        { slt: q.slt, tier: q.tier ?? '', at: q.at ?? '', from: q.from ?? '', to: q.to ?? '', baseline: '', chart: '', rules: '' },
      ]);
      const a = r.analysis;
      return {
        ...r,
        definition: { ...r.definition, tiers: arr(r.definition?.tiers), escalation: arr(r.definition?.escalation) },
        analysis: {
          ...a,
          skipped: arr(a.skipped),
          chart: a.chart ? { ...a.chart, points: arr(a.chart.points).map((p) => ({ ...p, rules: arr(p.rules) })), violations: arr(a.chart.violations) } : null,
          baseline_band: a.baseline_band ? { ...a.baseline_band, points: arr(a.baseline_band.points), outside: arr(a.baseline_band.outside) } : null,
        },
      };
    },
  };
}
