// app.Compliance for the portfolio dashboard, the rows behind a figure and the what-if target.
import type { Transport } from './transport';
import { invoke } from './call';
import type {
  Alert,
  Dashboard,
  DashboardQuery,
  DashboardService,
  DashboardSLT,
  DashboardTier,
  DrillRow,
  Row,
  RowsPage,
  RowsQuery as WireRowsQuery,
  RowsTally,
  SparkPoint,
  Status,
  TrendWarning,
  WhatIf,
  WindowBurn,
} from './generated/wire';

export type { Alert, Dashboard, DashboardQuery, DashboardService, DashboardSLT, DashboardTier, DrillRow, RowsPage, RowsTally, SparkPoint, Status, TrendWarning, WhatIf, WindowBurn };

/** compliance.Row: one period of one SLT, tier or composite (null = not applicable or no data). */
export type ReportRow = Row;

export type Rag = 'red' | 'amber' | 'green' | 'none';

export type RowStatus = 'good' | 'bad' | 'excluded' | 'out-of-scope' | 'counted';

/** app.RowsQuery with defaults for what the screen leaves out. */
export type RowsQuery = Pick<WireRowsQuery, 'slt' | 'period'> & Partial<Omit<WireRowsQuery, 'slt' | 'period'>>;

export interface ComplianceApi {
  dashboard(q?: Partial<DashboardQuery>): Promise<Dashboard>;
  rows(q: RowsQuery): Promise<RowsPage>;
  /** Past periods judged at another target; tier: one tier of a tiered SLT. */
  whatIf(slt: string, target: number, tier?: string, at?: string): Promise<WhatIf>;
  /** Every period row of one SLT (its tiers, then its overall rows), and its status now. */
  report(slt: string, at?: string): Promise<SLTReport>;
}

export interface SLTReport {
  rows: ReportRow[];
  status: Status | null;
}

export function createComplianceApi(t: Transport): ComplianceApi {
  return {
    dashboard: (q = {}) =>
      invoke(t, 'Compliance.Dashboard', {
        at: q.at ?? '',
        period: q.period ?? '',
        business_unit: q.business_unit ?? '',
        product_line: q.product_line ?? '',
        supplier: q.supplier ?? '',
        type: q.type ?? '',
      }),
    rows: (q) =>
      invoke(t, 'Compliance.Rows', {
        slt: q.slt,
        tier: q.tier ?? '',
        period: q.period,
        at: q.at ?? '',
        status: q.status ?? '',
        sort: q.sort ?? '',
        offset: q.offset ?? 0,
        limit: q.limit ?? 200,
      }),
    whatIf: (slt, target, tier = '', at = '') => invoke(t, 'Compliance.WhatIf', { slt, tier, target, at }),
    report: async (slt, at = '') => {
      const rep = await invoke(t, 'Compliance.Report', { period: '', slt, at, recent: false });
      return { rows: rep.rows, status: rep.statuses.find((s) => s.slt === slt) ?? null };
    },
  };
}
