// app.Analysis: the statistical reading of one SLT (control chart, trend,
// time to breach, seasonality, baseline band, verdict).
import type { Transport } from './transport';
import { invoke } from './call';
import type {
  Adjustment,
  AnalysisBreach,
  AnalysisDefinition,
  BandPoint,
  Capability,
  Chart,
  ChartPoint,
  EscalationLevel,
  Result,
  SLTAnalysis,
  SeasonIndex,
  Trend,
  Verdict,
  Violation,
} from './generated/wire';

export type { Adjustment, AnalysisDefinition, BandPoint, Capability, ChartPoint, EscalationLevel, SLTAnalysis, SeasonIndex, Trend, Verdict, Violation };

/** analysis.Chart: the control chart of the SLT's periods. */
export type ControlChart = Chart;
/** analysis.Breach: when the fitted trend reaches the target. */
export type TimeToBreach = AnalysisBreach;
/** analysis.Result: one SLT's periods read with statistics. */
export type AnalysisResult = Result;

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

export function createAnalysisApi(t: Transport): AnalysisApi {
  return {
    slt: (q) =>
      invoke(t, 'Analysis.SLT', { slt: q.slt, tier: q.tier ?? '', at: q.at ?? '', from: q.from ?? '', to: q.to ?? '', baseline: '', chart: '', rules: '' }),
  };
}
